// The emulator's second service: the SSL certificate service's DescribeCertificates, routed by
// X-TC-Version on the same endpoint as CLB; seeded certificates, --certificates FILE, status from
// the emulator's clock. And the client's side: forService() signs for `ssl` and finds the host.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { startEmulator, EmulatorConfigError } from '../src/emulator/index.js';
import { ClbClient } from '../src/api/client.js';
import { systemClock } from '../src/core/clock.js';
import { SSL_SERVICE } from '../src/api/constants.js';
import { serviceEndpoint } from '../src/api/endpoint.js';
import { describeCertificates } from '../src/api/ssl.js';

const START = Date.now();
const DAY = 86_400_000;
/** `YYYY-MM-DD HH:mm:ss` in UTC+8, as the service writes dates. */
const cst = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
const ids = (res: Record<string, unknown>) => (res.Certificates as { CertificateId: string }[]).map((c) => c.CertificateId);

describe('emulator: DescribeCertificates (ssl 2019-12-05)', () => {
  let emu: InProcessEmulator;
  let clock = START;
  // Signed at the emulator's time, so moving its clock does not look like clock skew.
  const at = () => ({ timestamp: Math.floor(clock / 1000) });
  const SSL = {
    version: '2019-12-05',
    service: 'ssl',
    get timestamp() {
      return at().timestamp;
    },
  };
  const dir = mkdtempSync(join(tmpdir(), 'clb-certs-'));
  const file = join(dir, 'certs.json');
  before(async () => {
    writeFileSync(
      file,
      JSON.stringify({
        Certificates: [
          { CertificateId: 'FileSvr1', Domain: 'api.example.org', EncryptAlgorithm: 'ECC', CertEndTime: cst(START + 19 * DAY) },
          { CertificateId: 'EmuCa001', Domain: 'Replaced CA', CertificateType: 'CA' },
        ],
      }),
    );
    emu = await inProcessEmulator({ taskDelayMs: 0, now: () => clock, certificatesFile: file });
  });
  after(async () => {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('server and CA certificates, seeded and from the file, with status and algorithm', async () => {
    const servers = await api(emu, 'DescribeCertificates', { CertificateType: 'SVR', Limit: 100 }, SSL);
    assert.equal(servers.Error, undefined, JSON.stringify(servers.Error));
    assert.equal(servers.TotalCount, 4);
    assert.deepEqual(ids(servers).sort(), ['EmuEcc01', 'EmuOld01', 'EmuRsa01', 'FileSvr1']);
    const byId = Object.fromEntries((servers.Certificates as Record<string, unknown>[]).map((c) => [c.CertificateId, c]));
    assert.equal(byId.EmuRsa01!.EncryptAlgorithm, 'RSA');
    assert.equal(byId.EmuEcc01!.EncryptAlgorithm, 'ECC');
    assert.equal(byId.EmuRsa01!.Status, 1);
    assert.equal(byId.EmuOld01!.Status, 3, 'expired before the emulator started');
    assert.equal(byId.EmuOld01!.Deployable, false);
    assert.equal(byId.FileSvr1!.IsExpiring, true, 'ends within 30 days');
    assert.match(String(byId.EmuRsa01!.CertEndTime), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const cas = await api(emu, 'DescribeCertificates', { CertificateType: 'CA' }, SSL);
    assert.deepEqual(ids(cas), ['EmuCa001']);
    assert.equal((cas.Certificates as Record<string, unknown>[])[0]!.Domain, 'Replaced CA', 'the file replaces a seeded id');
  });

  test('SearchKey, paging, sorting by expiry', async () => {
    assert.deepEqual(ids(await api(emu, 'DescribeCertificates', { SearchKey: 'OLD.example' }, SSL)), ['EmuOld01']);
    assert.deepEqual(ids(await api(emu, 'DescribeCertificates', { SearchKey: 'emuecc' }, SSL)), ['EmuEcc01']);
    const page = await api(emu, 'DescribeCertificates', { Limit: 2, Offset: 1, ExpirationSort: 'ASC' }, SSL);
    assert.equal(page.TotalCount, 5);
    const sorted = ids(await api(emu, 'DescribeCertificates', { Limit: 10, ExpirationSort: 'ASC' }, SSL));
    assert.equal(sorted[0], 'EmuOld01', 'the one that expired first comes first');
    assert.equal(sorted.at(-1), 'EmuCa001');
    assert.deepEqual(ids(page), sorted.slice(1, 3));
    assert.equal((await api(emu, 'DescribeCertificates', { CertificateType: 'XX' }, SSL)).Error?.Code, 'FailedOperation.InvalidParam');
  });

  test('the status follows the emulator clock', async () => {
    clock = START + 40 * DAY;
    try {
      const res = await api(emu, 'DescribeCertificates', { CertIds: ['FileSvr1'] }, SSL);
      assert.equal((res.Certificates as Record<string, unknown>[])[0]!.Status, 3);
    } finally {
      clock = START;
    }
  });

  test('routing: the version picks the service, the scope must name it, ssl needs no region', async () => {
    assert.equal((await api(emu, 'DescribeCertificates', {}, { ...SSL, region: null })).Error, undefined);
    assert.equal((await api(emu, 'DescribeCertificates', {}, { ...SSL, region: 'eu-frankfurt' })).Error, undefined);
    assert.equal((await api(emu, 'DescribeCertificates', {}, { version: '2019-12-05' })).Error?.Code, 'AuthFailure.SignatureFailure');
    assert.equal((await api(emu, 'DescribeLoadBalancers', {}, { service: 'ssl' })).Error?.Code, 'AuthFailure.SignatureFailure');
    assert.equal((await api(emu, 'DescribeCertificates', {})).Error?.Code, 'InvalidAction', 'not a CLB action');
    assert.equal((await api(emu, 'CreateListener', {}, SSL)).Error?.Code, 'InvalidAction', 'not an SSL action');
    const unknown = await api(emu, 'DescribeCertificates', {}, { version: '2020-01-01' });
    assert.equal(unknown.Error?.Code, 'NoSuchVersion');
    assert.match(unknown.Error!.Message, /clb 2018-03-17, ssl 2019-12-05/);
    assert.equal((await api(emu, 'DescribeLoadBalancers', {}, { region: null })).Error?.Code, 'MissingParameter', 'CLB still needs one');
  });

  test('the CLI client: forService(SSL) signs for ssl and keeps the emulator endpoint', async () => {
    const client = new ClbClient({
      endpoint: emu.endpoint,
      region: emu.region,
      credentials: { describe: 'test', get: async () => ({ secretId: emu.secretId, secretKey: emu.secretKey }) },
      clock: { ...systemClock, now: () => clock },
    });
    const ssl = client.forService(SSL_SERVICE);
    try {
      assert.equal(ssl.endpoint.origin, new URL(emu.endpoint).origin);
      const result = await describeCertificates(ssl, { CertificateType: 'CA' });
      assert.deepEqual(
        (result.Certificates ?? []).map((c) => c.CertificateId),
        ['EmuCa001'],
      );
    } finally {
      await client.close();
    }
  });

  test('--certificates: a bad file is refused at start, naming the flag', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify([{ CertificateId: 'x' }]));
    await assert.rejects(
      startEmulator({ certificatesFile: join(dir, 'bad.json') }),
      (error: unknown) => error instanceof EmulatorConfigError && error.flag === '--certificates' && /Domain/.test(error.message),
    );
    await assert.rejects(startEmulator({ certificatesFile: join(dir, 'missing.json') }), /cannot read/);
  });
});

describe('serviceEndpoint', () => {
  const ssl = (clb: string) => serviceEndpoint(new URL(clb), 'ssl').origin;
  test("Tencent Cloud's hosts get the service's own name; any other endpoint serves every service", () => {
    assert.equal(ssl('https://clb.tencentcloudapi.com'), 'https://ssl.tencentcloudapi.com');
    assert.equal(ssl('https://clb.intl.tencentcloudapi.com'), 'https://ssl.intl.tencentcloudapi.com');
    assert.equal(ssl('https://clb.ap-guangzhou.tencentcloudapi.com'), 'https://ssl.ap-guangzhou.tencentcloudapi.com');
    assert.equal(ssl('http://127.0.0.1:8080'), 'http://127.0.0.1:8080');
    assert.equal(ssl('https://proxy.example.com'), 'https://proxy.example.com');
    assert.equal(ssl('https://clb.tencentcloudapi.com.evil.example'), 'https://clb.tencentcloudapi.com.evil.example');
  });
});
