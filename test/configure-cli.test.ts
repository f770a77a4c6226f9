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
    // Secrets show only their last four characters; the SecretId, an identifier, both ends.
    assert.equal((await run(['configure', 'get', 'secretKey'])).stdout, '****0001\n');
    assert.equal((await run(['configure', 'get', 'secretId'])).stdout, 'AKID****0001\n');
    assert.deepEqual(JSON.parse((await run(['configure', 'get', 'token', '-o', 'json'])).stdout), {
      Profile: 'default',
      Key: 'token',
      Value: '****0001',
    });

    const unset = await run(['configure', 'get', 'language']);
    assert.deepEqual([unset.code, unset.stdout], [0, '']);
    assert.match(unset.stderr, /language is not set in profile "default"/);

    const list = await run(['configure', 'list']);
    assert.equal(list.code, 0);
    assert.match(list.stdout, /^ {2}secretKey\s+\*\*\*\*0001$/m);
    assert.match(list.stdout, /^ {2}token\s+\*\*\*\*0001$/m);
    assert.match(list.stdout, /^ {2}secretId\s+AKID\*\*\*\*0001$/m);
    assert.ok(!list.stdout.includes('cliC'), 'no leading characters of a secret');
    assert.equal(list.stderr, '', 'the profile exists: no note');
    assert.match(list.stdout, /region\s+ap-shanghai/);
    assert.match(list.stdout, /language\s+\(not set\)/);
    const listJson = JSON.parse((await run(['configure', 'list', '-o', 'json'])).stdout);
    assert.equal(listJson.Profile, 'default');
    assert.deepEqual(listJson.Values, {
      secretId: 'AKID****0001',
      secretKey: '****0001',
      token: '****0001',
      region: 'ap-shanghai',
      output: 'table',
      language: null,
      endpoint: 'clb.tencentcloudapi.com',
      validate: null,
      'sts.endpoint': null,
      'role-arn': null,
      'role-session-name': null,
      // Unset, like every other key not in the files (not "false").
      'use-cvm-role': null,
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

  test('other keys already in the files are kept, and no tccli defaults are added to them', async () => {
    home = makeTempHome();
    home.tccli(
      'default',
      {
        credential: { secretId: 'AKIDold', secretKey: KEY, 'role-arn': 'qcs::cam::uin/1:roleName/x' },
        configure: {
          _sys_param: { arrayCount: 25, warning: 'on', 'request-client': 'me' },
          cvm: { endpoint: 'cvm.tencentcloudapi.com', version: '2017-03-12' },
          waiter: { interval: 5, timeout: 180 },
        },
      },
      0o644,
    );
    const result = await runCli(
      ['configure', 'set', 'secretId', ID, 'endpoint', 'clb.ap-guangzhou.tencentcloudapi.com', 'language', 'en-US'],
      { env: home.env() },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(home.readJson('.tccli', 'default.credential'), {
      'role-arn': 'qcs::cam::uin/1:roleName/x',
      secretId: ID,
      secretKey: KEY,
    });
    assert.deepEqual(home.readJson('.tccli', 'default.configure'), {
      // No `output` appears: only the keys set change (a new clb entry carries tccli's version).
      _sys_param: { arrayCount: 25, language: 'en-US', 'request-client': 'me', warning: 'on' },
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

  test("configure set region on an existing .configure changes only region; a new file gets tccli's defaults", async () => {
    home = makeTempHome();
    const existing = { _sys_param: { region: 'ap-beijing' }, clb: { endpoint: 'clb.tencentcloudapi.com' }, cvm: { version: '2017-03-12' } };
    home.tccli('default', { configure: existing });
    const result = await runCli(['configure', 'set', 'region', 'ap-shanghai'], { env: home.env() });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(home.readJson('.tccli', 'default.configure'), { ...existing, _sys_param: { region: 'ap-shanghai' } });

    // A profile whose .configure does not exist yet: created with what tccli itself writes.
    assert.equal((await runCli(['configure', 'set', 'region', 'ap-tokyo', '--profile', 'fresh'], { env: home.env() })).code, 0);
    assert.deepEqual(home.readJson('.tccli', 'fresh.configure'), {
      _sys_param: { arrayCount: 10, output: 'json', region: 'ap-tokyo', warning: 'off' },
      clb: { endpoint: 'clb.tencentcloudapi.com', version: '2018-03-17' },
    });
  });

  test('endpoint: stored as tccli does, read back as the URL commands use', async () => {
    home = makeTempHome();
    home.tccli('default', { credential: { secretId: ID, secretKey: KEY }, configure: { _sys_param: { region: 'ap-guangzhou' } } });
    const env = home.env();
    const cases: [string, string, string][] = [
      [
        'https://clb.ap-guangzhou.tencentcloudapi.com/',
        'clb.ap-guangzhou.tencentcloudapi.com',
        'https://clb.ap-guangzhou.tencentcloudapi.com',
      ],
      ['clb.tencentcloudapi.com', 'clb.tencentcloudapi.com', 'https://clb.tencentcloudapi.com'],
      // A bare host:port, which tccli reads as https://host:port.
      ['https://clb.internal.example:8443', 'clb.internal.example:8443', 'https://clb.internal.example:8443'],
      ['http://127.0.0.1:9000', 'http://127.0.0.1:9000', 'http://127.0.0.1:9000'],
    ];
    for (const [typed, stored, used] of cases) {
      const set = await runCli(['configure', 'set', 'endpoint', typed], { env });
      assert.equal(set.code, 0, set.stderr);
      assert.equal((await runCli(['configure', 'get', 'endpoint'], { env })).stdout, `${stored}\n`, typed);
      assert.equal((home.readJson('.tccli', 'default.configure') as { clb: { endpoint: string } }).clb.endpoint, stored, typed);
      const whoami = await runCli(['whoami', '-o', 'json'], { env });
      assert.equal(whoami.code, 0, whoami.stderr);
      assert.equal(JSON.parse(whoami.stdout).Endpoint, used, typed);
    }
  });

  test('list of a profile that does not exist: exit 0, the empty list on stdout, a note on stderr', async () => {
    home = makeTempHome();
    const result = await runCli(['configure', 'list', '--profile', 'nope'], { env: home.env() });
    assert.equal(result.code, 0);
    const credential = home.path('.tccli', 'nope.credential');
    assert.equal(
      result.stderr,
      `profile "nope" does not exist yet (${credential}); create it with clb-listener configure --profile nope\n`,
    );
    assert.match(result.stdout, /^profile nope {2}\(/);
    assert.match(result.stdout, /^ {2}secretId\s+\(not set\)$/m);
    assert.match(result.stdout, /^ {2}region\s+\(not set\)$/m);

    const json = await runCli(['configure', 'list', '--profile', 'nope', '-o', 'json'], { env: home.env() });
    assert.equal(json.code, 0);
    assert.equal(JSON.parse(json.stdout).Values.secretId, null);
    assert.match(json.stderr, /profile "nope" does not exist yet/);

    // The default profile: the command to create it needs no --profile.
    const byDefault = await runCli(['configure', 'list'], { env: home.env() });
    assert.equal(
      byDefault.stderr,
      `profile "default" does not exist yet (${home.path('.tccli', 'default.credential')}); create it with clb-listener configure\n`,
    );
    // Half a profile (only .configure) exists: no note.
    home.tccli('half', { configure: { _sys_param: { region: 'ap-tokyo' } } });
    assert.equal((await runCli(['configure', 'list', '--profile', 'half'], { env: home.env() })).stderr, '');
  });

  test('use-cvm-role true|false sets and clears the credential type', async () => {
    home = makeTempHome();
    assert.equal((await runCli(['configure', 'set', 'use-cvm-role', 'true'], { env: home.env() })).code, 0);
    assert.deepEqual(home.readJson('.tccli', 'default.credential'), { type: 'cvm-role' });
    assert.equal((await runCli(['configure', 'get', 'use-cvm-role'], { env: home.env() })).stdout, 'true\n');
    await runCli(['configure', 'set', 'use-cvm-role', 'false'], { env: home.env() });
    assert.deepEqual(home.readJson('.tccli', 'default.credential'), {});
    // A tccli profile of another kind says false; one with no kind at all is unset.
    home.tccli('default', { credential: { type: 'default' } });
    assert.equal((await runCli(['configure', 'get', 'use-cvm-role'], { env: home.env() })).stdout, 'false\n');
    home.tccli('default', { credential: { secretId: 'AKIDx' } });
    const unset = await runCli(['configure', 'get', 'use-cvm-role', '-o', 'json'], { env: home.env() });
    assert.equal(JSON.parse(unset.stdout).Value, null);
  });
});

describe('configure unset', () => {
  test('removes keys (and objects left empty), keeps the rest; a key not set is said, not an error', async () => {
    home = makeTempHome();
    home.tccli('default', {
      credential: { secretId: ID, secretKey: KEY, token: TOKEN, 'role-arn': 'qcs::cam::uin/1:roleName/x', 'role-session-name': 'ci' },
      configure: { _sys_param: { region: 'ap-guangzhou', output: 'json' }, 'clb-listener': { validate: 'false' } },
    });
    const result = await runCli(['configure', 'unset', 'role-arn', 'ROLE-SESSION-NAME', 'token', 'validate', 'language'], {
      env: home.env(),
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^removed from profile "default": role-arn, role-session-name, token, validate$/m);
    assert.match(result.stderr, /^not set in profile "default", nothing to remove: language$/m);
    assert.deepEqual(home.readJson('.tccli', 'default.credential'), { secretId: ID, secretKey: KEY });
    assert.deepEqual(home.readJson('.tccli', 'default.configure'), { _sys_param: { region: 'ap-guangzhou', output: 'json' } });
    const json = await runCli(['configure', 'unset', 'role-arn', '-o', 'json'], { env: home.env() });
    assert.deepEqual(JSON.parse(json.stdout), { Profile: 'default', Keys: [], Files: [] });
    assertNoSecrets([result, json]);
  });

  test('set with an empty value points to unset; an unknown key is a usage error', async () => {
    home = makeTempHome();
    const empty = await runCli(['configure', 'set', 'role-arn', ''], { env: home.env() });
    assert.equal(empty.code, 2);
    assert.match(
      empty.stderr,
      /^error: role-arn must not be empty\nhint: to remove it from the profile: clb-listener configure unset role-arn$/m,
    );
    const unknown = await runCli(['configure', 'unset', 'nope'], { env: home.env() });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown configuration key "nope"/);
    const nothing = await runCli(['configure', 'unset'], { env: home.env() });
    assert.equal(nothing.code, 2);
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

  test("set --help says the profile's output is tccli's, and clb-listener uses -o", async () => {
    home = makeTempHome();
    // On a wide terminal, one line; elsewhere wrapped at 80 columns, under the text column.
    const wide = await runCli(['configure', 'set', '--help'], { env: home.env(), tty: { stdout: true }, columns: 200 });
    assert.equal(wide.code, 0);
    assert.match(
      wide.stdout,
      /^ {2}output\s+tccli's default output format \(json \| text \| table\); clb-listener ignores it and uses -o \(default: text\)$/m,
    );
    const piped = await runCli(['configure', 'set', '--help'], { env: home.env() });
    assert.match(piped.stdout, /^ {2}output {13}tccli's default output format \(json \| text \| table\);\n {21}clb-listener ignores it/m);
    for (const line of piped.stdout.split('\n')) assert.ok([...line].length <= 80, line);
  });

  test('--help says no option takes a secret and shows the stdin form', async () => {
    home = makeTempHome();
    for (const args of [
      ['configure', '--help'],
      ['configure', 'set', '--help'],
    ]) {
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
      [['configure', 'set', 'output', 'yaml'], /output "yaml": must be one of json, text, table/],
      [['configure', 'set', 'output', 'xml'], /output "xml": must be one of json, text, table$/m],
      [
        ['configure', 'set', 'endpoint', 'http://example.com'],
        /endpoint "http:\/\/example\.com": plain http:\/\/ is allowed only for loopback hosts/,
      ],
      [
        ['configure', 'set', 'region', 'ap-guangzhou', 'endpoint', 'http://10.1.2.3:8080'],
        /plain http:\/\/ is allowed only for loopback hosts/,
      ],
      [['configure', 'set', 'endpoint', 'https://clb.tencentcloudapi.com/v3'], /the API path is always "\/"/],
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
