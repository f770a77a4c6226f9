// The signed client, typed actions and waiter against the emulator on 127.0.0.1.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { ClbClient, type WireEvent } from '../src/api/client.js';
import { createListener, deleteLoadBalancerListeners, describeListeners, describeLoadBalancers } from '../src/api/clb.js';
import { waitForTask } from '../src/api/waiter.js';
import { ApiError, NetworkError, TaskFailedError, UsageError, WaitTimeoutError, InterruptedError } from '../src/core/errors.js';
import { parseEndpoint } from '../src/api/endpoint.js';
import { eventually } from './helpers/eventually.js';

const LB = 'lb-cuxw2rm0';
const FAST_RETRY = { baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 8 };

describe('client against the emulator', () => {
  let emu: InProcessEmulator;
  let events: WireEvent[];
  const client = (overrides: Partial<ConstructorParameters<typeof ClbClient>[0]> = {}) =>
    new ClbClient({
      endpoint: emu.endpoint,
      region: emu.region,
      credentials: { describe: 'test', get: async () => ({ secretId: emu.secretId, secretKey: emu.secretKey }) },
      retry: FAST_RETRY,
      // The emulator's clock: the waiter's and the retries' pauses move it, taking no real time.
      clock: emu.clock!,
      onWire: (event) => events.push(event),
      ...overrides,
    });

  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB, 'lb-bbbb2222'], taskDelayMs: 150 });
  });
  after(() => emu.stop());
  beforeEach(async () => {
    events = [];
    await emu.reset();
    await emu.configure({ taskDelayMs: 150, rateLimit: 20 });
  });

  test('a create succeeds and its task is polled to Status 0', async () => {
    const c = client();
    const accepted = await createListener(c, { LoadBalancerId: LB, Ports: [80, 81], Protocol: 'TCP' });
    assert.equal(accepted.ListenerIds.length, 2);
    const polls: number[] = [];
    const outcome = await waitForTask(c, accepted.RequestId, { timeoutMs: 5000, onPoll: (p) => polls.push(p.status) });
    assert.equal(outcome.status, 0);
    assert.deepEqual(outcome.loadBalancerIds, [LB]);
    assert.equal(polls.at(-1), 0);
    assert.ok(polls.includes(2), 'the task was seen in progress first');
    const listed = await describeListeners(c, { LoadBalancerId: LB });
    assert.deepEqual(listed.Listeners?.map((l) => l.Port).sort(), [80, 81]);
    const request = events.find((e) => e.type === 'request');
    assert.ok(request && request.type === 'request');
    assert.equal(request.headers['X-TC-Version'], '2018-03-17');
    assert.equal(request.headers['X-TC-Region'], emu.region);
    // tccli's documented alphabet for the request client: [0-9a-zA-Z-_,.], at most 128.
    assert.match(request.headers['X-TC-RequestClient']!, /^clb-listener_\d+\.\d+\.\d+[0-9A-Za-z_,.-]*$/);
    assert.ok(request.headers['X-TC-RequestClient']!.length <= 128);
    assert.equal(request.headers['X-TC-Token'], undefined, 'no token header without a token');
    await c.close();
  });

  test('a token is sent as X-TC-Token, a language as X-TC-Language', async () => {
    const c = client({
      credentials: {
        describe: 'test',
        get: async () => ({ secretId: emu.secretId, secretKey: emu.secretKey, token: 'session-token-123' }),
      },
      language: 'en-US',
    });
    await describeLoadBalancers(c);
    const request = events.find((e) => e.type === 'request');
    assert.ok(request && request.type === 'request');
    assert.equal(request.headers['X-TC-Token'], 'session-token-123');
    assert.equal(request.headers['X-TC-Language'], 'en-US');
    await c.close();
  });

  test('a failed task becomes TaskFailedError with its Message', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'taskFail', message: 'no capacity' }]);
    const c = client();
    const accepted = await createListener(c, { LoadBalancerId: LB, Ports: [82], Protocol: 'UDP' });
    await assert.rejects(waitForTask(c, accepted.RequestId, { timeoutMs: 5000 }), (error: unknown) => {
      assert.ok(error instanceof TaskFailedError);
      assert.equal(error.taskMessage, 'no capacity');
      assert.equal(error.requestId, accepted.RequestId);
      return true;
    });
    await c.close();
  });

  test('the waiter gives up at its deadline and stops on abort', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'taskHang', times: 2 }]);
    const c = client();
    const accepted = await createListener(c, { LoadBalancerId: LB, Ports: [83], Protocol: 'TCP' });
    const clock = emu.clock!;
    const started = clock.now();
    await assert.rejects(waitForTask(c, accepted.RequestId, { timeoutMs: 400 }), WaitTimeoutError);
    // Polls at 0, 250 and 400 ms (the last pause is cut to the deadline), then it gives up there.
    assert.equal(clock.now() - started, 400);
    assert.equal(events.filter((e) => e.type === 'request' && e.action === 'DescribeTaskStatus').length, 3);
    const controller = new AbortController();
    clock.auto = false;
    try {
      const waiting = waitForTask(c, accepted.RequestId, { timeoutMs: 10_000, signal: controller.signal });
      await clock.sleeping(waiting);
      controller.abort();
      await assert.rejects(waiting, (error: unknown) => {
        assert.ok(error instanceof InterruptedError);
        assert.equal(error.requestId, accepted.RequestId);
        return true;
      });
    } finally {
      clock.auto = true;
    }
    assert.equal(
      events.filter((e) => e.type === 'request' && e.action === 'DescribeTaskStatus').length,
      4,
      'one more poll, then stopped at once',
    );
    await c.close();
  });

  test('the waiter backs off: the task ends at 1 s, polled at 0, 250, 650 and 1150 ms (no gap over 500 ms while young)', async () => {
    await emu.configure({ taskDelayMs: 1000 });
    const c = client();
    const accepted = await createListener(c, { LoadBalancerId: LB, Ports: [91], Protocol: 'TCP' });
    const clock = emu.clock!;
    const started = clock.now();
    const seen: [number, number][] = [];
    const outcome = await waitForTask(c, accepted.RequestId, {
      timeoutMs: 60_000,
      onPoll: (p) => seen.push([p.status, clock.now() - started]),
    });
    assert.deepEqual(seen, [
      [2, 0],
      [2, 250],
      [2, 650],
      [0, 1150],
    ]);
    assert.equal(outcome.polls, 4);
    assert.equal(outcome.elapsedMs, 1150);
    await c.close();
  });

  test('a wrong secret key is refused with AuthFailure.SignatureFailure and not retried', async () => {
    const c = client({
      credentials: { describe: 'test', get: async () => ({ secretId: emu.secretId, secretKey: 'wrong-key-wrong-key-wrong-key-00' }) },
    });
    await assert.rejects(describeLoadBalancers(c), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.code, 'AuthFailure.SignatureFailure');
      assert.ok(error.isAuthFailure);
      assert.ok(error.requestId);
      return true;
    });
    assert.equal(events.filter((e) => e.type === 'request').length, 1);
    await c.close();
  });

  test('an unknown action is InvalidAction', async () => {
    const c = client();
    await assert.rejects(
      c.call('CreateListenerPlease', {}),
      (error: unknown) => error instanceof ApiError && error.code === 'InvalidAction',
    );
    await c.close();
  });

  test('a port conflict is InvalidParameter.PortCheckFailed and not retried', async () => {
    const c = client();
    const first = await createListener(c, { LoadBalancerId: LB, Ports: [84], Protocol: 'TCP' });
    await waitForTask(c, first.RequestId, { timeoutMs: 5000 });
    events = [];
    await assert.rejects(
      createListener(c, { LoadBalancerId: LB, Ports: [84], Protocol: 'HTTP' }),
      (error: unknown) => error instanceof ApiError && error.code === 'InvalidParameter.PortCheckFailed',
    );
    assert.equal(events.filter((e) => e.type === 'request').length, 1);
    await c.close();
  });

  test('a busy load balancer (ResourceInOperating) is retried until its task ends', async () => {
    await emu.configure({ taskDelayMs: 400 });
    const c = client();
    await createListener(c, { LoadBalancerId: LB, Ports: [85], Protocol: 'TCP' });
    const second = await createListener(c, { LoadBalancerId: LB, Ports: [86], Protocol: 'TCP' });
    assert.equal(second.ListenerIds.length, 1);
    const retries = events.filter((e) => e.type === 'retry');
    assert.ok(retries.length >= 1, 'retried at least once');
    assert.ok(retries.every((e) => e.type === 'retry' && /ResourceInOperating/.test(e.reason)));
    await c.close();
  });

  test('RequestLimitExceeded is retried with backoff', async () => {
    await emu.configure({ rateLimit: 2 });
    const c = client({ retry: { baseDelayMs: 300, maxDelayMs: 1200, maxAttempts: 6 } });
    const results = await Promise.all([1, 2, 3, 4].map(() => describeLoadBalancers(c)));
    assert.equal(results.length, 4);
    const retries = events.filter((e) => e.type === 'retry');
    assert.ok(retries.length >= 1);
    assert.ok(retries.every((e) => e.type === 'retry' && /RequestLimitExceeded/.test(e.reason)));
    await c.close();
  });

  test('a malformed body is a NetworkError naming the action, not a crash', async () => {
    await emu.faults([{ action: 'DescribeLoadBalancers', kind: 'malformed' }]);
    const c = client({ retry: { maxAttempts: 1 } });
    await assert.rejects(
      describeLoadBalancers(c),
      (error: unknown) => error instanceof NetworkError && /DescribeLoadBalancers: the response was not JSON/.test(error.message),
    );
    await c.close();
  });

  test('a dropped connection on a write is not retried (outcome unknown); on a read it is', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'drop' }]);
    const c = client();
    await assert.rejects(createListener(c, { LoadBalancerId: LB, Ports: [87], Protocol: 'TCP' }), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.match(error.hint ?? '', /may or may not have been applied/);
      return true;
    });
    assert.equal(await emu.requestCount('CreateListener'), 1, 'the request was sent once, not resent');
    assert.deepEqual((await emu.state()).listeners, [], 'the dropped request created nothing');
    await emu.faults([{ action: 'DescribeLoadBalancers', kind: 'drop' }]);
    const listed = await describeLoadBalancers(c);
    assert.ok((listed.LoadBalancerSet ?? []).length >= 1);
    assert.ok(events.some((e) => e.type === 'retry' && e.action === 'DescribeLoadBalancers'));
    await c.close();
  });

  test('an HTTP 503 on a write is not retried', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'http5xx', status: 503 }]);
    const c = client();
    await assert.rejects(
      createListener(c, { LoadBalancerId: LB, Ports: [88], Protocol: 'TCP' }),
      (error: unknown) => error instanceof NetworkError && /HTTP 503/.test(error.message),
    );
    assert.equal(events.filter((e) => e.type === 'request').length, 1);
    await c.close();
  });

  test('a server that never answers: the request ends at its timeout, with no second try', async () => {
    await emu.faults([{ action: 'DescribeLoadBalancers', kind: 'hang', times: -1 }]);
    // The deadline runs on the client's clock: once the attempt has reached the emulator, the
    // test moves that clock past it (undici's own timer of the same length is only a backstop).
    const c = client({ requestTimeoutMs: 3000, retry: { maxAttempts: 8, baseDelayMs: 10, maxDelayMs: 10 } });
    const call = describeLoadBalancers(c);
    await eventually(async () => (await emu.requestCount('DescribeLoadBalancers')) >= 1, 'the attempt to reach the emulator');
    emu.clock!.advance(3000);
    await assert.rejects(
      call,
      (error: unknown) => error instanceof NetworkError && /no answer before the request timeout$/.test(error.message),
    );
    assert.equal(events.filter((e) => e.type === 'request').length, 1, 'the timeout is the whole request, retries included');
    assert.equal(await emu.requestCount('DescribeLoadBalancers'), 1);
    await c.close();
  });

  test('retries share the request timeout: a try after a pause gets what is left of it', async () => {
    // A 503 (a read: retried after a 1 s pause), then no answer at all.
    await emu.faults([
      { action: 'DescribeLoadBalancers', kind: 'http5xx', status: 503 },
      { action: 'DescribeLoadBalancers', kind: 'hang', times: -1 },
    ]);
    const c = client({ requestTimeoutMs: 3000, retry: { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 1000 } });
    const started = emu.clock!.now();
    let ended: unknown;
    const call = describeLoadBalancers(c).then(
      () => (ended = 'answered'),
      (error: unknown) => (ended = error),
    );
    await eventually(async () => (await emu.requestCount('DescribeLoadBalancers')) >= 2, 'the second attempt to reach the emulator');
    // The pause moved the clock by 0.5–1 s; what is left of the 3 s ends the second try.
    emu.clock!.advance(started + 3000 - emu.clock!.now());
    await eventually(() => ended !== undefined, 'the request to end at its timeout, not a full timeout after its second try');
    await call;
    assert.ok(ended instanceof NetworkError, String(ended));
    assert.match(ended.message, /^DescribeLoadBalancers: no answer before the request timeout \(2 attempts\)$/);
    assert.equal(await emu.requestCount('DescribeLoadBalancers'), 2);
    await c.close();
  });

  test('a refused connection is retried, then reported', async () => {
    const closed = await closedPort();
    const c = client({ endpoint: `http://127.0.0.1:${closed}`, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 } });
    await assert.rejects(
      createListener(c, { LoadBalancerId: LB, Ports: [89], Protocol: 'TCP' }),
      (error: unknown) => error instanceof NetworkError && /connection refused/.test(error.message),
    );
    assert.equal(events.filter((e) => e.type === 'retry').length, 2, 'never sent, so safe to retry even a write');
    await c.close();
  });

  test('DeleteLoadBalancerListeners refuses an empty list (the API would delete everything)', async () => {
    const c = client();
    assert.throws(() => deleteLoadBalancerListeners(c, LB, []), UsageError);
    assert.equal(await emu.requestCount(), 0);
    const created = await createListener(c, { LoadBalancerId: LB, Ports: [90], Protocol: 'TCP' });
    await waitForTask(c, created.RequestId, { timeoutMs: 5000 });
    const deleted = await deleteLoadBalancerListeners(c, LB, created.ListenerIds);
    await waitForTask(c, deleted.RequestId, { timeoutMs: 5000 });
    assert.deepEqual((await describeListeners(c, { LoadBalancerId: LB })).Listeners ?? [], []);
    await c.close();
  });
});

/**
 * A hand-made server on loopback for replies the emulator would never give, and a client for it.
 * `use` runs with both; the server and its connections are always closed afterwards.
 */
async function withOddServer(
  handler: import('node:http').RequestListener,
  clientOptions: Partial<ConstructorParameters<typeof ClbClient>[0]>,
  use: (client: ClbClient) => Promise<void>,
): Promise<void> {
  const { createServer: createHttpServer } = await import('node:http');
  const server = createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const client = new ClbClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'ap-guangzhou',
    credentials: { describe: 'test', get: async () => ({ secretId: 'AKIDtest', secretKey: 'key' }) },
    ...clientOptions,
  });
  try {
    await use(client);
  } finally {
    await client.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('replies that are not what the action promises', () => {
  test('a valid envelope with the wrong fields is a clear error naming the action and field', async () => {
    const reply = JSON.stringify({ Response: { Status: 'done', RequestId: 'b1f0c1de-0000-4000-8000-000000000000' } });
    await withOddServer(
      (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(reply),
      {},
      async (c) => {
        await assert.rejects(waitForTask(c, 'b1f0c1de-0000-4000-8000-00000000000a', { timeoutMs: 2000 }), (error: unknown) => {
          assert.ok(error instanceof NetworkError);
          assert.match(error.message, /^DescribeTaskStatus: unexpected response \(Status: /);
          assert.equal(error.requestId, 'b1f0c1de-0000-4000-8000-000000000000');
          return true;
        });
      },
    );
  });
});

describe('the whole-request timeout', () => {
  test('a server that sends headers and then drips its body is cut off', async () => {
    const drip = (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
      // A byte every 100 ms: never idle long enough for a body timeout, never done either.
      const timer = setInterval(() => res.write(' '), 100); // not a wait: the server's drip
      res.on('close', () => clearInterval(timer));
    };
    await withOddServer(drip, { requestTimeoutMs: 600, retry: { maxAttempts: 1 } }, async (c) => {
      // The drip never ends: only the deadline on the whole request can end this.
      await assert.rejects(
        describeLoadBalancers(c),
        (error: unknown) => error instanceof NetworkError && /no answer before the request timeout/.test(error.message),
      );
    });
  });
});

describe('endpoints', () => {
  test('https anywhere, plain http only on loopback', () => {
    assert.equal(parseEndpoint('clb.ap-guangzhou.tencentcloudapi.com').href, 'https://clb.ap-guangzhou.tencentcloudapi.com/');
    assert.equal(parseEndpoint('http://127.0.0.1:8080').port, '8080');
    assert.equal(parseEndpoint('http://[::1]:8080').hostname, '[::1]');
    assert.equal(parseEndpoint('http://localhost:1').hostname, 'localhost');
    assert.throws(() => parseEndpoint('http://clb.tencentcloudapi.com'), /only for loopback/);
    assert.throws(() => parseEndpoint('http://10.0.0.1'), /only for loopback/);
    assert.throws(() => parseEndpoint('ftp://x'), /only https/);
    assert.throws(() => parseEndpoint('https://clb.tencentcloudapi.com/v3'), /path is always/);
  });
});

async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('an endpoint that streams its answer without end is cut off at 32 MiB, once, with a clear error', async () => {
  let requests = 0;
  const chunk = Buffer.alloc(1024 * 1024, 'x');
  const endless = (_req: unknown, res: import('node:http').ServerResponse) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json' });
    const more = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', more);
    };
    more();
  };
  await withOddServer(endless, { retry: FAST_RETRY }, async (client) => {
    await assert.rejects(describeLoadBalancers(client, {}), (error: unknown) => {
      assert.ok(error instanceof NetworkError, String(error));
      assert.match(error.message, /^DescribeLoadBalancers: the answer was cut off after 32 MiB, more than any API answer/);
      return true;
    });
    assert.equal(requests, 1, 'not asked again: the same server would answer the same way');
  });
});
