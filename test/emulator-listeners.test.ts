// The stateful actions: CreateListener with its task, DescribeListeners, port conflicts, the
// per-LB lock, the quota, deletes, DescribeTaskStatus.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, inProcessEmulator, waitTask, type InProcessEmulator } from './helpers/emulator.js';

const LISTENER_ID = /^lbl-[a-z0-9]{8}$/;

describe('emulator listeners', () => {
  let emu: InProcessEmulator;
  let lb1: string;
  let lb2: string;
  let lb3: string;
  before(async () => {
    // A generous rate limit: this file polls tasks; the limit itself is tested elsewhere.
    emu = await inProcessEmulator({ taskDelayMs: 150, rateLimit: 200 });
    [lb1, lb2, lb3] = emu.loadBalancers as [string, string, string];
  });
  after(() => emu.stop());

  test('CreateListener is accepted, its task goes 2 → 0, the listener is listed at once, the lock holds meanwhile', async () => {
    const created = await api(emu, 'CreateListener', {
      LoadBalancerId: lb1,
      Ports: [8080],
      Protocol: 'TCP',
      ListenerNames: ['web'],
      HealthCheck: { HealthSwitch: 0 },
      SnatEnable: false,
    });
    assert.equal(created.Error, undefined);
    const [id] = created.ListenerIds as string[];
    assert.match(id!, LISTENER_ID);

    const running = await api(emu, 'DescribeTaskStatus', { TaskId: created.RequestId });
    assert.equal(running.Status, 2);
    assert.deepEqual(running.LoadBalancerIds, [lb1]);

    const listed = await api(emu, 'DescribeListeners', { LoadBalancerId: lb1 });
    assert.equal(listed.TotalCount, 1);
    const [listener] = listed.Listeners as Record<string, unknown>[];
    assert.equal(listener!.ListenerId, id);
    assert.equal(listener!.Protocol, 'TCP');
    assert.equal(listener!.Port, 8080);
    assert.equal(listener!.ListenerName, 'web');
    assert.equal(listener!.Scheduler, 'WRR');
    assert.equal(listener!.IdleConnectTimeout, 900);
    assert.equal((listener!.HealthCheck as Record<string, unknown>).HealthSwitch, 0);
    assert.match(listener!.CreateTime as string, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.equal(listener!.request, undefined, 'the request copy is for the control surface only');

    const busy = await api(emu, 'CreateListener', { LoadBalancerId: lb1, Ports: [8081], Protocol: 'TCP' });
    assert.equal(busy.Error?.Code, 'FailedOperation.ResourceInOperating');
    const otherLb = await api(emu, 'DescribeListeners', { LoadBalancerId: lb2 });
    assert.equal(otherLb.TotalCount, 0, 'reads are never locked');

    const done = await waitTask(emu, created.RequestId);
    assert.equal(done.Status, 0);

    const state = await emu.state();
    const stored = state.listeners.find((l) => l.ListenerId === id)!;
    assert.equal(stored.LoadBalancerId, lb1);
    assert.equal(stored.request.SnatEnable, false, 'explicit false is kept');
    assert.deepEqual(stored.request.HealthCheck, { HealthSwitch: 0 });
    assert.deepEqual(
      state.tasks.find((t) => t.TaskId === created.RequestId),
      { TaskId: created.RequestId, Action: 'CreateListener', LoadBalancerId: lb1, Status: 0, Message: null },
    );
  });

  test('a port held by the same transport is refused, naming the holder; the other transport is free', async () => {
    const [holder] = (await api(emu, 'DescribeListeners', { LoadBalancerId: lb1, Port: 8080 })).Listeners as { ListenerId: string }[];
    const clash = await api(emu, 'CreateListener', { LoadBalancerId: lb1, Ports: [8080], Protocol: 'HTTP' });
    assert.equal(clash.Error?.Code, 'InvalidParameter.PortCheckFailed');
    assert.match(clash.Error!.Message, new RegExp(holder!.ListenerId));
    const udp = await api(emu, 'CreateListener', { LoadBalancerId: lb1, Ports: [8080], Protocol: 'QUIC' });
    assert.equal(udp.Error, undefined, JSON.stringify(udp.Error));
    await waitTask(emu, udp.RequestId);
    const range = await api(emu, 'CreateListener', { LoadBalancerId: lb1, Ports: [8000], EndPort: 8100, Protocol: 'TCP' });
    assert.equal(range.Error?.Code, 'InvalidParameter.PortCheckFailed', 'a range overlapping 8080 clashes too');
  });

  test('DescribeListeners filters by ids, protocol (any case) and port; unknown LB; bad filters', async () => {
    const all = await api(emu, 'DescribeListeners', { LoadBalancerId: lb1 });
    assert.equal(all.TotalCount, 2);
    const quic = await api(emu, 'DescribeListeners', { LoadBalancerId: lb1, Protocol: 'quic' });
    assert.deepEqual(
      (quic.Listeners as { Protocol: string }[]).map((l) => l.Protocol),
      ['QUIC'],
    );
    const byId = await api(emu, 'DescribeListeners', {
      LoadBalancerId: lb1,
      ListenerIds: [(quic.Listeners as { ListenerId: string }[])[0]!.ListenerId],
    });
    assert.equal(byId.TotalCount, 1);
    assert.equal((await api(emu, 'DescribeListeners', { LoadBalancerId: 'lb-nope0000' })).Error?.Code, 'InvalidParameter.LBIdNotFound');
    assert.equal((await api(emu, 'DescribeListeners', {})).Error?.Code, 'MissingParameter');
    assert.equal((await api(emu, 'DescribeListeners', { LoadBalancerId: lb1, Port: 0 })).Error?.Code, 'InvalidParameterValue');
  });

  test('LimitExceeded past the listener quota', async () => {
    await emu.configure({ listenerQuota: 3 });
    try {
      const over = await api(emu, 'CreateListener', { LoadBalancerId: lb1, Ports: [9001, 9002], Protocol: 'TCP' });
      assert.equal(over.Error?.Code, 'LimitExceeded');
      const fits = await api(emu, 'CreateListener', { LoadBalancerId: lb1, Ports: [9001], Protocol: 'TCP' });
      assert.equal(fits.Error, undefined);
      await waitTask(emu, fits.RequestId);
    } finally {
      await emu.configure({ listenerQuota: 50 });
    }
  });

  test('CreateListener on an unknown load balancer', async () => {
    const res = await api(emu, 'CreateListener', { LoadBalancerId: 'lb-zzzz9999', Ports: [80], Protocol: 'TCP' });
    assert.equal(res.Error?.Code, 'InvalidParameter', 'CreateListener does not document InvalidParameter.LBIdNotFound');
  });

  test('DeleteLoadBalancerListeners: checks ids, is asynchronous, removes on success', async () => {
    const created = await api(emu, 'CreateListener', { LoadBalancerId: lb2, Ports: [81, 82, 83], Protocol: 'UDP' });
    const ids = created.ListenerIds as string[];
    await waitTask(emu, created.RequestId);

    const unknown = await api(emu, 'DeleteLoadBalancerListeners', { LoadBalancerId: lb2, ListenerIds: ['lbl-00000000'] });
    assert.equal(
      unknown.Error?.Code,
      'InvalidParameter',
      'DeleteLoadBalancerListeners does not document InvalidParameter.ListenerIdNotFound',
    );
    const tooMany = await api(emu, 'DeleteLoadBalancerListeners', {
      LoadBalancerId: lb2,
      ListenerIds: Array.from({ length: 21 }, (_, i) => `lbl-${i}`),
    });
    assert.equal(tooMany.Error?.Code, 'InvalidParameterValue.Length');
    assert.equal((await api(emu, 'DeleteLoadBalancerListeners', {})).Error?.Code, 'MissingParameter');

    const deleted = await api(emu, 'DeleteLoadBalancerListeners', { LoadBalancerId: lb2, ListenerIds: [ids[0]] });
    assert.equal(deleted.Error, undefined);
    assert.deepEqual(Object.keys(deleted), ['RequestId']);
    assert.equal((await api(emu, 'DescribeTaskStatus', { TaskId: deleted.RequestId })).Status, 2);
    assert.equal(
      (await api(emu, 'DeleteLoadBalancerListeners', { LoadBalancerId: lb2 })).Error?.Code,
      'FailedOperation.ResourceInOperating',
    );
    assert.equal((await waitTask(emu, deleted.RequestId)).Status, 0);
    const left = await api(emu, 'DescribeListeners', { LoadBalancerId: lb2 });
    assert.deepEqual((left.Listeners as { ListenerId: string }[]).map((l) => l.ListenerId).sort(), ids.slice(1).sort());
  });

  test('DeleteLoadBalancerListeners without ListenerIds deletes every listener of the LB, like the real API', async () => {
    const all = await api(emu, 'DeleteLoadBalancerListeners', { LoadBalancerId: lb2 });
    assert.equal((await waitTask(emu, all.RequestId)).Status, 0);
    assert.equal((await api(emu, 'DescribeListeners', { LoadBalancerId: lb2 })).TotalCount, 0);
    assert.ok(((await api(emu, 'DescribeListeners', { LoadBalancerId: lb1 })).TotalCount as number) > 0, 'other LBs untouched');
  });

  test('DescribeTaskStatus wants exactly one of TaskId and DealName, and a known TaskId', async () => {
    assert.equal((await api(emu, 'DescribeTaskStatus', {})).Error?.Code, 'MissingParameter');
    assert.equal((await api(emu, 'DescribeTaskStatus', { TaskId: 'a', DealName: 'b' })).Error?.Code, 'InvalidParameter');
    const unknown = await api(emu, 'DescribeTaskStatus', { TaskId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(unknown.Error?.Code, 'InvalidParameter');
    assert.match(unknown.Error!.Message, /does not exist/);
  });

  test('DescribeLoadBalancers: ids, offset and limit', async () => {
    const page = await api(emu, 'DescribeLoadBalancers', { Offset: 1, Limit: 1 });
    assert.equal(page.TotalCount, 3);
    assert.deepEqual(
      (page.LoadBalancerSet as { LoadBalancerId: string }[]).map((lb) => lb.LoadBalancerId),
      [lb2],
    );
    const one = await api(emu, 'DescribeLoadBalancers', { LoadBalancerIds: [lb3, 'lb-unknown1'] });
    assert.equal(one.TotalCount, 1);
    assert.equal((await api(emu, 'DescribeLoadBalancers', { Limit: 101 })).Error?.Code, 'InvalidParameterValue.Range');
  });
});
