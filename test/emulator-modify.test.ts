// ModifyListener in the emulator: the documented fields change what DescribeListeners reports
// (once the task succeeds), the protocol rules hold, and only the documented codes come back.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';

const DOCUMENTED_CODES = new Set([
  'FailedOperation',
  'FailedOperation.ResourceInOperating',
  'InternalError',
  'InvalidParameter',
  'InvalidParameter.FormatError',
  'InvalidParameterValue',
  'InvalidParameterValue.Length',
  'MissingParameter',
  'UnauthorizedOperation',
]);

describe('emulator ModifyListener', () => {
  let emu: InProcessEmulator;
  let lb: string;
  // The emulator's clock, moved by the test: a task ends when the test says so, with no sleep.
  let now = Date.now();
  const finishTasks = () => {
    now += 1000;
  };

  before(async () => {
    emu = await inProcessEmulator({ taskDelayMs: 1000, rateLimit: 1000, now: () => now });
    lb = emu.loadBalancers[0]!;
  });
  after(() => emu.stop());
  beforeEach(async () => {
    await emu.reset();
  });

  async function create(body: Record<string, unknown>): Promise<string> {
    const created = await api(emu, 'CreateListener', { LoadBalancerId: lb, ...body });
    assert.equal(created.Error, undefined, JSON.stringify(created.Error));
    finishTasks();
    return (created.ListenerIds as string[])[0]!;
  }

  async function listener(id: string): Promise<Record<string, unknown>> {
    const listed = await api(emu, 'DescribeListeners', { LoadBalancerId: lb, ListenerIds: [id] });
    return (listed.Listeners as Record<string, unknown>[])[0]!;
  }

  test('the change shows once the task succeeds; meanwhile the load balancer is locked', async () => {
    const id = await create({ Ports: [80], Protocol: 'TCP', ListenerNames: ['old'], HealthCheck: { HealthSwitch: 1, IntervalTime: 10 } });
    const modified = await api(emu, 'ModifyListener', {
      LoadBalancerId: lb,
      ListenerId: id,
      ListenerName: 'new',
      Scheduler: 'LEAST_CONN',
      SessionExpireTime: 120,
      HealthCheck: { TimeOut: 5 },
      SnatEnable: true,
      RescheduleUnhealthy: true,
      IdleConnectTimeout: 3000,
    });
    assert.equal(modified.Error, undefined, JSON.stringify(modified.Error));
    assert.equal((await api(emu, 'DescribeTaskStatus', { TaskId: modified.RequestId })).Status, 2);
    assert.equal((await listener(id)).ListenerName, 'old', 'the old settings hold while the task runs');
    const busy = await api(emu, 'CreateListener', { LoadBalancerId: lb, Ports: [81], Protocol: 'TCP' });
    assert.equal(busy.Error?.Code, 'FailedOperation.ResourceInOperating');

    finishTasks();
    assert.equal((await api(emu, 'DescribeTaskStatus', { TaskId: modified.RequestId })).Status, 0);
    const after = await listener(id);
    assert.equal(after.ListenerName, 'new');
    assert.equal(after.Scheduler, 'LEAST_CONN');
    assert.equal(after.SessionExpireTime, 120);
    assert.equal(after.IdleConnectTimeout, 3000);
    const health = after.HealthCheck as Record<string, unknown>;
    assert.equal(health.TimeOut, 5, 'the given health-check field changed');
    assert.equal(health.IntervalTime, 10, 'the others were kept');
    assert.deepEqual((after.AttrFlags as string[]).sort(), ['RescheduleUnhealthy', 'SnatEnable']);

    const off = await api(emu, 'ModifyListener', { LoadBalancerId: lb, ListenerId: id, SnatEnable: false });
    assert.equal(off.Error, undefined);
    finishTasks();
    assert.deepEqual((await listener(id)).AttrFlags, ['RescheduleUnhealthy']);
  });

  test('a failed task leaves the listener as it was', async () => {
    const id = await create({ Ports: [82], Protocol: 'UDP' });
    await emu.faults([{ action: 'ModifyListener', kind: 'taskFail', message: 'no' }]);
    const modified = await api(emu, 'ModifyListener', { LoadBalancerId: lb, ListenerId: id, ListenerName: 'changed' });
    assert.equal(modified.Error, undefined);
    finishTasks();
    assert.equal((await api(emu, 'DescribeTaskStatus', { TaskId: modified.RequestId })).Status, 1);
    assert.equal((await listener(id)).ListenerName, '');
  });

  test('certificates: replaced on HTTPS, refused with SNI on; SNI can be switched on but never off', async () => {
    const id = await create({ Ports: [443], Protocol: 'HTTPS', Certificate: { SSLMode: 'UNIDIRECTIONAL', CertId: 'cert-a' } });
    const changed = await api(emu, 'ModifyListener', { LoadBalancerId: lb, ListenerId: id, Certificate: { CertId: 'cert-b' } });
    assert.equal(changed.Error, undefined, JSON.stringify(changed.Error));
    finishTasks();
    assert.equal(((await listener(id)).Certificate as Record<string, unknown>).CertId, 'cert-b');

    const sniOn = await api(emu, 'ModifyListener', { LoadBalancerId: lb, ListenerId: id, SniSwitch: 1 });
    assert.equal(sniOn.Error, undefined);
    finishTasks();
    const sniOff = await api(emu, 'ModifyListener', { LoadBalancerId: lb, ListenerId: id, SniSwitch: 0 });
    assert.equal(sniOff.Error?.Code, 'InvalidParameterValue');
    assert.match(sniOff.Error!.Message, /cannot be switched off/);
    const certWithSni = await api(emu, 'ModifyListener', { LoadBalancerId: lb, ListenerId: id, Certificate: { CertId: 'cert-c' } });
    assert.equal(certWithSni.Error?.Code, 'InvalidParameterValue');
  });

  test('refusals use only the documented codes', async () => {
    const tcp = await create({ Ports: [90], Protocol: 'TCP' });
    const cases: [Record<string, unknown>, string][] = [
      [{ ListenerId: tcp }, 'MissingParameter'],
      [{ LoadBalancerId: lb }, 'MissingParameter'],
      [{ LoadBalancerId: 'lb-nothere0', ListenerId: tcp }, 'InvalidParameter'],
      [{ LoadBalancerId: lb, ListenerId: 'lbl-nothere0' }, 'InvalidParameter'],
      [{ LoadBalancerId: lb, ListenerId: tcp, SessionExpireTime: '60' }, 'InvalidParameter.FormatError'],
      [{ LoadBalancerId: lb, ListenerId: tcp, SessionExpireTime: 10 }, 'InvalidParameterValue'],
      [{ LoadBalancerId: lb, ListenerId: tcp, IdleConnectTimeout: 3601 }, 'InvalidParameterValue'],
      [{ LoadBalancerId: lb, ListenerId: tcp, HealthCheck: { TimeOut: 99 } }, 'InvalidParameterValue'],
      [{ LoadBalancerId: lb, ListenerId: tcp, KeepaliveEnable: 1 }, 'InvalidParameterValue'],
      [{ LoadBalancerId: lb, ListenerId: tcp, ProxyProtocol: true }, 'InvalidParameterValue'],
      [{ LoadBalancerId: lb, ListenerId: tcp, SessionType: 'QUIC_CID' }, 'InvalidParameterValue'],
      [{ LoadBalancerId: lb, ListenerId: tcp, ListenerName: 'x'.repeat(81) }, 'InvalidParameterValue.Length'],
    ];
    for (const [body, code] of cases) {
      const answer = await api(emu, 'ModifyListener', body);
      assert.equal(answer.Error?.Code, code, `${JSON.stringify(body)} → ${JSON.stringify(answer.Error)}`);
      assert.ok(DOCUMENTED_CODES.has(code));
    }
    const state = await emu.state();
    assert.equal(state.tasks.filter((t) => t.Action === 'ModifyListener').length, 0, 'no refused request started a task');
  });
});
