// `rule create|modify|delete|list` against the in-process emulator: one listener named by id or
// port, --if-not-exists keyed by domain and URL, certificate rotation in one command (and refused
// with SNI off, where it would do nothing), a changed health check as one ModifyRule, deletes, and
// lost answers reconciled by reading, never resent.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LB = 'lb-cuxw2rm0';
/** An HTTP listener on port 80, the one most tests put their rules on. */
const HTTP_80 = ['--port', '80', '--protocol', 'HTTP'];

describe('rule commands', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 200 });
  });
  after(() => emu.stop());
  beforeEach(async () => {
    await emu.reset();
  });

  async function listener(args: string[]): Promise<string> {
    const result = await runAgainst(emu, ['create', '--lb', LB, ...args]);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout.trim().split('\n')[0]!;
  }

  async function rulesOn(listenerId: string): Promise<Record<string, unknown>[]> {
    const state = await emu.state();
    return (state.listeners.find((l) => l.ListenerId === listenerId)?.Rules ?? []) as Record<string, unknown>[];
  }

  test('create by port, then --if-not-exists keeps what is there and creates only the missing rule', async () => {
    const id = await listener(HTTP_80);
    const first = await runAgainst(emu, [
      'rule',
      'create',
      '--lb',
      LB,
      '--port',
      '80',
      '--rule',
      'Domain=www.example.com,Url=/',
      '-o',
      'json',
    ]);
    assert.equal(first.code, 0, first.stderr);
    const made = JSON.parse(first.stdout) as { ListenerId: string; Rules: { LocationId: string }[] };
    assert.equal(made.ListenerId, id);
    const again = await runAgainst(emu, [
      'rule',
      'create',
      '--lb',
      LB,
      '--listener-id',
      id,
      '--rule',
      'Domain=www.example.com,Url=/',
      '--rule',
      'Domain=www.example.com,Url=/api',
      '--if-not-exists',
      '-o',
      'json',
    ]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.requests!.filter((a) => a === 'CreateRule').length, 1);
    const out = JSON.parse(again.stdout) as { Rules: { Url: string; LocationId: string; Action: string }[] };
    assert.deepEqual(
      out.Rules.map((r) => [r.Url, r.Action]),
      [
        ['/', 'existing'],
        ['/api', 'created'],
      ],
    );
    assert.equal(out.Rules[0]!.LocationId, made.Rules[0]!.LocationId);
    assert.equal((await rulesOn(id)).length, 2);
    // Without --if-not-exists the same rule is refused after the read, with nothing written.
    const dup = await runAgainst(emu, ['rule', 'create', '--lb', LB, '--port', '80', '--rule', 'Domain=www.example.com,Url=/']);
    assert.equal(dup.code, 2, dup.stderr);
    assert.deepEqual(dup.requests, ['DescribeListeners']);
    assert.match(dup.stderr, /already has a rule on the listener/);
  });

  test('rule list shows the rules in text, table and JSON; list -o json shows them too', async () => {
    const id = await listener([
      ...HTTP_80,
      '--rule',
      'Domain=www.example.com,Url=/',
      '--rule',
      'Domains=a.example.com,b.example.com,Url=/x',
    ]);
    const textOut = await runAgainst(emu, ['rule', 'list', '--lb', LB, '--listener-id', id]);
    assert.equal(textOut.code, 0, textOut.stderr);
    const lines = textOut.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^loc-\w+\twww\.example\.com\t\/\tdefault$/);
    assert.match(lines[1]!, /^loc-\w+\ta\.example\.com,b\.example\.com\t\/x$/);
    const table = await runAgainst(emu, ['rule', 'list', '--lb', LB, '--port', '80', '-o', 'table']);
    assert.match(table.stdout, /LOCATION ID\s+DOMAIN\s+URL\s+DEFAULT/);
    const listText = await runAgainst(emu, ['list', '--lb', LB]);
    assert.match(
      listText.stdout,
      new RegExp(`^${id}\tHTTP\t80\t\n  loc-\\w+\twww\\.example\\.com\t/\tdefault\n  loc-\\w+\ta\\.example\\.com,b\\.example\\.com\t/x\n$`),
    );
    const listTable = await runAgainst(emu, ['list', '--lb', LB, '-o', 'table']);
    assert.match(listTable.stdout, /RULES/);
    assert.match(listTable.stdout, /www\.example\.com\/ a\.example\.com,b\.example\.com\/x/);
    const listed = await runAgainst(emu, ['list', '--lb', LB, '-o', 'json']);
    const json = JSON.parse(listed.stdout) as { Listeners: { Rules: { Domain: string }[] }[] };
    assert.deepEqual(
      json.Listeners[0]!.Rules.map((r) => r.Domain),
      ['www.example.com', 'a.example.com'],
    );
  });

  test('a changed health check is one ModifyRule; the same again sends nothing', async () => {
    const id = await listener([...HTTP_80, '--rule', 'Domain=www.example.com,Url=/']);
    const spec = 'Domain=www.example.com,Url=/,HealthCheck={"HttpCheckPath":"/healthz","IntervalTime":10}';
    const changed = await runAgainst(emu, ['rule', 'modify', '--lb', LB, '--port', '80', '--rule', spec, '-o', 'json']);
    assert.equal(changed.code, 0, changed.stderr);
    assert.deepEqual(
      changed.requests!.filter((a) => a.startsWith('Modify')),
      ['ModifyRule'],
    );
    assert.deepEqual((JSON.parse(changed.stdout) as { Changed: string[] }).Changed, ['HealthCheck']);
    const health = (await rulesOn(id))[0]!.HealthCheck as Record<string, unknown>;
    assert.equal(health.HttpCheckPath, '/healthz');
    assert.equal(health.IntervalTime, 10);
    const same = await runAgainst(emu, ['rule', 'modify', '--lb', LB, '--port', '80', '--rule', spec]);
    assert.equal(same.code, 0, same.stderr);
    assert.deepEqual(same.requests, ['DescribeListeners']);
    assert.match(same.stderr, /Nothing to change/);
  });

  test('certificate rotation for a domain is one command (ModifyDomainAttributes); refused with SNI off', async () => {
    const id = await listener([
      '--port',
      '443',
      '--protocol',
      'HTTPS',
      '--sni-switch',
      '1',
      '--rule',
      'Domain=www.example.com,Url=/,Certificate={"CertId":"OldCert1"}',
      '--rule',
      'Domain=www.example.com,Url=/static',
    ]);
    const rotated = await runAgainst(emu, [
      'rule',
      'modify',
      '--lb',
      LB,
      '--port',
      '443',
      '--rule',
      'Domain=www.example.com,Certificate={"CertId":"NewCert1"}',
    ]);
    assert.equal(rotated.code, 0, rotated.stderr);
    assert.deepEqual(
      rotated.requests!.filter((a) => a.startsWith('Modify')),
      ['ModifyDomainAttributes'],
    );
    assert.deepEqual(
      (await rulesOn(id)).map((r) => (r.Certificate as { CertId: string }).CertId),
      ['NewCert1', 'NewCert1'],
    );
    await listener(['--port', '8443', '--protocol', 'HTTPS', '--cert-id', 'Listener1', '--rule', 'Domain=www.example.com,Url=/']);
    const sniOff = await runAgainst(emu, [
      'rule',
      'modify',
      '--lb',
      LB,
      '--port',
      '8443',
      '--rule',
      'Domain=www.example.com,Certificate={"CertId":"NewCert1"}',
    ]);
    assert.equal(sniOff.code, 2, sniOff.stderr);
    assert.deepEqual(sniOff.requests, ['DescribeListeners']);
    assert.match(sniOff.stderr, /SNI off, so the certificate would serve nothing/);
  });

  test('delete by domain and URL; a lost DeleteRule answer is reconciled by reading', async () => {
    const id = await listener([
      ...HTTP_80,
      '--rule',
      'Domain=www.example.com,Url=/',
      '--rule',
      'Domain=www.example.com,Url=/a',
      '--rule',
      'Domain=www.example.com,Url=/b',
    ]);
    const deleted = await runAgainst(emu, ['rule', 'delete', '--lb', LB, '--port', '80', '--domain', 'www.example.com', '--url', '/a']);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.deepEqual(
      (await rulesOn(id)).map((r) => r.Url),
      ['/', '/b'],
    );
    await emu.faults([{ action: 'DeleteRule', kind: 'drop', processed: true }]);
    const lost = await runAgainst(emu, ['rule', 'delete', '--lb', LB, '--port', '80', '--domain', 'www.example.com', '--url', '/b']);
    assert.equal(lost.code, 0, lost.stderr);
    assert.equal(lost.requests!.filter((a) => a === 'DeleteRule').length, 1, 'never resent');
    assert.match(lost.stderr, /the answer to DeleteRule was lost/);
    assert.deepEqual(
      (await rulesOn(id)).map((r) => r.Url),
      ['/'],
    );
    const missing = await runAgainst(emu, ['rule', 'delete', '--lb', LB, '--port', '80', '--domain', 'www.example.com', '--url', '/b']);
    assert.equal(missing.code, 1, missing.stderr);
    const tolerated = await runAgainst(emu, [
      'rule',
      'delete',
      '--lb',
      LB,
      '--port',
      '80',
      '--domain',
      'www.example.com',
      '--url',
      '/b',
      '--if-exists',
    ]);
    assert.equal(tolerated.code, 0, tolerated.stderr);
  });

  test('bad input exits 2 with nothing sent; a TCP listener has no rules (exit 1 after the read)', async () => {
    const none = await runAgainst(emu, ['rule', 'create', '--lb', LB, '--rule', 'Domain=a.example.com,Url=/']);
    assert.equal(none.code, 2, none.stderr);
    assert.deepEqual(none.requests, []);
    const bad = await runAgainst(emu, ['rule', 'create', '--lb', LB, '--port', '80', '--rule', 'Domain=a*b.example.com,Url=/']);
    assert.equal(bad.code, 2, bad.stderr);
    assert.deepEqual(bad.requests, []);
    await listener(['--port', '81', '--protocol', 'TCP']);
    const tcp = await runAgainst(emu, ['rule', 'create', '--lb', LB, '--port', '81', '--rule', 'Domain=a.example.com,Url=/']);
    assert.equal(tcp.code, 1, tcp.stderr);
    assert.match(tcp.stderr, /TCP listener; forwarding rules exist only on HTTP and HTTPS listeners; nothing was sent/);
    const dry = await runAgainst(emu, ['rule', 'create', '--lb', LB, '--port', '80', '--rule', 'Domain=a.example.com,Url=/', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.deepEqual(dry.requests, []);
    assert.equal((JSON.parse(dry.stdout) as { Action: string }).Action, 'CreateRule');
  });

  test('the finishing command a failed create --rule prints finishes the job', async () => {
    await emu.faults([{ action: 'CreateRule', kind: 'taskFail' }]);
    const failed = await runAgainst(emu, ['create', '--lb', LB, ...HTTP_80, '--rule', 'Domain=www.example.com,Url=/']);
    assert.equal(failed.code, 8, failed.stderr);
    const command = /to finish, run: clb-listener (rule create .*--if-not-exists)/.exec(failed.stderr)?.[1];
    assert.ok(command, failed.stderr);
    const args = command!.split(' ').map((w) => w.replace(/^'(.*)'$/, '$1'));
    const finished = await runAgainst(emu, args);
    assert.equal(finished.code, 0, finished.stderr);
    const id = (await emu.state()).listeners[0]!.ListenerId;
    assert.deepEqual(
      (await rulesOn(id)).map((r) => r.Domain),
      ['www.example.com'],
    );
  });
});

// Every rule write whose answer is lost, through every command that sends it: looked up by reading,
// never sent again. Carried out first (processed), the read confirms it (exit 0); lost before the
// API saw it, the read shows it was not made: exit 6 for the rule commands, 1 for apply.
describe('lost answers to rule writes', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 200 });
  });
  after(() => emu.stop());

  const cases: { action: string; argv: () => string[] }[] = [
    { action: 'CreateRule', argv: () => ['rule', 'create', '--lb', LB, '--port', '80', '--rule', 'Domain=c.example.com,Url=/'] },
    {
      action: 'ModifyRule',
      argv: () => ['rule', 'modify', '--lb', LB, '--port', '80', '--rule', 'Domain=a.example.com,Url=/,Scheduler=IP_HASH'],
    },
    {
      action: 'ModifyDomainAttributes',
      argv: () => ['rule', 'modify', '--lb', LB, '--port', '80', '--rule', 'Domain=b.example.com,DefaultServer=true'],
    },
    { action: 'DeleteRule', argv: () => ['rule', 'delete', '--lb', LB, '--port', '80', '--domain', 'b.example.com', '--url', '/'] },
  ];
  const applyFile = (rules: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'clb-lost-rules-')), 'listeners.yaml');
    writeFileSync(path, `listeners:\n  - { LoadBalancerId: ${LB}, Port: 80, Protocol: HTTP, ListenerName: web, Rules: [${rules}] }\n`);
    return path;
  };
  cases.push(
    {
      action: 'CreateRule',
      argv: () => [
        'apply',
        '-f',
        applyFile('{ Domain: a.example.com, Url: / }, { Domain: b.example.com, Url: / }, { Domain: c.example.com, Url: / }'),
      ],
    },
    { action: 'ModifyDomainAttributes', argv: () => ['apply', '-f', applyFile('{ Domain: b.example.com, Url: /, DefaultServer: true }')] },
    { action: 'DeleteRule', argv: () => ['apply', '-f', applyFile('{ Domain: a.example.com, Url: / }'), '--prune', '--yes'] },
  );
  const state = async () =>
    (((await emu.state()).listeners[0]?.Rules ?? []) as { Domain: string; Scheduler: string; DefaultServer: boolean }[])
      .map((r) => `${r.Domain}${r.DefaultServer ? '*' : ''}${r.Scheduler === 'WRR' ? '' : ` ${r.Scheduler}`}`)
      .join(' ');

  for (const { action, argv } of cases) {
    for (const processed of [true, false]) {
      test(`${argv()[0] === 'apply' ? 'apply' : `rule ${argv()[1]}`}: ${action} answer lost ${processed ? 'after' : 'before'} the API carried it out`, async () => {
        await emu.reset();
        const seeded = await runAgainst(emu, [
          'create',
          '--lb',
          LB,
          ...HTTP_80,
          '--name',
          'web',
          '--rule',
          'Domain=a.example.com,Url=/',
          '--rule',
          'Domain=b.example.com,Url=/',
        ]);
        assert.equal(seeded.code, 0, seeded.stderr);
        const before = await state();
        await emu.faults([{ action, kind: 'drop', processed }]);
        const result = await runAgainst(emu, argv(), { env: { CI: 'true' } });
        await emu.faults([]);
        assert.equal(result.requests!.filter((a) => a === action).length, 1, `${action} sent once, never again`);
        assert.ok(result.requests!.lastIndexOf('DescribeListeners') > result.requests!.indexOf(action), 'then looked up by reading');
        if (processed) {
          assert.equal(result.code, 0, result.stderr);
          assert.match(result.stderr, new RegExp(`the answer to ${action} was lost .*DescribeListeners shows`));
          assert.notEqual(await state(), before, 'the change was made');
        } else {
          assert.equal(result.code, argv()[0] === 'apply' ? 1 : 6, result.stderr);
          assert.equal(await state(), before, 'nothing changed, and nothing was sent again');
        }
      });
    }
  }
});
