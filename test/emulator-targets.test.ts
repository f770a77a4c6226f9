// Targets in the emulator: RegisterTargets and the other backend actions as tasks, the instances it
// knows, the 20-a-call limit, health after a delay on its clock (and the control surface's
// unhealthy mark), faults, and the official SDK reading what was bound.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, rawRequest, waitTask, inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runCli } from './helpers/cli.js';
import { withOfficialSdk } from './helpers/official-sdk.js';

describe('emulator targets', () => {
  let emu: InProcessEmulator;
  let lb: string;

  before(async () => {
    emu = await inProcessEmulator({ taskDelayMs: 1000, rateLimit: 1000, targetHealthDelayMs: 3000 });
    lb = emu.loadBalancers[0]!;
  });
  after(() => emu.stop());
  beforeEach(async () => {
    await emu.reset();
  });

  async function listener(protocol = 'TCP', port = 80): Promise<string> {
    const created = await api(emu, 'CreateListener', { LoadBalancerId: lb, Ports: [port], Protocol: protocol });
    assert.equal(created.Error, undefined, JSON.stringify(created.Error));
    await waitTask(emu, created.RequestId);
    return (created.ListenerIds as string[])[0]!;
  }

  async function write(action: string, body: object): Promise<void> {
    const answer = await api(emu, action, body);
    assert.equal(answer.Error, undefined, JSON.stringify(answer.Error));
    const task = await waitTask(emu, answer.RequestId);
    assert.equal(task.Status, 0);
  }

  async function targetsOf(listenerId: string): Promise<Record<string, unknown>[]> {
    const read = await api(emu, 'DescribeTargets', { LoadBalancerId: lb, ListenerIds: [listenerId] });
    return (read.Listeners as { Targets: Record<string, unknown>[] }[])[0]!.Targets;
  }

  test('RegisterTargets binds with the default weight 10; DescribeTargets lists them with the instance IP', async () => {
    const id = await listener();
    await write('RegisterTargets', {
      LoadBalancerId: lb,
      ListenerId: id,
      Targets: [
        { InstanceId: 'ins-emu00001', Port: 8080 },
        { InstanceId: 'ins-emu00002', Port: 8080, Weight: 50 },
        { EniIp: '10.1.2.3', Port: 9000 },
      ],
    });
    const targets = await targetsOf(id);
    const state = await emu.state();
    assert.deepEqual(
      state.targets?.map((t) => `${t.InstanceId ?? t.EniIp}:${t.Port}:${t.Weight}`),
      ['ins-emu00001:8080:10', 'ins-emu00002:8080:50', '10.1.2.3:9000:10'],
      'GET state lists them',
    );
    assert.deepEqual(
      targets.map((t) => [t.InstanceId, t.Port, t.Weight, t.Type, (t.PrivateIpAddresses as string[])[0]]),
      [
        ['ins-emu00001', 8080, 10, 'CVM', '10.0.0.2'],
        ['ins-emu00002', 8080, 50, 'CVM', '10.0.0.3'],
        ['', 9000, 10, 'ENI', '10.1.2.3'],
      ],
    );
  });

  test('refuses an unknown instance, both or neither of InstanceId and EniIp, port 0, weight 101, and 21 targets', async () => {
    const id = await listener();
    const refuse = async (Targets: object[], code: string, words: RegExp) => {
      const answer = await api(emu, 'RegisterTargets', { LoadBalancerId: lb, ListenerId: id, Targets });
      assert.equal(answer.Error?.Code, code, JSON.stringify(answer.Error));
      assert.match(answer.Error!.Message, words);
    };
    await refuse([{ InstanceId: 'ins-nothere1', Port: 80 }], 'InvalidParameter', /ins-nothere1.*does not exist/);
    await refuse([{ InstanceId: 'ins-emu00001', EniIp: '10.0.0.9', Port: 80 }], 'InvalidParameter', /exactly one of/);
    await refuse([{ Port: 80 }], 'InvalidParameter', /exactly one of/);
    await refuse([{ InstanceId: 'ins-emu00001', Port: 0 }], 'InvalidParameterValue', /Port.*1–65535/);
    await refuse([{ InstanceId: 'ins-emu00001', Port: 80, Weight: 101 }], 'InvalidParameterValue', /Weight.*0–100/);
    const many = Array.from({ length: 21 }, (_, i) => ({ InstanceId: 'ins-emu00001', Port: 8000 + i }));
    await refuse(many, 'InvalidParameterValue.Length', /at most 20/);
    assert.deepEqual(await targetsOf(id), []);
    // Twenty is fine.
    await write('RegisterTargets', { LoadBalancerId: lb, ListenerId: id, Targets: many.slice(0, 20) });
    assert.equal((await targetsOf(id)).length, 20);
  });

  test('a target bound twice is refused; the load balancer is locked while a target task runs', async () => {
    const id = await listener();
    const first = await api(emu, 'RegisterTargets', {
      LoadBalancerId: lb,
      ListenerId: id,
      Targets: [{ InstanceId: 'ins-emu00001', Port: 80 }],
    });
    assert.equal(first.Error, undefined);
    const busy = await api(emu, 'RegisterTargets', {
      LoadBalancerId: lb,
      ListenerId: id,
      Targets: [{ InstanceId: 'ins-emu00002', Port: 80 }],
    });
    assert.equal(busy.Error?.Code, 'FailedOperation.ResourceInOperating');
    await waitTask(emu, first.RequestId);
    const again = await api(emu, 'RegisterTargets', {
      LoadBalancerId: lb,
      ListenerId: id,
      Targets: [{ InstanceId: 'ins-emu00001', Port: 80 }],
    });
    assert.equal(again.Error?.Code, 'InvalidParameter');
    assert.match(again.Error!.Message, /already bound/);
  });

  test('ModifyTargetWeight and ModifyTargetPort change the target once their task ends; DeregisterTargets unbinds', async () => {
    const id = await listener();
    const target = { InstanceId: 'ins-emu00003', Port: 80 };
    await write('RegisterTargets', { LoadBalancerId: lb, ListenerId: id, Targets: [target] });
    const modify = await api(emu, 'ModifyTargetWeight', { LoadBalancerId: lb, ListenerId: id, Targets: [{ ...target, Weight: 70 }] });
    assert.equal((await targetsOf(id))[0]!.Weight, 10, 'unchanged while the task runs');
    await waitTask(emu, modify.RequestId);
    assert.equal((await targetsOf(id))[0]!.Weight, 70);
    await write('ModifyTargetPort', { LoadBalancerId: lb, ListenerId: id, Targets: [target], NewPort: 81 });
    assert.equal((await targetsOf(id))[0]!.Port, 81);
    const missing = await api(emu, 'DeregisterTargets', { LoadBalancerId: lb, ListenerId: id, Targets: [target] });
    assert.match(missing.Error?.Message ?? '', /not bound/);
    await write('DeregisterTargets', { LoadBalancerId: lb, ListenerId: id, Targets: [{ ...target, Port: 81 }] });
    assert.deepEqual(await targetsOf(id), []);
  });

  test('a failed RegisterTargets task unbinds again (taskFail fault)', async () => {
    const id = await listener();
    await emu.faults([{ kind: 'taskFail', action: 'RegisterTargets' }]);
    const answer = await api(emu, 'RegisterTargets', {
      LoadBalancerId: lb,
      ListenerId: id,
      Targets: [{ InstanceId: 'ins-emu00001', Port: 80 }],
    });
    assert.equal((await targetsOf(id)).length, 1, 'listed while the task runs');
    const task = await waitTask(emu, answer.RequestId);
    assert.equal(task.Status, 1);
    assert.deepEqual(await targetsOf(id), []);
  });

  test('health: Unknown until the delay passes on the emulator clock, then Alive; Dead once marked unhealthy', async () => {
    const id = await listener();
    await write('RegisterTargets', {
      LoadBalancerId: lb,
      ListenerId: id,
      Targets: [
        { InstanceId: 'ins-emu00001', Port: 80 },
        { InstanceId: 'ins-emu00002', Port: 80 },
      ],
    });
    const health = async () => {
      const answer = await api(emu, 'DescribeTargetHealth', { LoadBalancerIds: [lb], ListenerIds: [id] });
      const [balancer] = answer.LoadBalancers as { Listeners: { Rules: { Targets: Record<string, unknown>[] }[] }[] }[];
      return balancer!.Listeners[0]!.Rules.flatMap((r) => r.Targets).map(
        (t) => `${t.TargetId}:${t.Port} ${t.HealthStatus} ${t.HealthStatusDetail}`,
      );
    };
    assert.deepEqual(await health(), ['ins-emu00001:80 false Unknown', 'ins-emu00002:80 false Unknown']);
    const marked = await rawRequest(emu.endpoint, {
      method: 'POST',
      path: '/__emulator/targets/health',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Target: 'ins-emu00002', Port: 80, Healthy: false }),
    });
    assert.equal(marked.status, 200, marked.text);
    await emu.advance(3000);
    assert.deepEqual(await health(), ['ins-emu00001:80 true Alive', 'ins-emu00002:80 false Dead']);
    const bad = await rawRequest(emu.endpoint, {
      method: 'POST',
      path: '/__emulator/targets/health',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Target: 'ins-emu00002', Healthy: 'no' }),
    });
    assert.equal(bad.status, 400);
  });

  test('an HTTP listener needs a rule: no LocationId or Domain+Url is refused, an unknown one is LocationNotFound', async () => {
    const id = await listener('HTTP', 8081);
    const without = await api(emu, 'RegisterTargets', {
      LoadBalancerId: lb,
      ListenerId: id,
      Targets: [{ InstanceId: 'ins-emu00001', Port: 80 }],
    });
    assert.equal(without.Error?.Code, 'InvalidParameter');
    const unknown = await api(emu, 'RegisterTargets', {
      LoadBalancerId: lb,
      ListenerId: id,
      LocationId: 'loc-nothere1',
      Targets: [{ InstanceId: 'ins-emu00001', Port: 80 }],
    });
    assert.equal(unknown.Error?.Code, 'InvalidParameter.LocationNotFound');
  });

  test('the official SDK reads what was bound (DescribeTargets)', async () => {
    const id = await listener();
    await write('RegisterTargets', {
      LoadBalancerId: lb,
      ListenerId: id,
      Targets: [{ InstanceId: 'ins-emu00004', Port: 8080, Weight: 30 }],
    });
    await withOfficialSdk(emu, async (sdk) => {
      const read = (await sdk.request('DescribeTargets', { LoadBalancerId: lb, ListenerIds: [id] })) as {
        Listeners: { ListenerId: string; Targets: { InstanceId: string; Port: number; Weight: number }[] }[];
      };
      assert.deepEqual(
        read.Listeners[0]!.Targets.map((t) => [t.InstanceId, t.Port, t.Weight]),
        [['ins-emu00004', 8080, 30]],
      );
    });
  });

  test('emulator --instances and --target-health-delay: malformed values are usage errors (exit 2)', async () => {
    const ids = await runCli(['emulator', '--instances', 'ins-emu00001,web-1']);
    assert.equal(ids.code, 2, ids.stderr);
    assert.match(ids.stderr, /instance ids look like ins- followed by 8 letters or digits \(ins-xxxxxxxx\), got "web-1"/);
    const delay = await runCli(['emulator', '--target-health-delay', 'soon']);
    assert.equal(delay.code, 2, delay.stderr);
    assert.match(delay.stderr, /--target-health-delay must be a non-negative integer/);
  });

  test('--instances replaces the known instances: another id is refused', async () => {
    const own = await inProcessEmulator({ instances: ['ins-abcdefgh'], taskDelayMs: 0 });
    try {
      const created = await api(own, 'CreateListener', { LoadBalancerId: own.loadBalancers[0], Ports: [80], Protocol: 'TCP' });
      const id = (created.ListenerIds as string[])[0]!;
      const known = await api(own, 'RegisterTargets', {
        LoadBalancerId: own.loadBalancers[0],
        ListenerId: id,
        Targets: [{ InstanceId: 'ins-abcdefgh', Port: 80 }],
      });
      assert.equal(known.Error, undefined, JSON.stringify(known.Error));
      await own.finishTasks();
      const other = await api(own, 'RegisterTargets', {
        LoadBalancerId: own.loadBalancers[0],
        ListenerId: id,
        Targets: [{ InstanceId: 'ins-emu00001', Port: 80 }],
      });
      assert.equal(other.Error?.Code, 'InvalidParameter');
    } finally {
      await own.stop();
    }
  });

  test('--state keeps the bound targets across a restart', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const stateFile = join(mkdtempSync(join(tmpdir(), 'clb-emu-targets-')), 'state.json');
    const first = await inProcessEmulator({ stateFile, taskDelayMs: 0 });
    let listenerId: string;
    try {
      const created = await api(first, 'CreateListener', { LoadBalancerId: first.loadBalancers[0], Ports: [80], Protocol: 'TCP' });
      listenerId = (created.ListenerIds as string[])[0]!;
      const bound = await api(first, 'RegisterTargets', {
        LoadBalancerId: first.loadBalancers[0],
        ListenerId: listenerId,
        Targets: [{ InstanceId: 'ins-emu00001', Port: 8080, Weight: 40 }],
      });
      assert.equal(bound.Error, undefined);
      await first.finishTasks();
    } finally {
      await first.stop();
    }
    const second = await inProcessEmulator({ stateFile, taskDelayMs: 0 });
    try {
      const read = await api(second, 'DescribeTargets', { LoadBalancerId: second.loadBalancers[0], ListenerIds: [listenerId] });
      const [listener] = read.Listeners as { Targets: { InstanceId: string; Port: number; Weight: number }[] }[];
      assert.deepEqual(
        listener!.Targets.map((t) => [t.InstanceId, t.Port, t.Weight]),
        [['ins-emu00001', 8080, 40]],
      );
    } finally {
      await second.stop();
    }
  });
});
