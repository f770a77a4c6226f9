// `whoami` / `configure show` through the real binary: sources reported, secrets masked or absent,
// and the exit codes for missing credentials (3) and a missing region (2).
import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { makeTempHome, runCli, type RunResult, type TempHome } from './helpers/home.js';

const ID = 'AKIDwhoami00000000000000000000000001';
const KEY = 'whoamiSecretKey000000000000000001';
const ENV_KEY = 'whoamiEnvSecretKey00000000000002';
const TOKEN = 'whoamiSessionToken-00000000000000000000000000000003';

let home: TempHome;
afterEach(() => home?.cleanup());

function assertNoSecrets(runs: RunResult[]): void {
  const printed = runs.map((r) => r.stdout + r.stderr).join('\n');
  for (const secret of [KEY, ENV_KEY, TOKEN]) assert.ok(!printed.includes(secret), `a secret was printed:\n${printed}`);
}

function profile(mode = 0o600): { credential: string; configure: string } {
  return home.tccli(
    'default',
    {
      credential: { secretId: ID, secretKey: KEY },
      configure: {
        _sys_param: { region: 'ap-guangzhou', output: 'json' },
        clb: { endpoint: 'clb.tencentcloudapi.com', version: '2018-03-17' },
      },
    },
    mode,
  );
}

describe('whoami', () => {
  test('text: source of each setting, SecretId masked, no secret key', async () => {
    home = makeTempHome();
    const paths = profile();
    const result = await runCli(['whoami'], { env: home.env() });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^profile\s+default\s+\[default\]$/m);
    assert.ok(result.stdout.includes(`tccli profile default (${paths.credential})`));
    assert.match(result.stdout, /^secret id\s+AKID\*\*\*\*0001$/m);
    assert.match(result.stdout, /^region\s+ap-guangzhou\s+\[profile default/m);
    assert.match(result.stdout, /^endpoint\s+https:\/\/clb\.tencentcloudapi\.com\s+\[profile default \(clb\.endpoint/m);
    assert.ok(!result.stdout.includes(ID));
    assert.equal(result.stderr, '');
    assertNoSecrets([result]);
  });

  test('-o json: one object on stdout', async () => {
    home = makeTempHome();
    profile();
    const result = await runCli(['whoami', '--region', 'ap-tokyo', '--endpoint', 'http://127.0.0.1:9', '-o', 'json'], { env: home.env() });
    assert.equal(result.code, 0, result.stderr);
    const view = JSON.parse(result.stdout);
    assert.deepEqual(
      { ...view, CredentialSource: undefined },
      {
        Profile: 'default',
        ProfileSource: 'default',
        CredentialSource: undefined,
        CredentialKind: 'tccli-profile',
        Role: null,
        SecretId: 'AKID****0001',
        HasToken: false,
        ExpiresAt: null,
        Region: 'ap-tokyo',
        RegionSource: '--region',
        Endpoint: 'http://127.0.0.1:9',
        EndpointSource: '--endpoint',
        Language: 'en-US',
        LanguageSource: 'default',
      },
    );
  });

  test('environment credentials with a token, and configure show as an alias', async () => {
    home = makeTempHome();
    profile();
    const env = home.env({
      TENCENTCLOUD_SECRET_ID: 'AKIDenv0000000000000000000000000000002',
      TENCENTCLOUD_SECRET_KEY: ENV_KEY,
      TENCENTCLOUD_TOKEN: TOKEN,
      TENCENTCLOUD_REGION: 'ap-seoul',
    });
    const runs = [await runCli(['whoami', '-o', 'json'], { env }), await runCli(['configure', 'show', '-o', 'json'], { env })];
    for (const result of runs) {
      assert.equal(result.code, 0, result.stderr);
      const view = JSON.parse(result.stdout);
      assert.equal(view.CredentialKind, 'environment');
      assert.equal(view.HasToken, true);
      assert.equal(view.Region, 'ap-seoul');
      assert.equal(view.RegionSource, 'TENCENTCLOUD_REGION');
    }
    // With an explicit --profile the environment is ignored, as in tccli.
    const explicit = await runCli(['whoami', '--profile', 'default', '-o', 'json'], { env });
    const view = JSON.parse(explicit.stdout);
    assert.deepEqual([view.CredentialKind, view.Region, view.ProfileSource], ['tccli-profile', 'ap-guangzhou', '--profile']);
    assertNoSecrets([...runs, explicit]);
  });

  test('a profile with a token: temporary credentials (token present), the token never printed', async () => {
    home = makeTempHome();
    home.tccli('default', {
      credential: { secretId: ID, secretKey: KEY, token: TOKEN },
      configure: { _sys_param: { region: 'ap-guangzhou' } },
    });
    const text = await runCli(['whoami'], { env: home.env() });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^credentials\s+tccli profile default /m);
    assert.match(text.stdout, /^session token\s+temporary credentials \(token present\)$/m);
    assert.match(text.stdout, /^secret id\s+AKID\*\*\*\*0001$/m);
    const json = await runCli(['whoami', '-o', 'json'], { env: home.env() });
    const view = JSON.parse(json.stdout);
    assert.deepEqual([view.CredentialKind, view.HasToken, view.SecretId], ['tccli-profile', true, 'AKID****0001']);
    // Not even the masked form of the token.
    for (const result of [text, json]) assert.ok(!(result.stdout + result.stderr).includes(`****${TOKEN.slice(-4)}`), result.stdout);
    assertNoSecrets([text, json]);

    // Without a token: long-term keys.
    profile();
    assert.match((await runCli(['whoami'], { env: home.env() })).stdout, /^session token\s+no$/m);
  });

  test('missing credentials: what is known is shown, then exit 3 naming the variables, both configure forms and the profile path', async () => {
    home = makeTempHome();
    const result = await runCli(['whoami'], { env: home.env({ TENCENTCLOUD_REGION: 'ap-tokyo' }) });
    assert.equal(result.code, 3);
    assert.match(result.stdout, /^profile\s+default\s+\[default\]$/m);
    assert.match(result.stdout, /^credentials\s+\(none found: see the error below\)$/m);
    assert.match(result.stdout, /^region\s+ap-tokyo\s+\[TENCENTCLOUD_REGION\]$/m);
    assert.match(result.stdout, /^endpoint\s+https:\/\/clb\.tencentcloudapi\.com\s+\[default\]$/m);
    assert.match(result.stderr, /^error: no credentials found/m);
    for (const expected of [
      'TENCENTCLOUD_SECRET_ID',
      'TENCENTCLOUD_SECRET_KEY',
      "'clb-listener configure' asks for the keys",
      "'clb-listener configure set secretId AKID…'",
      'clb-listener configure set secretKey -',
      home.path('.tccli', 'default.credential'),
    ]) {
      assert.ok(result.stderr.includes(expected), `missing ${expected} in ${result.stderr}`);
    }
    const json = await runCli(['whoami', '-o', 'json'], { env: home.env() });
    assert.equal(json.code, 3);
    assert.equal(JSON.parse(json.stderr).Error.Code, 'Credentials');
    const view = JSON.parse(json.stdout);
    assert.equal(view.CredentialSource, null);
    assert.equal(view.SecretId, null);
    assert.equal(view.Endpoint, 'https://clb.tencentcloudapi.com');
  });

  test('a role whose STS cannot be reached: the report with the role, then the STS failure, exit 3', async () => {
    home = makeTempHome();
    home.tccli('default', {
      credential: { secretId: ID, secretKey: KEY, 'role-arn': 'qcs::cam::uin/100000000001:roleName/clb-admin', 'role-session-name': 'ci' },
      configure: { _sys_param: { region: 'ap-guangzhou' }, sts: { endpoint: 'http://127.0.0.1:9' } },
    });
    const result = await runCli(['whoami'], { env: home.env() });
    assert.equal(result.code, 3, result.stderr);
    assert.match(result.stdout, /^profile\s+default\s+\[default\]$/m);
    assert.match(result.stdout, /^role\s+qcs::cam::uin\/100000000001:roleName\/clb-admin\s+\[profile default/m);
    assert.match(result.stdout, /^sts endpoint\s+http:\/\/127\.0\.0\.1:9/m);
    assert.match(result.stdout, /^secret id\s+\(not issued: AssumeRole failed, see the error below\)$/m);
    assert.match(result.stdout, /^region\s+ap-guangzhou\s+\[profile default/m);
    assert.match(result.stdout, /^endpoint\s+https:\/\/clb\.tencentcloudapi\.com/m);
    assert.match(result.stderr, /^error: AssumeRole at http:\/\/127\.0\.0\.1:9 failed/m);
    assertNoSecrets([result]);
  });

  test('missing region: the report is printed, then exit 2 naming the three ways', async () => {
    home = makeTempHome();
    home.tccli('default', { credential: { secretId: ID, secretKey: KEY } });
    const result = await runCli(['whoami'], { env: home.env() });
    assert.equal(result.code, 2);
    assert.match(result.stdout, /^region\s+\(not set\)$/m);
    assert.match(result.stderr, /--region .*TENCENTCLOUD_REGION.*configure set region/);
  });

  test('a credential file readable by others: warning with the exact chmod', async () => {
    home = makeTempHome();
    const paths = profile(0o644);
    const result = await runCli(['whoami'], { env: home.env() });
    assert.equal(result.code, 0);
    assert.ok(result.stderr.includes(`run: chmod 600 ${paths.credential}`), result.stderr);
    assertNoSecrets([result]);
  });
});
