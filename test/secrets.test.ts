// Every command, with --debug, on its success and failure paths, with temporary credentials and
// an uploaded private key: nothing printed may contain the secret key, the token or the key.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessEmulator, REPO_ROOT, type InProcessEmulator } from './helpers/emulator.js';
import { EMPTY_HOME, findLeaks, runCli, type CliResult } from './helpers/cli.js';
import type { EmulatorKey } from '../src/emulator/types.js';

const LB = 'lb-cuxw2rm0';
const SECRET_ID = 'AKIDtemporarykeyfortheleaktest0001';
const SECRET_KEY = 'TmpSecretKeyThatMustNeverBePrinted42';
const TOKEN = 'SessionTokenThatMustNeverBePrinted-0123456789abcdef';
const STRAY_SECRET = 'TypedSecretThatWasNeverInTheEnvironment77';
const PRIVATE_KEY = readFileSync(join(REPO_ROOT, 'test/fixtures/server.key'), 'utf8');
const ROLE = 'qcs::cam::uin/100000000001:roleName/clb-admin';
/** A web identity token (JWT-shaped) as TKE mounts it: a secret like any other. */
const WEB_IDENTITY_TOKEN = [
  Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url'),
  Buffer.from(JSON.stringify({ sub: 'system:serviceaccount:default:app', exp: 4102444800 })).toString('base64url'),
  'U2lnbmF0dXJlVGhhdE11c3ROZXZlckJlUHJpbnRlZA',
].join('.');

describe('no secret in any output', () => {
  let emu: InProcessEmulator;
  const outputs: CliResult[] = [];
  const env = () => ({
    PATH: process.env.PATH,
    HOME: EMPTY_HOME,
    TENCENTCLOUD_SECRET_ID: SECRET_ID,
    TENCENTCLOUD_SECRET_KEY: SECRET_KEY,
    TENCENTCLOUD_SESSION_TOKEN: TOKEN,
    TENCENTCLOUD_REGION: emu.region,
    CLB_LISTENER_METADATA_URL: 'http://127.0.0.1:9/',
  });
  const run = async (args: string[], extra: { stdin?: string; env?: Record<string, string | undefined> } = {}) => {
    const result = await runCli([...args, '--debug'], { env: { ...env(), ...extra.env }, ...(extra.stdin ? { stdin: extra.stdin } : {}) });
    outputs.push(result);
    return result;
  };

  before(async () => {
    emu = await inProcessEmulator({
      loadBalancers: [LB],
      taskDelayMs: 100,
      extraKeys: [{ secretId: SECRET_ID, secretKey: SECRET_KEY, token: TOKEN }],
    });
  });
  after(() => emu.stop());

  test('create uploading a key, with the wire log on', async () => {
    const result = await run([
      'create',
      '--endpoint',
      emu.endpoint,
      '--lb',
      LB,
      '--port',
      '443',
      '--protocol',
      'HTTPS',
      '--cert-file',
      'test/fixtures/server.crt',
      '--key-file',
      'test/fixtures/server.key',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /\[debug\] → CreateListener/);
    assert.match(result.stderr, /"CertKey":"<redacted: \d+ bytes>"/);
    assert.match(result.stderr, /"X-TC-Token":"<redacted>"/);
    // The emulator did receive the real key and token: redaction is only in what is shown.
    const listener = (await emu.state()).listeners[0]!;
    assert.equal((listener.request.Certificate as { CertKey: string }).CertKey, PRIVATE_KEY);
  });

  test('create --dry-run, -o json, and a key from stdin', async () => {
    const result = await run(
      [
        'create',
        '--endpoint',
        emu.endpoint,
        '--lb',
        LB,
        '--port',
        '8443',
        '--protocol',
        'TCP_SSL',
        '--cert-file',
        'test/fixtures/server.crt',
        '--key-file',
        '-',
        '--dry-run',
        '-o',
        'json',
      ],
      { stdin: PRIVATE_KEY },
    );
    assert.equal(result.code, 0, result.stderr);
    const dump = JSON.parse(result.stdout) as { Headers: Record<string, string>; Body: { Certificate: { CertKey: string } } };
    assert.match(dump.Body.Certificate.CertKey, /^<redacted: \d+ bytes>$/);
    assert.equal(dump.Headers['X-TC-Token'], '<redacted>');
    assert.match(dump.Headers.Authorization!, /Signature=<redacted>/);
  });

  test('failures: a refused key, a refused token, a task failure, a crash-like reply', async () => {
    const badKey = await run(['list', '--endpoint', emu.endpoint, '--lb', LB], { env: { TENCENTCLOUD_SECRET_KEY: `${SECRET_KEY}x` } });
    assert.equal(badKey.code, 3);
    const badToken = await run(['list', '--endpoint', emu.endpoint, '--lb', LB], { env: { TENCENTCLOUD_SESSION_TOKEN: `${TOKEN}x` } });
    assert.equal(badToken.code, 3);
    await emu.faults([{ action: 'CreateListener', kind: 'taskFail', message: 'failed' }]);
    const failed = await run(['create', '--endpoint', emu.endpoint, '--lb', LB, '--port', '9000', '--protocol', 'TCP', '-o', 'json']);
    assert.equal(failed.code, 4);
    // A read would be retried past one bad answer; a write is never resent, so its reply stands.
    await emu.faults([{ action: 'CreateListener', kind: 'malformed' }]);
    const malformed = await run(['create', '--endpoint', emu.endpoint, '--lb', LB, '--port', '9001', '--protocol', 'TCP']);
    assert.equal(malformed.code, 6);
  });

  test('a server that echoes the secrets back: the error, the JSON error and the wire log are redacted', async () => {
    // Only the per-run secret registry can hide these: the values arrive in an API message.
    const echo = `The token ${TOKEN} does not belong to the key ${SECRET_KEY}.`;
    await emu.faults([
      { action: 'DescribeListeners', kind: 'apiError', code: 'AuthFailure.TokenFailure', message: echo },
      { action: 'DescribeListeners', kind: 'apiError', code: 'AuthFailure.TokenFailure', message: echo },
    ]);
    const text = await run(['list', '--endpoint', emu.endpoint, '--lb', LB]);
    assert.equal(text.code, 3, text.stderr);
    assert.match(text.stderr, /AuthFailure\.TokenFailure/);
    assert.match(text.stderr, /The token \S+ does not belong to the key \S+\./, 'the message is shown, the secrets in it are not');
    assert.match(text.stderr, /\[debug\] ← DescribeListeners/, 'the wire log showed the answer');
    const json = await run(['list', '--endpoint', emu.endpoint, '--lb', LB, '-o', 'json']);
    assert.equal(json.code, 3, json.stderr);
    for (const out of [text, json]) {
      assert.ok(!out.stderr.includes(SECRET_KEY) && !out.stderr.includes(TOKEN), `redacted:\n${out.stderr}`);
    }
  });

  test('wait, list, delete, whoami, configure, completion', async () => {
    const created = await run([
      'create',
      '--endpoint',
      emu.endpoint,
      '--lb',
      LB,
      '--port',
      '9100',
      '--protocol',
      'UDP',
      '--no-wait',
      '-o',
      'json',
    ]);
    assert.equal(created.code, 0, created.stderr);
    const { RequestId, ListenerIds } = JSON.parse(created.stdout) as { RequestId: string; ListenerIds: string[] };
    assert.equal((await run(['wait', RequestId, '--endpoint', emu.endpoint])).code, 0);
    assert.equal((await run(['list', '--endpoint', emu.endpoint, '--lb', LB, '-o', 'table'])).code, 0);
    assert.equal((await run(['delete', '--endpoint', emu.endpoint, '--lb', LB, '--listener-id', ListenerIds[0]!])).code, 0);
    assert.equal((await run(['whoami'])).code, 0);
    assert.equal((await run(['whoami', '-o', 'json'])).code, 0);
    await run(['configure', 'list']);
    await run(['completion', 'bash']);
    await run(['--help']);
    await run(['create', '--help']);
  });

  test('secrets typed where they do not belong are refused without being echoed', async () => {
    // Values the tool has never seen in its environment, so only its own care can hide them.
    const typed = [`CertKey=${STRAY_SECRET}`, `--secret-key=${STRAY_SECRET}`, `{"CertKey": ${STRAY_SECRET}`];
    const inCertificate = await run([
      'create',
      '--endpoint',
      emu.endpoint,
      '--lb',
      LB,
      '--port',
      '443',
      '--protocol',
      'HTTPS',
      '--certificate',
      `CertName=x,CertContent=y,${typed[0]}`,
    ]);
    assert.equal(inCertificate.code, 2);
    const asOption = await run(['create', typed[1]!]);
    assert.equal(asOption.code, 2);
    const brokenJson = await run(['create', '--lb', LB, '--port', '443', '--protocol', 'HTTPS', '--certificate', typed[2]!]);
    assert.equal(brokenJson.code, 2);
    const onArgv = await run(['configure', 'set', 'secretKey', STRAY_SECRET]);
    assert.equal(onArgv.code, 2);
    const dashed = await run(['configure', 'set', 'secretKey', `-${STRAY_SECRET}`]);
    assert.equal(dashed.code, 2);
  });

  test('role-arn and TKE OIDC, with the wire log on: the STS calls are shown, their secrets are not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-secrets-roles-'));
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, WEB_IDENTITY_TOKEN);
    const roleEnv = {
      ...env(),
      TENCENTCLOUD_ROLE_ARN: ROLE,
      TENCENTCLOUD_ROLE_SESSION_NAME: 'leak-test',
      CLB_LISTENER_STS_ENDPOINT: emu.endpoint,
    };
    const tkeEnv = {
      ...env(),
      TKE_REGION: emu.region,
      TKE_PROVIDER_ID: 'tke-oidc',
      TKE_WEB_IDENTITY_TOKEN_FILE: tokenFile,
      TKE_ROLE_ARN: ROLE,
      CLB_LISTENER_STS_ENDPOINT: emu.endpoint,
    };
    const runs: [string[], Record<string, string | undefined>][] = [
      [['create', '--endpoint', emu.endpoint, '--lb', LB, '--port', '9300', '--protocol', 'TCP', '--debug'], roleEnv],
      [['whoami', '--debug'], roleEnv],
      [['whoami', '-o', 'json'], roleEnv],
      [['list', '--endpoint', emu.endpoint, '--lb', LB, '--debug'], tkeEnv],
      [['whoami', '--debug'], tkeEnv],
      // A refusal from STS, with its message shown.
      [['list', '--endpoint', emu.endpoint, '--lb', LB, '--debug'], { ...roleEnv, TENCENTCLOUD_ROLE_ARN: 'not-an-arn' }],
    ];
    const results: CliResult[] = [];
    for (const [args, runEnv] of runs) results.push(await runCli(args, { env: runEnv }));
    outputs.push(...results);
    assert.deepEqual(
      results.map((r) => r.code),
      [0, 0, 0, 0, 0, 3],
      results.map((r) => r.stderr).join('\n'),
    );
    assert.match(results[0]!.stderr, /\[debug\] → AssumeRole \(attempt 1\) POST http:\/\/127\.0\.0\.1:\d+\//);
    assert.match(results[0]!.stderr, /"TmpSecretKey":"<redacted: \d+ bytes>"/);
    assert.match(results[0]!.stderr, /"Token":"<redacted: \d+ bytes>"/);
    assert.match(results[0]!.stderr, new RegExp(`credentials from role ${ROLE.replace(/[/:]/g, '.')} \\(session leak-test`));
    assert.match(results[1]!.stdout, /^role\s+qcs::cam::uin\/100000000001:roleName\/clb-admin\s+\[TENCENTCLOUD_ROLE_ARN\]$/m);
    assert.deepEqual(JSON.parse(results[2]!.stdout).Role.SessionName, 'leak-test');
    assert.match(results[3]!.stderr, /\[debug\] → AssumeRoleWithWebIdentity/);
    assert.match(results[3]!.stderr, /"WebIdentityToken":"<redacted: \d+ bytes>"/);
    assert.match(results[5]!.stderr, /InvalidParameter\.ParamError/);
    // Every key the emulator's STS issued, to scan for below.
    const keyring = (emu.running.emulator as unknown as { keys: { get(id: string): EmulatorKey | undefined } }).keys;
    const issuedIds = new Set((await emu.state()).requests.filter((r) => r.identity).map((r) => r.secretId!));
    assert.ok(issuedIds.size >= 2, 'both a role-arn key and an OIDC key signed CLB calls');
    for (const id of issuedIds) issued.push(keyring.get(id)!);
  });

  const issued: EmulatorKey[] = [];

  test('the scan: none of the secrets appears anywhere', () => {
    const printed = outputs.flatMap((r) => [r.stdout, r.stderr]);
    assert.ok(printed.join('').length > 1000, 'the scan has something to scan');
    const keyLines = PRIVATE_KEY.split('\n').filter((line) => line.length > 40);
    const leaks = findLeaks(printed, {
      'the secret key': SECRET_KEY,
      'the session token': TOKEN,
      'a secret typed in the wrong place': STRAY_SECRET,
      'the web identity token': WEB_IDENTITY_TOKEN,
      ...Object.fromEntries(
        issued.flatMap((key, i) => [
          [`STS key ${i + 1}`, key.secretKey],
          [`STS token ${i + 1}`, key.token!],
        ]),
      ),
      ...Object.fromEntries(keyLines.map((line, i) => [`private key line ${i + 1}`, line])),
    });
    assert.deepEqual(leaks, []);
  });
});
