// What a create puts on the network: one connection for the create and all its polls, no
// metadata lookup when the environment holds the keys, and a request that could not even be
// built is reported as not sent (never as "may have been applied").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { main } from '../src/cli/main.js';
import { ClbClient } from '../src/api/client.js';
import { createListener } from '../src/api/clb.js';
import { NetworkError } from '../src/core/errors.js';
import { nextPollDelay, QUICK_PHASE } from '../src/api/waiter.js';
import { SecretRegistry } from '../src/core/secrets.js';
import { Readable } from 'node:stream';
import { NO_SYSTEM_CREDENTIALS } from './helpers/hermetic.js';

interface Recorder {
  url: string;
  connections: number;
  /** X-TC-Action of each API request, in order. */
  actions: string[];
  /** Paths asked of the fake metadata service. */
  metadata: string[];
  close(): Promise<void>;
}

/**
 * A loopback server that plays both the CLB API (a create, then a task that is running for the
 * first `runningPolls` polls) and the instance metadata service, and counts what it saw.
 */
async function recorder(runningPolls: number): Promise<Recorder> {
  let polls = 0;
  const seen = { connections: 0, actions: [] as string[], metadata: [] as string[] };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/latest/meta-data')) {
      seen.metadata.push(req.url);
      res.writeHead(404).end();
      return;
    }
    req.resume();
    req.on('end', () => {
      const action = String(req.headers['x-tc-action']);
      seen.actions.push(action);
      const requestId = `6aa274e5-ff78-4e9e-b13c-30a9e21b10${String(seen.actions.length).padStart(2, '0')}`;
      const reply =
        action === 'CreateListener'
          ? { ListenerIds: ['lbl-aaaa1111'], RequestId: requestId }
          : action === 'DescribeListeners'
            ? { Listeners: [], TotalCount: 0, RequestId: requestId }
            : { Status: polls++ < runningPolls ? 2 : 0, RequestId: requestId };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Response: reply }));
    });
  });
  server.on('connection', () => seen.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    get connections() {
      return seen.connections;
    },
    actions: seen.actions,
    metadata: seen.metadata,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sink(): { write(chunk: string): boolean; text(): string } {
  let text = '';
  return {
    write: (chunk: string) => {
      text += chunk;
      return true;
    },
    text: () => text,
  };
}

test('create and wait: one connection carries the create and every poll, and no metadata is asked for', async () => {
  const server = await recorder(2);
  try {
    const env = {
      TENCENTCLOUD_SECRET_ID: 'AKIDnetworkpathtest0000000000000000',
      TENCENTCLOUD_SECRET_KEY: 'networkpathtestsecretkey000000000',
      TENCENTCLOUD_REGION: 'ap-guangzhou',
      HOME: '/nonexistent',
      // Were the instance role consulted, this server would see it.
      CLB_LISTENER_METADATA_URL: `${server.url}/latest/meta-data`,
    };
    const stdout = sink();
    const stderr = sink();
    const code = await main(['create', '--lb', 'lb-aaaa1111', '--port', '80', '--protocol', 'TCP', '--endpoint', server.url], {
      env,
      stdout,
      stderr,
      stdin: Readable.from([]),
      signal: new AbortController().signal,
      secrets: new SecretRegistry(env),
      systemCredentialsFile: NO_SYSTEM_CREDENTIALS,
    });
    assert.equal(code, 0, stderr.text());
    assert.equal(stdout.text(), 'lbl-aaaa1111\n');
    // The read before sending tells a listener this create made from one already there (docs/reconcile.md).
    assert.deepEqual(server.actions, [
      'DescribeListeners',
      'CreateListener',
      'DescribeTaskStatus',
      'DescribeTaskStatus',
      'DescribeTaskStatus',
    ]);
    assert.equal(server.connections, 1, 'one keep-alive connection for the read, the create and its three polls');
    assert.deepEqual(server.metadata, [], 'keys from the environment: the metadata service is never asked');
  } finally {
    await server.close();
  }
});

test('without keys anywhere the metadata service is asked (so the test above can fail)', async () => {
  const server = await recorder(0);
  try {
    const env = { TENCENTCLOUD_REGION: 'ap-guangzhou', HOME: '/nonexistent', CLB_LISTENER_METADATA_URL: `${server.url}/latest/meta-data` };
    const stderr = sink();
    const code = await main(['create', '--lb', 'lb-aaaa1111', '--port', '80', '--protocol', 'TCP', '--endpoint', server.url], {
      env,
      stdout: sink(),
      stderr,
      stdin: Readable.from([]),
      signal: new AbortController().signal,
      secrets: new SecretRegistry(env),
      systemCredentialsFile: NO_SYSTEM_CREDENTIALS,
    });
    assert.equal(code, 3, stderr.text());
    assert.ok(server.metadata.length > 0);
    assert.deepEqual(server.actions, []);
  } finally {
    await server.close();
  }
});

test('a request undici refuses to build (a header value with a line break) was not sent, and says so', async () => {
  const server = await recorder(0);
  const wire: string[] = [];
  const client = new ClbClient({
    endpoint: server.url,
    region: 'ap-guangzhou',
    credentials: { describe: 'test', get: async () => ({ secretId: 'AKIDtest', secretKey: 'key', token: 'token\r\nX-Injected: 1' }) },
    retry: { baseDelayMs: 1, maxDelayMs: 1 },
    onWire: (event) => wire.push(event.type),
  });
  try {
    await assert.rejects(createListener(client, { LoadBalancerId: 'lb-aaaa1111', Ports: [80], Protocol: 'TCP' }), (error: unknown) => {
      assert.ok(error instanceof NetworkError, String(error));
      assert.equal(error.mayHaveApplied, false);
      assert.match(error.message, /^CreateListener: the request could not be built: /);
      assert.equal(error.hint, 'nothing was sent');
      return true;
    });
    assert.deepEqual(wire, ['request', 'error'], 'one attempt: the same request would fail the same way');
    assert.deepEqual(server.actions, []);
    assert.equal(server.connections, 0);
  } finally {
    await client.close();
    await server.close();
  }
});

test('the waiter polls at least every half second for the first five seconds, then backs off to its cap', () => {
  // The loop's own arithmetic: poll, sleep `delay`, then compute the next pause from the time.
  const polls = [0];
  let delay = 250;
  while (polls.at(-1)! < 30_000) {
    polls.push(polls.at(-1)! + delay);
    delay = nextPollDelay(delay, polls.at(-1)!);
  }
  const gaps = polls.slice(1).map((at, i) => ({ from: polls[i]!, gap: at - polls[i]! }));
  const early = gaps.filter(({ from }) => from < QUICK_PHASE.durationMs);
  assert.ok(early.length >= 10, `${early.length} polls in the first five seconds`);
  assert.ok(
    early.every(({ gap }) => gap <= 500),
    early.map(({ gap }) => gap).join(' '),
  );
  assert.equal(gaps.at(-1)!.gap, 3000, 'later polls back off to the cap');
  // Far below the API's 20 requests per second.
  assert.ok(early.length / 5 < 3);
});
