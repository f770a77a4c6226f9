// A write killed between its temporary file and the rename (kill -9) left `<file>.<pid>…tmp`
// behind, a profile's secret in it. The next write removes such files of processes that are gone,
// and leaves those of a process still running (it may be writing right now).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTempHome, type TempHome } from './helpers/home.js';
import { runCli } from './helpers/cli.js';
import { saveStateFile } from '../src/emulator/persist.js';

/** The pid of a process that has ended. */
const GONE = spawnSync('true').pid!;
/** A process that is running: the one that started this test file. */
const RUNNING = process.ppid;

describe('temporary files left by a killed write', () => {
  let home: TempHome;
  let dir: string;
  before(() => {
    home = makeTempHome();
    dir = mkdtempSync(join(tmpdir(), 'clb-stale-'));
  });
  after(() => {
    home.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test('configure: the next write of a profile removes the stale copies of dead processes', async () => {
    const tccli = home.path('.tccli');
    mkdirSync(tccli, { recursive: true, mode: 0o700 });
    const stale = join(tccli, `.default.credential.${GONE}.0a1b2c3d.tmp`);
    const live = join(tccli, `.default.credential.${RUNNING}.0a1b2c3d.tmp`);
    const other = join(tccli, `.other.credential.${GONE}.0a1b2c3d.tmp`);
    for (const path of [stale, live, other]) writeFileSync(path, '{"secretKey":"LeftBehindByKill9-0000000000"}', { mode: 0o600 });
    const result = await runCli(['configure', 'set', 'secretId', 'AKIDstaletempfiletest000000000000'], { env: home.env() });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(existsSync(stale), false, 'the dead process left it: removed');
    assert.equal(existsSync(live), true, 'a running process may be writing it: kept');
    assert.equal(existsSync(other), true, "another profile's file is not this write's");
  });

  test('emulator --state: the next save removes a stale temporary state file', () => {
    const path = join(dir, 'state.json');
    const stale = `${path}.${GONE}.tmp`;
    writeFileSync(stale, '{}');
    saveStateFile(path, { version: 1, loadBalancers: [], listeners: [] });
    assert.equal(existsSync(stale), false);
    assert.equal(existsSync(path), true);
  });
});
