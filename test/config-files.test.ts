// The small pieces under the chain and `configure`: masking, INI parsing, tccli JSON layout,
// atomic private writes, the permissions check and the key table.
import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskIdentifier, maskSecret } from '../src/config/mask.js';
import { parseEndpoint } from '../src/api/endpoint.js';
import { parseIni } from '../src/config/ini.js';
import { permissionWarning, writePrivateFileAtomic, ensurePrivateDir } from '../src/config/files.js';
import { formatTccliJson, updateTccliProfile } from '../src/config/profile-store.js';
import { findProfileKey, readProfileKey, writeProfileKey, normalizeEndpoint, type ProfileFiles } from '../src/config/profile-keys.js';
import { english, UsageError } from '../src/core/errors.js';
import { makeTempHome, type TempHome } from './helpers/home.js';

let home: TempHome;
afterEach(() => home?.cleanup());

describe('mask', () => {
  test('an identifier keeps its first and last four characters', () => {
    assert.equal(maskIdentifier('AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE'), 'AKID****MPLE');
    assert.equal(maskIdentifier('abcdefghijkl'), 'abcd****ijkl');
  });
  test('a secret keeps only its last four characters', () => {
    assert.equal(maskSecret('Gu5t9xGARNpq86cd98joQYCN3EXAMPLE'), '****MPLE');
    assert.equal(maskSecret('abcdefghijkl'), '****ijkl');
  });
  test('hides short values completely, and says nothing about empty ones', () => {
    for (const mask of [maskIdentifier, maskSecret]) {
      assert.equal(mask('abcdefghijk'), '****');
      assert.equal(mask('abc'), '****');
      assert.equal(mask(''), '');
      assert.equal(mask(undefined), '');
    }
  });
});

describe('parseIni', () => {
  test('sections, both separators, comments, CRLF and a BOM', () => {
    const ini = parseIni(
      '\uFEFF; comment\r\n[default]\r\nsecret_id = A B\r\nSECRET_KEY: k=v\r\n# another\r\n[ other ]\r\ntoken=t\r\nstray line\r\n',
    );
    assert.deepEqual([...ini.keys()], ['default', 'other']);
    assert.deepEqual(Object.fromEntries(ini.get('default')!), { secret_id: 'A B', secret_key: 'k=v' });
    assert.deepEqual(Object.fromEntries(ini.get('other')!), { token: 't' });
  });
});

describe('tccli JSON layout', () => {
  test('sorted keys at every level, 2-space indent, arrays kept in order', () => {
    assert.equal(
      formatTccliJson({ b: 1, a: { d: [3, 1], c: true } }),
      '{\n  "a": {\n    "c": true,\n    "d": [\n      3,\n      1\n    ]\n  },\n  "b": 1\n}\n',
    );
  });
});

describe('private files', () => {
  test('atomic write: mode 0600, replaces the old file, leaves no temporary file', () => {
    home = makeTempHome();
    const dir = home.path('.tccli');
    ensurePrivateDir(dir);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    const file = join(dir, 'x.credential');
    writeFileSync(file, 'old', { mode: 0o644 });
    writePrivateFileAtomic(file, 'new');
    assert.equal(readFileSync(file, 'utf8'), 'new');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(dir), ['x.credential']);
  });

  test('a symlinked profile file stays a symlink; its target is replaced', () => {
    home = makeTempHome();
    mkdirSync(home.path('dotfiles'));
    mkdirSync(home.path('.tccli'));
    writeFileSync(home.path('dotfiles', 'default.credential'), '{}');
    symlinkSync(home.path('dotfiles', 'default.credential'), home.path('.tccli', 'default.credential'));
    writePrivateFileAtomic(home.path('.tccli', 'default.credential'), '{"a":1}');
    assert.ok(lstatSync(home.path('.tccli', 'default.credential')).isSymbolicLink());
    assert.equal(readFileSync(home.path('dotfiles', 'default.credential'), 'utf8'), '{"a":1}');
  });

  test('permissionWarning names the exact chmod, quoting odd paths; silent for 0600 and on Windows', () => {
    home = makeTempHome();
    const plain = home.ini('[default]\n', 'a/credentials', 0o604);
    assert.match(english(permissionWarning(plain)!), new RegExp(`run: chmod 600 ${plain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    const spaced = home.ini('[default]\n', "my dir/it's", 0o640);
    assert.ok(
      english(permissionWarning(spaced)!).endsWith(`chmod 600 '${home.path('my dir')}/it'\\''s'`),
      english(permissionWarning(spaced)!),
    );
    assert.equal(permissionWarning(home.ini('[default]\n', 'b/credentials', 0o600)), undefined);
    assert.equal(permissionWarning(plain, 'win32'), undefined);
    assert.equal(permissionWarning(home.path('missing')), undefined);
  });
});

describe('profile keys', () => {
  const files = (): ProfileFiles => ({ credential: {}, configure: {} });

  test('each key lands where tccli keeps it', () => {
    const f = files();
    writeProfileKey(f, findProfileKey('secretId'), 'AKIDx');
    writeProfileKey(f, findProfileKey('region'), 'ap-guangzhou');
    writeProfileKey(f, findProfileKey('clb.endpoint'), 'clb.ap-guangzhou.tencentcloudapi.com');
    writeProfileKey(f, findProfileKey('USE-CVM-ROLE'), 'true');
    assert.deepEqual(f, {
      credential: { secretId: 'AKIDx', type: 'cvm-role' },
      configure: { _sys_param: { region: 'ap-guangzhou' }, clb: { endpoint: 'clb.ap-guangzhou.tencentcloudapi.com' } },
    });
    assert.equal(readProfileKey(f, findProfileKey('use-cvm-role')), 'true');
    writeProfileKey(f, findProfileKey('use-cvm-role'), 'false');
    assert.equal(f.credential.type, undefined);
  });

  test('values are validated', () => {
    const f = files();
    assert.throws(() => writeProfileKey(f, findProfileKey('region'), 'Guangzhou'), UsageError);
    assert.throws(() => writeProfileKey(f, findProfileKey('output'), 'yaml'), /output "yaml": must be one of json, text, table/);
    assert.throws(() => writeProfileKey(f, findProfileKey('language'), 'fr'), UsageError);
    assert.throws(() => writeProfileKey(f, findProfileKey('use-cvm-role'), 'yes'), UsageError);
    assert.throws(() => writeProfileKey(f, findProfileKey('endpoint'), 'http://'), UsageError);
    assert.throws(() => writeProfileKey(f, findProfileKey('endpoint'), 'https://clb.tencentcloudapi.com/v3'), UsageError);
    assert.throws(() => writeProfileKey(f, findProfileKey('endpoint'), 'ftp://host'), UsageError);
    writeProfileKey(f, findProfileKey('endpoint'), 'http://127.0.0.1:9000/');
    assert.equal(readProfileKey(f, findProfileKey('endpoint')), 'http://127.0.0.1:9000');
    assert.throws(() => findProfileKey('password'), /unknown configuration key "password"/);
  });

  test("endpoint: the client's rule (https anywhere, http only to loopback), without --endpoint in the message", () => {
    const f = files();
    const refused: [string, RegExp][] = [
      ['http://example.com', /^endpoint "http:\/\/example\.com": plain http:\/\/ is allowed only for loopback hosts/],
      ['http://10.0.0.1:8080', /plain http:\/\/ is allowed only for loopback hosts/],
      ['https://clb.tencentcloudapi.com/v3', /the API path is always "\/"/],
      ['https://clb.tencentcloudapi.com/?a=1', /the API path is always "\/"/],
      ['https://user:pw@clb.tencentcloudapi.com', /^endpoint "https:\/\/…@clb\.tencentcloudapi\.com": holds a user name or password/],
      ['https://clb.tencentcloudapi.com#x', /give only the host \(and port\)/],
      ['ftp://host', /only https:\/\/ is supported/],
      ['', /is not a URL/],
    ];
    for (const [value, message] of refused) {
      assert.throws(
        () => writeProfileKey(f, findProfileKey('endpoint'), value),
        (error: unknown) => {
          assert.ok(error instanceof UsageError, value);
          assert.match(error.message, message, value);
          assert.doesNotMatch(error.message, /--endpoint/);
          return true;
        },
      );
    }
    assert.deepEqual(f.configure, {}, 'nothing stored');
  });

  test('endpoint: stored as tccli does (a bare host for https), and read back as the URL the client would use', () => {
    const cases: [string, string][] = [
      ['clb.tencentcloudapi.com', 'clb.tencentcloudapi.com'],
      ['https://clb.ap-guangzhou.tencentcloudapi.com/', 'clb.ap-guangzhou.tencentcloudapi.com'],
      ['HTTPS://CLB.TencentCloudAPI.com:443', 'clb.tencentcloudapi.com'],
      // tccli prefixes https:// to what it reads and sends it as the Host: host:port works, a URL would not.
      ['clb.internal.example:8443', 'clb.internal.example:8443'],
      ['https://clb.internal.example:8443', 'clb.internal.example:8443'],
      // Plain http is allowed only to this machine, and only a scheme can say it.
      ['http://127.0.0.1:9000', 'http://127.0.0.1:9000'],
      ['http://localhost', 'http://localhost'],
      ['http://[::1]:9000/', 'http://[::1]:9000'],
      ['https://[::1]', '[::1]'],
    ];
    for (const [typed, stored] of cases) {
      const f = files();
      writeProfileKey(f, findProfileKey('endpoint'), typed);
      const value = readProfileKey(f, findProfileKey('endpoint'))!;
      assert.equal(value, stored, typed);
      // What a command then does with it: the same origin the client would build from the typed value.
      assert.equal(parseEndpoint(normalizeEndpoint(value)).origin, parseEndpoint(typed).origin, typed);
      if (!stored.startsWith('http://')) assert.doesNotMatch(stored, /:\/\//, 'no scheme: a value tccli can read');
    }
  });

  test('sts.endpoint, role-arn and role-session-name live where tccli keeps them', () => {
    const f = files();
    writeProfileKey(f, findProfileKey('sts.endpoint'), 'https://sts.internal.tencentcloudapi.com/');
    writeProfileKey(f, findProfileKey('role-arn'), 'qcs::cam::uin/100000000001:roleName/clb-admin');
    writeProfileKey(f, findProfileKey('role-session-name'), 'ci');
    assert.deepEqual(f.configure, { sts: { endpoint: 'sts.internal.tencentcloudapi.com' } });
    assert.deepEqual(f.credential, { 'role-arn': 'qcs::cam::uin/100000000001:roleName/clb-admin', 'role-session-name': 'ci' });
  });

  test('normalizeEndpoint adds https:// to a bare host only', () => {
    assert.equal(normalizeEndpoint('clb.tencentcloudapi.com'), 'https://clb.tencentcloudapi.com');
    assert.equal(normalizeEndpoint('http://127.0.0.1:8080/'), 'http://127.0.0.1:8080');
  });
});

describe('updateTccliProfile', () => {
  test('an existing file keeps every key but the one set; writes only changed files', () => {
    home = makeTempHome();
    const paths = home.tccli('default', {
      credential: { secretId: 'AKIDold', secretKey: 'oldSecretKey000000000001', extra: 'kept' },
      configure: {
        _sys_param: { arrayCount: 20 },
        cvm: { endpoint: 'cvm.tencentcloudapi.com' },
        clb: { endpoint: 'clb.internal.tencentcloudapi.com' },
      },
    });
    const credentialBefore = readFileSync(paths.credential, 'utf8');
    const { written } = updateTccliProfile(home.dir, 'default', (f) => writeProfileKey(f, findProfileKey('region'), 'ap-shanghai'));
    assert.deepEqual(written, [paths.configure]);
    assert.equal(readFileSync(paths.credential, 'utf8'), credentialBefore);
    assert.deepEqual(home.readJson('.tccli', 'default.configure'), {
      _sys_param: { arrayCount: 20, region: 'ap-shanghai' },
      clb: { endpoint: 'clb.internal.tencentcloudapi.com' },
      cvm: { endpoint: 'cvm.tencentcloudapi.com' },
    });
    assert.deepEqual(
      updateTccliProfile(home.dir, 'default', (f) => writeProfileKey(f, findProfileKey('region'), 'ap-shanghai')).written,
      [],
    );
  });

  test("a new file gets tccli's defaults; the values set win over them", () => {
    home = makeTempHome();
    updateTccliProfile(home.dir, 'default', (f) => {
      writeProfileKey(f, findProfileKey('output'), 'table');
      writeProfileKey(f, findProfileKey('endpoint'), 'http://127.0.0.1:9000');
    });
    assert.deepEqual(home.readJson('.tccli', 'default.configure'), {
      _sys_param: { arrayCount: 10, output: 'table', warning: 'off' },
      clb: { endpoint: 'http://127.0.0.1:9000', version: '2018-03-17' },
    });
  });

  test('an existing file without a clb entry: setting the endpoint adds clb with its version, nothing else', () => {
    home = makeTempHome();
    home.tccli('default', { configure: { _sys_param: { region: 'ap-beijing' } } });
    updateTccliProfile(home.dir, 'default', (f) => writeProfileKey(f, findProfileKey('endpoint'), 'clb.ap-beijing.tencentcloudapi.com'));
    assert.deepEqual(home.readJson('.tccli', 'default.configure'), {
      _sys_param: { region: 'ap-beijing' },
      clb: { endpoint: 'clb.ap-beijing.tencentcloudapi.com', version: '2018-03-17' },
    });
  });

  test('an old top-level layout keeps its values; the new key goes to _sys_param', () => {
    home = makeTempHome();
    home.tccli('default', { configure: { region: 'ap-beijing', output: 'table' } });
    const { profile } = updateTccliProfile(home.dir, 'default', (f) => writeProfileKey(f, findProfileKey('language'), 'en-US'));
    assert.deepEqual(home.readJson('.tccli', 'default.configure'), {
      _sys_param: { language: 'en-US' },
      output: 'table',
      region: 'ap-beijing',
    });
    assert.equal(readProfileKey(profile.files, findProfileKey('region')), 'ap-beijing', 'still read from the old place');
  });

  test('a failed validation writes nothing', () => {
    home = makeTempHome();
    assert.throws(() =>
      updateTccliProfile(home.dir, 'default', (f) => {
        writeProfileKey(f, findProfileKey('secretId'), 'AKIDnew');
        writeProfileKey(f, findProfileKey('region'), 'nowhere');
      }),
    );
    assert.throws(() => statSync(home.path('.tccli')), /ENOENT/);
  });
});
