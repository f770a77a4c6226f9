/**
 * Runs under test see nothing of the machine's user (test/helpers/hermetic.ts): an empty HOME of
 * their own, none of the caller's TENCENTCLOUD_* or TCCLI_* variables, and in place of the SDKs'
 * /etc/tencentcloud/credentials a path that does not exist.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { EMPTY_HOME, NO_SYSTEM_CREDENTIALS } from './helpers/hermetic.js';
import { testContext } from './helpers/run.js';
import { fakeTerminal, terminalContext } from './helpers/fake-tty.js';

test("every helper gives a run an empty HOME of its own and none of the caller's variables", () => {
  for (const ctx of [testContext(), testContext({ env: { PATH: '/usr/bin' } }), terminalContext(fakeTerminal())]) {
    assert.equal(ctx.env.HOME, EMPTY_HOME);
    assert.deepEqual(
      Object.keys(ctx.env).filter((name) => /^(TENCENTCLOUD_|TCCLI_|TKE_)/.test(name)),
      [],
    );
    assert.equal(ctx.systemCredentialsFile, NO_SYSTEM_CREDENTIALS);
  }
  // A test that names its own HOME keeps it.
  assert.equal(testContext({ env: { HOME: '/somewhere' } }).env.HOME, '/somewhere');
  assert.equal(existsSync(NO_SYSTEM_CREDENTIALS), false);
});

test("the machine-wide credentials file is read from where the run's context says, never /etc in a test", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clb-etc-'));
  try {
    const file = join(dir, 'credentials');
    writeFileSync(file, '[default]\nsecret_id = AKIDsystemFileKey00000000000000000000\nsecret_key = systemFileSecret000000000000000000\n', {
      mode: 0o600,
    });
    const signedBy = async (systemCredentialsFile?: string) => {
      const ctx = testContext({ env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TENCENTCLOUD_REGION: 'ap-guangzhou' } });
      const code = await main(['create', '--lb', 'lb-aaaa1111', '--port', '80', '--protocol', 'TCP', '--dry-run'], {
        ...ctx,
        ...(systemCredentialsFile ? { systemCredentialsFile } : {}),
      });
      assert.equal(code, 0, ctx.stderr.text);
      return /Credential=(AKID\w+)\//.exec(ctx.stdout.text)?.[1];
    };
    assert.equal(await signedBy(file), 'AKIDsystemFileKey00000000000000000000');
    assert.equal(await signedBy(), undefined, 'by default nothing stands in for /etc: the dry run is unsigned');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
