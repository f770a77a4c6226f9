// `configure set/get/list` through the real binary, in a temporary HOME with nothing else set.
import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { makeTempHome, runCli, type RunResult, type TempHome } from './helpers/home.js';

const ID = 'AKIDcliConfigure000000000000000000001';
const KEY = 'cliConfigureSecretKey000000000001';
const TOKEN = 'cliConfigureSessionToken-0000000000000000000000000001';

let home: TempHome;
afterEach(() => home?.cleanup());

/** Every byte the runs printed, checked for the secrets. */
function assertNoSecrets(runs: RunResult[], secrets: string[] = [KEY, TOKEN]): void {
  const printed = runs.map((r) => r.stdout + r.stderr).join('\n');
  for (const secret of secrets) assert.ok(!printed.includes(secret), `a secret was printed:\n${printed}`);
}

describe('configure set / get / list', () => {
  test('round trip with masking, tccli layout, private modes', async () => {
    home = makeTempHome();
    const env = home.env();
    const runs: RunResult[] = [];
    const run = async (args: string[], input?: string) => {
      const result = await runCli(args, { env, ...(input !== undefined ? { input } : {}) });
      runs.push(result);
      return result;
    };

    const set = await run(['configure', 'set', 'secretId', ID, 'region', 'ap-shanghai', 'output', 'table']);
    assert.equal(set.code, 0, set.stderr);
    assert.equal(set.stdout, '', 'nothing on stdout');
    assert.equal((await run(['configure', 'set', 'secretKey', '-'], `${KEY}\n`)).code, 0);
    assert.equal((await run(['configure', 'set', 'token', '-'], TOKEN)).code, 0);

    assert.equal((await run(['configure', 'get', 'region'])).stdout, 'ap-shanghai\n');
    assert.equal((await run(['configure', 'get', 'secretKey'])).stdout, 'cliC****0001\n');
    assert.equal((await run(['configure', 'get', 'secretId'])).stdout, 'AKID****0001\n');
    assert.deepEqual(JSON.parse((await run(['configure', 'get', 'token', '-o', 'json'])).stdout), { token: 'cliC****0001' });

    const unset = await run(['configure', 'get', 'language']);
    assert.deepEqual([unset.code, unset.stdout], [0, '']);
    assert.match(unset.stderr, /language is not set in profile "default"/);

    const list = await run(['configure', 'list']);
    assert.equal(list.code, 0);
    assert.match(list.stdout, /secretKey\s+cliC\*\*\*\*0001/);
    assert.match(list.stdout, /region\s+ap-shanghai/);
    assert.match(list.stdout, /language\s+\(not set\)/);
    const listJson = JSON.parse((await run(['configure', 'list', '-o', 'json'])).stdout);
    assert.equal(listJson.profile, 'default');
    assert.deepEqual(listJson.values, {
      secretId: 'AKID****0001',
      secretKey: 'cliC****0001',
      token: 'cliC****0001',
      region: 'ap-shanghai',
      output: 'table',
      language: null,
      endpoint: 'clb.tencentcloudapi.com',
      'use-cvm-role': 'false',
    });

    // The files: the layout tccli writes and reads.
    assert.deepEqual(home.readJson('.tccli', 'default.credential'), { secretId: ID, secretKey: KEY, token: TOKEN });
    assert.deepEqual(home.readJson('.tccli', 'default.configure'), {
      _sys_param: { arrayCount: 10, output: 'table', region: 'ap-shanghai', warning: 'off' },
      clb: { endpoint: 'clb.tencentcloudapi.com', version: '2018-03-17' },
    });
    const text = readFileSync(home.path('.tccli', 'default.credential'), 'utf8');
    assert.equal(text, `{\n  "secretId": "${ID}",\n  "secretKey": "${KEY}",\n  "token": "${TOKEN}"\n}\n`);
    assert.equal(statSync(home.path('.tccli')).mode & 0o777, 0o700);
    assert.equal(statSync(home.path('.tccli', 'default.credential')).mode & 0o777, 0o600);
    assert.equal(statSync(home.path('.tccli', 'default.configure')).mode & 0o777, 0o600);

    assertNoSecrets(runs);
  });

  test('other keys already in the files are kept', async () => {
    home = makeTempHome();
    home.tccli('default', {
      credential: { secretId: 'AKIDold', secretKey: KEY, 'role-arn': 'qcs::cam::uin/1:roleName/x' },
      configure: { _sys_param: { arrayCount: 25, warning: 'on', 'request-client': 'me' }, cvm: { endpoint: 'cvm.tencentcloudapi.com', version: '2017-03-12' }, waiter: { interval: 5, timeout: 180 } },
    }, 0o644);
    const result = await runCli(['configure', 'set', 'secretId', ID, 'endpoint', 'clb.ap-guangzhou.tencentcloudapi.com', 'language', 'en-US'], { env: home.env() });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(home.readJson('.tccli', 'default.credential'), { 'role-arn': 'qcs::cam::uin/1:roleName/x', secretId: ID, secretKey: KEY });
    assert.deepEqual(home.readJson('.tccli', 'default.configure'), {
      _sys_param: { arrayCount: 25, language: 'en-US', output: 'json', 'request-client': 'me', warning: 'on' },
      clb: { endpoint: 'clb.ap-guangzhou.tencentcloudapi.com', version: '2018-03-17' },
      cvm: { endpoint: 'cvm.tencentcloudapi.com', version: '2017-03-12' },
      waiter: { interval: 5, timeout: 180 },
    });
    // Rewritten files are private again.
    assert.equal(statSync(home.path('.tccli', 'default.credential')).mode & 0o777, 0o600);
  });

  test('--profile and TCCLI_PROFILE pick the files', async () => {
    home = makeTempHome();
    assert.equal((await runCli(['configure', 'set', 'region', 'ap-tokyo', '--profile', 'prod'], { env: home.env() })).code, 0);
    assert.equal((await runCli(['configure', 'get', 'region'], { env: home.env({ TCCLI_PROFILE: 'prod' }) })).stdout, 'ap-tokyo\n');
    assert.equal((await runCli(['--profile', 'prod', 'configure', 'get', 'region'], { env: home.env() })).stdout, 'ap-tokyo\n');
    assert.deepEqual(home.readJson('.tccli', 'prod.configure'), {
      _sys_param: { arrayCount: 10, output: 'json', region: 'ap-tokyo', warning: 'off' },
      clb: { endpoint: 'clb.tencentcloudapi.com', version: '2018-03-17' },
    });
  });

  test('use-cvm-role true|false sets and clears the credential type', async () => {
    home = makeTempHome();
    assert.equal((await runCli(['configure', 'set', 'use-cvm-role', 'true'], { env: home.env() })).code, 0);
    assert.deepEqual(home.readJson('.tccli', 'default.credential'), { type: 'cvm-role' });
    assert.equal((await runCli(['configure', 'get', 'use-cvm-role'], { env: home.env() })).stdout, 'true\n');
    await runCli(['configure', 'set', 'use-cvm-role', 'false'], { env: home.env() });
    assert.deepEqual(home.readJson('.tccli', 'default.credential'), {});
  });
});

describe('secrets stay off argv', () => {
  for (const key of ['secretKey', 'token']) {
    test(`configure set ${key} VALUE is refused, nothing written, the value not echoed`, async () => {
      home = makeTempHome();
      const result = await runCli(['configure', 'set', 'region', 'ap-guangzhou', key, KEY], { env: home.env() });
      assert.equal(result.code, 2);
      assert.match(result.stderr, new RegExp(`${key} is not accepted on the command line`));
      assert.match(result.stderr, new RegExp(`configure set ${key} -`));
      assertNoSecrets([result]);
      assert.throws(() => statSync(home.path('.tccli')), /ENOENT/);
    });
  }

  test('an empty stdin is refused', async () => {
    home = makeTempHome();
    const result = await runCli(['configure', 'set', 'secretKey', '-'], { env: home.env(), input: '' });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no value for secretKey on stdin/);
  });

  test('only one "-" per run', async () => {
    home = makeTempHome();
    const result = await runCli(['configure', 'set', 'secretKey', '-', 'token', '-'], { env: home.env(), input: KEY });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /only one value can come from stdin/);
  });

  test('--help says no option takes a secret and shows the stdin form', async () => {
    home = makeTempHome();
    for (const args of [['configure', '--help'], ['configure', 'set', '--help']]) {
      const result = await runCli(args, { env: home.env() });
      assert.equal(result.code, 0);
      assert.match(result.stdout, /No option or argument takes a secret key or token on the command line/);
      assert.match(result.stdout, /printf %s "\$SECRET_KEY" \| clb-listener configure set secretKey -/);
    }
  });
});

describe('usage errors', () => {
  test('configure without a terminal exits 2 and points to configure set', async () => {
    home = makeTempHome();
    const result = await runCli(['configure'], { env: home.env() });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /configure prompts only in a terminal/);
    assert.match(result.stderr, /configure set KEY VALUE/);
  });

  test('unknown keys, odd pairs and bad values exit 2 and write nothing', async () => {
    home = makeTempHome();
    const cases: [string[], RegExp][] = [
      [['configure', 'set', 'colour', 'red'], /unknown configuration key "colour"/],
      [['configure', 'set', 'region'], /KEY VALUE pairs/],
      [['configure', 'set', 'region', 'Mars'], /"Mars" is not a region code/],
      [['configure', 'set', 'output', 'yaml'], /output must be one of/],
      [['configure', 'get', 'nope'], /unknown configuration key/],
      [['configure', 'set', 'region', 'ap-guangzhou', '--profile', '../etc'], /invalid profile name/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, { env: home.env() });
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
    assert.throws(() => statSync(home.path('.tccli')), /ENOENT/);
  });
});
