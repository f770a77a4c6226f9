// `export` writes targets, in-process against the emulator: a layer-4 listener's targets under its
// entry's `Targets:` and a forwarding rule's under the rule's, InstanceId or EniIp with Port,
// Weight only off the API's default; one DescribeTargets per load balancer, none when nothing
// there takes targets; the export of a file with layer-4 and layer-7 targets plans clean right
// after apply and applying it (with --prune too) sends no write.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { listenerFiles } from './helpers/listener-files.js';
import { exportTargets } from '../src/model/export-target.js';

const LB = 'lb-exptgt01';
const LB2 = 'lb-exptgt02';
const WRITES = new Set([
  'CreateListener',
  'ModifyListener',
  'DeleteLoadBalancerListeners',
  'CreateRule',
  'DeleteRule',
  'ModifyRule',
  'ModifyDomainAttributes',
  'RegisterTargets',
  'DeregisterTargets',
  'ModifyTargetWeight',
]);

const TARGETED = `
listeners:
  - LoadBalancerId: ${LB}
    Port: 80
    Protocol: TCP
    ListenerName: tcp
    Targets:
      - { InstanceId: ins-emu00001, Port: 8080 }
      - { InstanceId: ins-emu00002, Port: 8080, Weight: 50 }
      - { EniIp: 10.0.0.7, Port: 9000, Weight: 0 }
  - LoadBalancerId: ${LB}
    Port: 53
    Protocol: UDP
  - LoadBalancerId: ${LB}
    Port: 8080
    Protocol: HTTP
    ListenerName: web
    Rules:
      - Domain: www.example.com
        Url: /
        Targets:
          - { InstanceId: ins-emu00003, Port: 80, Weight: 20 }
      - Domain: www.example.com
        Url: /api
        Targets:
          - { InstanceId: ins-emu00004, Port: 8000 }
      - Domains: [shop.example.com, m.shop.example.com]
        Url: /
        Targets:
          - { InstanceId: ins-emu00005, Port: 80 }
      - Domain: www.example.com
        Url: /static
`;

describe('export with targets', () => {
  let emu: InProcessEmulator;
  const file = listenerFiles('clb-export-targets-');
  const run = (...args: string[]) => runAgainst(emu, args, { env: { CI: 'true' } });
  const writesOf = (requests: string[] | undefined) => (requests ?? []).filter((a) => WRITES.has(a));

  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB, LB2], taskDelayMs: 0 });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  test('layer-4 and rule targets export as apply reads them, plan clean and apply with zero writes', async () => {
    const seeded = await run('apply', '-f', file(TARGETED));
    assert.equal(seeded.code, 0, seeded.stderr);
    const exported = await run('export', '--lb', LB);
    assert.equal(exported.code, 0, exported.stderr);
    assert.deepEqual(exported.requests, ['DescribeListeners', 'DescribeTargets'], 'one read of the targets for the load balancer');
    assert.match(exported.stdout, /targets are under Targets: of their listener or rule/);
    assert.doesNotMatch(exported.stdout, /targets are not exported/);
    const document = parse(exported.stdout) as { listeners: { Port: number; Targets?: unknown; Rules?: Record<string, unknown>[] }[] };
    const at = (port: number) => document.listeners.find((l) => l.Port === port);
    assert.deepEqual(at(80)?.Targets, [
      { InstanceId: 'ins-emu00001', Port: 8080 },
      { InstanceId: 'ins-emu00002', Port: 8080, Weight: 50 },
      { EniIp: '10.0.0.7', Port: 9000, Weight: 0 },
    ]);
    assert.equal(at(53)?.Targets, undefined, 'nothing bound: no Targets, so the entry leaves its targets alone');
    const rules = at(8080)?.Rules ?? [];
    const targetsOf = (url: string, domain: string) =>
      rules.find((r) => r.Url === url && (r.Domain === domain || (r.Domains as string[] | undefined)?.[0] === domain))?.Targets;
    assert.deepEqual(targetsOf('/', 'www.example.com'), [{ InstanceId: 'ins-emu00003', Port: 80, Weight: 20 }]);
    assert.deepEqual(targetsOf('/api', 'www.example.com'), [{ InstanceId: 'ins-emu00004', Port: 8000 }]);
    assert.deepEqual(targetsOf('/', 'shop.example.com'), [{ InstanceId: 'ins-emu00005', Port: 80 }]);
    assert.equal(targetsOf('/static', 'www.example.com'), undefined);

    const path = file(exported.stdout);
    const plan = await run('apply', '-f', path, '--plan', '--detailed-exitcode');
    assert.equal(plan.code, 0, `${plan.stdout}\n${plan.stderr}\n${exported.stdout}`);
    const applied = await run('apply', '-f', path, '--prune', '--yes');
    assert.equal(applied.code, 0, applied.stderr);
    assert.deepEqual(writesOf(applied.requests), [], 'no write, not even with --prune');
    const json = await run('export', '--lb', LB, '-o', 'json');
    assert.deepEqual(JSON.parse(json.stdout), document, '-o json is the same document');
  });

  test('a weight changed after the export shows as drift', async () => {
    assert.equal((await run('apply', '-f', file(TARGETED))).code, 0);
    const path = file((await run('export', '--lb', LB)).stdout);
    const target = emu.running.emulator.store.targets.all().find((t) => t.InstanceId === 'ins-emu00002');
    assert.ok(target);
    target.Weight = 30;
    const plan = await run('apply', '-f', path, '--plan', '--detailed-exitcode');
    assert.equal(plan.code, 10, plan.stdout);
    assert.match(plan.stdout, /ins-emu00002:8080 30 → 50/);
  });

  test('no listener that takes targets: no DescribeTargets; two load balancers: one each', async () => {
    const http = `listeners:\n  - { LoadBalancerId: ${LB}, Port: 80, Protocol: HTTP }\n  - { LoadBalancerId: ${LB2}, Port: 80, Protocol: TCP }\n  - { LoadBalancerId: ${LB2}, Port: 81, Protocol: TCP }\n`;
    assert.equal((await run('apply', '-f', file(http))).code, 0);
    const one = await run('export', '--lb', LB);
    assert.equal(one.code, 0, one.stderr);
    assert.deepEqual(one.requests, ['DescribeListeners'], 'an HTTP listener without rules has no targets to read');
    const both = await run('export', '--lb', LB, '--lb', LB2);
    assert.equal(both.code, 0, both.stderr);
    assert.equal(
      both.requests?.filter((a) => a === 'DescribeTargets').length,
      1,
      'one DescribeTargets for lb2, whatever its listener count',
    );
  });
});

describe('the target exporter', () => {
  test('Weight only off the default; one entry per identity; EniIp when there is no instance', () => {
    assert.deepEqual(
      exportTargets([
        { InstanceId: 'ins-a', Port: 80, Weight: 10 },
        { InstanceId: 'ins-a', Port: 80, Weight: 10 },
        { InstanceId: 'ins-a', Port: 81, Weight: 0 },
        { EniIp: '10.0.0.1', Port: 80, Weight: 100 },
      ]),
      [
        { InstanceId: 'ins-a', Port: 80 },
        { InstanceId: 'ins-a', Port: 81, Weight: 0 },
        { EniIp: '10.0.0.1', Port: 80, Weight: 100 },
      ],
    );
  });
});
