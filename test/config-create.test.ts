// tccli-format files alone in a temporary HOME (no TENCENTCLOUD_* variables) are enough for
// `create` to sign and send a request the emulator accepts.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { makeTempHome, runCli, type RunResult, type TempHome } from './helpers/home.js';

describe('create with credentials from tccli profile files', () => {
  let emulator: InProcessEmulator;
  let home: TempHome;
  const runs: RunResult[] = [];

  before(async () => {
    emulator = await inProcessEmulator();
    home = makeTempHome();
    home.tccli('default', {
      credential: { secretId: emulator.secretId, secretKey: emulator.secretKey },
      configure: {
        _sys_param: { region: emulator.region, output: 'json', arrayCount: 10, warning: 'off' },
        clb: { endpoint: 'clb.tencentcloudapi.com', version: '2018-03-17' },
      },
    });
    // A second profile in the older top-level layout, whose clb.endpoint is the emulator itself.
    home.tccli('emu', {
      credential: { secretId: emulator.secretId, secretKey: emulator.secretKey },
      configure: { region: emulator.region, clb: { endpoint: emulator.endpoint, version: '2018-03-17' } },
    });
  });
  after(async () => {
    await emulator?.stop();
    home?.cleanup();
  });

  test('--endpoint plus the default profile', async () => {
    const result = await runCli(
      ['create', '--lb', emulator.loadBalancers[0]!, '--port', '8080', '--protocol', 'TCP', '--endpoint', emulator.endpoint],
      { env: home.env() },
    );
    runs.push(result);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^lbl-[a-z0-9]+$/m);
  });

  test('--profile with the endpoint taken from the profile', async () => {
    const result = await runCli(['create', '--profile', 'emu', '--lb', emulator.loadBalancers[0]!, '--port', '8081', '--protocol', 'TCP'], {
      env: home.env(),
    });
    runs.push(result);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^lbl-[a-z0-9]+$/m);
  });

  test('the secret key was never printed', () => {
    assert.equal(runs.length, 2);
    for (const run of runs) assert.ok(!(run.stdout + run.stderr).includes(emulator.secretKey));
  });
});
