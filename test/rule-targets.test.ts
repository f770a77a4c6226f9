// Targets under forwarding rules (HTTP/HTTPS): `Targets` in a `--rule` bound to the rule once it
// exists (by its LocationId), and `Targets:` under a rule in an apply file converging as a set
// (bound by Domain + Url), with DescribeTargets showing them under the rule.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { listenerFiles } from './helpers/listener-files.js';

const LB = 'lb-rulet001';
const WRITES = new Set([
  'CreateListener',
  'CreateRule',
  'ModifyRule',
  'DeleteRule',
  'RegisterTargets',
  'DeregisterTargets',
  'ModifyTargetWeight',
]);

describe('targets of forwarding rules', () => {
  let emu: InProcessEmulator;
  const file = listenerFiles('clb-rule-targets-');
  const writesOf = (requests: string[] | undefined) => (requests ?? []).filter((a) => WRITES.has(a));
  const bound = () =>
    emu.running.emulator.store.targets
      .all()
      .map((t) => `${t.LocationId ? 'rule' : 'listener'} ${t.InstanceId ?? t.EniIp}:${t.Port}:${t.Weight}`)
      .sort();

  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 200, targetHealthDelayMs: 1000 });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  test('create --rule with Targets: the rule, then its targets by LocationId; -o json lists them with the rule', async () => {
    const rule = JSON.stringify({
      Domain: 'www.example.com',
      Url: '/',
      Targets: [{ InstanceId: 'ins-emu00001', Port: 80 }, 'ins-emu00002:80:50'],
    });
    const result = await runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '80',
      '--protocol',
      'HTTP',
      '--rule',
      rule,
      '-o',
      'json',
      '--wait-healthy',
      '30',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(writesOf(result.requests), ['CreateListener', 'CreateRule', 'RegisterTargets']);
    const out = JSON.parse(result.stdout) as {
      Rules: { LocationId: string }[];
      Targets: { LocationId: string; InstanceId: string; Weight: number }[];
    };
    const [made] = out.Rules;
    assert.deepEqual(
      out.Targets.map((t) => [t.LocationId, t.InstanceId, t.Weight]),
      [
        [made!.LocationId, 'ins-emu00001', 10],
        [made!.LocationId, 'ins-emu00002', 50],
      ],
    );
    assert.deepEqual(bound(), ['rule ins-emu00001:80:10', 'rule ins-emu00002:80:50']);
    const listed = await runAgainst(emu, ['list', '--lb', LB, '--targets', '-o', 'json']);
    const [listener] = (
      JSON.parse(listed.stdout) as { Listeners: { Rules: { LocationId: string; Targets: { InstanceId: string }[] }[] }[] }
    ).Listeners;
    assert.deepEqual(
      listener!.Rules[0]!.Targets.map((t) => t.InstanceId),
      ['ins-emu00001', 'ins-emu00002'],
    );
  });

  test('a --rule whose targets fail to bind: exit 9 naming the listener, what was bound, and the command that finishes', async () => {
    const result = await runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '80',
      '--protocol',
      'HTTP',
      '--rule',
      JSON.stringify({ Domain: 'a.example.com', Url: '/', Targets: ['ins-emu00001:80'] }),
      '--rule',
      JSON.stringify({ Domain: 'b.example.com', Url: '/', Targets: ['ins-nothere1:80'] }),
    ]);
    assert.equal(result.code, 9, result.stderr);
    const [listener] = (await emu.state()).listeners;
    assert.ok(listener, 'the listener was created');
    const locations = emu.running.emulator.store.targets.all().map((t) => t.LocationId);
    assert.equal(locations.length, 1, 'the first rule target was bound');
    assert.match(result.stderr, new RegExp(`listener ${listener.ListenerId} exists, but its targets were not all bound`));
    assert.match(
      result.stderr,
      new RegExp(`done: CreateListener, CreateRule \\(${listener.ListenerId}\\), ${locations[0]} ins-emu00001:80;`),
    );
    assert.match(result.stderr, /not done: loc-[a-z0-9]+: ins-nothere1:80;/);
    assert.match(
      result.stderr,
      new RegExp(
        `clb-listener target add --lb ${LB} --listener-id ${listener.ListenerId} --location-id loc-[a-z0-9]+ --target ins-nothere1:80`,
      ),
    );
  });

  test('a malformed target in a --rule: exit 2 naming the rule, nothing sent', async () => {
    const rule = JSON.stringify({ Domain: 'www.example.com', Url: '/', Targets: [{ InstanceId: 'ins-emu00001', Port: 0 }] });
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '81', '--protocol', 'HTTP', '--rule', rule]);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /--rule Targets\[0\]\.Port must be 1–65535, got 0/);
    assert.deepEqual(result.requests, []);
  });

  const l7File = (targets: string) => `
listeners:
  - LoadBalancerId: ${LB}
    Port: 8080
    Protocol: HTTP
    Rules:
      - Domain: www.example.com
        Url: /
        Targets:
${targets}
  - LoadBalancerId: ${LB}
    Port: 9000
    Protocol: TCP
    Targets:
      - { InstanceId: ins-emu00003, Port: 9000 }
`;
  const TWO = `          - { InstanceId: ins-emu00001, Port: 80 }\n          - { InstanceId: ins-emu00002, Port: 80, Weight: 50 }`;

  test('apply: L4 and L7 targets converge; a re-run sends nothing; a weight change is one ModifyTargetWeight; a dropped one goes only with --prune --yes', async () => {
    const apply = (...args: string[]) => runAgainst(emu, ['apply', ...args], { env: { CI: 'true' } });
    const first = await apply('-f', file(l7File(TWO)));
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(bound(), ['listener ins-emu00003:9000:10', 'rule ins-emu00001:80:10', 'rule ins-emu00002:80:50']);
    const again = await apply('-f', file(l7File(TWO)));
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(writesOf(again.requests), []);
    const heavier = await apply('-f', file(l7File(TWO.replace('Weight: 50', 'Weight: 60'))));
    assert.equal(heavier.code, 0, heavier.stderr);
    assert.deepEqual(writesOf(heavier.requests), ['ModifyTargetWeight']);
    const one = l7File(`          - { InstanceId: ins-emu00001, Port: 80 }`);
    const kept = await apply('-f', file(one));
    assert.deepEqual(writesOf(kept.requests), []);
    const plan = await apply('-f', file(one), '--plan', '--prune');
    assert.match(plan.stdout, /www\.example\.com\/\s+\(listeners\[0\]\)\n\s+- deregister\s+ins-emu00002:80/);
    const pruned = await apply('-f', file(one), '--prune', '--yes');
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.deepEqual(writesOf(pruned.requests), ['DeregisterTargets']);
    assert.deepEqual(bound(), ['listener ins-emu00003:9000:10', 'rule ins-emu00001:80:10']);
  });

  test('rule create with Targets on an existing HTTP listener: the rule, then its targets; -o json lists them', async () => {
    const made = await runAgainst(emu, ['create', '--lb', LB, '--port', '82', '--protocol', 'HTTP']);
    assert.equal(made.code, 0, made.stderr);
    const listenerId = made.stdout.trim();
    const rule = 'Domain=api.example.com,Url=/v1,Targets=ins-emu00004:8080 ins-emu00005:8080:30';
    const result = await runAgainst(emu, ['rule', 'create', '--lb', LB, '--listener-id', listenerId, '--rule', rule, '-o', 'json']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(writesOf(result.requests), ['CreateRule', 'RegisterTargets']);
    const out = JSON.parse(result.stdout) as {
      Rules: { LocationId: string }[];
      Targets: { LocationId: string; InstanceId: string; Weight: number }[];
    };
    assert.deepEqual(
      out.Targets.map((t) => [t.LocationId, t.InstanceId, t.Weight]),
      [
        [out.Rules[0]!.LocationId, 'ins-emu00004', 10],
        [out.Rules[0]!.LocationId, 'ins-emu00005', 30],
      ],
    );
  });
});
