// Proxies from the environment: which requests go through which proxy (pure rules), and a loopback
// proxy that sees the CLI's CONNECT and refuses it (in-process). The full round trip through a
// CONNECT tunnel and real TLS is in test/e2e.test.ts (spawned: a trusted test CA can only be given
// to a new process, through NODE_EXTRA_CA_CERTS).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { isExempt, proxyFor, redactProxy } from '../src/api/proxy.js';
import { main } from '../src/cli/main.js';
import type { InStream } from '../src/core/context.js';
import { UsageError } from '../src/core/errors.js';
import { inProcessEmulator, REPO_ROOT, type InProcessEmulator } from './helpers/emulator.js';
import { EMPTY_HOME, NO_METADATA_URL } from './helpers/cli.js';
import { startDeafProxy, startProxy } from './helpers/proxy.js';
import { runCli } from './helpers/cli.js';
import { ClbClient } from '../src/api/client.js';
import { InterruptedError } from '../src/core/errors.js';
import { FakeClock } from './helpers/clock.js';
import { eventually } from './helpers/eventually.js';

const https = (host: string) => new URL(`https://${host}/`);

describe('which proxy a request uses', () => {
  test('https endpoints: https_proxy first, then HTTPS_PROXY, then the http proxy', () => {
    const target = https('clb.tencentcloudapi.com');
    assert.equal(proxyFor(target, {}), undefined);
    assert.equal(proxyFor(target, { HTTPS_PROXY: 'http://upper:1' })?.url.host, 'upper:1');
    assert.equal(proxyFor(target, { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' })?.url.host, 'lower:2');
    const fallback = proxyFor(target, { http_proxy: 'http://plain:3' });
    assert.equal(fallback?.url.host, 'plain:3');
    assert.equal(fallback?.source, 'http_proxy');
    assert.equal(proxyFor(target, { HTTPS_PROXY: '  ' }), undefined, 'blank is unset');
  });

  test('a proxy without a scheme is http; socks5 is accepted; other schemes are refused', () => {
    const target = https('clb.tencentcloudapi.com');
    assert.equal(proxyFor(target, { HTTPS_PROXY: 'proxy.corp:3128' })?.url.href, 'http://proxy.corp:3128/');
    assert.equal(proxyFor(target, { HTTPS_PROXY: 'socks5://127.0.0.1:1080' })?.url.protocol, 'socks5:');
    assert.throws(() => proxyFor(target, { HTTPS_PROXY: 'ftp://proxy:21' }), UsageError);
  });

  test('loopback endpoints never go through a proxy', () => {
    const env = { HTTPS_PROXY: 'http://proxy:1', HTTP_PROXY: 'http://proxy:1' };
    for (const endpoint of ['http://127.0.0.1:8080', 'http://127.0.0.2:1', 'http://[::1]:9', 'http://localhost:1', 'https://localhost']) {
      assert.equal(proxyFor(new URL(endpoint), env), undefined, endpoint);
    }
  });

  test('NO_PROXY: exact host, parent domain with or without a dot or *, ports, IP ranges, *', () => {
    const target = https('clb.ap-shanghai-fsi.tencentcloudapi.com');
    assert.equal(isExempt(target, ''), false);
    assert.equal(isExempt(target, 'clb.ap-shanghai-fsi.tencentcloudapi.com'), true);
    assert.equal(isExempt(target, 'tencentcloudapi.com'), true);
    assert.equal(isExempt(target, '.tencentcloudapi.com'), true);
    assert.equal(isExempt(target, '*.tencentcloudapi.com'), true);
    assert.equal(isExempt(target, 'example.com, othertencentcloudapi.com'), false, 'a suffix must end at a dot');
    assert.equal(isExempt(target, 'tencentcloudapi.com:443'), true);
    assert.equal(isExempt(target, 'tencentcloudapi.com:8443'), false);
    assert.equal(isExempt(target, '*'), true);
    assert.equal(isExempt(https('10.1.2.3'), '10.0.0.0/8'), true);
    assert.equal(isExempt(https('11.1.2.3'), '10.0.0.0/8'), false);
    assert.equal(isExempt(https('[fd00::5]'), 'fd00::/8'), true);
    assert.equal(isExempt(https('clb.tencentcloudapi.com'), '10.0.0.0/8'), false);
    // no_proxy (lower case) wins over NO_PROXY, as the proxy variables do.
    const env = { HTTPS_PROXY: 'http://proxy:1', no_proxy: 'example.com', NO_PROXY: 'tencentcloudapi.com' };
    assert.ok(proxyFor(target, env));
    assert.equal(proxyFor(target, { ...env, no_proxy: 'tencentcloudapi.com' }), undefined);
  });

  test('a proxy password is never shown', () => {
    assert.equal(redactProxy('http://alice:s3cr3t@proxy:3128'), 'http://alice:****@proxy:3128');
    assert.equal(redactProxy(new URL('http://alice:s3cr3t@proxy:3128')), 'http://alice:****@proxy:3128/');
    assert.equal(redactProxy('http://proxy:3128'), 'http://proxy:3128');
  });
});

function sink(): { write(chunk: string): boolean; text(): string; isTTY: false } {
  const chunks: string[] = [];
  return {
    write: (chunk: string) => {
      chunks.push(chunk);
      return true;
    },
    text: () => chunks.join(''),
    isTTY: false,
  };
}

async function runInProcess(argv: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(argv, {
    env,
    cwd: REPO_ROOT,
    stdout,
    stderr,
    stdin: Readable.from([]) as unknown as InStream,
    signal: new AbortController().signal,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('the CLI behind a proxy', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: ['lb-cuxw2rm0'], taskDelayMs: 0 });
  });
  after(() => emu.stop());

  const env = (extra: Record<string, string>) => ({
    HOME: EMPTY_HOME,
    TENCENTCLOUD_SECRET_ID: emu.secretId,
    TENCENTCLOUD_SECRET_KEY: emu.secretKey,
    TENCENTCLOUD_REGION: emu.region,
    CLB_LISTENER_METADATA_URL: NO_METADATA_URL,
    ...extra,
  });

  test('HTTPS_PROXY: the CONNECT goes to the proxy, which refuses it; nothing was sent, the password is not shown', async () => {
    const proxy = await startProxy();
    try {
      const result = await runInProcess(
        ['list', '--lb', 'lb-cuxw2rm0', '--endpoint', 'clb.tencentcloudapi.com', '--debug'],
        env({
          HTTPS_PROXY: `http://alice:proxyPassw0rd@127.0.0.1:${proxy.port}`,
        }),
      );
      assert.deepEqual(
        proxy.seen.map((s) => [s.method, s.target]),
        [['CONNECT', 'clb.tencentcloudapi.com:443']],
        'one tunnel request, not retried: a refusal is policy',
      );
      assert.equal(proxy.seen[0]!.auth, `Basic ${Buffer.from('alice:proxyPassw0rd').toString('base64')}`);
      assert.equal(result.code, 6, result.stderr);
      assert.match(
        result.stderr,
        new RegExp(
          `the proxy http://alice:\\*\\*\\*\\*@127\\.0\\.0\\.1:${proxy.port}/ \\(HTTPS_PROXY\\) refused the tunnel \\(HTTP 403\\)`,
        ),
      );
      assert.match(result.stderr, new RegExp(`via proxy http://alice:\\*\\*\\*\\*@127\\.0\\.0\\.1:${proxy.port}/ \\(HTTPS_PROXY\\)`));
      assert.ok(!result.stderr.includes('proxyPassw0rd') && !result.stdout.includes('proxyPassw0rd'));
      assert.equal(await emu.requestCount(), 0);
    } finally {
      await proxy.close();
    }
  });

  test('the emulator on loopback is reached directly even with HTTP_PROXY and HTTPS_PROXY set', async () => {
    const proxy = await startProxy();
    try {
      const proxyUrl = `http://127.0.0.1:${proxy.port}`;
      const result = await runInProcess(
        ['list', '--lb', 'lb-cuxw2rm0', '--endpoint', emu.endpoint],
        env({ HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl }),
      );
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(proxy.seen, []);
      assert.equal(await emu.requestCount('DescribeListeners'), 1);
    } finally {
      await proxy.close();
    }
  });
});

describe('a proxy that never opens the tunnel', () => {
  const CREATE = ['create', '--lb', 'lb-cuxw2rm0', '--protocol', 'TCP', '--port', '80', '--endpoint', 'clb.tencentcloudapi.com'];
  const env = (port: number) => ({
    HOME: EMPTY_HOME,
    TENCENTCLOUD_SECRET_ID: 'AKIDproxytest0000000000000000000000',
    TENCENTCLOUD_SECRET_KEY: 'proxytestsecretkey000000000000000',
    TENCENTCLOUD_REGION: 'ap-guangzhou',
    CLB_LISTENER_METADATA_URL: NO_METADATA_URL,
    HTTPS_PROXY: `http://127.0.0.1:${port}`,
  });

  test('one that closes every CONNECT: a few tries per request, then exit 6 naming the proxy; nothing was sent', async () => {
    const proxy = await startDeafProxy('close');
    try {
      // undici used to reconnect at once, for ever, without hearing the request timeout.
      const result = await runCli([...CREATE, '--request-timeout', '5'], { env: env(proxy.port), clock: new FakeClock() });
      assert.equal(result.code, 6, result.stderr);
      assert.match(
        result.stderr,
        new RegExp(
          `^error: CreateListener: the proxy http://127\\.0\\.0\\.1:${proxy.port}/ \\(HTTPS_PROXY\\) closed the connection before the tunnel was open \\(3 attempts\\)$`,
          'm',
        ),
      );
      assert.match(result.stderr, /^hint: nothing was sent; /m);
      assert.equal(proxy.connects(), 6, 'three tries for the read before sending, three for the create');
    } finally {
      await proxy.close();
    }
  });

  test('one that resets every CONNECT: nothing was sent (never "may have been applied"), 3 tries, exit 6', async () => {
    const proxy = await startDeafProxy('reset');
    try {
      const result = await runCli([...CREATE, '--request-timeout', '5'], { env: env(proxy.port), clock: new FakeClock() });
      assert.equal(result.code, 6, result.stderr);
      assert.match(
        result.stderr,
        /^error: CreateListener: .+ \(through the proxy http:\/\/127\.0\.0\.1:\d+\/ \(HTTPS_PROXY\)\) \(3 attempts\)$/m,
      );
      assert.match(result.stderr, /^hint: nothing was sent; /m);
      assert.doesNotMatch(result.stderr, /may or may not have been applied/);
      assert.equal(proxy.connects(), 6, 'three tries for the read before sending, three for the create');
    } finally {
      await proxy.close();
    }
  });

  test('one that never answers the CONNECT: SIGTERM ends the run at once with 143, nothing sent', async () => {
    const proxy = await startDeafProxy('silent');
    const controller = new AbortController();
    try {
      const pending = runCli([...CREATE, '--request-timeout', '5'], {
        env: env(proxy.port),
        clock: new FakeClock({ auto: false }),
        signal: controller.signal,
      });
      // undici hears an abort only once the request is on a socket: the tunnel never opens.
      await eventually(() => proxy.connects() >= 1, 'the CONNECT to reach the proxy');
      controller.abort('SIGTERM');
      const result = await pending;
      assert.equal(result.code, 143, result.stderr);
      assert.match(result.stderr, /^error: interrupted by SIGTERM; nothing was sent$/m);
      assert.equal(proxy.connects(), 1);
    } finally {
      await proxy.close();
    }
  });

  test('an interrupt is heard while the tunnel is still being opened, whatever the connect timeout', async () => {
    const proxy = await startDeafProxy('silent');
    const client = new ClbClient({
      endpoint: 'https://clb.tencentcloudapi.com',
      env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` },
      region: 'ap-guangzhou',
      credentials: { describe: 'test', get: async () => ({ secretId: 'AKIDproxytest', secretKey: 'proxytestkey' }) },
      // Far beyond any test: only the interrupt can end this request.
      connectTimeoutMs: 600_000,
      clock: new FakeClock({ auto: false }),
      rateLimiter: null,
    });
    const controller = new AbortController();
    let ended: unknown;
    const call = client.call('DescribeLoadBalancers', {}, { signal: controller.signal }).then(
      () => (ended = 'answered'),
      (error: unknown) => (ended = error),
    );
    try {
      await eventually(() => proxy.connects() >= 1, 'the CONNECT to reach the proxy');
      controller.abort('SIGINT');
      await eventually(() => ended !== undefined, 'the request to end on the interrupt (undici hears it only on a socket)');
      await call;
      assert.ok(ended instanceof InterruptedError, String(ended));
    } finally {
      // The proxy first: a request undici still holds then fails, and the client can close.
      await proxy.close();
      await client.close();
    }
  });
});
