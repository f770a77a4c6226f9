// `Targets:` in apply files, in-process against the emulator: a listener's targets converge as a
// set (registered in calls of at most 20, a weight change as one ModifyTargetWeight, a dropped
// target deregistered only with --prune --yes), the plan shows each target change, a second run
// writes nothing, malformed targets stop the file before anything is sent, and --wait-healthy.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { listenerFiles } from './helpers/listener-files.js';

const LB = 'lb-target01';
const WRITES = new Set([
  'CreateListener',
  'ModifyListener',
  'DeleteLoadBalancerListeners',
  'RegisterTargets',
  'DeregisterTargets',
  'ModifyTargetWeight',
]);

describe('apply -f with Targets', () => {
  let emu: InProcessEmulator;
  const file = listenerFiles('clb-apply-targets-');
  const apply = (...args: string[]) => runAgainst(emu, ['apply', ...args], { env: { CI: 'true' } });
  const writesOf = (requests: string[] | undefined) => (requests ?? []).filter((a) => WRITES.has(a));
  const bound = () =>
    emu.running.emulator.store.targets
      .all()
      .map((t) => `${t.InstanceId ?? t.EniIp}:${t.Port}:${t.Weight}`)
      .sort();

  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 200, targetHealthDelayMs: 2000 });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  const listenerFile = (targets: string) => `
listeners:
  - LoadBalancerId: ${LB}
    Port: 80
    Protocol: TCP
    Targets:
${targets}
  - LoadBalancerId: ${LB}
    Port: 81
    Protocol: TCP
`;
  const TWO = `      - { InstanceId: ins-emu00001, Port: 8080 }\n      - { InstanceId: ins-emu00002, Port: 8080, Weight: 50 }`;

  test('converges: the listener and its targets, then a re-run sends nothing; a weight change is one ModifyTargetWeight', async () => {
    const first = await apply('-f', file(listenerFile(TWO)));
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(writesOf(first.requests), ['CreateListener', 'RegisterTargets']);
    assert.deepEqual(bound(), ['ins-emu00001:8080:10', 'ins-emu00002:8080:50']);

    const again = await apply('-f', file(listenerFile(TWO)));
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(writesOf(again.requests), [], 'a second run writes nothing');
    assert.match(again.stderr, /Nothing to change/);

    const reweighted = TWO.replace('Weight: 50', 'Weight: 70');
    const plan = await apply('-f', file(listenerFile(reweighted)), '--plan', '-o', 'json');
    assert.equal(plan.code, 0, plan.stderr);
    const planned = JSON.parse(plan.stdout) as {
      TargetChanges: { Action: string; InstanceId: string; OldWeight: number; Weight: number }[];
      Requests: Record<string, number>;
    };
    assert.deepEqual(
      planned.TargetChanges.map((c) => [c.Action, c.InstanceId, c.OldWeight, c.Weight]),
      [['reweight', 'ins-emu00002', 50, 70]],
    );
    assert.equal(planned.Requests.ModifyTargetWeight, 1);
    assert.deepEqual(writesOf(plan.requests), [], '--plan sends nothing');
    const changed = await apply('-f', file(listenerFile(reweighted)));
    assert.equal(changed.code, 0, changed.stderr);
    assert.deepEqual(writesOf(changed.requests), ['ModifyTargetWeight']);
    assert.deepEqual(bound(), ['ins-emu00001:8080:10', 'ins-emu00002:8080:70']);
  });

  test('a dropped target is kept without --prune, refused without --yes off a terminal, deregistered with --prune --yes', async () => {
    assert.equal((await apply('-f', file(listenerFile(TWO)))).code, 0);
    const one = listenerFile(`      - { InstanceId: ins-emu00001, Port: 8080 }`);
    const kept = await apply('-f', file(one));
    assert.equal(kept.code, 0, kept.stderr);
    assert.deepEqual(writesOf(kept.requests), []);
    const plan = await apply('-f', file(one), '--plan');
    assert.match(plan.stdout, /1 bound target the file does not list, kept \(--prune deregisters them\)/);

    const prunePlan = await apply('-f', file(one), '--plan', '--prune');
    assert.match(prunePlan.stdout, /- deregister\s+ins-emu00002:8080/);
    const noYes = await apply('-f', file(one), '--prune');
    assert.equal(noYes.code, 2, noYes.stderr);
    assert.match(noYes.stderr, /--prune would deregister 1 target: ins-emu00002:8080/);
    assert.deepEqual(writesOf(noYes.requests), []);
    const pruned = await apply('-f', file(one), '--prune', '--yes');
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.deepEqual(writesOf(pruned.requests), ['DeregisterTargets']);
    assert.deepEqual(bound(), ['ins-emu00001:8080:10']);
  });

  test('45 targets on one listener: three RegisterTargets, none over the limit; the plan says so', async () => {
    const many = Array.from({ length: 45 }, (_, i) => `      - { InstanceId: ins-emu0000${(i % 8) + 1}, Port: ${9000 + i} }`).join('\n');
    const plan = await apply('-f', file(listenerFile(many)), '--plan');
    assert.match(plan.stdout, /Targets: 45 to register \(3 RegisterTargets\)/);
    const result = await apply('-f', file(listenerFile(many)));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(writesOf(result.requests), ['CreateListener', 'RegisterTargets', 'RegisterTargets', 'RegisterTargets']);
    assert.equal(bound().length, 45);
    const refused = (await emu.state()).requests.filter((r) => r.action === 'RegisterTargets' && r.code !== null);
    assert.deepEqual(refused, []);
  });

  test('a malformed target stops the file: exit 2 naming its place, nothing sent (not even a read)', async () => {
    const bad = listenerFile(
      `      - { InstanceId: ins-emu00001, Port: 8080 }\n      - { InstanceId: ins-emu00002, Port: 0 }\n      - { EniIp: 10.0.0.5, InstanceId: ins-emu00003, Port: 80 }`,
    );
    const result = await apply('-f', file(bad));
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /listeners\[0\]\.Targets\[1\]\.Port must be 1–65535, got 0/);
    assert.deepEqual(result.requests, []);
    const http = await apply(
      '-f',
      file(`listeners:\n  - { LoadBalancerId: ${LB}, Port: 90, Protocol: HTTP, Targets: [{ InstanceId: ins-emu00001, Port: 80 }] }\n`),
    );
    assert.equal(http.code, 2, http.stderr);
    assert.match(http.stderr, /listeners\[0\]\.Targets: a HTTP listener binds targets to its forwarding rules/);
    assert.deepEqual(http.requests, []);
  });

  test('--wait-healthy: passes once the targets are healthy; exit 11 naming one marked unhealthy', async () => {
    const ok = await apply('-f', file(listenerFile(TWO)), '--wait-healthy', '30');
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stderr, /2 targets healthy/);
    emu.running.emulator.setTargetHealth('ins-emu00002', 8080, false);
    const bad = await apply('-f', file(listenerFile(TWO)), '--wait-healthy', '10');
    assert.equal(bad.code, 11, bad.stderr);
    assert.match(bad.stderr, /1 target not healthy after 10s: ins-emu00002:8080 on lbl-\w+ \(TCP 80\): Dead/);
  });

  test('lost answers: a DeregisterTargets and a ModifyTargetWeight whose answers were dropped are read back, not resent', async () => {
    assert.equal((await apply('-f', file(listenerFile(TWO)))).code, 0);
    const changed = listenerFile(`      - { InstanceId: ins-emu00001, Port: 8080, Weight: 20 }`);
    await emu.faults([
      { action: 'DeregisterTargets', kind: 'drop', processed: true },
      { action: 'ModifyTargetWeight', kind: 'drop', processed: true },
    ]);
    const result = await apply('-f', file(changed), '--prune', '--yes');
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(writesOf(result.requests), ['ModifyTargetWeight', 'DeregisterTargets'], 'each sent once');
    assert.match(result.stderr, /the answer to ModifyTargetWeight was lost .* DescribeTargets shows it was done/);
    assert.match(result.stderr, /the answer to DeregisterTargets was lost .* DescribeTargets shows it was done/);
    assert.deepEqual(bound(), ['ins-emu00001:8080:20']);
  });

  test('--wait-healthy on a file without Targets, or with a bad value: exit 2, nothing sent', async () => {
    const none = await apply('-f', file(`listeners:\n  - { LoadBalancerId: ${LB}, Port: 95, Protocol: TCP }\n`), '--wait-healthy');
    assert.equal(none.code, 2, none.stderr);
    assert.match(none.stderr, /--wait-healthy waits for the targets the file gives under Targets:, and it gives none/);
    assert.deepEqual(none.requests, []);
    const bad = await apply('-f', file(listenerFile(TWO)), '--wait-healthy', 'soon');
    assert.equal(bad.code, 2, bad.stderr);
    assert.deepEqual(bad.requests, []);
  });
});
