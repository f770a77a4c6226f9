// The credential chain, region/endpoint/language precedence, in-process against a temporary HOME.
import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  inspectSettings,
  resolveRegion,
  resolveSettings,
  resolveEndpoint,
  DEFAULT_ENDPOINT,
  type SettingsInput,
} from '../src/config/index.js';
import { english, CredentialsError, UsageError } from '../src/core/errors.js';
import { SecretRegistry } from '../src/core/secrets.js';
import { makeTempHome, type TempHome } from './helpers/home.js';

const ID = 'AKIDprofileDefault0000000000000000001';
const KEY = 'profileDefaultSecretKey0000000001';
const OTHER_ID = 'AKIDprofileOther00000000000000000002';
const OTHER_KEY = 'profileOtherSecretKey000000000002';
const ENV_ID = 'AKIDenvironment0000000000000000000003';
const ENV_KEY = 'environmentSecretKey0000000000003';

let home: TempHome;
afterEach(() => home?.cleanup());

/** Settings for `home`, with no real /etc file and no reachable metadata service. */
function input(extra: Partial<SettingsInput> = {}, env: Record<string, string> = {}): SettingsInput & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    env: home.env(env),
    secrets: new SecretRegistry(),
    home: home.dir,
    systemCredentialsFile: home.noSystemFile,
    warn: (message) => void warnings.push(english(message)),
    warnings,
    ...extra,
  };
}

function defaultProfile(): void {
  home.tccli('default', {
    credential: { secretId: ID, secretKey: KEY },
    configure: {
      _sys_param: { region: 'ap-guangzhou', output: 'json', arrayCount: 10, warning: 'off' },
      clb: { endpoint: 'clb.tencentcloudapi.com', version: '2018-03-17' },
    },
  });
}

describe('tccli profile files', () => {
  test('the _sys_param layout alone gives credentials and region', async () => {
    home = makeTempHome();
    defaultProfile();
    const settings = await resolveSettings(input());
    assert.deepEqual(await settings.credentials.get(), { secretId: ID, secretKey: KEY });
    assert.equal(settings.credentials.kind, 'tccli-profile');
    assert.match(settings.credentials.describe, /tccli profile default .*default\.credential/);
    assert.equal(settings.region, 'ap-guangzhou');
    assert.match(settings.regionSource, /^profile default /);
    assert.equal(settings.profile, 'default');
    assert.equal(settings.profileSource, 'default');
  });

  test('the older top-level layout is read too, with a token', async () => {
    home = makeTempHome();
    home.tccli('default', {
      credential: { secretId: ID, secretKey: KEY, token: 'legacyToken0001' },
      configure: { region: 'ap-beijing', output: 'text' },
    });
    const settings = await resolveSettings(input());
    assert.deepEqual(await settings.credentials.get(), { secretId: ID, secretKey: KEY, token: 'legacyToken0001' });
    assert.equal(settings.region, 'ap-beijing');
  });

  test('_sys_param wins over a stale top-level region', async () => {
    home = makeTempHome();
    home.tccli('default', {
      credential: { secretId: ID, secretKey: KEY },
      configure: { region: 'ap-beijing', _sys_param: { region: 'ap-chengdu' } },
    });
    assert.equal(resolveRegion(input()).region, 'ap-chengdu');
  });

  test('--profile other picks the other files', async () => {
    home = makeTempHome();
    defaultProfile();
    home.tccli('other', {
      credential: { secretId: OTHER_ID, secretKey: OTHER_KEY },
      configure: { _sys_param: { region: 'ap-singapore' } },
    });
    const settings = await resolveSettings(input({ profile: 'other' }));
    assert.equal((await settings.credentials.get()).secretId, OTHER_ID);
    assert.equal(settings.region, 'ap-singapore');
    assert.equal(settings.profileSource, '--profile');
  });

  test('TCCLI_PROFILE picks the profile when --profile is absent', async () => {
    home = makeTempHome();
    defaultProfile();
    home.tccli('other', {
      credential: { secretId: OTHER_ID, secretKey: OTHER_KEY },
      configure: { _sys_param: { region: 'ap-singapore' } },
    });
    const settings = await resolveSettings(input({}, { TCCLI_PROFILE: 'other' }));
    assert.equal((await settings.credentials.get()).secretId, OTHER_ID);
    assert.equal(settings.profile, 'other');
    assert.equal(settings.profileSource, 'TCCLI_PROFILE');
  });

  test('--profile beats TCCLI_PROFILE', async () => {
    home = makeTempHome();
    defaultProfile();
    home.tccli('other', { credential: { secretId: OTHER_ID, secretKey: OTHER_KEY } });
    const settings = await resolveSettings(input({ profile: 'default' }, { TCCLI_PROFILE: 'other' }));
    assert.equal((await settings.credentials.get()).secretId, ID);
  });

  test('a named profile that does not exist is an error, not a fall-through to other files', async () => {
    home = makeTempHome();
    home.ini('[default]\nsecret_id = AKIDini000000000000000000000000000001\nsecret_key = iniSecretKey000000000000000000001\n');
    await assert.rejects(resolveSettings(input({ profile: 'missing', region: 'ap-guangzhou' })), (error: unknown) => {
      assert.ok(error instanceof CredentialsError);
      assert.match(error.message, /profile "missing" \(from --profile\) has no credentials/);
      assert.match(error.hint ?? '', /clb-listener configure --profile missing/);
      return true;
    });
    await assert.rejects(resolveSettings(input({ region: 'ap-guangzhou' }, { TCCLI_PROFILE: 'missing' })), CredentialsError);
  });

  test('a profile name that could leave ~/.tccli is refused, and only that (plus empty and control characters)', async () => {
    home = makeTempHome();
    for (const name of ['../x', 'a/b', 'a\\b', '..', '', '  ', 'a\nb', 'nul\u0000']) {
      await assert.rejects(resolveSettings(input({ profile: name, region: 'ap-guangzhou' })), UsageError, JSON.stringify(name));
    }
    // tccli checks nothing: dots, spaces, a leading dot and non-ASCII names are its file names too.
    for (const name of ['prod.eu', 'team a', '.hidden', '生产', 'a-b_c']) {
      home.tccli(name, { credential: { secretId: ID, secretKey: KEY } });
      const settings = await resolveSettings(input({ profile: name, region: 'ap-guangzhou' }));
      assert.equal(settings.profile, name);
      assert.equal(settings.credentials.path, home.path('.tccli', `${name}.credential`));
    }
    const fromEnv = await resolveSettings(input({ region: 'ap-guangzhou' }, { TCCLI_PROFILE: 'prod.eu' }));
    assert.equal(fromEnv.profile, 'prod.eu');
  });

  test('half a key pair is an error that does not print the key', async () => {
    home = makeTempHome();
    home.tccli('default', { credential: { secretKey: KEY } });
    await assert.rejects(resolveSettings(input({ region: 'ap-guangzhou' })), (error: unknown) => {
      assert.ok(error instanceof CredentialsError);
      assert.match(error.message, /secretKey but no secretId/);
      assert.ok(!error.message.includes(KEY));
      return true;
    });
  });

  test('an unreadable credential file is reported without quoting its content', async () => {
    home = makeTempHome();
    home.tccli('default', { configure: { _sys_param: { region: 'ap-guangzhou' } } });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(home.path('.tccli', 'default.credential'), `{"secretId": "x", "secretKey": ${KEY}}`, { mode: 0o600 });
    await assert.rejects(resolveSettings(input()), (error: unknown) => {
      assert.ok(error instanceof CredentialsError);
      assert.match(error.message, /default\.credential is not a valid tccli profile file: invalid JSON/);
      assert.ok(!error.message.includes(KEY) && !(error.hint ?? '').includes(KEY));
      return true;
    });
  });

  test('tccli oauth/sso profiles are refused with a way out', async () => {
    home = makeTempHome();
    home.tccli('default', { credential: { type: 'oauth', secretId: ID, secretKey: KEY, token: 'oauthToken0001' } });
    await assert.rejects(resolveSettings(input({ region: 'ap-guangzhou' })), /oauth login, which clb-listener cannot refresh/);
  });
});

describe('environment', () => {
  test('beats the default profile, credentials and region', async () => {
    home = makeTempHome();
    defaultProfile();
    const settings = await resolveSettings(
      input({}, { TENCENTCLOUD_SECRET_ID: ENV_ID, TENCENTCLOUD_SECRET_KEY: ENV_KEY, TENCENTCLOUD_REGION: 'ap-tokyo' }),
    );
    assert.deepEqual(await settings.credentials.get(), { secretId: ENV_ID, secretKey: ENV_KEY });
    assert.equal(settings.credentials.kind, 'environment');
    assert.equal(settings.region, 'ap-tokyo');
    assert.equal(settings.regionSource, 'TENCENTCLOUD_REGION');
  });

  test('beats TCCLI_PROFILE, which is not an explicit --profile', async () => {
    home = makeTempHome();
    home.tccli('other', { credential: { secretId: OTHER_ID, secretKey: OTHER_KEY } });
    const settings = await resolveSettings(
      input({ region: 'ap-guangzhou' }, { TCCLI_PROFILE: 'other', TENCENTCLOUD_SECRET_ID: ENV_ID, TENCENTCLOUD_SECRET_KEY: ENV_KEY }),
    );
    assert.equal((await settings.credentials.get()).secretId, ENV_ID);
  });

  test('is ignored, credentials and region, when --profile is explicit', async () => {
    home = makeTempHome();
    defaultProfile();
    const env = { TENCENTCLOUD_SECRET_ID: ENV_ID, TENCENTCLOUD_SECRET_KEY: ENV_KEY, TENCENTCLOUD_REGION: 'ap-tokyo' };
    const settings = await resolveSettings(input({ profile: 'default' }, env));
    assert.equal((await settings.credentials.get()).secretId, ID);
    assert.equal(settings.region, 'ap-guangzhou');
    assert.match(settings.regionSource, /^profile default/);
  });

  test('--region beats everything', async () => {
    home = makeTempHome();
    defaultProfile();
    const settings = await resolveSettings(input({ region: 'eu-frankfurt' }, { TENCENTCLOUD_REGION: 'ap-tokyo' }));
    assert.deepEqual([settings.region, settings.regionSource], ['eu-frankfurt', '--region']);
  });

  for (const name of ['TENCENTCLOUD_SESSION_TOKEN', 'TENCENTCLOUD_TOKEN', 'TENCENTCLOUD_SECURITY_TOKEN']) {
    test(`takes the token from ${name}`, async () => {
      home = makeTempHome();
      const settings = await resolveSettings(
        input(
          { region: 'ap-guangzhou' },
          { TENCENTCLOUD_SECRET_ID: ENV_ID, TENCENTCLOUD_SECRET_KEY: ENV_KEY, [name]: `token-from-${name}` },
        ),
      );
      assert.equal((await settings.credentials.get()).token, `token-from-${name}`);
    });
  }

  test('half a pair falls back to the profile, as in tccli, with a warning naming the missing variable', async () => {
    home = makeTempHome();
    defaultProfile();
    for (const [env, set, unset] of [
      [{ TENCENTCLOUD_SECRET_ID: ENV_ID }, 'TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY'],
      [{ TENCENTCLOUD_SECRET_KEY: ENV_KEY }, 'TENCENTCLOUD_SECRET_KEY', 'TENCENTCLOUD_SECRET_ID'],
    ] as const) {
      const settings = input({}, env);
      const resolved = await resolveSettings(settings);
      assert.deepEqual(await resolved.credentials.get(), { secretId: ID, secretKey: KEY });
      assert.equal(resolved.credentials.kind, 'tccli-profile');
      assert.equal(settings.warnings.length, 1);
      assert.match(settings.warnings[0]!, new RegExp(`^warning: ${set} is set but ${unset} is not; ignoring it`));
      assert.ok(!settings.warnings[0]!.includes(ENV_KEY), 'the warning names variables, never values');
    }
  });

  test('half a pair with nothing to fall back to ends in "no credentials", after the warning', async () => {
    home = makeTempHome();
    const settings = input({}, { TENCENTCLOUD_SECRET_ID: ENV_ID });
    await assert.rejects(resolveSettings(settings), CredentialsError);
    assert.match(settings.warnings.join('\n'), /TENCENTCLOUD_SECRET_ID is set but TENCENTCLOUD_SECRET_KEY is not/);
  });
});

describe('SDK INI file', () => {
  const INI_ID = 'AKIDini000000000000000000000000000001';
  const INI_KEY = 'iniSecretKey000000000000000000001';

  test('~/.tencentcloud/credentials [default] is used when there is no profile', async () => {
    home = makeTempHome();
    const path = home.ini(
      `# SDK file\n[other]\nsecret_id = wrong\nsecret_key = wrong\n\n[default]\nsecret_id = ${INI_ID}\nsecret_key=${INI_KEY}\ntoken = iniToken0001\n`,
    );
    const settings = await resolveSettings(input({ region: 'ap-guangzhou' }));
    assert.deepEqual(await settings.credentials.get(), { secretId: INI_ID, secretKey: INI_KEY, token: 'iniToken0001' });
    assert.equal(settings.credentials.kind, 'sdk-file');
    assert.equal(settings.credentials.path, path);
  });

  test('a value in matching quotes is read without them, as the Node SDK reads it', async () => {
    home = makeTempHome();
    home.ini(`[default]\nsecret_id = "${INI_ID}"\nsecret_key = '${INI_KEY}'\ntoken = "unbalanced'\n`);
    const settings = await resolveSettings(input({ region: 'ap-guangzhou' }));
    assert.deepEqual(await settings.credentials.get(), { secretId: INI_ID, secretKey: INI_KEY, token: `"unbalanced'` });
  });

  test('the tccli default profile comes before the INI file', async () => {
    home = makeTempHome();
    defaultProfile();
    home.ini(`[default]\nsecret_id = ${INI_ID}\nsecret_key = ${INI_KEY}\n`);
    assert.equal((await (await resolveSettings(input())).credentials.get()).secretId, ID);
  });

  test('TENCENTCLOUD_CREDENTIALS_FILE replaces the default path', async () => {
    home = makeTempHome();
    home.ini(`[default]\nsecret_id = AKIDwrong\nsecret_key = wrongwrongwrong\n`);
    const path = home.ini(`[default]\nsecret_id = ${INI_ID}\nsecret_key = ${INI_KEY}\n`, 'elsewhere/creds.ini');
    const settings = await resolveSettings(input({ region: 'ap-guangzhou' }, { TENCENTCLOUD_CREDENTIALS_FILE: path }));
    assert.equal((await settings.credentials.get()).secretId, INI_ID);
    assert.equal(settings.credentials.path, path);
  });

  test('TENCENTCLOUD_CREDENTIALS_FILE naming a missing file is an error', async () => {
    home = makeTempHome();
    await assert.rejects(
      resolveSettings(input({ region: 'ap-guangzhou' }, { TENCENTCLOUD_CREDENTIALS_FILE: home.path('nope') })),
      /TENCENTCLOUD_CREDENTIALS_FILE names .*nope, which does not exist/,
    );
  });
});

describe('nothing configured', () => {
  test('CredentialsError saying exactly what to set', async () => {
    home = makeTempHome();
    await assert.rejects(resolveSettings(input()), (error: unknown) => {
      assert.ok(error instanceof CredentialsError, String(error));
      const text = `${error.message}\n${error.hint}`;
      for (const expected of [
        'TENCENTCLOUD_SECRET_ID',
        'TENCENTCLOUD_SECRET_KEY',
        'clb-listener configure',
        home.path('.tccli', 'default.credential'),
        home.path('.tencentcloud', 'credentials'),
        'CVM instance metadata',
      ]) {
        assert.ok(text.includes(expected), `missing "${expected}" in: ${text}`);
      }
      return true;
    });
  });

  test('credentials are checked before the region', async () => {
    home = makeTempHome();
    await assert.rejects(resolveSettings(input()), CredentialsError);
  });

  test('a missing region is a UsageError naming the three ways', async () => {
    home = makeTempHome();
    home.tccli('default', { credential: { secretId: ID, secretKey: KEY } });
    await assert.rejects(resolveSettings(input()), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.equal(error.flag, '--region');
      assert.match(error.hint ?? '', /--region .*TENCENTCLOUD_REGION.*configure set region/);
      return true;
    });
    const report = await inspectSettings(input());
    assert.ok(report.regionError instanceof UsageError);
    assert.equal(report.region, undefined);
  });
});

describe('endpoint and language', () => {
  test('--endpoint, then the profile clb.endpoint (host made a URL), then the default', async () => {
    home = makeTempHome();
    home.tccli('default', {
      credential: { secretId: ID, secretKey: KEY },
      configure: { _sys_param: { region: 'ap-guangzhou' }, clb: { endpoint: 'clb.ap-guangzhou.tencentcloudapi.com' } },
    });
    assert.deepEqual(resolveEndpoint(input({ endpoint: 'http://127.0.0.1:9000' })), {
      endpoint: 'http://127.0.0.1:9000',
      source: '--endpoint',
    });
    const fromProfile = await resolveSettings(input());
    assert.equal(fromProfile.endpoint, 'https://clb.ap-guangzhou.tencentcloudapi.com');
    assert.match(fromProfile.endpointSource, /clb\.endpoint/);

    home.tccli('bare', { credential: { secretId: ID, secretKey: KEY }, configure: { _sys_param: { region: 'ap-guangzhou' } } });
    const fallback = await resolveSettings(input({ profile: 'bare' }));
    assert.deepEqual([fallback.endpoint, fallback.endpointSource], [DEFAULT_ENDPOINT, 'default']);
  });

  test('CLB_LISTENER_ENDPOINT: after --endpoint, before the profile; a bad value is named by the variable', async () => {
    home = makeTempHome();
    home.tccli('default', {
      credential: { secretId: ID, secretKey: KEY },
      configure: { _sys_param: { region: 'ap-guangzhou' }, clb: { endpoint: 'clb.ap-guangzhou.tencentcloudapi.com' } },
    });
    const env = { CLB_LISTENER_ENDPOINT: 'http://127.0.0.1:9400' };
    assert.deepEqual(resolveEndpoint(input({}, env)), { endpoint: 'http://127.0.0.1:9400', source: 'CLB_LISTENER_ENDPOINT' });
    const settings = await resolveSettings(input({ region: 'ap-shanghai-fsi' }, env));
    assert.deepEqual([settings.endpoint, settings.endpointSource], ['http://127.0.0.1:9400', 'CLB_LISTENER_ENDPOINT']);
    assert.deepEqual(resolveEndpoint(input({ endpoint: 'https://clb.example' }, env)), {
      endpoint: 'https://clb.example',
      source: '--endpoint',
    });
    assert.equal(resolveEndpoint(input({}, { CLB_LISTENER_ENDPOINT: 'clb.example:8443' })).endpoint, 'https://clb.example:8443');
    assert.equal(resolveEndpoint(input({}, { CLB_LISTENER_ENDPOINT: '' })).endpoint, 'https://clb.ap-guangzhou.tencentcloudapi.com');
    assert.throws(
      () => resolveEndpoint(input({}, { CLB_LISTENER_ENDPOINT: 'http://10.0.0.1' })),
      (error: Error) => error instanceof UsageError && /^CLB_LISTENER_ENDPOINT "http:\/\/10\.0\.0\.1"/.test(error.message),
    );
  });

  test('a financial region gets its own host, also over the default host tccli writes into every profile', async () => {
    home = makeTempHome();
    defaultProfile(); // clb.endpoint = clb.tencentcloudapi.com, as tccli writes it
    for (const region of ['ap-shanghai-fsi', 'ap-shenzhen-fsi']) {
      const settings = await resolveSettings(input({ region }));
      assert.equal(settings.endpoint, `https://clb.${region}.tencentcloudapi.com`);
      assert.match(
        settings.endpointSource,
        new RegExp(`^financial region ${region}; clb\\.tencentcloudapi\\.com from the profile default`),
      );
    }
    const plain = await resolveSettings(input({ region: 'ap-shanghai' }));
    assert.equal(plain.endpoint, 'https://clb.tencentcloudapi.com');
    // An endpoint chosen on purpose is kept.
    assert.equal(
      (await resolveSettings(input({ region: 'ap-shanghai-fsi', endpoint: 'https://clb.example' }))).endpoint,
      'https://clb.example',
    );
    home.tccli('custom', {
      credential: { secretId: ID, secretKey: KEY },
      configure: { clb: { endpoint: 'clb.internal.example:8443' } },
    });
    const custom = await resolveSettings(input({ profile: 'custom', region: 'ap-shanghai-fsi' }));
    assert.equal(custom.endpoint, 'https://clb.internal.example:8443');
    home.tccli('bare', { credential: { secretId: ID, secretKey: KEY } });
    const bare = await resolveSettings(input({ profile: 'bare', region: 'ap-shenzhen-fsi' }));
    assert.deepEqual(
      [bare.endpoint, bare.endpointSource],
      ['https://clb.ap-shenzhen-fsi.tencentcloudapi.com', 'financial region ap-shenzhen-fsi'],
    );
    assert.equal(
      resolveEndpoint(input({ profile: 'bare', region: 'ap-shanghai-fsi' })).endpoint,
      'https://clb.ap-shanghai-fsi.tencentcloudapi.com',
    );
  });

  test('language: --language, then CLB_LISTENER_LANG, then _sys_param.language, then the locale; other values ignored with a warning', async () => {
    home = makeTempHome();
    home.tccli('default', {
      credential: { secretId: ID, secretKey: KEY },
      configure: { _sys_param: { region: 'ap-guangzhou', language: 'zh-CN' } },
    });
    const fromProfile = await resolveSettings(input({}, { LANG: 'en_US.UTF-8' }));
    assert.deepEqual([fromProfile.language, fromProfile.languageSource], ['zh-CN', 'profile default']);
    assert.equal((await resolveSettings(input({ language: 'en-US' }))).language, 'en-US');
    const fromVariable = await resolveSettings(input({}, { CLB_LISTENER_LANG: 'en-US' }));
    assert.deepEqual([fromVariable.language, fromVariable.languageSource], ['en-US', 'CLB_LISTENER_LANG']);
    home.tccli('odd', {
      credential: { secretId: ID, secretKey: KEY },
      configure: { _sys_param: { region: 'ap-guangzhou', language: 'fr-FR' } },
    });
    const odd = input({ profile: 'odd' });
    const oddSettings = await resolveSettings(odd);
    assert.deepEqual([oddSettings.language, oddSettings.languageSource], ['en-US', 'default']);
    assert.match(odd.warnings.join('\n'), /ignoring language "fr-FR"/);
    const fromLocale = await resolveSettings(input({ profile: 'odd' }, { LANG: 'zh_CN.UTF-8' }));
    assert.deepEqual([fromLocale.language, fromLocale.languageSource], ['zh-CN', 'LANG=zh_CN.UTF-8']);
  });
});

describe('secret hygiene', () => {
  test('a credential file readable by others gives a warning naming the chmod to run', async () => {
    home = makeTempHome();
    const { credential } = home.tccli(
      'default',
      { credential: { secretId: ID, secretKey: KEY }, configure: { _sys_param: { region: 'ap-guangzhou' } } },
      0o644,
    );
    const loose = input();
    await resolveSettings(loose);
    assert.equal(loose.warnings.length, 1);
    assert.ok(loose.warnings[0]!.includes(`chmod 600 ${credential}`), loose.warnings[0]);
    assert.ok(!loose.warnings[0]!.includes(KEY));
  });

  test('so does a group-readable INI file; a 0600 file gives none', async () => {
    home = makeTempHome();
    const path = home.ini(
      '[default]\nsecret_id = AKIDini000000000000000000000000000001\nsecret_key = iniSecretKey000000000000000000001\n',
      undefined,
      0o640,
    );
    const loose = input({ region: 'ap-guangzhou' });
    await resolveSettings(loose);
    assert.deepEqual(
      loose.warnings.map((w) => w.includes(`chmod 600 ${path}`)),
      [true],
    );

    home.cleanup();
    home = makeTempHome();
    defaultProfile();
    const tight = input();
    await resolveSettings(tight);
    assert.deepEqual(tight.warnings, []);
  });

  test('loaded secret keys and tokens are registered for redaction', async () => {
    home = makeTempHome();
    home.tccli('default', {
      credential: { secretId: ID, secretKey: KEY, token: 'registeredToken0001' },
      configure: { _sys_param: { region: 'ap-guangzhou' } },
    });
    const settings = input();
    await resolveSettings(settings);
    const secrets = settings.secrets.list();
    assert.ok(secrets.includes(KEY) && secrets.includes('registeredToken0001'));
    assert.ok(!secrets.includes(ID), 'the SecretId is not a secret and stays readable in errors');
  });
});
