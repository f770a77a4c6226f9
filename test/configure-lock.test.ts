// Profile files are read, changed and written under a lock: seven `configure set` running at the
// same moment on different keys (each in its own thread), round after round, lose nothing. The
// lock itself: a stale lock of a dead process is taken over; a live one is waited for, then named.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync, chmodSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { withFileLock } from '../src/config/lock.js';
import { CredentialsError } from '../src/core/errors.js';
import { run as runCommand, type RunResult } from './helpers/run.js';
import type { SetRequest } from './helpers/configure-worker.js';

const ROUNDS = 12;

function setters(round: number): Omit<SetRequest, 'home'>[] {
  return [
    { key: 'secretId', value: `AKIDround${round}` },
    { key: 'secretKey', value: '-', stdin: `secret-of-round-${round}\n` },
    { key: 'token', value: '-', stdin: `token-of-round-${round}` },
    { key: 'region', value: round % 2 ? 'ap-shanghai' : 'ap-guangzhou' },
    { key: 'output', value: ['json', 'text', 'table'][round % 3]! },
    { key: 'language', value: round % 2 ? 'zh-CN' : 'en-US' },
    { key: 'endpoint', value: `clb.r${round}.example.com` },
  ];
}

describe('concurrent configure set', () => {
  const workers: Worker[] = [];
  let base: string;
  before(() => {
    base = mkdtempSync(join(tmpdir(), 'clb-lock-'));
    for (let i = 0; i < 7; i++) workers.push(new Worker(new URL('./helpers/configure-worker.js', import.meta.url)));
  });
  after(async () => {
    await Promise.all(workers.map((w) => w.terminate()));
    rmSync(base, { recursive: true, force: true });
  });

  const run = (worker: Worker, request: SetRequest) =>
    new Promise<RunResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(request);
    });

  test(`7 setters on different keys at once, ${ROUNDS} rounds: every value is kept`, async () => {
    const lost: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const home = join(base, `round-${round}`);
      mkdirSync(home);
      const requests = setters(round);
      const results = await Promise.all(requests.map((request, i) => run(workers[i]!, { ...request, home })));
      for (const [i, result] of results.entries()) assert.equal(result.code, 0, `${requests[i]!.key}: ${result.stderr}`);
      const credential = JSON.parse(readFileSync(join(home, '.tccli', 'default.credential'), 'utf8')) as Record<string, unknown>;
      const configure = JSON.parse(readFileSync(join(home, '.tccli', 'default.configure'), 'utf8')) as {
        _sys_param?: Record<string, unknown>;
        clb?: Record<string, unknown>;
      };
      const expected: Record<string, unknown> = {
        secretId: `AKIDround${round}`,
        secretKey: `secret-of-round-${round}`,
        token: `token-of-round-${round}`,
      };
      for (const [key, value] of Object.entries(expected)) if (credential[key] !== value) lost.push(`round ${round}: ${key}`);
      if (configure._sys_param?.region !== requests[3]!.value) lost.push(`round ${round}: region`);
      if (configure._sys_param?.output !== requests[4]!.value) lost.push(`round ${round}: output`);
      if (configure._sys_param?.language !== requests[5]!.value) lost.push(`round ${round}: language`);
      if (configure.clb?.endpoint !== `clb.r${round}.example.com`)
        lost.push(`round ${round}: endpoint (${String(configure.clb?.endpoint)})`);
      assert.ok(!existsSync(join(home, '.tccli', '.default.lock')), 'the lock is released');
    }
    assert.deepEqual(lost, [], `lost updates:\n${lost.join('\n')}`);
  });
});

describe('the lock file', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'clb-lockfile-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a lock left by a process that is gone is taken over', () => {
    const lock = join(dir, 'dead.lock');
    // A pid far above any pid_max: no such process.
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 30, host: hostname() }));
    assert.equal(
      withFileLock(lock, 'profile "x"', () => 'done'),
      'done',
    );
    assert.ok(!existsSync(lock));
  });

  test('a lock held by a live process is waited for, then named with the way out', () => {
    const lock = join(dir, 'live.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname() }));
    let clock = 0;
    const sleeps: number[] = [];
    assert.throws(
      () =>
        withFileLock(lock, 'profile "x"', () => 'never', {
          timeoutMs: 1000,
          now: () => clock,
          sleep: (ms) => {
            sleeps.push(ms);
            clock += ms;
          },
        }),
      (error: unknown) =>
        error instanceof CredentialsError &&
        /profile "x" is locked by another run \(pid \d+\)/.test(error.message) &&
        error.hint!.includes(`rm ${lock}`),
    );
    assert.ok(sleeps.length > 5, 'it waited and tried again');
    assert.ok(existsSync(lock), 'a live lock is never removed');
  });

  test('a lock older than the stale limit is taken over even when its owner cannot be checked', () => {
    const lock = join(dir, 'old.lock');
    writeFileSync(lock, JSON.stringify({ pid: 1, host: 'another-host' }));
    assert.equal(
      withFileLock(lock, 'profile "x"', () => 'done', { staleMs: -1 }),
      'done',
    );
  });
});

describe('configure set writes what it was given, or says why it cannot', () => {
  let home: string;
  before(() => {
    home = mkdtempSync(join(tmpdir(), 'clb-set-'));
  });
  after(() => {
    chmodSync(join(home), 0o700);
    rmSync(home, { recursive: true, force: true });
  });

  test('configure set secretKey - strips the trailing newline of echo', async () => {
    const result = await runCommand(['configure', 'set', 'secretKey', '-'], { env: { HOME: home }, stdin: 'AbCdEf0123456789\n' });
    assert.equal(result.code, 0, result.stderr);
    const credential = JSON.parse(readFileSync(join(home, '.tccli', 'default.credential'), 'utf8')) as { secretKey: string };
    assert.equal(credential.secretKey, 'AbCdEf0123456789');
  });

  test('an unwritable ~/.tccli is a clear error naming the path, not a crash', async (t) => {
    if (process.getuid?.() === 0) {
      t.skip('root writes through any mode');
      return;
    }
    const locked = mkdtempSync(join(tmpdir(), 'clb-ro-'));
    mkdirSync(join(locked, '.tccli'), { mode: 0o500 });
    try {
      const result = await runCommand(['configure', 'set', 'region', 'ap-guangzhou'], { env: { HOME: locked } });
      assert.equal(result.code, 3, result.stderr);
      assert.match(result.stderr, new RegExp(`^error: cannot write ${join(locked, '.tccli')}.*: permission denied$`, 'm'));
      assert.doesNotMatch(result.stderr, /this is a bug|\n\s+at /);
    } finally {
      chmodSync(join(locked, '.tccli'), 0o700);
      rmSync(locked, { recursive: true, force: true });
    }
  });

  test('a ~/.tccli that is a file is a clear error naming the path', async () => {
    const odd = mkdtempSync(join(tmpdir(), 'clb-odd-'));
    writeFileSync(join(odd, '.tccli'), 'not a directory');
    try {
      const result = await runCommand(['configure', 'set', 'region', 'ap-guangzhou'], { env: { HOME: odd } });
      assert.equal(result.code, 3, result.stderr);
      assert.match(result.stderr, /^error: cannot write .*\.tccli.*: a parent is not a directory$/m);
    } finally {
      rmSync(odd, { recursive: true, force: true });
    }
  });
});
