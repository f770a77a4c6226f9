// The tool's own secrets as input: a credentials file handed to a field by mistake. The body that
// would carry the SecretKey or the session token is refused before anything is sent (exit 2, zero
// requests), whatever the credential source; and a validation error that quotes such a file
// (-o json carries the offending value) shows it redacted, even before the credentials are loaded.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { makeTempHome, type TempHome } from './helpers/home.js';
import { runAgainst } from './helpers/cli.js';

const LB = 'lb-ownkey01';
const TOKEN = 'SessionTokenOfTheProfile-0123456789abcdefABCDEF';

describe('the credentials in use never travel in a body, nor show in an error', () => {
  let emu: InProcessEmulator;
  let home: TempHome;

  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
    home = makeTempHome();
  });
  after(async () => {
    await emu.stop();
    home.cleanup();
  });

  /** The emulator's endpoint and region; keys only where `env` gives them. */
  const run = async (argv: string[], env: Record<string, string>) => {
    const result = await runAgainst(emu, argv, { env: { TENCENTCLOUD_SECRET_ID: undefined, TENCENTCLOUD_SECRET_KEY: undefined, ...env } });
    const requests = result.requests ?? [];
    for (const text of [result.stdout, result.stderr]) {
      assert.ok(!text.includes(emu.secretKey), `the SecretKey was printed: ${text.slice(0, 300)}`);
      assert.ok(!text.includes(TOKEN), `the token was printed: ${text.slice(0, 300)}`);
    }
    return { ...result, requests };
  };

  test('profile keys: a one-line credentials file as CertId is refused before CreateListener, naming the field', async () => {
    // tccli's file on one line, so that no other rule (control characters) stops it first.
    const { credential } = home.tccli('default', { credential: { secretId: emu.secretId, secretKey: emu.secretKey } });
    writeFileSync(credential, JSON.stringify({ secretId: emu.secretId, secretKey: emu.secretKey }));
    const env = home.env();
    const result = await run(
      ['create', '--lb', LB, '--port', '443', '--protocol', 'HTTPS', '--certificate', `CertId=file://${credential}`],
      env,
    );
    assert.equal(result.code, 2, result.stderr);
    assert.match(
      result.stderr,
      /error: the CreateListener request would carry the SecretKey of the credentials in use, in Certificate\.CertId; nothing was sent/,
    );
    assert.deepEqual(result.requests, [], 'not even the read before sending');
    const dryRun = await run(
      ['create', '--lb', LB, '--port', '443', '--protocol', 'HTTPS', '--certificate', `CertId=file://${credential}`, '--dry-run'],
      env,
    );
    assert.equal(dryRun.code, 2, dryRun.stderr);
    assert.equal(dryRun.stdout, '');
  });

  test('profile keys: a multi-line credentials file fails validation, and -o json shows the value with the key redacted', async () => {
    const { credential } = home.tccli('default', { credential: { secretId: emu.secretId, secretKey: emu.secretKey, token: TOKEN } });
    const result = await run(
      ['create', '--lb', LB, '--port', '443', '--protocol', 'HTTPS', '--certificate', `CertId=file://${credential}`, '-o', 'json'],
      home.env(),
    );
    assert.equal(result.code, 2, result.stderr);
    const error = JSON.parse(result.stderr.trim().split('\n').at(-1)!) as { Error: { Problems?: { Value?: unknown }[] } };
    const values = JSON.stringify(error.Error.Problems?.map((p) => p.Value));
    assert.match(values, /secretId/, 'the value is shown');
    assert.match(values, /<redacted>/);
    assert.deepEqual(result.requests, []);
  });

  test('INI keys: the same, the INI file named by TENCENTCLOUD_CREDENTIALS_FILE given as input', async () => {
    const ini = home.ini(`[default]\nsecret_id = ${emu.secretId}\nsecret_key = ${emu.secretKey}\n`, 'ini/credentials');
    const env = home.env({ TENCENTCLOUD_CREDENTIALS_FILE: ini });
    const json = await run(
      ['create', '--lb', LB, '--port', '443', '--protocol', 'HTTPS', '--certificate', `CertId=file://${ini}`, '-o', 'json'],
      env,
    );
    assert.equal(json.code, 2, json.stderr);
    assert.deepEqual(json.requests, []);
    const sent = await run(
      ['create', '--lb', LB, '--port', '80', '--protocol', 'TCP', '--name', `file-free ${emu.secretKey}`.slice(0, 60)],
      env,
    );
    assert.equal(sent.code, 2, sent.stderr);
    assert.match(sent.stderr, /would carry the SecretKey of the credentials in use, in ListenerNames\[0\]/);
    assert.deepEqual(sent.requests, []);
  });

  test('environment keys, apply: an entry holding the key is refused before any write or plan', async () => {
    const file = home.path('listeners.yaml');
    writeFileSync(
      file,
      `listeners:\n  - { LoadBalancerId: ${LB}, Port: 81, Protocol: TCP, ListenerName: "k-${emu.secretKey.slice(0, 40)}" }\n`,
    );
    const env = { ...home.env(), TENCENTCLOUD_SECRET_ID: emu.secretId, TENCENTCLOUD_SECRET_KEY: emu.secretKey };
    for (const plan of [[], ['--plan']]) {
      const result = await run(['apply', '-f', file, ...plan], env);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /would carry the SecretKey/);
      assert.deepEqual(result.requests, [], `${plan.join(' ')}: nothing sent, not even the read`);
    }
  });

  test('forwarding rules: a key in a --rule or an apply Rules: entry is refused before the listener is made', async () => {
    const env = { ...home.env(), TENCENTCLOUD_SECRET_ID: emu.secretId, TENCENTCLOUD_SECRET_KEY: emu.secretKey };
    const create = await run(
      ['create', '--lb', LB, '--port', '8080', '--protocol', 'HTTP', '--rule', `Domain=a.example.com,Url=/,CookieName=${emu.secretKey}`],
      env,
    );
    assert.equal(create.code, 2, create.stderr);
    assert.match(create.stderr, /the CreateRule request would carry the SecretKey of the credentials in use, in Rules\[0\]\.CookieName/);
    assert.deepEqual(create.requests, [], 'no listener made, not even the read');

    const file = home.path('rules.yaml');
    writeFileSync(
      file,
      `listeners:\n  - LoadBalancerId: ${LB}\n    Port: 8081\n    Protocol: HTTP\n    Rules: [{ Domain: a.example.com, Url: "/${emu.secretKey}" }]\n`,
    );
    for (const plan of [['--yes'], ['--plan']]) {
      const result = await run(['apply', '-f', file, ...plan], env);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /the CreateRule request would carry the SecretKey of the credentials in use, in Rules\[0\]\.Url/);
      assert.deepEqual(result.requests, [], `${plan.join(' ')}: nothing sent, not even the read`);
    }
  });
});
