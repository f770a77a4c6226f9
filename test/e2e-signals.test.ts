// SIGINT, SIGTERM and SIGHUP at each stage of a create, on the shipped binary: before anything is
// sent (the body is being read from a stdin that never ends), during the CreateListener request,
// and during the wait. Each signal is sent once its stage is reached (the process handles the
// signals; the emulator's request hook saw the request), so no timing is guessed. The nine
// processes run at once.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { emulatorEnv, spawnCli, type CliResult } from './helpers/cli.js';
import { eventually } from './helpers/eventually.js';
import { startDeafProxy } from './helpers/proxy.js';

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type Signal = keyof typeof SIGNALS;
const ALL = Object.keys(SIGNALS) as Signal[];
const REQUEST_ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const LB = 'lb-signal01';
/** Linux shows which signals a process handles; elsewhere stage 1 is skipped. */
const PROC = existsSync('/proc/self/status');

interface Run {
  outcome: CliResult;
  emu: InProcessEmulator;
}

const cleanups: (() => Promise<unknown> | undefined)[] = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** One create against its own emulator; `setup` may arrange a fault, and `fire` sends the signal once. */
async function create(
  args: string[],
  signal: Signal,
  options: {
    setup?: (emu: InProcessEmulator) => Promise<void>;
    watchAction?: string;
    whenStarted?: (child: ChildProcess) => Promise<void>;
    holdStdin?: string;
  },
): Promise<Run> {
  let child: ChildProcess | undefined;
  let fired = false;
  const fire = () => {
    if (fired || !child) return;
    fired = true;
    child.kill(signal);
  };
  const { watchAction } = options;
  const emu = await inProcessEmulator({
    realTime: true,
    loadBalancers: [LB],
    ...(watchAction ? { onRequest: (entry: { action: string }) => entry.action === watchAction && fire() } : {}),
  });
  cleanups.push(() => emu.stop());
  await options.setup?.(emu);
  const outcome = await spawnCli([...args, '--endpoint', emu.endpoint], {
    env: emulatorEnv(emu),
    ...(options.holdStdin !== undefined ? { holdStdin: true, stdin: options.holdStdin } : {}),
    onSpawn: (spawned) => {
      child = spawned;
      void options.whenStarted?.(spawned).then(fire);
    },
  });
  return { outcome, emu };
}

/** The signals a process has handlers for (Linux: /proc/PID/status, SigCgt), so none is sent before main is listening. */
function catches(pid: number, names: readonly Signal[]): boolean {
  const numbers = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return false;
  }
  const mask = BigInt(`0x${/^SigCgt:\s*([0-9a-f]+)$/m.exec(status)?.[1] ?? '0'}`);
  return names.every((name) => (mask >> BigInt(numbers[name] - 1)) & 1n);
}

/**
 * Stage 1: the body comes on stdin, and stdin never ends: the command is reading its input, with
 * nothing sent. The signal goes once the process handles all three signals.
 */
function beforeSending(signal: Signal): Promise<Run> {
  return create(['create', '--from-file', '-', '--port', '80', '--protocol', 'TCP'], signal, {
    holdStdin: 'LoadBalancerId: lb-signal01\n',
    whenStarted: (child) => eventually(() => catches(child.pid!, ALL), 'the signal handlers').then(() => undefined),
  });
}

/** Stage 2: the CreateListener request reached the emulator, and its answer never comes. */
function duringCreate(signal: Signal): Promise<Run> {
  return create(['create', '--lb', LB, '--port', '81', '--protocol', 'TCP'], signal, {
    setup: (emu) => emu.faults([{ action: 'CreateListener', kind: 'hang' }]),
    watchAction: 'CreateListener',
  });
}

/** Stage 3: the create was accepted and its task is being polled; the task never ends. */
function duringWait(signal: Signal): Promise<Run> {
  return create(['create', '--lb', LB, '--port', '82', '--protocol', 'TCP'], signal, {
    setup: (emu) => emu.faults([{ action: 'CreateListener', kind: 'taskHang' }]),
    watchAction: 'DescribeTaskStatus',
  });
}

const show = ({ outcome }: Run) => `exit ${outcome.code} (signal ${outcome.signal})\nstdout: ${outcome.stdout}\nstderr: ${outcome.stderr}`;
const by = (signal: Signal) => (signal === 'SIGINT' ? '' : ` by ${signal}`);

describe('SIGINT, SIGTERM and SIGHUP at each stage of a create', () => {
  // All nine start now; each test awaits its three.
  const before = PROC ? ALL.map((s) => [s, beforeSending(s)] as const) : [];
  const during = ALL.map((s) => [s, duringCreate(s)] as const);
  const waiting = ALL.map((s) => [s, duringWait(s)] as const);

  test('before sending: exit 130/143/129 and "nothing was sent"; the emulator received nothing', {
    skip: !PROC && 'needs /proc to see the handlers',
  }, async () => {
    for (const [signal, pending] of before) {
      const run = await pending;
      assert.equal(run.outcome.code, SIGNALS[signal], show(run));
      assert.equal(run.outcome.stdout, '');
      assert.match(
        run.outcome.stderr,
        new RegExp(`^error: interrupted${by(signal)}( while reading stdin)?; nothing was sent$`, 'm'),
        show(run),
      );
      assert.equal(await run.emu.requestCount(), 0);
    }
  });

  test('during the CreateListener request: exit 130/143/129, the command that checks, never resent', async () => {
    for (const [signal, pending] of during) {
      const run = await pending;
      assert.equal(run.outcome.code, SIGNALS[signal], show(run));
      assert.equal(run.outcome.stdout, '');
      assert.match(run.outcome.stderr, new RegExp(`^error: interrupted${by(signal)}`, 'm'), show(run));
      assert.match(run.outcome.stderr, /clb-listener list --lb lb-signal01/, show(run));
      assert.equal(await run.emu.requestCount('CreateListener'), 1);
    }
  });

  test('during the wait: exit 130/143/129 with the RequestId, the ListenerIds and the resume command', async () => {
    for (const [signal, pending] of waiting) {
      const run = await pending;
      assert.equal(run.outcome.code, SIGNALS[signal], show(run));
      assert.equal(run.outcome.stdout, '');
      const id = new RegExp(`^error: interrupted${by(signal)} while waiting for task (${REQUEST_ID})`, 'm').exec(run.outcome.stderr)?.[1];
      assert.ok(id, show(run));
      const listener = (await run.emu.state()).listeners[0]!;
      assert.equal(listener.TaskId, id);
      assert.match(run.outcome.stderr, new RegExp(`^listener ids: ${listener.ListenerId}$`, 'm'));
      assert.match(run.outcome.stderr, new RegExp(`clb-listener wait ${id}`));
      assert.equal(await run.emu.requestCount('CreateListener'), 1);
    }
  });
});

describe('a proxy that never opens the tunnel, on the shipped binary', () => {
  test('closing every CONNECT: exit 6 after a few tries (it spun for ever before); never answering it: SIGTERM ends it with 143', async () => {
    const closing = await startDeafProxy('close');
    const silent = await startDeafProxy('silent');
    cleanups.push(
      () => closing.close(),
      () => silent.close(),
    );
    const env = (port: number) => ({
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: '/nonexistent',
      TENCENTCLOUD_SECRET_ID: 'AKIDe2eproxy000000001',
      TENCENTCLOUD_SECRET_KEY: 'e2e-proxy-secret-key-000001',
      TENCENTCLOUD_REGION: 'ap-guangzhou',
      HTTPS_PROXY: `http://127.0.0.1:${port}`,
    });
    const args = [
      'create',
      '--lb',
      LB,
      '--port',
      '80',
      '--protocol',
      'TCP',
      '--endpoint',
      'clb.tencentcloudapi.com',
      '--request-timeout',
      '5',
    ];
    const [closed, terminated] = await Promise.all([
      spawnCli(args, { env: env(closing.port) }),
      spawnCli(args, {
        env: env(silent.port),
        onSpawn: (child) => void eventually(() => silent.connects() >= 1, 'the CONNECT').then(() => child.kill('SIGTERM')),
      }),
    ]);
    assert.equal(closed.code, 6, closed.stderr);
    assert.match(closed.stderr, /closed the connection before the tunnel was open \(3 attempts\)$/m);
    assert.ok(closing.connects() <= 6, `${closing.connects()} CONNECTs`);
    assert.equal(terminated.code, 143, terminated.stderr);
    assert.match(terminated.stderr, /^error: interrupted by SIGTERM; nothing was sent$/m);
  });
});
