// `apply` with `Rules:` under a listener: missing rules created (one CreateRule per listener), a
// changed rule health check as one ModifyRule, a changed certificate as ModifyDomainAttributes,
// rules the file does not give deleted only with --prune --yes, the plan field by field, and a
// second run that sends nothing (`--plan --detailed-exitcode` 0 right after an apply).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/paths.js';

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
  const dir = mkdtempSync(join(tmpdir(), 'clb-apply-rules-'));
  let n = 0;
  const file = (text: string): string => {
    const path = join(dir, `listeners-${++n}.yaml`);
    writeFileSync(path, text);
    return path;
  };
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
});
