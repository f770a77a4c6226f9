/**
 * The SSL certificate service's side of the emulator (service `ssl`, version 2019-12-05): the
 * certificates an account holds, and `DescribeCertificates` over them. Seeded with a few
 * certificates whose dates are relative to the emulator's clock at start (one of them already
 * expired), plus any loaded from `--certificates FILE`. See docs/emulator.md.
 */
import { readFileSync } from 'node:fs';
import { isPlainObject } from '../core/json.js';
import { ApiFault, fault } from './api-error.js';
import { EmulatorConfigError } from './config.js';
import { checkShape, type Shape } from './params.js';
import { formatCreateTime } from './time.js';
import type { ActionHandler } from './actions.js';
import type { CertificateRecord } from './types.js';
import type { SSL_ACTIONS_SERVED } from './catalog.js';

export type { CertificateRecord } from './types.js';

export { SSL_VERSION } from './catalog.js';

const DAY_MS = 86_400_000;

/** A few certificates to pick from: RSA and ECC for one name, an expired one, a client CA. */
export function seedCertificates(nowMs: number): CertificateRecord[] {
  const at = (days: number): string => formatCreateTime(nowMs + days * DAY_MS);
  const base = { From: 'upload', ProjectId: '0', InsertTime: at(-30) };
  return [
    {
      ...base,
      CertificateId: 'EmuRsa01',
      CertificateType: 'SVR',
      Domain: 'www.example.com',
      Alias: 'www-example-com-rsa',
      SubjectAltName: ['www.example.com', 'example.com'],
      EncryptAlgorithm: 'RSA',
      CertBeginTime: at(-30),
      CertEndTime: at(335),
    },
    {
      ...base,
      CertificateId: 'EmuEcc01',
      CertificateType: 'SVR',
      Domain: 'www.example.com',
      Alias: 'www-example-com-ecc',
      SubjectAltName: ['www.example.com', 'example.com'],
      EncryptAlgorithm: 'ECC',
      CertBeginTime: at(-30),
      CertEndTime: at(335),
    },
    {
      ...base,
      CertificateId: 'EmuOld01',
      CertificateType: 'SVR',
      Domain: 'old.example.com',
      Alias: 'old-example-com',
      SubjectAltName: ['old.example.com'],
      EncryptAlgorithm: 'RSA',
      CertBeginTime: at(-400),
      CertEndTime: at(-35),
      InsertTime: at(-400),
    },
    {
      ...base,
      CertificateId: 'EmuCa001',
      CertificateType: 'CA',
      Domain: 'clb-listener Test CA',
      Alias: 'clients-ca',
      SubjectAltName: [],
      EncryptAlgorithm: 'RSA',
      CertBeginTime: at(-30),
      CertEndTime: at(3620),
    },
  ];
}

// ---- --certificates FILE -----------------------------------------------------------------

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function certificateFrom(input: unknown, index: number, nowMs: number): CertificateRecord {
  const where = `certificate ${index + 1}`;
  if (!isPlainObject(input)) throw new EmulatorConfigError(`${where}: must be a JSON object`, '--certificates');
  const text = (name: string, fallback?: string): string => {
    const value = input[name] ?? fallback;
    if (typeof value !== 'string' || value === '')
      throw new EmulatorConfigError(`${where}: ${name} must be a non-empty string`, '--certificates');
    return value;
  };
  const type = text('CertificateType', 'SVR');
  if (type !== 'SVR' && type !== 'CA') throw new EmulatorConfigError(`${where}: CertificateType must be SVR or CA`, '--certificates');
  const domain = text('Domain');
  const begin = text('CertBeginTime', formatCreateTime(nowMs - DAY_MS));
  const end = text('CertEndTime', formatCreateTime(nowMs + 365 * DAY_MS));
  for (const [name, value] of [
    ['CertBeginTime', begin],
    ['CertEndTime', end],
  ] as const) {
    if (!TIME.test(value)) throw new EmulatorConfigError(`${where}: ${name} must look like 2026-01-31 23:59:59`, '--certificates');
  }
  const sans = input.SubjectAltName ?? (type === 'SVR' ? [domain] : []);
  if (!Array.isArray(sans) || !sans.every((s) => typeof s === 'string')) {
    throw new EmulatorConfigError(`${where}: SubjectAltName must be an array of strings`, '--certificates');
  }
  return {
    CertificateId: text('CertificateId'),
    CertificateType: type,
    Domain: domain,
    Alias: text('Alias', domain),
    SubjectAltName: sans,
    EncryptAlgorithm: text('EncryptAlgorithm', 'RSA'),
    CertBeginTime: begin,
    CertEndTime: end,
    From: text('From', 'upload'),
    ProjectId: text('ProjectId', '0'),
    InsertTime: text('InsertTime', begin),
  };
}

/**
 * Certificates from a JSON file: an array of `Certificates` objects, or `{"Certificates": […]}`
 * (a saved DescribeCertificates answer). Only CertificateId and Domain are required.
 */
export function loadCertificatesFile(path: string, nowMs: number): CertificateRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new EmulatorConfigError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, '--certificates');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new EmulatorConfigError(`${path} is not valid JSON`, '--certificates');
  }
  const list = Array.isArray(parsed) ? parsed : isPlainObject(parsed) ? parsed.Certificates : undefined;
  if (!Array.isArray(list))
    throw new EmulatorConfigError(`${path}: expected an array of certificates or {"Certificates": […]}`, '--certificates');
  const records = list.map((item, index) => certificateFrom(item, index, nowMs));
  const ids = new Set<string>();
  for (const record of records) {
    if (ids.has(record.CertificateId))
      throw new EmulatorConfigError(`${path}: CertificateId ${record.CertificateId} appears twice`, '--certificates');
    ids.add(record.CertificateId);
  }
  return records;
}

// ---- DescribeCertificates ----------------------------------------------------------------

/** Status 1 is "approved", 3 "expired"; the emulator holds only usable or expired certificates. */
function statusOf(record: CertificateRecord, nowMs: number): { Status: number; StatusName: string } {
  return Date.parse(`${record.CertEndTime.replace(' ', 'T')}+08:00`) < nowMs
    ? { Status: 3, StatusName: 'Expired' }
    : { Status: 1, StatusName: 'Approved' };
}

/** The answer's view of a record: what the service returns, with status from the clock. */
export function certificateView(record: CertificateRecord, nowMs: number): Record<string, unknown> {
  const status = statusOf(record, nowMs);
  const endMs = Date.parse(`${record.CertEndTime.replace(' ', 'T')}+08:00`);
  return {
    ...record,
    ...status,
    Deployable: status.Status === 1,
    IsExpiring: status.Status === 1 && endMs - nowMs < 30 * DAY_MS,
    IsSM: record.EncryptAlgorithm === 'SM2',
  };
}

interface DescribeCertificatesInput {
  Offset?: number;
  Limit?: number;
  SearchKey?: string;
  CertificateType?: string;
  ExpirationSort?: string;
  CertificateStatus?: number[];
  CertIds?: string[];
  Deployable?: number;
}

/** The documented inputs; the ones not modelled (projects, tags, renewals…) are accepted and ignored. */
const DESCRIBE_CERTIFICATES_SHAPE: Shape = {
  Offset: 'integer',
  Limit: 'integer',
  SearchKey: 'string',
  CertificateType: 'string',
  ProjectId: 'integer',
  ExpirationSort: 'string',
  CertificateStatus: { array: 'integer' },
  Deployable: 'integer',
  Upload: 'integer',
  Renew: 'integer',
  FilterSource: 'string',
  IsSM: 'integer',
  FilterExpiring: 'integer',
  Hostable: 'integer',
  Tags: { array: 'any' },
  IsPendingIssue: 'integer',
  CertIds: { array: 'string' },
  ServiceId: 'string',
};

/** The service's default page is 10 and its largest 1000 (larger values are read as 1000). */
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1000;

const describeCertificates: ActionHandler = (body, ctx) => {
  const input = checkShape<DescribeCertificatesInput>(body, DESCRIBE_CERTIFICATES_SHAPE);
  if (input.Offset !== undefined && input.Offset < 0) throw fault.range('Offset', '>= 0');
  if (input.Limit !== undefined && input.Limit < 0) throw fault.range('Limit', '>= 0');
  if (input.CertificateType !== undefined && input.CertificateType !== 'CA' && input.CertificateType !== 'SVR') {
    throw new ApiFault('FailedOperation.InvalidParam', 'CertificateType must be CA or SVR.');
  }
  if (input.ExpirationSort !== undefined && input.ExpirationSort !== 'ASC' && input.ExpirationSort !== 'DESC') {
    throw new ApiFault('FailedOperation.InvalidParam', 'ExpirationSort must be ASC or DESC.');
  }
  const now = ctx.clock();
  const key = input.SearchKey?.toLowerCase();
  let views = ctx.store.certificates
    .map((record) => certificateView(record, now))
    .filter((c) => input.CertificateType === undefined || c.CertificateType === input.CertificateType)
    .filter((c) => !input.CertIds || input.CertIds.includes(c.CertificateId as string))
    .filter((c) => !input.CertificateStatus || input.CertificateStatus.includes(c.Status as number))
    .filter((c) => input.Deployable === undefined || c.Deployable === (input.Deployable === 1))
    .filter(
      (c) =>
        key === undefined ||
        [c.CertificateId, c.Alias, c.Domain, ...(c.SubjectAltName as string[])].some((s) => String(s).toLowerCase().includes(key)),
    );
  // Without ExpirationSort the service lists the newest first.
  views =
    input.ExpirationSort === undefined
      ? views.sort((a, b) => String(b.InsertTime).localeCompare(String(a.InsertTime)))
      : views.sort((a, b) => String(a.CertEndTime).localeCompare(String(b.CertEndTime)) * (input.ExpirationSort === 'ASC' ? 1 : -1));
  const offset = input.Offset ?? 0;
  const limit = Math.min(input.Limit || DEFAULT_LIMIT, MAX_LIMIT);
  return { TotalCount: views.length, Certificates: views.slice(offset, offset + limit) };
};

export const SSL_ACTIONS: Readonly<Record<(typeof SSL_ACTIONS_SERVED)[number], ActionHandler>> = {
  DescribeCertificates: describeCertificates,
};
