// Every request has an end, and so has a command whose requests get no answer at all: the bound
// the README states ("Retries and lost answers"), on the test's clock. In-process.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { runCli } from './helpers/cli.js';
import { FakeClock } from './helpers/clock.js';
import { eventually } from './helpers/eventually.js';
import { EMPTY_HOME, NO_METADATA_URL } from './helpers/run.js';

const ENV = {
  HOME: EMPTY_HOME,
  TENCENTCLOUD_SECRET_ID: 'AKIDnetworkbounds0001',
  TENCENTCLOUD_SECRET_KEY: 'network-bounds-secret-key-0001',
  TENCENTCLOUD_REGION: 'ap-guangzhou',
  CLB_LISTENER_METADATA_URL: NO_METADATA_URL,
};

describe('a server that accepts and never answers', () => {
  let server: Server;
  let requests = 0;
  const sockets = new Set<Socket>();
  before(async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
      // Reads every request, answers none.
      socket.on('data', (chunk: Buffer) => {
        requests += chunk.toString('latin1').split('POST / HTTP/1.1').length - 1;
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  test('create --request-timeout 3 ends within 3 × the request timeout + 10 s, with exit 6', async () => {
    const clock = new FakeClock();
    const started = clock.now();
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const argv = ['create', '--lb', 'lb-aaaa1111', '--port', '80', '--protocol', 'TCP', '--request-timeout', '3', '--endpoint', endpoint];
    const first = requests;
    let ended = false;
    const pending = runCli(argv, { env: ENV, clock }).finally(() => (ended = true));
    // Each request that reaches the server waits until the test's clock passes its deadline; the
    // pauses between requests move the clock by themselves.
    let seen = first;
    for (;;) {
      await eventually(() => ended || requests > seen, 'the next request, or the end of the run');
      if (ended) break;
      seen = requests;
      clock.advance(3000);
    }
    const result = await pending;
    const elapsed = clock.now() - started;
    assert.equal(result.code, 6, result.stderr);
    assert.match(result.stderr, /^error: CreateListener: no answer before the request timeout$/m);
    assert.match(result.stderr, /may or may not have been applied/, 'the create was written: its fate is unknown');
    assert.ok(elapsed <= 3 * 3000 + 10_000, `ended after ${elapsed} ms of the command's time (at most 19000)`);
    // The read before sending, the create, and the reconcile's reads: each tried once.
    assert.ok(requests - first <= 6, `${requests - first} requests`);
  });
});
