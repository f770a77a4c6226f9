// Where a request may go and what a failure there means: region codes checked before signing (every
// real form passes), plain HTTP only to literal loopback, and a TLS handshake that fails is
// "nothing was sent", said once, never retried. In-process.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { isLoopbackHost, parseEndpoint } from '../src/api/endpoint.js';
import { REPO_ROOT } from './helpers/paths.js';
import { runCli } from './helpers/cli.js';
import { EMPTY_HOME } from './helpers/run.js';

const ENV = {
  HOME: EMPTY_HOME,
  TENCENTCLOUD_SECRET_ID: 'AKIDtransporttruth0001',
  TENCENTCLOUD_SECRET_KEY: 'transport-truth-secret-key-0001',
  TENCENTCLOUD_REGION: 'ap-guangzhou',
  CLB_LISTENER_METADATA_URL: 'http://127.0.0.1:9/latest/meta-data',
};
const CREATE = ['create', '--lb', 'lb-aaaa1111', '--port', '80', '--protocol', 'TCP'];

describe('regions are checked before signing', () => {
  for (const region of [
    'ap-guangzhou',
    'ap-shanghai-fsi',
    'ap-shenzhen-fsi',
    'na-siliconvalley',
    'eu-frankfurt',
    'sa-saopaulo',
    'xx-newregion-2',
  ]) {
    test(`${region} is a region`, async () => {
      const result = await runCli([...CREATE, '--dry-run', '--region', region, '-o', 'json', '--query', 'Region'], { env: ENV });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(JSON.parse(result.stdout), region);
    });
  }

  for (const [region, where] of [
    ['ap-guangzhou\r\nX-Injected: 1', '--region'],
    ['AP-GUANGZHOU', '--region'],
    ['guangzhou', '--region'],
  ] as const) {
    test(`${JSON.stringify(region)} is refused before anything is signed`, async () => {
      const result = await runCli([...CREATE, '--region', region, '--endpoint', 'http://127.0.0.1:9'], { env: ENV });
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, new RegExp(`^error: ${where} ".*" is not a region code$`, 'm'));
    });
  }

  test('the environment and the profile are held to the same shape', async () => {
    const result = await runCli([...CREATE, '--endpoint', 'http://127.0.0.1:9'], {
      env: { ...ENV, TENCENTCLOUD_REGION: 'ap-guangzhou\r\nX-Injected: 1' },
    });
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /^error: TENCENTCLOUD_REGION "ap-guangzhou\\r\\nX-Injected: 1" is not a region code$/m);
  });
});

describe('plain HTTP goes only to this machine', () => {
  test('literal loopback addresses and localhost are loopback; names under .localhost are not', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '[::1]', 'localhost', 'LOCALHOST']) assert.ok(isLoopbackHost(host), host);
    for (const host of ['evil.localhost', 'a.b.localhost', 'localhost.example.com', '10.0.0.1', 'example.com']) {
      assert.ok(!isLoopbackHost(host), host);
    }
    assert.throws(() => parseEndpoint('http://evil.localhost:8080'), /plain http:\/\/ is allowed only for loopback hosts/);
    assert.equal(parseEndpoint('http://localhost:8080').host, 'localhost:8080');
  });

  test('an endpoint with a control character or a space is refused, not silently cleaned', () => {
    for (const raw of [
      'https://clb.example\n.com',
      'https://clb.example.com\r',
      'https://clb.exa mple.com',
      'https://clb.\u001b[2Jexample.com',
    ]) {
      assert.throws(() => parseEndpoint(raw), /contains a space or a control character/, JSON.stringify(raw));
    }
    assert.equal(parseEndpoint('  https://clb.example.com  ').host, 'clb.example.com');
  });
});

describe('a TLS handshake that fails: nothing was sent', () => {
  let https: HttpsServer;
  let plain: HttpServer;
  let connections = 0;
  before(async () => {
    const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test', 'fixtures', name));
    https = createHttpsServer({ key: fixture('server.key'), cert: fixture('server.crt') }, (_req, res) => res.end('{}'));
    https.on('secureConnection', () => connections++);
    plain = createHttpServer((_req, res) => res.end('{}'));
    await Promise.all([
      new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve)),
      new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve)),
    ]);
  });
  after(async () => {
    https.closeAllConnections();
    plain.closeAllConnections();
    await Promise.all([new Promise((resolve) => https.close(resolve)), new Promise((resolve) => plain.close(resolve))]);
  });

  test('a certificate this machine does not trust: exit 6, "nothing was sent", one attempt', async () => {
    const port = (https.address() as AddressInfo).port;
    const result = await runCli([...CREATE, '--endpoint', `https://127.0.0.1:${port}`, '--debug'], { env: ENV });
    assert.equal(result.code, 6, result.stderr);
    assert.match(result.stderr, /^error: CreateListener: the TLS handshake failed: .+ \([A-Z_]+\)$/m);
    assert.match(result.stderr, /^hint: nothing was sent; check the endpoint/m);
    assert.doesNotMatch(result.stderr, /may or may not have been applied|retrying/);
    assert.equal(connections, 0, 'no TLS session was ever established, so no request could have been written');
  });

  test('a server that does not speak TLS at all: the same', async () => {
    const port = (plain.address() as AddressInfo).port;
    const result = await runCli([...CREATE, '--endpoint', `https://127.0.0.1:${port}`], { env: ENV });
    assert.equal(result.code, 6, result.stderr);
    assert.match(result.stderr, /^error: CreateListener: the TLS handshake failed \((ERR_SSL_[A-Z_]+|EPROTO)\)( \(\d attempts\))?$/m);
    assert.match(result.stderr, /^hint: nothing was sent/m);
  });
});
