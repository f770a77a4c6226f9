// Fault injection through POST /__emulator/faults: every kind, the action filter, `times`,
// `processed`, clearing, and what each does to the request log.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, callApi, inProcessEmulator, rawRequest, waitTask, type InProcessEmulator } from './helpers/emulator.js';
import { eventually } from './helpers/eventually.js';

describe('emulator faults', () => {
  let emu: InProcessEmulator;
  let lb: string;
  before(async () => {
    emu = await inProcessEmulator({ taskDelayMs: 100, rateLimit: 200 });
    lb = emu.loadBalancers[0]!;
  });
  beforeEach(() => emu.reset());
  after(() => emu.stop());

  test('latency delays the answer, once', async () => {
    await emu.faults([{ kind: 'latency', latencyMs: 300, action: 'DescribeLoadBalancers' }]);
    const clock = emu.clock!;
    clock.auto = false;
    try {
      let answered = false;
      const delayed = api(emu, 'DescribeLoadBalancers').then((res) => {
        answered = true;
        return res;
      });
      // The emulator holds the answer for 300 ms of its clock: not a moment less.
      await clock.sleeping(delayed);
      clock.advance(299);
      assert.equal((await api(emu, 'DescribeLoadBalancers')).Error, undefined, 'another request is answered meanwhile');
      assert.equal(answered, false, 'still held at 299 ms');
      clock.advance(1);
      assert.equal((await delayed).Error, undefined);
    } finally {
      clock.auto = true;
    }
    // Whether the second was delayed is read from the emulator's log.
    const faults = (await emu.state()).requests.map((r) => r.fault ?? null);
    assert.deepEqual(faults, [null, 'latency'], 'used up after one request (the one held answered last)');
  });

  test('http5xx answers that status with an HTML body; the action filter skips other actions', async () => {
    await emu.faults([{ kind: 'http5xx', status: 502, action: 'CreateListener' }]);
    assert.equal((await api(emu, 'DescribeLoadBalancers')).Error, undefined, 'another action is untouched');
    const res = await callApi(emu, 'CreateListener', { LoadBalancerId: lb, Ports: [80], Protocol: 'TCP' });
    assert.equal(res.status, 502);
    assert.match(res.text, /<html>/);
    assert.equal((await emu.state()).listeners.length, 0, 'not processed');
  });

  test('drop closes the connection without an answer', async () => {
    await emu.faults([{ kind: 'drop' }]);
    await assert.rejects(
      callApi(emu, 'DescribeLoadBalancers'),
      (error: NodeJS.ErrnoException) => ['ECONNRESET', undefined].includes(error.code) || /hang up/.test(error.message),
    );
    const { requests } = await emu.state();
    assert.deepEqual(
      requests.map((r) => [r.action, r.code, r.fault]),
      [['DescribeLoadBalancers', null, 'drop']],
    );
  });

  test('malformed answers 200 with a body that is not JSON', async () => {
    await emu.faults([{ kind: 'malformed' }]);
    const res = await callApi(emu, 'DescribeLoadBalancers');
    assert.equal(res.status, 200);
    assert.throws(() => JSON.parse(res.text), SyntaxError);
  });

  test('hang never answers', async () => {
    await emu.faults([{ kind: 'hang', action: 'DescribeListeners' }]);
    await assert.rejects(callApi(emu, 'DescribeListeners', { LoadBalancerId: lb }, { timeoutMs: 300 }), { code: 'ETIMEDOUT' });
    assert.equal((await api(emu, 'DescribeListeners', { LoadBalancerId: lb })).Error, undefined, 'the next request is answered');
  });

  test('closing the emulator ends a hung request instead of waiting for it', async () => {
    const other = await inProcessEmulator();
    await other.faults([{ kind: 'hang' }]);
    const pending = callApi(other, 'DescribeLoadBalancers');
    await eventually(async () => (await other.requestCount()) === 1, 'the request to arrive');
    await other.stop();
    await assert.rejects(pending, 'the hung request ended with the server');
  });

  test('processed: true runs the request, then loses the answer', async () => {
    await emu.faults([{ kind: 'drop', action: 'CreateListener', processed: true }]);
    await assert.rejects(callApi(emu, 'CreateListener', { LoadBalancerId: lb, Ports: [8443], Protocol: 'TCP' }));
    const state = await emu.state();
    assert.deepEqual(
      state.listeners.map((l) => l.Port),
      [8443],
      'the listener exists though the client never heard',
    );
    assert.deepEqual(
      state.requests.map((r) => [r.code, r.fault]),
      [[null, 'drop']],
    );
  });

  test('times: -1 repeats until DELETE /__emulator/faults', async () => {
    await emu.faults([{ kind: 'http5xx', times: -1 }]);
    assert.equal((await callApi(emu, 'DescribeLoadBalancers')).status, 503);
    assert.equal((await callApi(emu, 'DescribeLoadBalancers')).status, 503);
    assert.deepEqual((await emu.state()).faults, [{ kind: 'http5xx', times: -1 }]);
    assert.equal((await rawRequest(emu.endpoint, { method: 'DELETE', path: '/__emulator/faults' })).status, 200);
    assert.equal((await callApi(emu, 'DescribeLoadBalancers')).status, 200);
  });

  test('taskFail ends the next task with Status 1 and the message, and rolls the create back', async () => {
    await emu.faults([{ kind: 'taskFail', action: 'CreateListener', message: 'insufficient resources (injected)' }]);
    const created = await api(emu, 'CreateListener', { LoadBalancerId: lb, Ports: [9000], Protocol: 'TCP' });
    assert.equal((await api(emu, 'DescribeListeners', { LoadBalancerId: lb })).TotalCount, 1, 'listed while running');
    const done = await waitTask(emu, created.RequestId);
    assert.equal(done.Status, 1);
    assert.equal(done.Message, 'insufficient resources (injected)');
    assert.equal((await api(emu, 'DescribeListeners', { LoadBalancerId: lb })).TotalCount, 0, 'gone after the failure');
    const again = await api(emu, 'CreateListener', { LoadBalancerId: lb, Ports: [9000], Protocol: 'TCP' });
    assert.equal(again.Error, undefined, 'the port is free again');
    assert.equal((await waitTask(emu, again.RequestId)).Status, 0);
  });

  test('taskHang keeps the task at Status 2 and the LB locked until reset', async () => {
    await emu.faults([{ kind: 'taskHang' }]);
    const created = await api(emu, 'CreateListener', { LoadBalancerId: lb, Ports: [9100], Protocol: 'UDP' });
    await emu.advance(60_000);
    assert.equal((await api(emu, 'DescribeTaskStatus', { TaskId: created.RequestId })).Status, 2);
    const blocked = await api(emu, 'DeleteLoadBalancerListeners', { LoadBalancerId: lb });
    assert.equal(blocked.Error?.Code, 'FailedOperation.ResourceInOperating');
    await emu.reset();
    assert.equal((await api(emu, 'DescribeTaskStatus', { TaskId: created.RequestId })).Error?.Code, 'InvalidParameter');
  });

  test('bad rules are refused with a 400 and nothing is added', async () => {
    const res = await rawRequest(emu.endpoint, {
      path: '/__emulator/faults',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rules: [{ kind: 'drop' }, { kind: 'explode' }] }),
    });
    assert.equal(res.status, 400);
    assert.match(res.text, /rules\[1\]\.kind/);
    assert.deepEqual((await emu.state()).faults, []);
  });
});
