// The CVM-role step against a loopback metadata service: discovery, token, refresh near expiry,
// and that the step gives up when there is no service.
import { SecretRegistry } from '../src/core/secrets.js';
import { test, describe, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveSettings, type SettingsInput } from '../src/config/index.js';
import { CvmRoleSource, REFRESH_MARGIN_MS } from '../src/config/cvm-role.js';
import { CredentialsError } from '../src/core/errors.js';
import { makeTempHome, type TempHome } from './helpers/home.js';

const ROLE = 'clb-operator';
const T0 = 1_900_000_000_000;

/** A metadata service whose answers the test controls; counts the credential fetches. */
class FakeMetadata {
  server = createHttpServer((req, res) => this.handle(req, res));
  roleFetches = 0;
  role: string | undefined = ROLE;
  /** ExpiredTime the next answer carries, in seconds. */
  expiresInSeconds = 3600;
  code = 'Success';
  now = () => T0;
  base = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/latest/meta-data`;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.url === '/latest/meta-data/cam/security-credentials/') {
      if (!this.role) return void res.writeHead(404).end('<html>404</html>');
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end(this.role);
    }
    if (req.url === `/latest/meta-data/cam/security-credentials/${this.role}`) {
      this.roleFetches += 1;
      const n = this.roleFetches;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          TmpSecretId: `AKIDtemporary${String(n).padStart(24, '0')}`,
          TmpSecretKey: `temporarySecretKey${String(n).padStart(14, '0')}`,
          Token: `temporaryToken-${n}-${'x'.repeat(40)}`,
          ExpiredTime: Math.floor(this.now() / 1000) + this.expiresInSeconds,
          Expiration: new Date(this.now() + this.expiresInSeconds * 1000).toISOString(),
          Code: this.code,
        }),
      );
      return;
    }
    res.writeHead(404).end();
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let metadata: FakeMetadata;
let home: TempHome;
let clock = T0;

before(async () => {
  metadata = new FakeMetadata();
  metadata.now = () => clock;
  await metadata.start();
});
after(() => metadata.stop());
afterEach(() => {
  home?.cleanup();
  metadata.roleFetches = 0;
  metadata.role = ROLE;
  metadata.expiresInSeconds = 3600;
  metadata.code = 'Success';
  clock = T0;
});

function input(metadataUrl: string, extra: Partial<SettingsInput> = {}): SettingsInput {
  home = makeTempHome();
  return {
    env: home.env({ CLB_LISTENER_METADATA_URL: metadataUrl }),
    secrets: new SecretRegistry(),
    home: home.dir,
    systemCredentialsFile: home.noSystemFile,
    region: 'ap-guangzhou',
    now: () => clock,
    warn: () => {},
    ...extra,
  };
}

describe('CVM role from the metadata service', () => {
  test('is the last step: role name, then temporary keys with token and expiry', async () => {
    const settings = await resolveSettings(input(metadata.base));
    assert.equal(settings.credentials.kind, 'cvm-role');
    assert.match(settings.credentials.describe, /CVM role clb-operator/);
    const credentials = await settings.credentials.get();
    assert.equal(credentials.secretId, 'AKIDtemporary000000000000000000000001');
    assert.equal(credentials.secretKey, 'temporarySecretKey00000000000001');
    assert.match(credentials.token ?? '', /^temporaryToken-1-/);
    assert.equal(credentials.expiresAt, Math.floor(T0 / 1000) * 1000 + 3600_000);
  });

  test('keys are cached while far from expiry', async () => {
    const settings = await resolveSettings(input(metadata.base));
    await settings.credentials.get();
    clock += 60_000;
    await settings.credentials.get();
    assert.equal(metadata.roleFetches, 1);
  });

  test('keys within 60 s of ExpiredTime are fetched again, with new values', async () => {
    metadata.expiresInSeconds = 30;
    const settings = await resolveSettings(input(metadata.base));
    const first = await settings.credentials.get();
    const second = await settings.credentials.get();
    assert.equal(metadata.roleFetches, 2);
    assert.notEqual(first.secretId, second.secretId);
    assert.notEqual(first.token, second.token);
  });

  test('a long wait crosses the refresh point and picks up fresh keys', async () => {
    metadata.expiresInSeconds = 600;
    const source = (await resolveSettings(input(metadata.base))).credentials;
    const first = await source.get();
    clock += 600_000 - REFRESH_MARGIN_MS + 1000;
    const later = await source.get();
    assert.equal(metadata.roleFetches, 2);
    assert.notEqual(first.secretKey, later.secretKey);
  });

  test('concurrent callers share one fetch', async () => {
    const source = new CvmRoleSource(metadata.base, ROLE, () => clock, new SecretRegistry());
    await Promise.all([source.get(), source.get(), source.get()]);
    assert.equal(metadata.roleFetches, 1);
  });

  test('a refused answer (Code not Success) is a CredentialsError without the body', async () => {
    metadata.code = 'Failed';
    const source = (await resolveSettings(input(metadata.base))).credentials;
    await assert.rejects(
      source.get(),
      (error: unknown) =>
        error instanceof CredentialsError && /Code: Failed/.test(error.message) && !error.message.includes('temporarySecretKey'),
    );
  });

  test('a failed refresh keeps keys that are still valid', async () => {
    metadata.expiresInSeconds = 30;
    const source = (await resolveSettings(input(metadata.base))).credentials;
    const first = await source.get();
    metadata.code = 'Failed';
    assert.deepEqual(await source.get(), first);
    clock += 31_000;
    await assert.rejects(source.get(), CredentialsError);
  });

  test('use-cvm-role in the tccli profile jumps straight to the role, before the INI file', async () => {
    const settingsInput = input(metadata.base);
    home.tccli('default', { credential: { type: 'cvm-role' }, configure: { _sys_param: { region: 'ap-guangzhou' } } });
    home.ini('[default]\nsecret_id = AKIDini000000000000000000000000000001\nsecret_key = iniSecretKey000000000000000000001\n');
    const settings = await resolveSettings(settingsInput);
    assert.equal(settings.credentials.kind, 'cvm-role');
    assert.match(settings.credentials.describe, /use-cvm-role in profile default/);
  });

  test('no role bound (404) falls through to "no credentials"', async () => {
    metadata.role = undefined;
    await assert.rejects(resolveSettings(input(metadata.base)), CredentialsError);
  });
});

describe('no metadata service', () => {
  let blackhole: Server;
  const sockets = new Set<Socket>();
  before(async () => {
    // Accepts connections and never answers, like a firewall that swallows packets after connect.
    blackhole = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
  });
  after(() => {
    for (const socket of sockets) socket.destroy();
    blackhole.close();
  });

  test('a refused connection falls through to "no credentials"', async () => {
    await assert.rejects(resolveSettings(input('http://127.0.0.1:1/latest/meta-data')), CredentialsError);
  });

  test('a silent service: the probe gives up on its own (it closes the connection), then falls through', async () => {
    const url = `http://127.0.0.1:${(blackhole.address() as AddressInfo).port}/latest/meta-data`;
    const closedByClient = new Promise<void>((resolve) =>
      blackhole.once('connection', (socket) => socket.resume().once('close', () => resolve())),
    );
    await assert.rejects(resolveSettings(input(url)), CredentialsError);
    // The service never answered and never hung up: only the probe's own timeout ends the wait.
    await closedByClient;
    assert.equal(sockets.size, 1, 'one probe, not retried');
  });

  test('a profile asking for the CVM role says the role is unreachable', async () => {
    const settingsInput = input('http://127.0.0.1:1/latest/meta-data');
    home.tccli('default', { credential: { type: 'cvm-role' } });
    await assert.rejects(resolveSettings(settingsInput), /uses the CVM role, but no instance role is reachable/);
  });
});
