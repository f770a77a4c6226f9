// The prune scope covers targets as it covers rules, in-process against the emulator: with
// --prune, a bound target the entry's Targets: does not list is deregistered only when its
// listener is inside the file's prune: scope; a listener with a controller's name mark (TKE-,
// k8s-) keeps its targets, with or without a scope; the plan says why each deregistration is in
// scope and counts what it keeps.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { listenerFiles } from './helpers/listener-files.js';

const LB = 'lb-tgtprune1';

/** Three TCP listeners and an HTTP rule, each with `targets` bound. */
const entries = (targets: string, scope = '') => `${scope}
listeners:
  - { LoadBalancerId: ${LB}, Port: 80, Protocol: TCP, ListenerName: web-a, Targets: [${targets}] }
  - { LoadBalancerId: ${LB}, Port: 81, Protocol: TCP, ListenerName: TKE-LISTENER, Targets: [${targets}] }
  - { LoadBalancerId: ${LB}, Port: 82, Protocol: TCP, ListenerName: other-team, Targets: [${targets}] }
  - LoadBalancerId: ${LB}
    Port: 8080
    Protocol: HTTP
    ListenerName: k8s-ingress
    Rules: [{ Domain: www.example.com, Url: /, Targets: [${targets}] }]
`;
const BOTH = '{ InstanceId: ins-emu00001, Port: 80 }, { InstanceId: ins-emu00002, Port: 80 }';
const ONE = '{ InstanceId: ins-emu00001, Port: 80 }';

describe('apply --prune and the targets of the prune scope', () => {
  let emu: InProcessEmulator;
  const file = listenerFiles('clb-targets-prune-');
  const apply = (...args: string[]) => runAgainst(emu, ['apply', ...args], { env: { CI: 'true' } });
  /** Listener name → the instances bound to it or its rule. */
  const boundByName = async () => {
    const listed = await runAgainst(emu, ['list', '--lb', LB, '-o', 'json'], { env: { CI: 'true' } });
    const names = new Map<string, string>();
    for (const l of JSON.parse(listed.stdout).Listeners as { ListenerId: string; ListenerName: string }[])
      names.set(l.ListenerId, l.ListenerName);
    const out: Record<string, string[]> = {};
    for (const t of emu.running.emulator.store.targets.all()) {
      const name = names.get(t.ListenerId) ?? '?';
      out[name] = [...(out[name] ?? []), String(t.InstanceId)];
    }
    for (const list of Object.values(out)) list.sort();
    return out;
  };

  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
  });
  after(() => emu.stop());
  beforeEach(async () => {
    emu.reset();
    const seeded = await apply('-f', file(entries(BOTH)));
    assert.equal(seeded.code, 0, seeded.stderr);
  });

  test('with prune: {names: ["web-*"]}, only web-a loses the target it no longer lists', async () => {
    const path = file(entries(ONE, 'prune: { names: ["web-*"] }'));
    const plan = await apply('-f', path, '--prune', '--plan');
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(
      plan.stdout,
      /- deregister +ins-emu00002:80\n +deregistered: not in the Targets: of the entry, and the listener is inside the prune: scope/,
    );
    assert.match(
      plan.stdout,
      /3 bound targets the file does not list, kept outside the prune scope \(2 on a listener with a controller's name mark\)/,
    );
    assert.match(plan.stdout, /1 to deregister \(1 DeregisterTargets\)/);
    const json = JSON.parse((await apply('-f', path, '--prune', '--plan', '-o', 'json')).stdout);
    assert.equal(json.TargetSummary.KeptOutsideScope, 3);
    assert.equal(json.TargetChanges.length, 1);
    assert.match(json.TargetChanges[0].Reason, /inside the prune: scope/);

    const applied = await apply('-f', path, '--prune', '--yes');
    assert.equal(applied.code, 0, applied.stderr);
    assert.deepEqual(await boundByName(), {
      'web-a': ['ins-emu00001'],
      'TKE-LISTENER': ['ins-emu00001', 'ins-emu00002'],
      'other-team': ['ins-emu00001', 'ins-emu00002'],
      'k8s-ingress': ['ins-emu00001', 'ins-emu00002'],
    });
  });

  test("without a scope, listeners with a controller's mark (TKE-, k8s-, a rule's listener too) keep their targets", async () => {
    const applied = await apply('-f', file(entries(ONE)), '--prune', '--yes');
    assert.equal(applied.code, 0, applied.stderr);
    assert.deepEqual(await boundByName(), {
      'web-a': ['ins-emu00001'],
      'TKE-LISTENER': ['ins-emu00001', 'ins-emu00002'],
      'other-team': ['ins-emu00001'],
      'k8s-ingress': ['ins-emu00001', 'ins-emu00002'],
    });
  });

  test('a names: glob with the mark brings a controller listener into scope; ports: narrows by port', async () => {
    const named = await apply('-f', file(entries(ONE, 'prune: { names: ["TKE-*"] }')), '--prune', '--yes');
    assert.equal(named.code, 0, named.stderr);
    const byPort = await apply('-f', file(entries(ONE, 'prune: { ports: ["82"] }')), '--prune', '--yes');
    assert.equal(byPort.code, 0, byPort.stderr);
    assert.deepEqual(await boundByName(), {
      'web-a': ['ins-emu00001', 'ins-emu00002'],
      'TKE-LISTENER': ['ins-emu00001'],
      'other-team': ['ins-emu00001'],
      'k8s-ingress': ['ins-emu00001', 'ins-emu00002'],
    });
  });

  test('without --prune nothing is deregistered, whatever the scope', async () => {
    const applied = await apply('-f', file(entries(ONE, 'prune: { names: ["*"] }')));
    assert.equal(applied.code, 0, applied.stderr);
    assert.equal((await boundByName())['web-a']?.length, 2);
  });
});
