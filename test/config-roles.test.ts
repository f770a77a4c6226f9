// Roles through STS, against the emulator's STS: tccli's role-arn (profile and environment) via
// AssumeRole signed with the base keys, TKE OIDC via unsigned AssumeRoleWithWebIdentity, the
// precedence between them (tccli's), in-memory caching until shortly before expiry, the STS
// endpoint's precedence, and every issued secret registered for redaction.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { resolveSettings, type SettingsInput } from '../src/config/index.js';
import { stsEndpointFor } from '../src/config/role.js';
import { readTccliProfile } from '../src/config/tccli.js';
import { ClbClient, type WireEvent } from '../src/api/client.js';
import { systemClock } from '../src/core/clock.js';
import { english, CredentialsError } from '../src/core/errors.js';
import { SecretRegistry } from '../src/core/secrets.js';
import type { EmulatorKey } from '../src/emulator/types.js';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { makeTempHome, type TempHome } from './helpers/home.js';
import { runCli } from './helpers/cli.js';

const ROLE = 'qcs::cam::uin/100000000001:roleName/clb-admin';
const OTHER_ROLE = 'qcs::cam::uin/100000000001:roleName/from-env';
const TKE_ROLE = 'qcs::cam::uin/100000000001:roleName/tke-app';

let emu: InProcessEmulator;
let now = Date.UTC(2026, 11, 1, 12, 0, 0);
let home: TempHome;

before(async () => {
  emu = await inProcessEmulator({ loadBalancers: ['lb-cuxw2rm0'], now: () => now });
});
after(() => emu.stop());
afterEach(() => home?.cleanup());

/** The key the emulator issued (or knows) for `secretId`, to check what was registered. */
function emulatorKey(secretId: string): EmulatorKey | undefined {
  return (emu.running.emulator as unknown as { keys: { get(id: string): EmulatorKey | undefined } }).keys.get(secretId);
}

function input(extra: Partial<SettingsInput> = {}, env: Record<string, string> = {}) {
  const warnings: string[] = [];
  const wire: WireEvent[] = [];
  const settings: SettingsInput = {
    env: home.env(env),
    secrets: new SecretRegistry(),
    home: home.dir,
    systemCredentialsFile: home.noSystemFile,
    region: emu.region,
    now: () => now,
    warn: (message) => void warnings.push(english(message)),
    onWire: (event) => void wire.push(event),
    ...extra,
  };
  return { settings, warnings, wire };
}

/** A profile with the emulator's keys, a role, and the emulator as its STS endpoint (tccli's sts.endpoint). */
function roleProfile(name = 'default', credential: object = {}): void {
  home.tccli(name, {
    credential: { secretId: emu.secretId, secretKey: emu.secretKey, 'role-arn': ROLE, 'role-session-name': 'ci-run', ...credential },
    configure: { _sys_param: { region: emu.region }, sts: { endpoint: emu.endpoint } },
  });
}

async function stsCalls(): Promise<{ action: string; code: string | null; secretId?: string; identity?: string }[]> {
  return (await emu.state()).requests.filter((r) => r.action.startsWith('Assume'));
}

describe('role-arn', () => {
  test("a profile with role-arn acts as the role: AssumeRole signed with its keys, CLB calls with the role's", async () => {
    home = makeTempHome();
    await emu.reset();
    roleProfile();
    const { settings, wire } = input();
    const resolved = await resolveSettings(settings);
    assert.equal(resolved.credentials.kind, 'role-arn');
    assert.deepEqual(resolved.credentials.assumedRole, {
      arn: ROLE,
      sessionName: 'ci-run',
      action: 'AssumeRole',
      stsEndpoint: emu.endpoint,
      stsEndpointSource: `profile default (sts.endpoint in ${home.path('.tccli', 'default.configure')})`,
      source: `profile default (${home.path('.tccli', 'default.credential')})`,
    });
    assert.match(
      resolved.credentials.describe,
      new RegExp(`^role ${ROLE} \\(session ci-run, from profile default .*\\), assumed at ${emu.endpoint} with tccli profile default`),
    );

    const keys = await resolved.credentials.get();
    assert.notEqual(keys.secretId, emu.secretId);
    assert.equal(keys.expiresAt, now + 7200_000, 'DurationSeconds 7200, as tccli asks');
    const [call] = await stsCalls();
    assert.deepEqual([call!.action, call!.code, call!.secretId], ['AssumeRole', null, emu.secretId], "signed with the profile's own keys");

    const issued = emulatorKey(keys.secretId)!;
    assert.equal(issued.token, keys.token);
    assert.ok(settings.secrets.list().includes(issued.secretKey), 'the temporary secret key is registered');
    assert.ok(settings.secrets.list().includes(issued.token!), 'the session token is registered');
    assert.ok(
      wire.some((e) => e.type === 'request' && e.action === 'AssumeRole'),
      'the STS call is in the wire log',
    );

    const client = new ClbClient({
      endpoint: emu.endpoint,
      region: emu.region,
      credentials: resolved.credentials,
      clock: { ...systemClock, now: () => now },
    });
    await client.call('DescribeLoadBalancers', {});
    await client.close();
    const last = (await emu.state()).requests.at(-1)!;
    assert.deepEqual([last.action, last.code, last.identity], ['DescribeLoadBalancers', null, `${ROLE} (session ci-run)`]);
  });

  test('the keys are kept until a minute before they expire, then assumed again', async () => {
    home = makeTempHome();
    await emu.reset();
    roleProfile();
    const resolved = await resolveSettings(input().settings);
    const first = await resolved.credentials.get();
    now += 3600_000;
    assert.equal((await resolved.credentials.get()).secretId, first.secretId, 'an hour later: the same keys');
    now += 3540_000 + 1; // 59 s before expiry
    const second = await resolved.credentials.get();
    assert.notEqual(second.secretId, first.secretId);
    assert.equal((await stsCalls()).length, 2);
  });

  test('without role-session-name a name is made up; the environment pair beats the profile; --profile ignores the environment', async () => {
    home = makeTempHome();
    roleProfile('default', { 'role-session-name': undefined });
    const fromProfile = await resolveSettings(input().settings);
    assert.equal(fromProfile.credentials.assumedRole?.sessionName, `clb-listener-${now}`);

    const env = { TENCENTCLOUD_ROLE_ARN: OTHER_ROLE, TENCENTCLOUD_ROLE_SESSION_NAME: 'from-env' };
    const fromEnv = await resolveSettings(input({}, env).settings);
    assert.deepEqual(
      [fromEnv.credentials.assumedRole?.arn, fromEnv.credentials.assumedRole?.sessionName, fromEnv.credentials.assumedRole?.source],
      [OTHER_ROLE, 'from-env', 'TENCENTCLOUD_ROLE_ARN'],
    );
    await emu.reset();
    await fromEnv.credentials.get();
    assert.equal((await stsCalls())[0]?.code, null);

    const explicit = await resolveSettings(input({ profile: 'default' }, env).settings);
    assert.equal(explicit.credentials.assumedRole?.arn, ROLE, 'as in tccli, --profile switches the environment off');

    const { settings, warnings } = input({}, { TENCENTCLOUD_ROLE_SESSION_NAME: 'orphan' });
    assert.equal((await resolveSettings(settings)).credentials.assumedRole?.arn, ROLE);
    assert.match(warnings.join('\n'), /TENCENTCLOUD_ROLE_SESSION_NAME is set but TENCENTCLOUD_ROLE_ARN is not/);
  });

  test('environment keys assume the environment role; CLB_LISTENER_STS_ENDPOINT names STS', async () => {
    home = makeTempHome();
    await emu.reset();
    const { settings } = input(
      {},
      {
        TENCENTCLOUD_SECRET_ID: emu.secretId,
        TENCENTCLOUD_SECRET_KEY: emu.secretKey,
        TENCENTCLOUD_ROLE_ARN: OTHER_ROLE,
        TENCENTCLOUD_ROLE_SESSION_NAME: 'env-session',
        CLB_LISTENER_STS_ENDPOINT: emu.endpoint,
      },
    );
    const resolved = await resolveSettings(settings);
    assert.equal(resolved.credentials.assumedRole?.stsEndpointSource, 'CLB_LISTENER_STS_ENDPOINT');
    assert.match(resolved.credentials.describe, /with environment \(TENCENTCLOUD_SECRET_ID\)$/);
    const keys = await resolved.credentials.get();
    assert.equal(emulatorKey(keys.secretId)?.identity, `${OTHER_ROLE} (session env-session)`);
  });

  test('STS refusals are credential errors (exit 3) with the code; no base keys names the role', async () => {
    home = makeTempHome();
    roleProfile('default', { 'role-arn': 'not-an-arn' });
    const resolved = await resolveSettings(input().settings);
    await assert.rejects(resolved.credentials.get(), (error: unknown) => {
      assert.ok(error instanceof CredentialsError);
      assert.match(error.message, /^AssumeRole at http:\/\/127\.0\.0\.1:\d+ failed: InvalidParameter\.ParamError: RoleArn "not-an-arn"/);
      assert.match(error.hint ?? '', /role ARN/);
      return true;
    });

    home.tccli('keyless', { credential: { 'role-arn': ROLE } });
    await assert.rejects(resolveSettings(input({ profile: 'keyless' }).settings), (error: unknown) => {
      assert.ok(error instanceof CredentialsError);
      assert.match(
        error.message,
        new RegExp(`^to assume role ${ROLE} \\(from profile keyless .*\\): profile "keyless" \\(from --profile\\) has no credentials`),
      );
      return true;
    });
  });

  test('a profile with use-cvm-role keeps the CVM role over its role-arn, as tccli does, and says so', async () => {
    home = makeTempHome();
    roleProfile('default', { type: 'cvm-role' });
    const { settings, warnings } = input();
    await assert.rejects(resolveSettings(settings), /uses the CVM role, but no instance role is reachable/);
    assert.match(warnings.join('\n'), new RegExp(`uses the CVM role, so its role-arn ${ROLE} is ignored`));
    // The environment's role pair switches the CVM role off (tccli's cvm_role_flag).
    const withEnvRole = await resolveSettings(input({}, { TENCENTCLOUD_ROLE_ARN: OTHER_ROLE }).settings);
    assert.equal(withEnvRole.credentials.kind, 'role-arn');
  });
});

describe('role-arn in commands', () => {
  test('create --dry-run with a role calls no STS: the request is shown unsigned, naming the role', async () => {
    home = makeTempHome();
    await emu.reset();
    const result = await runCli(
      ['create', '--lb', 'lb-cuxw2rm0', '--port', '80', '--protocol', 'TCP', '--dry-run', '--endpoint', emu.endpoint],
      {
        env: home.env({
          TENCENTCLOUD_SECRET_ID: emu.secretId,
          TENCENTCLOUD_SECRET_KEY: emu.secretKey,
          TENCENTCLOUD_REGION: emu.region,
          TENCENTCLOUD_ROLE_ARN: ROLE,
          CLB_LISTENER_STS_ENDPOINT: emu.endpoint,
        }),
      },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      JSON.parse(result.stdout).Headers.Authorization,
      new RegExp(`^<unsigned: signed with the keys of role ${ROLE.replace(/[/:]/g, '.')}`),
    );
    assert.equal(await emu.requestCount(), 0, 'nothing sent, STS included');
  });

  test('environment keys win over a profile whose own keys are unusable (half a pair, an oauth login)', async () => {
    home = makeTempHome();
    const env = { TENCENTCLOUD_SECRET_ID: emu.secretId, TENCENTCLOUD_SECRET_KEY: emu.secretKey };
    for (const credential of [
      { secretKey: 'lonelySecretKey000000001' },
      { type: 'oauth', secretId: 'AKIDx', secretKey: 'y', token: 'z' },
    ]) {
      home.tccli('default', { credential });
      const resolved = await resolveSettings(input({}, env).settings);
      assert.equal(resolved.credentials.kind, 'environment');
    }
  });
});

describe('TKE OIDC', () => {
  const jwt = (exp: number) =>
    [
      Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url'),
      Buffer.from(JSON.stringify({ sub: 'system:serviceaccount:default:app', exp })).toString('base64url'),
      'c2lnbmF0dXJl',
    ].join('.');

  function tkeEnv(extra: Record<string, string> = {}): Record<string, string> {
    const tokenFile = home.path('token');
    writeFileSync(tokenFile, `${jwt(Math.floor(now / 1000) + 3600)}\n`);
    return {
      TKE_REGION: 'ap-shanghai',
      TKE_PROVIDER_ID: 'tke-oidc-provider',
      TKE_WEB_IDENTITY_TOKEN_FILE: tokenFile,
      TKE_ROLE_ARN: TKE_ROLE,
      CLB_LISTENER_STS_ENDPOINT: emu.endpoint,
      ...extra,
    };
  }

  test('all four variables: AssumeRoleWithWebIdentity, unsigned, with the token file; the JWT is registered', async () => {
    home = makeTempHome();
    await emu.reset();
    const { settings } = input({}, tkeEnv());
    const resolved = await resolveSettings(settings);
    assert.equal(resolved.credentials.kind, 'tke-oidc');
    assert.deepEqual(
      [resolved.credentials.assumedRole?.arn, resolved.credentials.assumedRole?.action, resolved.credentials.assumedRole?.sessionName],
      [TKE_ROLE, 'AssumeRoleWithWebIdentity', `clb-listener-${now}`],
    );
    const keys = await resolved.credentials.get();
    const [call] = await stsCalls();
    assert.deepEqual([call?.action, call?.code, call?.secretId], ['AssumeRoleWithWebIdentity', null, undefined]);
    assert.equal(emulatorKey(keys.secretId)?.identity, `${TKE_ROLE} (session clb-listener-${now})`);
    assert.ok(settings.secrets.list().includes(jwt(Math.floor(now / 1000) + 3600)), 'the web identity token is a secret');
    assert.ok(settings.secrets.list().includes(keys.secretKey));
  });

  test("ahead of keys (tccli's order, with a warning), behind a role; partial variables are ignored with a warning", async () => {
    home = makeTempHome();
    const keysEnv = { TENCENTCLOUD_SECRET_ID: emu.secretId, TENCENTCLOUD_SECRET_KEY: emu.secretKey };
    const overKeys = input({}, tkeEnv(keysEnv));
    assert.equal((await resolveSettings(overKeys.settings)).credentials.kind, 'tke-oidc');
    assert.match(overKeys.warnings.join('\n'), /TKE OIDC variables take precedence \(as in tccli\), so TENCENTCLOUD_SECRET_ID is not used/);

    const role = input({}, tkeEnv({ ...keysEnv, TENCENTCLOUD_ROLE_ARN: OTHER_ROLE }));
    assert.equal((await resolveSettings(role.settings)).credentials.kind, 'role-arn');

    const partial = input({}, { ...keysEnv, TKE_ROLE_ARN: TKE_ROLE, TKE_REGION: 'ap-shanghai' });
    assert.equal((await resolveSettings(partial.settings)).credentials.kind, 'environment');
    assert.match(
      partial.warnings.join('\n'),
      /TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE are not set, so TKE_REGION, TKE_ROLE_ARN are ignored/,
    );
  });

  test('a missing token file is a credential error naming the variable', async () => {
    home = makeTempHome();
    const resolved = await resolveSettings(input({}, tkeEnv({ TKE_WEB_IDENTITY_TOKEN_FILE: home.path('nope') })).settings);
    await assert.rejects(
      resolved.credentials.get(),
      /cannot read the web identity token .*nope \(TKE_WEB_IDENTITY_TOKEN_FILE\): no such file/,
    );
  });
});

describe('the STS endpoint', () => {
  test("CLB_LISTENER_STS_ENDPOINT, then sts.endpoint, then a financial region's host, then sts.tencentcloudapi.com", () => {
    home = makeTempHome();
    home.tccli('with', { configure: { sts: { endpoint: 'sts.internal.tencentcloudapi.com' } } });
    home.tccli('without', { configure: {} });
    const withProfile = readTccliProfile(home.dir, 'with');
    const without = readTccliProfile(home.dir, 'without');
    assert.deepEqual(stsEndpointFor({ CLB_LISTENER_STS_ENDPOINT: 'http://127.0.0.1:9' }, withProfile, 'ap-guangzhou'), {
      endpoint: 'http://127.0.0.1:9',
      source: 'CLB_LISTENER_STS_ENDPOINT',
    });
    assert.equal(stsEndpointFor({}, withProfile, 'ap-guangzhou').endpoint, 'https://sts.internal.tencentcloudapi.com');
    assert.deepEqual(stsEndpointFor({}, without, 'ap-shanghai-fsi'), {
      endpoint: 'https://sts.ap-shanghai-fsi.tencentcloudapi.com',
      source: 'financial region ap-shanghai-fsi',
    });
    assert.deepEqual(stsEndpointFor({}, without, 'ap-guangzhou'), { endpoint: 'https://sts.tencentcloudapi.com', source: 'default' });
    assert.throws(
      () => stsEndpointFor({ CLB_LISTENER_STS_ENDPOINT: 'http://sts.example.com' }, without, undefined),
      /plain http:\/\/ is allowed only for loopback/,
    );
  });
});
