// SIGINT, SIGTERM and SIGHUP at each stage of a create, on the real binary: before anything is
// sent (while credentials are being fetched), during the CreateListener request, and during the
// wait. Each signal is sent the moment the stage is reached (the test's metadata server or the
// emulator's request hook fires it), so no timing is guessed. The nine runs go in parallel.
// Plus, in-process: an interrupt while stdin is being read ends the read at once.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { inProcessEmulator, REPO_ROOT, type InProcessEmulator } from './helpers/emulator.js';
import { BIN, EMPTY_HOME } from './helpers/cli.js';
import { runMain } from './helpers/main-in-process.js';

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type Signal = keyof typeof SIGNALS;
const REQUEST_ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const LB = 'lb-signal01';

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Spawns the binary; `arm` receives a function that sends the signal once, when the stage is reached. */
function spawnCli(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<Outcome> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), 45_000);
  const done = new Promise<Outcome>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, done };
}

function emulatorEnvFor(emu: InProcessEmulator): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: EMPTY_HOME,
    TENCENTCLOUD_SECRET_ID: emu.secretId,
    TENCENTCLOUD_SECRET_KEY: emu.secretKey,
    TENCENTCLOUD_REGION: emu.region,
    CLB_LISTENER_METADATA_URL: 'http://127.0.0.1:9/latest/meta-data',
  };
}

/** Stage 1: the credentials chain reaches the instance metadata service, which never answers. */
async function beforeSending(signal: Signal): Promise<{ outcome: Outcome; emu: InProcessEmulator }> {
  const emu = await inProcessEmulator({ loadBalancers: [LB] });
  let child: ChildProcess | undefined;
  const held: import('node:http').ServerResponse[] = [];
  const metadata: Server = createServer((_req, res) => {
    held.push(res);
    child?.kill(signal);
  });
  await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const res of held) res.destroy();
    metadata.closeAllConnections();
    await new Promise((resolve) => metadata.close(resolve));
    await emu.stop();
  });
  const { port } = metadata.address() as AddressInfo;
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: EMPTY_HOME,
    TENCENTCLOUD_REGION: emu.region,
    CLB_LISTENER_METADATA_URL: `http://127.0.0.1:${port}/latest/meta-data`,
  };
  const run = spawnCli(['create', '--lb', LB, '--port', '80', '--protocol', 'TCP', '--endpoint', emu.endpoint], env);
  child = run.child;
  return { outcome: await run.done, emu };
}

/** Stage 2: the CreateListener request is on the wire and its answer never comes. */
async function duringCreate(signal: Signal): Promise<{ outcome: Outcome; emu: InProcessEmulator }> {
  let child: ChildProcess | undefined;
  const emu = await inProcessEmulator({
    loadBalancers: [LB],
    onRequest: (entry) => {
      if (entry.action === 'CreateListener') child?.kill(signal);
    },
  });
  cleanups.push(() => emu.stop());
  await emu.faults([{ action: 'CreateListener', kind: 'hang' }]);
  const run = spawnCli(['create', '--lb', LB, '--port', '81', '--protocol', 'TCP', '--endpoint', emu.endpoint], emulatorEnvFor(emu));
  child = run.child;
  return { outcome: await run.done, emu };
}

/** Stage 3: the create was accepted and its task is being polled; the task never ends. */
async function duringWait(signal: Signal): Promise<{ outcome: Outcome; emu: InProcessEmulator }> {
  let child: ChildProcess | undefined;
  const emu = await inProcessEmulator({
    loadBalancers: [LB],
    onRequest: (entry) => {
      if (entry.action === 'DescribeTaskStatus') child?.kill(signal);
    },
  });
  cleanups.push(() => emu.stop());
  await emu.faults([{ action: 'CreateListener', kind: 'taskHang' }]);
  const run = spawnCli(['create', '--lb', LB, '--port', '82', '--protocol', 'TCP', '--endpoint', emu.endpoint], emulatorEnvFor(emu));
  child = run.child;
  return { outcome: await run.done, emu };
}

function describeOutcome(outcome: Outcome): string {
  return `exit ${outcome.code} (signal ${outcome.signal})\nstdout: ${outcome.stdout}\nstderr: ${outcome.stderr}`;
}

const by = (signal: Signal) => (signal === 'SIGINT' ? '' : ` by ${signal}`);

describe('signals at each stage of a create', () => {
  const signals = Object.keys(SIGNALS) as Signal[];
  // All nine at once: each waits only for its own stage.
  const runs = {
    before: Object.fromEntries(signals.map((s) => [s, beforeSending(s)])),
    create: Object.fromEntries(signals.map((s) => [s, duringCreate(s)])),
    wait: Object.fromEntries(signals.map((s) => [s, duringWait(s)])),
  } as Record<'before' | 'create' | 'wait', Record<Signal, Promise<{ outcome: Outcome; emu: InProcessEmulator }>>>;

  for (const signal of signals) {
    test(`${signal} before sending: exit ${SIGNALS[signal]}, nothing was sent`, async () => {
      const { outcome, emu } = await runs.before[signal];
      assert.equal(outcome.code, SIGNALS[signal], describeOutcome(outcome));
      assert.equal(outcome.stdout, '');
      assert.match(outcome.stderr, new RegExp(`^error: interrupted${by(signal)}; nothing was sent$`, 'm'), describeOutcome(outcome));
      assert.equal(await emu.requestCount(), 0);
    });

    test(`${signal} during the CreateListener request: exit ${SIGNALS[signal]}, how to check, never resent`, async () => {
      const { outcome, emu } = await runs.create[signal];
      assert.equal(outcome.code, SIGNALS[signal], describeOutcome(outcome));
      assert.equal(outcome.stdout, '');
      assert.match(outcome.stderr, new RegExp(`^error: interrupted${by(signal)}`, 'm'), describeOutcome(outcome));
      assert.match(outcome.stderr, /clb-listener list --lb lb-signal01/, describeOutcome(outcome));
      assert.equal(await emu.requestCount('CreateListener'), 1);
    });

    test(`${signal} during the wait: exit ${SIGNALS[signal]} with the RequestId, the ids and the resume command`, async () => {
      const { outcome, emu } = await runs.wait[signal];
      assert.equal(outcome.code, SIGNALS[signal], describeOutcome(outcome));
      assert.equal(outcome.stdout, '');
      const id = new RegExp(`^error: interrupted${by(signal)} while waiting for task (${REQUEST_ID})`, 'm').exec(outcome.stderr)?.[1];
      assert.ok(id, describeOutcome(outcome));
      const listener = (await emu.state()).listeners[0]!;
      assert.equal(listener.TaskId, id);
      assert.match(outcome.stderr, new RegExp(`^listener ids: ${listener.ListenerId}$`, 'm'));
      assert.match(outcome.stderr, new RegExp(`clb-listener wait ${id}`));
      assert.equal(await emu.requestCount('CreateListener'), 1);
    });
  }
});

describe('an interrupt while stdin is read', () => {
  test('ends the read at once and says nothing was sent', async () => {
    const stdin = new PassThrough();
    stdin.write('LoadBalancerId: lb-signal01\n'); // and then never ends
    const interrupt = new AbortController();
    stdin.once('resume', () => setImmediate(() => interrupt.abort('SIGTERM')));
    const result = await runMain(['create', '--from-file', '-', '--endpoint', 'http://127.0.0.1:9'], {
      stdin,
      signal: interrupt.signal,
      env: { HOME: EMPTY_HOME, TENCENTCLOUD_REGION: 'ap-guangzhou' },
    });
    assert.equal(result.code, 143, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, 'error: interrupted by SIGTERM while reading stdin; nothing was sent\n');
    assert.ok(stdin.destroyed, 'the stream is let go, so a pipe that never ends cannot keep the process alive');
  });
});
