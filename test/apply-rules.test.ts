// `apply` with `Rules:` under a listener: missing rules created (one CreateRule per listener), a
// changed rule health check as one ModifyRule, a changed certificate as ModifyDomainAttributes,
// rules the file does not give deleted only with --prune --yes, the plan field by field, and a
// second run that sends nothing (`--plan --detailed-exitcode` 0 right after an apply).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { listenerFiles } from './helpers/listener-files.js';
import { REPO_ROOT } from './helpers/paths.js';
import { ruleChanges } from '../src/cli/rule-diff.js';

const LB = 'lb-rules001';
const WRITES = [
  'CreateListener',
  'ModifyListener',
  'DeleteLoadBalancerListeners',
  'CreateRule',
  'ModifyRule',
  'DeleteRule',
  'ModifyDomainAttributes',
];

describe('apply: Rules', () => {
  let emu: InProcessEmulator;
  const file = listenerFiles('clb-apply-rules-');
  const apply = (...args: string[]) => runAgainst(emu, ['apply', ...args], { env: { CI: 'true' } });
  const writesIn = (requests: readonly string[] | undefined) => (requests ?? []).filter((a) => WRITES.includes(a));

  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  const site = (health: string, cert: string, extra = '') => `
listeners:
  - LoadBalancerId: ${LB}
    Port: 443
    Protocol: HTTPS
    SniSwitch: 1
    Rules:
      - Domain: www.example.com
        Url: /
        DefaultServer: true
        Certificate: { CertId: ${cert} }
        HealthCheck: { HttpCheckPath: ${health} }
      - Domain: api.example.com
        Url: /v1
        Certificate: { CertId: ApiCert1 }
${extra}`;

  async function rules(): Promise<Record<string, unknown>[]> {
    const state = await emu.state();
    return (state.listeners[0]?.Rules ?? []) as Record<string, unknown>[];
  }

  test('converges: the listener and its rules, then a second run sends nothing and --plan --detailed-exitcode is 0', async () => {
    const path = file(site('/', 'WwwCert1'));
    const plan = await apply('-f', path, '--plan', '-o', 'json');
    assert.equal(plan.code, 0, plan.stderr);
    const planned = JSON.parse(plan.stdout) as { RuleChanges: { Action: string; Domain: string }[]; RuleRequests: Record<string, number> };
    assert.deepEqual(
      planned.RuleChanges.map((c) => [c.Action, c.Domain]),
      [
        ['create', 'www.example.com'],
        ['create', 'api.example.com'],
      ],
    );
    assert.equal(planned.RuleRequests.CreateRule, 1);
    const first = await apply('-f', path, '-o', 'json');
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(writesIn(first.requests), ['CreateListener', 'CreateRule'], 'the rules in one CreateRule');
    const outcome = JSON.parse(first.stdout) as { Rules: { Result: string; LocationId: string }[] };
    assert.deepEqual(
      outcome.Rules.map((r) => r.Result),
      ['ok', 'ok'],
    );
    assert.deepEqual(
      outcome.Rules.map((r) => r.LocationId),
      (await rules()).map((r) => r.LocationId),
    );
    const second = await apply('-f', path);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(writesIn(second.requests), [], 'a second run sends no write');
    const check = await apply('-f', path, '--plan', '--detailed-exitcode');
    assert.equal(check.code, 0, check.stderr);
  });

  test('a changed health check is one ModifyRule; a changed certificate one ModifyDomainAttributes; the plan shows each field', async () => {
    assert.equal((await apply('-f', file(site('/', 'WwwCert1')))).code, 0);
    const path = file(site('/healthz', 'WwwCert2'));
    const plan = await apply('-f', path, '--plan', '--detailed-exitcode');
    assert.equal(plan.code, 10, plan.stderr);
    assert.match(plan.stdout, /~ update\s+rule www\.example\.com \/ .*\n\s+HealthCheck\.HttpCheckPath: "\/" → "\/healthz"/);
    assert.match(plan.stdout, /~ update\s+domain www\.example\.com .*\n\s+Certificate: "WwwCert1" → "WwwCert2"/);
    const applied = await apply('-f', path);
    assert.equal(applied.code, 0, applied.stderr);
    assert.deepEqual(writesIn(applied.requests), ['ModifyRule', 'ModifyDomainAttributes']);
    const www = (await rules())[0]!;
    assert.equal((www.HealthCheck as Record<string, unknown>).HttpCheckPath, '/healthz');
    assert.equal((www.Certificate as Record<string, unknown>).CertId, 'WwwCert2');
    assert.deepEqual(writesIn((await apply('-f', path)).requests), []);
  });

  test('a lost ModifyRule answer is reconciled by reading the rules, never resent', async () => {
    assert.equal((await apply('-f', file(site('/', 'WwwCert1')))).code, 0);
    await emu.faults([{ action: 'ModifyRule', kind: 'drop', processed: true }]);
    const path = file(site('/healthz', 'WwwCert1'));
    const result = await apply('-f', path, '-o', 'json');
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(writesIn(result.requests), ['ModifyRule'], 'sent once');
    assert.match(result.stderr, /the answer to ModifyRule was lost .*DescribeListeners shows the change was made/);
    assert.deepEqual(
      (JSON.parse(result.stdout) as { Rules: { Result: string }[] }).Rules.map((r) => r.Result),
      ['ok'],
    );
    assert.deepEqual(writesIn((await apply('-f', path)).requests), []);
  });

  test('only rules change and one fails: exit 1, never 0; a lost answer the read does not confirm is not resent', async () => {
    assert.equal((await apply('-f', file(site('/', 'WwwCert1')))).code, 0);
    // The answer to ModifyDomainAttributes is lost before the API saw the request: the read shows nothing changed.
    await emu.faults([{ action: 'ModifyDomainAttributes', kind: 'drop' }]);
    const lost = await apply('-f', file(site('/', 'WwwCert2')), '-o', 'json');
    assert.equal(lost.code, 1, `a change whose outcome is unknown is not a success:\n${lost.stderr}`);
    assert.deepEqual(writesIn(lost.requests), ['ModifyDomainAttributes'], 'sent once, never again');
    assert.notEqual((JSON.parse(lost.stdout) as { Rules: { Result: string }[] }).Rules.map((r) => r.Result)[0], 'ok');
    // The load balancer stays busy: the retries of ResourceInOperating end, and the run fails.
    await emu.faults([{ action: 'CreateRule', kind: 'apiError', code: 'FailedOperation.ResourceInOperating', times: -1 }]);
    const busy = await apply(
      '-f',
      file(site('/', 'WwwCert1', '      - { Domain: new.example.com, Url: /, Certificate: { CertId: NewCert1 } }\n')),
    );
    await emu.faults([]);
    assert.equal(busy.code, 1, busy.stderr);
    const tries = writesIn(busy.requests).length;
    assert.ok(tries > 1 && tries <= 10, `a bounded number of tries: ${tries}`);
    assert.match(busy.stderr, /ResourceInOperating/);
  });

  test('Ctrl-C while a rule task runs (only rules change): exit 130, the write not resent, the outcome printed', async () => {
    assert.equal((await apply('-f', file(site('/', 'WwwCert1')))).code, 0);
    await emu.faults([{ action: 'ModifyRule', kind: 'taskHang' }]);
    const clock = emu.clock!;
    const ctrlC = new AbortController();
    clock.auto = false;
    try {
      const pending = runAgainst(emu, ['apply', '-f', file(site('/healthz', 'WwwCert1')), '-o', 'json'], {
        env: { CI: 'true' },
        signal: ctrlC.signal,
      });
      await clock.sleeping(pending);
      ctrlC.abort('SIGINT');
      const result = await pending;
      assert.equal(result.code, 130, `interrupted is not a success:\n${result.stderr}`);
      assert.deepEqual(writesIn(result.requests), ['ModifyRule'], 'sent once');
      assert.ok((JSON.parse(result.stdout) as { Rules: unknown[] }).Rules.length === 1, 'the outcome is printed');
    } finally {
      clock.auto = true;
      await emu.faults([]);
    }
  });

  test('Ctrl-C while an accepted CreateRule runs: exit 130, and the LocationIds it answered are in the outcome and the errors', async () => {
    assert.equal((await apply('-f', file(site('/', 'WwwCert1')))).code, 0);
    const clock = emu.clock!;
    const interrupted = async (argv: string[]) => {
      await emu.faults([{ action: 'CreateRule', kind: 'taskHang' }]);
      const ctrlC = new AbortController();
      clock.auto = false;
      try {
        const pending = runAgainst(emu, argv, { env: { CI: 'true' }, signal: ctrlC.signal });
        await clock.sleeping(pending);
        ctrlC.abort('SIGINT');
        return await pending;
      } finally {
        clock.auto = true;
        await emu.faults([]);
        // The hung task ends (as a success), so the load balancer takes the next write.
        await emu.finishTasks();
      }
    };
    const extra = (domain: string) => `      - { Domain: ${domain}, Url: /, Certificate: { CertId: NewCert1 } }\n`;
    const applied = await interrupted(['apply', '-f', file(site('/', 'WwwCert1', extra('new.example.com'))), '-o', 'json']);
    assert.equal(applied.code, 130, applied.stderr);
    const made = (await rules()).find((r) => r.Domain === 'new.example.com')!;
    const outcome = JSON.parse(applied.stdout) as { Rules: { Domain: string; LocationId: string | null; Result: string }[] };
    assert.deepEqual(
      outcome.Rules.map((r) => [r.Domain, r.LocationId, r.Result]),
      [['new.example.com', made.LocationId, 'unknown']],
    );
    const created = await interrupted([
      'rule',
      'create',
      '--lb',
      LB,
      '--port',
      '443',
      '--rule',
      'Domain=two.example.com,Url=/,Certificate={"CertId":"NewCert2"}',
      '-o',
      'json',
    ]);
    assert.equal(created.code, 130, created.stderr);
    const two = (await rules()).find((r) => r.Domain === 'two.example.com')!;
    assert.deepEqual((JSON.parse(created.stderr) as { Error: { LocationIds: string[] } }).Error.LocationIds, [two.LocationId]);
    const text = await interrupted([
      'rule',
      'create',
      '--lb',
      LB,
      '--port',
      '443',
      '--rule',
      'Domain=three.example.com,Url=/,Certificate={"CertId":"NewCert3"}',
    ]);
    const three = (await rules()).find((r) => r.Domain === 'three.example.com')!;
    assert.match(text.stderr, new RegExp(`^forwarding rule ids: ${three.LocationId}$`, 'm'));
  });

  test('a rule certificate uploaded from files: created once, then kept (a second run sends nothing)', async () => {
    const fixtures = join(REPO_ROOT, 'test', 'fixtures');
    const path = file(`
listeners:
  - LoadBalancerId: ${LB}
    Port: 443
    Protocol: HTTPS
    SniSwitch: 1
    Rules:
      - Domain: www.example.com
        Url: /
        Certificate: { CertName: www, CertContent: file://${join(fixtures, 'server.crt')}, CertKey: file://${join(fixtures, 'server.key')} }
`);
    const first = await apply('-f', path);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(writesIn(first.requests), ['CreateListener', 'CreateRule']);
    const second = await apply('-f', path, '--plan', '--detailed-exitcode');
    assert.equal(second.code, 0, second.stdout);
  });

  test('a domain certificate given by ids: the same ids plan clean, another id is one ModifyDomainAttributes', async () => {
    const multi = (rsa: string, ca = '') => `
listeners:
  - LoadBalancerId: ${LB}
    Port: 443
    Protocol: HTTPS
    SniSwitch: 1
    Rules:
      - Domain: www.example.com
        Url: /
        MultiCertInfo: { SSLMode: UNIDIRECTIONAL, CertList: [{ CertId: ${rsa} }, { CertId: EccCert1 }] }
      - Domain: api.example.com
        Url: /
        Certificate: { SSLMode: MUTUAL, CertId: ApiCert1, CertCaId: ${ca || 'ApiCa001'} }
`;
    assert.equal((await apply('-f', file(multi('RsaCert1')))).code, 0);
    const same = await apply('-f', file(multi('RsaCert1')), '--plan', '--detailed-exitcode');
    assert.equal(same.code, 0, same.stdout);
    const changed = file(multi('RsaCert2', 'ApiCa002'));
    const plan = await apply('-f', changed, '--plan', '--detailed-exitcode');
    assert.equal(plan.code, 10, `a new server certificate id and a new CA are changes:\n${plan.stdout}`);
    assert.match(plan.stdout, /~ update\s+domain www\.example\.com /);
    assert.match(plan.stdout, /~ update\s+domain api\.example\.com /);
    const applied = await apply('-f', changed);
    assert.equal(applied.code, 0, applied.stderr);
    assert.deepEqual(writesIn(applied.requests), ['ModifyDomainAttributes', 'ModifyDomainAttributes']);
    const www = (await rules()).find((r) => r.Domain === 'www.example.com')!;
    assert.deepEqual((www.Certificate as Record<string, unknown>).CertId, 'RsaCert2');
    assert.equal((await apply('-f', changed, '--plan', '--detailed-exitcode')).code, 0);
  });

  test('a rule field the API reports as null compares as its documented default: no false change', () => {
    const current = {
      LocationId: 'loc-aaaa0001',
      Domain: 'a.example.com',
      Url: '/',
      Scheduler: null,
      SessionExpireTime: null,
      CookieName: null,
      HealthCheck: { HealthSwitch: 1, HttpCode: null, HttpCheckMethod: null },
    };
    assert.deepEqual(
      ruleChanges(current, {
        Scheduler: 'WRR',
        SessionExpireTime: 0,
        CookieName: '',
        HealthCheck: { HttpCode: 31, HttpCheckMethod: 'HEAD', TimeOut: 2 },
      }),
      {},
    );
    assert.deepEqual(ruleChanges(current, { Scheduler: 'IP_HASH', HealthCheck: { HttpCode: 2 } }), {
      Scheduler: 'IP_HASH',
      HealthCheck: { HttpCode: 2 },
    });
  });

  test('apply --schema knows Rules: a list of RuleInput objects', async () => {
    const result = await apply('--schema');
    const schema = JSON.parse(result.stdout) as {
      $defs: { listener: { properties: Record<string, { items: { properties: Record<string, unknown> } }> } };
    };
    const rules = schema.$defs.listener.properties.Rules!;
    assert.deepEqual(Object.keys(rules.items.properties).slice(0, 3), ['Domain', 'Domains', 'Url']);
  });

  test('a removed rule goes only with --prune --yes', async () => {
    assert.equal((await apply('-f', file(site('/', 'WwwCert1')))).code, 0);
    const fewer = file(`
listeners:
  - LoadBalancerId: ${LB}
    Port: 443
    Protocol: HTTPS
    SniSwitch: 1
    Rules:
      - { Domain: www.example.com, Url: /, DefaultServer: true, Certificate: { CertId: WwwCert1 }, HealthCheck: { HttpCheckPath: / } }
`);
    const kept = await apply('-f', fewer);
    assert.equal(kept.code, 0, kept.stderr);
    assert.deepEqual(writesIn(kept.requests), [], 'without --prune the rule stays');
    assert.equal((await rules()).length, 2);
    const refused = await apply('-f', fewer, '--prune');
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /--prune would delete 1 forwarding rule/);
    assert.deepEqual(writesIn(refused.requests), []);
    const pruned = await apply('-f', fewer, '--prune', '--yes');
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.deepEqual(writesIn(pruned.requests), ['DeleteRule']);
    assert.deepEqual(
      (await rules()).map((r) => r.Domain),
      ['www.example.com'],
    );
  });

  test("prune: scope: rules are pruned only on listeners inside it; a controller's listener keeps its rules unless named", async () => {
    const entry = (port: number, name: string, urls: string[]) =>
      `  - { LoadBalancerId: ${LB}, Port: ${port}, Protocol: HTTP, ListenerName: ${name}, Rules: [${urls.map((u) => `{ Domain: a.example.com, Url: ${u} }`).join(', ')}] }`;
    const all = ['/', '/old'];
    const seedFile = `listeners:\n${entry(80, 'web-80', all)}\n${entry(81, 'other-team', all)}\n${entry(82, 'TKE-LISTENER', all)}\n`;
    assert.equal((await apply('-f', file(seedFile))).code, 0);
    const fewer = `listeners:\n${entry(80, 'web-80', ['/'])}\n${entry(81, 'other-team', ['/'])}\n${entry(82, 'TKE-LISTENER', ['/'])}\n`;
    const urls = async () => {
      const state = await emu.state();
      return state.listeners.map((l) => `${l.ListenerName}:${((l.Rules ?? []) as { Url: string }[]).map((r) => r.Url).join(',')}`).sort();
    };

    // A scope on names: only web-80 is inside it.
    const scoped = file(`prune: { names: ["web-*"] }\n${fewer}`);
    const plan = await apply('-f', scoped, '--prune', '--plan', '-o', 'json');
    assert.equal(plan.code, 0, plan.stderr);
    const planned = JSON.parse(plan.stdout) as {
      RuleChanges: { Action: string; Url: string; Reason?: string }[];
      RulesKeptOutsideScope: number;
    };
    assert.deepEqual(
      planned.RuleChanges.map((c) => [c.Action, c.Url, c.Reason]),
      [['delete', '/old', "not in the Rules: of its listener's entry, and the listener is inside the prune: scope"]],
    );
    assert.equal(planned.RulesKeptOutsideScope, 2);
    const text = await apply('-f', scoped, '--prune', '--plan');
    assert.match(text.stdout, /^2 rules kept outside the prune scope \(1 on a listener with a controller's name mark\)$/m);
    const pruned = await apply('-f', scoped, '--prune', '--yes');
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.deepEqual(writesIn(pruned.requests), ['DeleteRule']);
    assert.deepEqual(await urls(), ['TKE-LISTENER:/,/old', 'other-team:/,/old', 'web-80:/']);

    // No scope: every listener with Rules: is pruned, but the controller's keeps its rules.
    const unscoped = await apply('-f', file(fewer), '--prune', '--yes');
    assert.equal(unscoped.code, 0, unscoped.stderr);
    assert.deepEqual(writesIn(unscoped.requests), ['DeleteRule']);
    assert.deepEqual(await urls(), ['TKE-LISTENER:/,/old', 'other-team:/', 'web-80:/']);

    // A names: glob with the mark names it.
    const named = await apply('-f', file(`prune: { names: ["TKE-*"] }\n${fewer}`), '--prune', '--yes');
    assert.equal(named.code, 0, named.stderr);
    assert.deepEqual(await urls(), ['TKE-LISTENER:/', 'other-team:/', 'web-80:/']);
  });

  test('an invalid rule in the file exits 2 naming its place; nothing is sent', async () => {
    const result = await apply(
      '-f',
      file(`
listeners:
  - LoadBalancerId: ${LB}
    Port: 80
    Protocol: HTTP
    Rules:
      - { Domain: a.example.com, Url: /, Http2: true }
`),
    );
    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(result.requests, []);
    assert.match(result.stderr, /listeners\[0\]\.Rules\[0\]\.Http2 can be on only for HTTPS domains/);
  });

  test('rules of an entry with two ports: the outcome names each new listener beside its rule', async () => {
    const path = file(`
listeners:
  - LoadBalancerId: ${LB}
    Ports: [8001, 8002]
    Protocol: HTTP
    Rules:
      - { Domain: m.example.com, Url: / }
`);
    const result = await apply('-f', path, '-o', 'json');
    assert.equal(result.code, 0, result.stderr);
    const outcome = JSON.parse(result.stdout) as {
      Listeners: { Port: number; ListenerId: string }[];
      Rules: { Source: string; ListenerId: string | null; LocationId: string }[];
    };
    const listenerOf = new Map(outcome.Listeners.map((l) => [l.Port, l.ListenerId]));
    assert.deepEqual(
      outcome.Rules.map((r) => [r.Source, r.ListenerId]),
      [
        ['listeners[0] (port 8001)', listenerOf.get(8001)],
        ['listeners[0] (port 8002)', listenerOf.get(8002)],
      ],
    );
    const { listeners } = await emu.state();
    for (const rule of outcome.Rules) assert.ok(listeners.some((l) => l.ListenerId === rule.ListenerId));
    await emu.reset();
    const text = await apply('-f', path);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /create {4}rule m\.example\.com \/ {2}lbl-\w+ {2}loc-\w+ {2}ok/);
  });

  test('rules on a TCP entry: exit 2, and the hint names the Protocol by its place in the file', async () => {
    const result = await apply(
      '-f',
      file(`
listeners:
  - LoadBalancerId: ${LB}
    Port: 81
    Protocol: TCP
    Rules:
      - { Domain: a.example.com, Url: / }
`),
    );
    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(result.requests, []);
    assert.match(result.stderr, /listeners\[0\]\.Rules forwarding rules exist only on HTTP and HTTPS listeners, not TCP/);
    assert.match(result.stderr, /^hint: use listeners\[0\]\.Protocol HTTP or HTTPS, or leave the rules out$/m);
    assert.doesNotMatch(result.stderr, /\{Protocol\}/);
  });
});
