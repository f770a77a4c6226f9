// `apply --prune` on a shared load balancer: the file's `prune:` scope (names globs, ports) limits
// what is deleted, controllers' listeners (TKE-…, k8s-…) are kept unless the scope names them, the
// plan says why each delete is in scope and counts what it keeps; an invalid scope sends nothing.
// In-process against the emulator; the scope check itself as pure calls.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { listenerFiles } from './helpers/listener-files.js';
import { parse } from 'yaml';
import { globMatches, parsePruneScope, scopeCheck } from '../src/model/prune-scope.js';
import { readListenerFile } from '../src/model/listener-file.js';
import { userGuide } from './helpers/guide.js';

const LB = 'lb-prune001';

describe('apply --prune with a prune: scope', () => {
  let emu: InProcessEmulator;
  const file = listenerFiles('clb-prune-');
  const apply = (...args: string[]) => runAgainst(emu, ['apply', ...args], { env: { CI: 'true' } });
  const names = async () => (await emu.state()).listeners.map((l) => l.ListenerName as string).sort((a, b) => a.localeCompare(b));

  /** The shared load balancer: ours (web-*), a TKE controller's, a k8s- one, another team's. */
  const SHARED = `
listeners:
  - { LoadBalancerId: ${LB}, Port: 80, Protocol: HTTP, ListenerName: web-new }
  - { LoadBalancerId: ${LB}, Port: 81, Protocol: HTTP, ListenerName: web-old }
  - { LoadBalancerId: ${LB}, Port: 30080, Protocol: TCP, ListenerName: TKE-LISTENER }
  - { LoadBalancerId: ${LB}, Port: 30081, Protocol: TCP, ListenerName: k8s-default-svc }
  - { LoadBalancerId: ${LB}, Port: 9000, Protocol: TCP, ListenerName: other-team }
`;
  const OURS = `- { LoadBalancerId: ${LB}, Port: 80, Protocol: HTTP, ListenerName: web-new }`;

  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
  });
  after(() => emu.stop());
  beforeEach(async () => {
    await emu.reset();
    const seeded = await apply('-f', file(SHARED));
    assert.equal(seeded.code, 0, seeded.stderr);
  });

  test('prune: {names: ["web-*"]} deletes web-old and keeps TKE-LISTENER, k8s-default-svc and other-team', async () => {
    const path = file(`prune:\n  names: ["web-*"]\nlisteners:\n  ${OURS}\n`);
    const plan = await apply('-f', path, '--plan', '--prune');
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stdout, /- delete\s+HTTP 81 "web-old"\s+lbl-\w+/);
    assert.match(plan.stdout, /not in the file; in the prune: scope \(name "web-old" matches "web-\*"\)/);
    assert.match(plan.stdout, /3 listeners kept outside the prune scope \(2 for a controller's name mark\)/);
    assert.match(plan.stdout, /Plan: 0 to create, 0 to update, 1 to delete, 1 unchanged, 3 listeners kept outside the prune scope/);
    assert.doesNotMatch(plan.stdout, /delete\s+\S+ \d+ "(TKE-LISTENER|k8s-default-svc|other-team)"/);

    const json = await apply('-f', path, '--plan', '--prune', '-o', 'json');
    const data = JSON.parse(json.stdout) as {
      Changes: { Action: string; ListenerName: string; Reason?: string }[];
      Summary: Record<string, number>;
    };
    assert.deepEqual(
      data.Changes.filter((c) => c.Action === 'delete').map((c) => c.ListenerName),
      ['web-old'],
    );
    assert.match(data.Changes.find((c) => c.Action === 'delete')!.Reason!, /matches "web-\*"/);
    assert.equal(data.Summary.KeptOutsideScope, 3);
    assert.equal(data.Summary.KeptForControllerMark, 2);

    const pruned = await apply('-f', path, '--prune', '--yes');
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.deepEqual(await names(), ['k8s-default-svc', 'other-team', 'TKE-LISTENER', 'web-new']);
    const { counts } = await emu.state();
    assert.equal(counts.DeleteLoadBalancerListeners, 1);
  });

  test('without a scope, --prune still keeps the TKE- and k8s- listeners; the others it does not describe go', async () => {
    const path = file(`listeners:\n  ${OURS}\n`);
    const plan = await apply('-f', path, '--plan', '--prune');
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stdout, /the file has no prune: scope, so every listener it does not describe is in scope/);
    assert.match(plan.stdout, /"TKE-LISTENER" carries|2 listeners kept outside the prune scope \(2 for a controller's name mark\)/);
    const pruned = await apply('-f', path, '--prune', '--yes');
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.deepEqual(await names(), ['k8s-default-svc', 'TKE-LISTENER', 'web-new']);
  });

  test('a controller listener is pruned only when a names glob starting with its mark names it', async () => {
    const star = await apply('-f', file(`prune: { names: ["*"] }\nlisteners:\n  ${OURS}\n`), '--plan', '--prune', '-o', 'json');
    const starDeletes = (JSON.parse(star.stdout) as { Changes: { Action: string; ListenerName: string }[] }).Changes.filter(
      (c) => c.Action === 'delete',
    );
    assert.deepEqual(starDeletes.map((c) => c.ListenerName).sort(), ['other-team', 'web-old'], '"*" does not name controllers');
    const path = file(`prune: { names: ["web-*", "TKE-*"] }\nlisteners:\n  ${OURS}\n`);
    assert.equal((await apply('-f', path, '--prune', '--yes')).code, 0);
    assert.deepEqual(await names(), ['k8s-default-svc', 'other-team', 'web-new']);
  });

  test('ports: a listener is in scope when its ports are within a range; names and ports must both hold', async () => {
    const ports = await apply('-f', file(`prune: { ports: [81, "9000-9100"] }\nlisteners:\n  ${OURS}\n`), '--plan', '--prune');
    assert.match(ports.stdout, /- delete\s+HTTP 81 "web-old".*\n.*port 81 within 81/);
    assert.match(ports.stdout, /- delete\s+TCP 9000 "other-team".*\n.*port 9000 within 9000-9100/);
    const both = await apply('-f', file(`prune: { names: ["web-*"], ports: ["9000-9100"] }\nlisteners:\n  ${OURS}\n`), '--plan', '--prune');
    assert.match(both.stdout, /Plan: 0 to create, 0 to update, 0 to delete, 1 unchanged, 4 listeners kept outside the prune scope/);
  });

  test('an invalid prune: block exits 2 naming its place; nothing is sent', async () => {
    const before = await emu.requestCount();
    const bad = await apply('-f', file(`prune: { ports: ["9100-9000"], name: ["web-*"] }\nlisteners:\n  ${OURS}\n`), '--prune', '--yes');
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /prune\.ports\[0\] "9100-9000": the range ends before it starts/);
    assert.match(bad.stderr, /prune\.name is not a key of prune/);
    assert.equal(await emu.requestCount(), before, 'not even a read');
    const empty = await apply('-f', file(`prune: {}\nlisteners:\n  ${OURS}\n`), '--plan');
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /prune needs "names" .* or "ports"/);
  });

  test('apply --schema describes prune:', async () => {
    const result = await runAgainst(emu, ['apply', '--schema']);
    const schema = JSON.parse(result.stdout) as { properties: { prune: { properties: Record<string, unknown>; description: string } } };
    assert.deepEqual(Object.keys(schema.properties.prune.properties).sort(), ['names', 'ports']);
    assert.match(schema.properties.prune.description, /TKE-… or k8s-…/);
  });
});

describe('the scope check', () => {
  test("the guide's prune: example is a file apply reads, with the scope it describes", async () => {
    const example = /```yaml\n(prune:\n[\s\S]*?)```/.exec(userGuide())?.[1];
    assert.ok(example, 'the guide (README and docs/) shows a prune: block');
    const read = await readListenerFile(parse(example), 'README', { readText: async () => '', now: 0 });
    assert.deepEqual(read.prune, {
      names: ['web-*'],
      ports: [
        { from: 443, to: 443 },
        { from: 8000, to: 8999 },
      ],
    });
  });

  test('globs: * any run, ? one character, the rest literally; case matters', () => {
    assert.ok(globMatches('web-*', 'web-old'));
    assert.ok(globMatches('web-?', 'web-1'));
    assert.ok(!globMatches('web-?', 'web-12'));
    assert.ok(!globMatches('web-*', 'Web-old'));
    assert.ok(globMatches('a.b', 'a.b'));
    assert.ok(!globMatches('a.b', 'axb'), 'a dot is a dot');
    assert.ok(globMatches('*', ''), 'an unnamed listener matches *');
  });

  test('controller marks are matched without case; a port range is in scope only whole', () => {
    const subject = (name: string | null, port = 80, endPort: number | null = null) => ({ kind: 'listener' as const, name, port, endPort });
    assert.equal(scopeCheck(undefined, subject('tke-dedicated-listener')).inScope, false);
    assert.equal(scopeCheck(undefined, subject('K8S-x')).inScope, false);
    assert.equal(scopeCheck(undefined, subject(null)).inScope, true);
    const scope = parsePruneScope({ ports: ['8000-8999'] }).scope!;
    assert.equal(scopeCheck(scope, subject('a', 8000, 8999)).inScope, true);
    assert.equal(scopeCheck(scope, subject('a', 8500, 9500)).inScope, false);
    assert.equal(scopeCheck(scope, subject('TKE-LISTENER', 8080)).inScope, false, 'ports never name a controller listener');
  });
});
