/**
 * TC3-HMAC-SHA256 verification, using the project's own signer functions. Recomputes the
 * signature from what actually arrived: the exact body bytes, the headers the Authorization
 * header says were signed, and the Host header both as received and without its port, because
 * clients differ (the official Node SDK signs the URL's hostname, others sign `host:port`).
 *
 * Codes: missing/unparseable header, or a SignedHeaders list without content-type and host →
 * AuthFailure.InvalidAuthorization; unknown SecretId → AuthFailure.SecretIdNotFound; timestamp
 * more than 300 s from the emulator's clock → AuthFailure.SignatureExpire; a scope whose service
 * is not the one addressed (`clb`, `ssl`) or whose date is not the timestamp's UTC date, a signed header that was not sent,
 * or a wrong signature → AuthFailure.SignatureFailure; a wrong, missing or expired token for a
 * key that requires one → AuthFailure.TokenFailure.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  canonicalRequest,
  credentialScope,
  deriveSigningKeys,
  parseAuthorization,
  signature,
  stringToSign,
  utcDate,
} from '../api/signer.js';
import { ApiFault } from './api-error.js';
import type { EmulatorKey } from './types.js';

const MAX_SKEW_SECONDS = 300;

export class KeyRing {
  private readonly keys = new Map<string, EmulatorKey>();

  add(key: EmulatorKey): void {
    this.keys.set(key.secretId, { ...key });
  }

  get(secretId: string): EmulatorKey | undefined {
    return this.keys.get(secretId);
  }
}

export interface ReceivedRequest {
  method: string;
  /** Path and query as received; the canonical URI and query string come from it. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The already-validated X-TC-Timestamp. */
  timestamp: number;
}

const fail = (suffix: string, message: string) => new ApiFault(`AuthFailure.${suffix}`, message);

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** `host:port` and `host`, handling `[::1]:port` too. */
function hostCandidates(host: string): string[] {
  const withoutPort = host.replace(/:\d+$/, '');
  return withoutPort === host ? [host] : [host, withoutPort];
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Throws an AuthFailure.* ApiFault unless the request is signed by a known, valid key, for `service`. */
export function verifyRequest(req: ReceivedRequest, keys: KeyRing, nowMs: number, service: string): void {
  const header = headerText(req.headers.authorization);
  if (!header) throw fail('InvalidAuthorization', 'The Authorization header is missing.');
  const parsed = parseAuthorization(header);
  if (!parsed) {
    throw fail(
      'InvalidAuthorization',
      'The Authorization header is malformed; expected "TC3-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…".',
    );
  }
  if (!parsed.signedHeaders.includes('content-type') || !parsed.signedHeaders.includes('host')) {
    throw fail('InvalidAuthorization', 'SignedHeaders must include content-type and host.');
  }
  const key = keys.get(parsed.secretId);
  if (!key) throw fail('SecretIdNotFound', `The SecretId ${parsed.secretId} is not found; check it for typos and stray whitespace.`);

  const skew = Math.abs(nowMs / 1000 - req.timestamp);
  if (skew > MAX_SKEW_SECONDS) {
    throw fail(
      'SignatureExpire',
      `The X-TC-Timestamp ${req.timestamp} is ${Math.round(skew)} s away from server time; the limit is ${MAX_SKEW_SECONDS} s.`,
    );
  }
  if (parsed.service !== service) {
    throw fail('SignatureFailure', `The credential scope names service "${parsed.service}"; this API is "${service}".`);
  }
  const date = utcDate(req.timestamp);
  if (parsed.date !== date) {
    throw fail('SignatureFailure', `The credential scope date ${parsed.date} is not the UTC date ${date} of X-TC-Timestamp.`);
  }

  const url = new URL(req.url, 'http://emulator.invalid');
  const { secretSigning } = deriveSigningKeys(key.secretKey, date, service);
  const scope = credentialScope(date, service);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    const text = headerText(value);
    if (text !== undefined) headers[name] = text;
  }
  const matches = hostCandidates(headers.host ?? '').some((host) => {
    let canonical: string;
    try {
      ({ canonicalRequest: canonical } = canonicalRequest({
        method: req.method,
        uri: url.pathname,
        query: url.search.slice(1),
        headers: { ...headers, host },
        signedHeaderNames: parsed.signedHeaders,
        payload: req.body,
      }));
    } catch {
      return false; // a header listed in SignedHeaders was not sent
    }
    return sameHex(signature(secretSigning, stringToSign(req.timestamp, scope, canonical)), parsed.signature);
  });
  if (!matches) {
    throw fail(
      'SignatureFailure',
      'The request signature does not match; check the SecretKey and the signing steps (headers, body bytes, host).',
    );
  }

  if (key.token !== undefined) {
    if (headerText(req.headers['x-tc-token']) !== key.token)
      throw fail('TokenFailure', 'The X-TC-Token is missing or does not match these temporary credentials.');
    if (key.expiresAt !== undefined && nowMs > key.expiresAt) throw fail('TokenFailure', 'These temporary credentials have expired.');
  }
}
