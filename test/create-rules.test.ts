// `create --rule`: a listener and its forwarding rules in one command (one CreateRule per
// listener after CreateListener), the output contract, --dry-run with both requests, every
// invalid rule refused with exit 2 and nothing sent, and a failed rule step that keeps the
// listener id and says how to finish (exit 8).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst, runCli } from './helpers/cli.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './helpers/paths.js';

const LB = 'lb-cuxw2rm0';
const WWW = 'Domain=www.example.com,Url=/,DefaultServer=true,Certificate={"CertId":"WwwCert1"}';
const API = 'Domain=api.example.com,Url=/v1,Certificate={"CertId":"ApiCert1"}';
/** `create` on LB at `port` with `protocol`: what each test adds its rules and options to. */
const createArgs = (port: string, protocol: string) => ['create', '--lb', LB, '--port', port, '--protocol', protocol];
const SNI = [...createArgs('443', 'HTTPS'), '--sni-switch', '1'];

describe('create --rule', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 200 });
  });
  after(() => emu.stop());
  beforeEach(async () => {
    await emu.reset();
  });

  async function rulesOn(listenerId: string): Promise<Record<string, unknown>[]> {
    const state = await emu.state();
    return (state.listeners.find((l) => l.ListenerId === listenerId)?.Rules ?? []) as Record<string, unknown>[];
  }

  test('an SNI HTTPS listener with two domains, each with its certificate, in one command; -o json names the listener and both LocationIds', async () => {
    const result = await runAgainst(emu, [...SNI, '--rule', WWW, '--rule', API, '-o', 'json']);
    assert.equal(result.code, 0, result.stderr);

    assert.equal(result.requests!.filter((a) => a === 'CreateRule').length, 1, 'both rules in one CreateRule');
    const out = JSON.parse(result.stdout) as {
      ListenerIds: string[];
      Rules: { ListenerId: string; Domain: string; Url: string; LocationId: string }[];
    };
    assert.equal(out.ListenerIds.length, 1);
    const [listenerId] = out.ListenerIds;
    const stored = await rulesOn(listenerId!);
    assert.deepEqual(
      out.Rules.map((r) => [r.ListenerId, r.Domain, r.Url, r.LocationId]),
      stored.map((r) => [listenerId, r.Domain, r.Url, r.LocationId]),
    );
    assert.deepEqual(
      stored.map((r) => [r.Domain, (r.Certificate as { CertId: string }).CertId, r.DefaultServer]),
      [
        ['www.example.com', 'WwwCert1', true],
        ['api.example.com', 'ApiCert1', false],
      ],
    );
  });

  test("text output: the listener id, then each rule's LocationId; --query picks from the result", async () => {
    const result = await runAgainst(emu, [...createArgs('80', 'HTTP'), '--rule', 'Domain=www.example.com,Url=/']);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^lbl-/);
    assert.match(lines[1]!, /^loc-/);
    const queried = await runAgainst(emu, [
      ...createArgs('81', 'HTTP'),
      '--rule',
      'Domains=a.example.com,b.example.com,Url=/x',
      '--query',
      'Rules[0].Domains',
      '-o',
      'json',
    ]);
    assert.equal(queried.code, 0, queried.stderr);
    assert.deepEqual(JSON.parse(queried.stdout), ['a.example.com', 'b.example.com']);
  });

  test('--if-not-exists: run twice, the second keeps the listener and its rules and writes nothing', async () => {
    const args = [...createArgs('80', 'HTTP'), '--rule', 'Domain=www.example.com,Url=/', '--if-not-exists', '-o', 'json'];
    const first = await runAgainst(emu, args);
    assert.equal(first.code, 0, first.stderr);
    const second = await runAgainst(emu, args);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(second.requests, ['DescribeListeners'], 'only the read');
    const [a, b] = [first, second].map(
      (r) => JSON.parse(r.stdout) as { ListenerIds: string[]; Rules: { LocationId: string; Action: string }[] },
    );
    assert.deepEqual(b!.ListenerIds, a!.ListenerIds);
    assert.deepEqual(
      b!.Rules.map((r) => [r.LocationId, r.Action]),
      [[a!.Rules[0]!.LocationId, 'existing']],
    );
  });

  test('--dry-run shows CreateListener and CreateRule and sends nothing', async () => {
    const result = await runAgainst(emu, [...SNI, '--rule', WWW, '--rule', API, '--dry-run']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.requests, []);
    const dumps = JSON.parse(result.stdout) as { Action: string; Body: { Rules?: unknown[]; ListenerId?: string } }[];
    assert.deepEqual(
      dumps.map((d) => d.Action),
      ['CreateListener', 'CreateRule'],
    );
    assert.equal(dumps[1]!.Body.Rules!.length, 2);
    assert.match(dumps[1]!.Body.ListenerId!, /ListenerId/);
  });

  const refusals: [string, string[], RegExp][] = [
    [
      'two default domains',
      ['--rule', 'Domain=a.example.com,Url=/,DefaultServer=true', '--rule', 'Domain=b.example.com,Url=/,DefaultServer=true'],
      /--rule #2 DefaultServer .*one default domain/,
    ],
    ['a wildcard in the middle', ['--rule', 'Domain=a*b.example.com,Url=/'], /--rule Domain "a\*b\.example\.com" is not a domain/],
    ['an empty Url', ['--rule', 'Domain=a.example.com,Url=""'], /--rule Url must be 1–200 characters, got 0/],
    ['an 81-character domain', ['--rule', `Domain=${'a'.repeat(81)},Url=/`], /--rule Domain must be 1–80 characters, got 81/],
    [
      'a duplicated Domain and Url',
      ['--rule', 'Domain=a.example.com,Url=/', '--rule', 'Domain=a.example.com,Url=/'],
      /--rule #2 Domain domain a\.example\.com with URL \/ is given twice/,
    ],
    ['Http2 on HTTP', ['--rule', 'Domain=a.example.com,Url=/,Http2=true'], /--rule Http2 can be on only for HTTPS domains/],
    ['no Url', ['--rule', 'Domain=a.example.com'], /--rule Url is required/],
    [
      'Domain and Domains',
      ['--rule', 'Domain=a.example.com,Domains=b.example.com,Url=/'],
      /--rule Domains give --rule Domain or --rule Domains, not both/,
    ],
    ['a misspelt field', ['--rule', 'Domain=a.example.com,url=/'], /--rule url is not a field of a forwarding rule.*did you mean Url\?/],
    [
      'a certificate with SNI off',
      ['--rule', 'Domain=a.example.com,Url=/,Certificate={"CertId":"X"}'],
      /--rule Certificate a per-domain certificate applies only to HTTPS listeners, not HTTP/,
    ],
  ];
  for (const [what, args, pattern] of refusals) {
    test(`refused with exit 2 and nothing sent: ${what}`, async () => {
      const result = await runAgainst(emu, [...createArgs('80', 'HTTP'), ...args]);
      assert.equal(result.code, 2, result.stderr);
      assert.deepEqual(result.requests, []);
      assert.match(result.stderr.split('\n')[0]!, pattern);
    });
  }

  test('a rule on a TCP listener exits 2 with nothing sent', async () => {
    const result = await runAgainst(emu, [...createArgs('80', 'TCP'), '--rule', 'Domain=a.example.com,Url=/']);
    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(result.requests, []);
    assert.match(result.stderr, /forwarding rules exist only on HTTP and HTTPS listeners, not TCP/);
  });

  test('a control character in a rule is refused, shown escaped; Domains in JSON must be a list of text', async () => {
    const http = ['create', '--lb', LB, '--port', '80', '--protocol', 'HTTP'];
    const escaped = await runAgainst(emu, [...http, '--rule', JSON.stringify({ Domain: 'a.example.com', Url: '/a\u001b[2Jb' })]);
    assert.equal(escaped.code, 2, escaped.stderr);
    assert.deepEqual(escaped.requests, []);
    assert.equal(escaped.stderr, 'error: --rule Url "/a\\x1b[2Jb" holds a control character (\\x1b at position 3)\n');
    const cookie = await runAgainst(emu, [...http, '--rule', 'Domain=a.example.com,Url=/,CookieName=a\tb']);
    assert.match(cookie.stderr, /^error: --rule CookieName "a\\tb" holds a control character/);
    for (const domains of ['"a.example.com"', '[1,2]', '[null]']) {
      const typed = await runAgainst(emu, [...http, '--rule', `{"Domains":${domains},"Url":"/"}`]);
      assert.equal(typed.code, 2, `${domains}: ${typed.stderr}`);
      assert.deepEqual(typed.requests, []);
      assert.match(typed.stderr, /^error: --rule Domains.* must be a list of text values/);
    }
  });

  test('a private key typed in a rule on the command line is refused and never printed', async () => {
    const key = '-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----';
    const result = await runAgainst(emu, [
      ...SNI,
      '--rule',
      `{"Domain":"a.example.com","Url":"/","Certificate":{"CertName":"x","CertContent":"c","CertKey":"${key}"}}`,
    ]);
    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(result.requests, []);
    assert.match(result.stderr, /a private key is never taken from the command line/);
    assert.doesNotMatch(result.stdout + result.stderr, /MIIEvQ/);
  });

  test('a rule certificate uploaded from files: sent whole, but its private key never printed (dry run, debug, errors)', async () => {
    const fixtures = join(REPO_ROOT, 'test', 'fixtures');
    const key = readFileSync(join(fixtures, 'server.key'), 'utf8');
    const keyLines = key.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));
    const rule = `Domain=www.example.com,Url=/,Certificate={"CertName":"www","CertContent":"file://${join(fixtures, 'server.crt')}","CertKey":"file://${join(fixtures, 'server.key')}"}`;
    const dry = await runAgainst(emu, [...SNI, '--rule', rule, '--dry-run', '--debug']);
    assert.equal(dry.code, 0, dry.stderr);
    const made = await runAgainst(emu, [...SNI, '--rule', rule, '--debug']);
    assert.equal(made.code, 0, made.stderr);
    for (const output of [dry.stdout, dry.stderr, made.stdout, made.stderr]) {
      for (const line of keyLines) assert.ok(!output.includes(line), 'a private key line was printed');
      assert.doesNotMatch(output, /-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    }
    const listener = (await emu.state()).listeners[0]!;
    assert.equal(((listener.Rules as Record<string, unknown>[])[0]!.Certificate as { CertId: string }).CertId.length > 0, true);
  });

  test("a rule certificate's private key is never printed in an -o json error, nor by rule modify --dry-run --debug", async () => {
    const fixtures = join(REPO_ROOT, 'test', 'fixtures');
    const keyLines = (name: string) =>
      readFileSync(join(fixtures, name), 'utf8')
        .split('\n')
        .filter((l) => l.length > 20 && !l.startsWith('-----'));
    const upload = (key: string) =>
      `{"Domain":"www.example.com","Url":"/","Certificate":{"CertName":"www","CertContent":"file://${join(fixtures, 'server.crt')}","CertKey":"file://${join(fixtures, key)}"}}`;
    // The key does not match the certificate: refused, the key named but never shown.
    const refused = await runAgainst(emu, [...SNI, '--rule', upload('server-ecc.key'), '-o', 'json']);
    assert.equal(refused.code, 2, refused.stderr);
    const error = JSON.parse(refused.stderr) as { Error: { Problems: { Path: string; Value?: string }[] } };
    assert.equal(error.Error.Problems[0]!.Path, 'Rules[0].Certificate.CertKey');
    const made = await runAgainst(emu, [...SNI, '--rule', WWW]);
    assert.equal(made.code, 0, made.stderr);
    const rotate = await runAgainst(emu, [
      'rule',
      'modify',
      '--lb',
      LB,
      '--port',
      '443',
      '--rule',
      upload('server.key').replace(',"Url":"/"', ''),
      '--dry-run',
      '--debug',
    ]);
    assert.equal(rotate.code, 0, rotate.stderr);
    assert.match(rotate.stdout, /"Action": "ModifyDomainAttributes"/);
    for (const output of [refused.stdout, refused.stderr, rotate.stdout, rotate.stderr]) {
      for (const line of [...keyLines('server.key'), ...keyLines('server-ecc.key')])
        assert.ok(!output.includes(line), 'a key line was printed');
      assert.doesNotMatch(output, /-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    }
  });

  test('--no-wait with --rule is a usage error', async () => {
    const result = await runAgainst(emu, [...createArgs('80', 'HTTP'), '--rule', 'Domain=a.example.com,Url=/', '--no-wait']);
    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(result.requests, []);
  });

  test('a failed rule step after the listener exists exits 8 with the listener id and the command that finishes; that command finishes', async () => {
    await emu.faults([{ action: 'CreateRule', kind: 'taskFail', message: 'rule backend failed' }]);
    const result = await runAgainst(emu, [...createArgs('80', 'HTTP'), '--rule', 'Domain=www.example.com,Url=/']);
    assert.equal(result.code, 8, result.stderr);
    const listenerId = (await emu.state()).listeners[0]!.ListenerId;
    assert.match(
      result.stderr,
      new RegExp(`the listener ${listenerId} was created, but its forwarding rules were not: .*rule backend failed`),
    );
    assert.match(result.stderr, new RegExp(`listener ids: ${listenerId}`));
    assert.match(result.stderr, /not done: CreateRule for www\.example\.com \//);
    const command = /to finish, run: (clb-listener rule create .*--if-not-exists)/.exec(result.stderr)?.[1];
    assert.ok(command, result.stderr);
    assert.match(command!, new RegExp(`--listener-id ${listenerId}`));
    assert.deepEqual(await rulesOn(listenerId), []);
  });

  test('a refused rule step (the API error) also exits 8, not 2 or 1', async () => {
    await emu.faults([{ action: 'CreateRule', kind: 'apiError', code: 'LimitExceeded', message: 'quota' }]);
    const result = await runAgainst(emu, [...createArgs('80', 'HTTP'), '--rule', 'Domain=www.example.com,Url=/', '-o', 'json']);
    assert.equal(result.code, 8, result.stderr);
    const error = JSON.parse(result.stderr) as { Error: { ListenerIds: string[] } };
    assert.equal(error.Error.ListenerIds.length, 1);
  });

  test('a lost CreateRule answer is reconciled by reading, never resent', async () => {
    await emu.faults([{ action: 'CreateRule', kind: 'drop', processed: true }]);
    const result = await runAgainst(emu, [...createArgs('80', 'HTTP'), '--rule', 'Domain=www.example.com,Url=/', '-o', 'json']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.requests!.filter((a) => a === 'CreateRule').length, 1, 'sent once');
    assert.match(result.stderr, /the answer to CreateRule was lost/);
    const out = JSON.parse(result.stdout) as { ListenerIds: string[]; Rules: { LocationId: string }[] };
    assert.deepEqual(
      out.Rules.map((r) => r.LocationId),
      (await rulesOn(out.ListenerIds[0]!)).map((r) => r.LocationId),
    );
  });

  test('CreateRule refused while the load balancer is busy is tried again, bounded', async () => {
    await emu.faults([{ action: 'CreateRule', kind: 'apiError', code: 'FailedOperation.ResourceInOperating', times: 2 }]);
    const result = await runAgainst(emu, [...createArgs('80', 'HTTP'), '--rule', 'Domain=www.example.com,Url=/']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.requests!.filter((a) => a === 'CreateRule').length, 3);
    await emu.faults([{ action: 'CreateRule', kind: 'apiError', code: 'FailedOperation.ResourceInOperating', times: -1 }]);
    const stuck = await runAgainst(emu, [...createArgs('81', 'HTTP'), '--rule', 'Domain=www.example.com,Url=/']);
    assert.equal(stuck.code, 8, stuck.stderr);
    assert.equal(stuck.requests!.filter((a) => a === 'CreateRule').length, 8, "the client's bound: eight tries in all");
    assert.match(stuck.stderr, /ResourceInOperating/);
    await emu.faults([]);
  });

  test('--help lists --rule', async () => {
    const result = await runCli(['create', '--help']);
    assert.match(result.stdout, /--rule <spec>/);
  });
});
