// bin/code-cache.js: the compiled-code cache the shim installs on Node versions without Node's own
// (before 22.1). Each case loads a CommonJS file in a worker thread (a module system of its own, so
// the hook never touches this process's) and reads what the worker reports and what it left in
// the cache folder. A cache may make a run faster, never different: each case checks what the
// file's code returned.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './helpers/paths.js';

interface Report {
  value: unknown;
  /** Counted when the file has loaded (the caches are written later, as the worker exits). */
  stats: { hits: number; compiled: number };
}

/** Installs the cache for `root` in a worker, requires `file`, and reports its export and the cache's counts. */
function load(root: string, base: string, file: string, env: Record<string, string> = {}): Promise<Report> {
  const code = [
    "const { parentPort, workerData } = require('node:worker_threads');",
    'const stats = require(workerData.cacheModule).install({ root: workerData.root, base: workerData.base });',
    'const value = require(workerData.file);',
    'parentPort.postMessage({ value, stats: { hits: stats.hits, compiled: stats.compiled } });',
  ].join('\n');
  const worker = new Worker(code, {
    eval: true,
    env: { ...env },
    workerData: { cacheModule: join(REPO_ROOT, 'bin/code-cache.js'), root, base, file },
  });
  return new Promise((resolve, reject) => {
    let report: Report | undefined;
    worker.once('message', (message: Report) => (report = message));
    worker.once('error', reject);
    // The caches are written as the worker exits.
    worker.once('exit', () => (report ? resolve(report) : reject(new Error('the worker exited without reporting'))));
  });
}

/** The cache files in the one folder under `base` for this Node. */
function cacheFiles(base: string): string[] {
  const user = readdirSync(base).filter((name) => name.startsWith('clb-listener-code-cache'));
  if (user.length === 0) return [];
  const folder = join(base, user[0]!);
  return readdirSync(folder).flatMap((node) => readdirSync(join(folder, node)));
}

function setUp(): { root: string; base: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'clb-code-cache-'));
  const root = join(dir, 'bundle');
  const base = join(dir, 'cache');
  mkdirSync(root);
  mkdirSync(base);
  const file = join(root, 'answer.js');
  writeFileSync(file, 'module.exports = [1, 2, 3].map((n) => n * 10);\n');
  return { root, base, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('the code cache of bin/code-cache.js', () => {
  test('the first run compiles and writes the cache; the next runs from it, with the same result', async () => {
    const { root, base, file, cleanup } = setUp();
    const first = await load(root, base, file);
    assert.deepEqual(first.value, [10, 20, 30]);
    assert.deepEqual(first.stats, { hits: 0, compiled: 1 });
    assert.equal(cacheFiles(base).length, 1);
    const second = await load(root, base, file);
    assert.deepEqual(second.value, [10, 20, 30]);
    assert.deepEqual(second.stats, { hits: 1, compiled: 0 });
    cleanup();
  });

  test('a file changed to a source of the same length is compiled afresh, not run from the old cache', async () => {
    const { root, base, file, cleanup } = setUp();
    await load(root, base, file);
    writeFileSync(file, 'module.exports = [1, 2, 3].map((n) => n * 20);\n');
    const changed = await load(root, base, file);
    assert.deepEqual(changed.value, [20, 40, 60]);
    assert.equal(changed.stats.hits, 0);
    cleanup();
  });

  test('a damaged cache file is refused by V8 and the file compiled as usual (and the cache rewritten)', async () => {
    const { root, base, file, cleanup } = setUp();
    await load(root, base, file);
    const user = readdirSync(base).find((name) => name.startsWith('clb-listener-code-cache'))!;
    const node = readdirSync(join(base, user))[0]!;
    const [cache] = readdirSync(join(base, user, node));
    writeFileSync(join(base, user, node, cache!), 'not a code cache');
    const damaged = await load(root, base, file);
    assert.deepEqual(damaged.value, [10, 20, 30]);
    assert.deepEqual(damaged.stats, { hits: 0, compiled: 1 });
    assert.equal((await load(root, base, file)).stats.hits, 1);
    cleanup();
  });

  test('files outside the bundle, a folder others may write to, and NODE_DISABLE_COMPILE_CACHE=1 are left alone', async () => {
    const { root, base, file, cleanup } = setUp();
    const outside = await load(join(root, 'elsewhere'), base, file);
    assert.deepEqual(outside.stats, { hits: 0, compiled: 0 });
    const disabled = await load(root, base, file, { NODE_DISABLE_COMPILE_CACHE: '1' });
    assert.deepEqual(disabled.stats, { hits: 0, compiled: 0 });
    assert.deepEqual(cacheFiles(base), []);
    // A run that compiled it does write (the same set-up, only inside the bundle).
    await load(root, base, file);
    assert.equal(cacheFiles(base).length, 1);
    if (typeof process.getuid === 'function') {
      const sharedBase = join(base, 'shared');
      const folder = join(sharedBase, `clb-listener-code-cache-${process.getuid()}`);
      mkdirSync(folder, { recursive: true });
      chmodSync(folder, 0o777);
      const shared = await load(root, sharedBase, file);
      assert.deepEqual(shared.value, [10, 20, 30]);
      assert.deepEqual(shared.stats, { hits: 0, compiled: 0 });
      assert.deepEqual(readdirSync(folder), []);
    }
    cleanup();
  });

  test('a run that changes V8 flags after loading a file (as the client does) still leaves a cache the next run takes', () => {
    // V8 refuses a cache made under other flags, and flags are the whole process's: child processes.
    const { root, base, file, cleanup } = setUp();
    const script = (changeFlags: boolean) =>
      [
        `const stats = require(${JSON.stringify(join(REPO_ROOT, 'bin/code-cache.js'))}).install({ root: ${JSON.stringify(root)}, base: ${JSON.stringify(base)} });`,
        `const value = require(${JSON.stringify(file)});`,
        changeFlags ? "require('node:v8').setFlagsFromString('--liftoff-only --wasm-tiering-budget=2147483647');" : '',
        'process.stdout.write(JSON.stringify({ value, hits: stats.hits, compiled: stats.compiled }));',
      ].join('\n');
    const run = (changeFlags: boolean) => {
      const result = spawnSync(process.execPath, ['-e', script(changeFlags)], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
      assert.equal(result.status, 0, result.stderr);
      return JSON.parse(result.stdout) as { value: number[]; hits: number; compiled: number };
    };
    assert.deepEqual(run(true), { value: [10, 20, 30], hits: 0, compiled: 1 });
    assert.deepEqual(run(true), { value: [10, 20, 30], hits: 1, compiled: 0 });
    cleanup();
  });

  test('a syntax error is reported as Node reports it without the cache', async () => {
    const { root, base, file, cleanup } = setUp();
    writeFileSync(file, 'module.exports = (;\n');
    await assert.rejects(load(root, base, file), (error: Error) => error instanceof SyntaxError || error.name === 'SyntaxError');
    assert.deepEqual(cacheFiles(base), []);
    cleanup();
  });
});
