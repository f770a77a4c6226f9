// `create` and `wait` through their outcomes: success, failed task, timeout and resume, --no-wait,
// port conflict, credentials, JSON output, Ctrl-C, and clean redirected output.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { eventually } from './helpers/eventually.js';
import { emulatorEnv, findLeaks, runAgainst, runCli, transcript, EMPTY_HOME } from './helpers/cli.js';

const LB = 'lb-cuxw2rm0';
const REQUEST_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe('create and wait outcomes', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 200 });
  });
  after(() => emu.stop());
  beforeEach(async () => {
    await emu.reset();
    await emu.configure({ taskDelayMs: 200 });
  });

  test('a failed task exits 4 with its Message', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'taskFail', message: 'backend capacity exhausted' }]);
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '80', '--protocol', 'TCP']);
    assert.equal(result.code, 4, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /error: task .* failed: backend capacity exhausted/);
    const state = await emu.state();
    assert.equal(state.tasks[0]?.Status, 1);
  });

  test('giving up waiting exits 5 with the wait command, and wait then succeeds', async () => {
    await emu.configure({ taskDelayMs: 4000 });
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '81', '--protocol', 'TCP', '--wait-timeout', '1']);
    assert.equal(result.code, 5, result.stderr);
    const requestId = REQUEST_ID.exec(result.stderr)?.[0];
    assert.ok(requestId, result.stderr);
    assert.match(result.stderr, new RegExp(`hint: resume with: clb-listener wait ${requestId}`));
    assert.match(result.stderr, /listener ids: lbl-/);
    const resumed = await runAgainst(emu, ['wait', requestId!]);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stderr, new RegExp(`Task ${requestId} succeeded`));
    assert.equal((await emu.state()).tasks[0]?.Status, 0);
  });

  test('the wait timeout holds even while a poll hangs', async () => {
    await emu.faults([{ action: 'DescribeTaskStatus', kind: 'hang', times: -1 }]);
    const clock = emu.clock!;
    const started = clock.now();
    const pending = runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '91',
      '--protocol',
      'TCP',
      '--wait-timeout',
      '2',
      '--request-timeout',
      '20',
    ]);
    // The first poll reached the emulator and hangs there; now 2 s pass on the clock, not 20.
    await eventually(async () => (await emu.requestCount('DescribeTaskStatus')) >= 1, 'the first poll');
    clock.advance(2000);
    const result = await pending;
    assert.equal(result.code, 5, result.stderr);
    assert.equal(clock.now() - started, 2000, 'gave up at the wait timeout, not after the request timeout');
    assert.match(result.stderr, /resume with: clb-listener wait [0-9a-f-]{36}/);
    await fetch(`${emu.endpoint}/__emulator/faults`, { method: 'DELETE' });
  });

  test('a poll answer that is not JSON is retried like any read, and the wait goes on', async () => {
    await emu.faults([{ action: 'DescribeTaskStatus', kind: 'malformed' }]);
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '92', '--protocol', 'TCP', '-o', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const listener = (await emu.state()).listeners[0]!;
    assert.deepEqual((JSON.parse(result.stdout) as { ListenerIds: string[] }).ListenerIds, [listener.ListenerId]);
    assert.equal(await emu.requestCount('CreateListener'), 1);
  });

  test('a poll that cannot go on after the create was accepted exits 7 and still names the task and the ids', async () => {
    await emu.faults([{ action: 'DescribeTaskStatus', kind: 'apiError', code: 'InvalidParameter', message: 'TaskId not found.' }]);
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '92', '--protocol', 'TCP', '-o', 'json']);
    assert.equal(result.code, 7, result.stderr);
    assert.equal(result.stdout, '');
    const { Error: error } = JSON.parse(result.stderr) as {
      Error: { Code: string; RequestId: string; TaskId?: string; ListenerIds: string[]; Hint: string };
    };
    const listener = (await emu.state()).listeners[0]!;
    assert.equal(error.Code, 'Accepted');
    assert.deepEqual(error.ListenerIds, [listener.ListenerId]);
    assert.equal(error.RequestId, listener.TaskId);
    assert.match(error.Hint, new RegExp(`clb-listener wait ${error.RequestId}`));
    assert.equal(await emu.requestCount('CreateListener'), 1);
  });

  test('--no-wait returns at once with ids and RequestId; wait follows the task', async () => {
    await emu.configure({ taskDelayMs: 1500 });
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '82,83', '--protocol', 'UDP', '--no-wait', '-o', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const body = JSON.parse(result.stdout) as { ListenerIds: string[]; RequestId: string; TaskStatus: string };
    assert.equal(body.ListenerIds.length, 2);
    assert.equal(body.TaskStatus, 'PENDING');
    assert.equal((await emu.state()).tasks[0]?.Status, 2, 'the task was still running when create returned');
    assert.equal(result.stderr, '', 'with -o json off a terminal, stderr stays clean for machines');
    const text = await runAgainst(emu, ['create', '--lb', LB, '--port', '84', '--protocol', 'UDP', '--no-wait']);
    assert.match(text.stderr, /follow it with: clb-listener wait [0-9a-f-]{36}/);
    const waited = await runAgainst(emu, ['wait', body.RequestId, '-o', 'json']);
    assert.equal(waited.code, 0, waited.stderr);
    assert.deepEqual(JSON.parse(waited.stdout), { RequestId: body.RequestId, Status: 0, TaskStatus: 'SUCCESS', LoadBalancerIds: [LB] });
  });

  test('a port in use exits 1 naming the listener that holds it, and the fix; nothing is sent', async () => {
    const first = await runAgainst(emu, ['create', '--lb', LB, '--port', '8080', '--protocol', 'HTTP', '--name', 'web']);
    assert.equal(first.code, 0, first.stderr);
    const holder = first.stdout.trim();
    // TCP shares the port space of HTTP: the API's PortCheckFailed is certain, so nothing is sent.
    const second = await runAgainst(emu, ['create', '--lb', LB, '--port', '8080', '--protocol', 'TCP']);
    assert.equal(second.code, 1, second.stderr);
    assert.equal(second.stdout, '');
    assert.deepEqual(second.requests, ['DescribeListeners']);
    assert.equal(
      second.stderr,
      `error: port 8080 on ${LB} is held by ${holder} (HTTP, "web"), not TCP; nothing was sent\n` +
        `hint: pick another port, or delete the listener in the way first: clb-listener delete --lb ${LB} --listener-id ${holder} --endpoint ${emu.endpoint}\n`,
    );
  });

  test('missing credentials exit 3 naming the variables; a missing region exits 2 naming the ways to give one', async () => {
    const noCredentials = await runCli(['create', '--lb', LB, '--port', '84', '--protocol', 'TCP', '--endpoint', emu.endpoint], {
      env: { PATH: process.env.PATH, HOME: EMPTY_HOME, TENCENTCLOUD_REGION: emu.region, CLB_LISTENER_METADATA_URL: 'http://127.0.0.1:9/' },
    });
    assert.equal(noCredentials.code, 3, noCredentials.stderr);
    assert.match(noCredentials.stderr, /TENCENTCLOUD_SECRET_ID/);
    assert.match(noCredentials.stderr, /TENCENTCLOUD_SECRET_KEY/);
    const noRegion = await runCli(['create', '--lb', LB, '--port', '84', '--protocol', 'TCP', '--endpoint', emu.endpoint], {
      env: { ...emulatorEnv(emu), TENCENTCLOUD_REGION: undefined },
    });
    assert.equal(noRegion.code, 2, noRegion.stderr);
    assert.match(noRegion.stderr, /--region/);
    assert.match(noRegion.stderr, /TENCENTCLOUD_REGION/);
    const wrongKey = await runAgainst(emu, ['create', '--lb', LB, '--port', '84', '--protocol', 'TCP'], {
      env: { TENCENTCLOUD_SECRET_KEY: 'not-the-right-key-0000000000000' },
    });
    assert.equal(wrongKey.code, 3, wrongKey.stderr);
    assert.match(wrongKey.stderr, /AuthFailure\.SignatureFailure/);
    assert.equal(await emu.requestCount('CreateListener'), 1, 'only the wrongly signed request reached the API');
  });

  test('-o json prints one object with the ids, request, ports, protocol and task status', async () => {
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '85,86', '--protocol', 'tcp', '-o', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const body = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.equal((body.ListenerIds as string[]).length, 2);
    assert.match(String(body.RequestId), REQUEST_ID);
    assert.equal(body.LoadBalancerId, LB);
    assert.deepEqual(body.Ports, [85, 86]);
    assert.equal(body.Protocol, 'TCP');
    assert.equal(body.TaskStatus, 'SUCCESS');
  });

  test('Ctrl-C while waiting exits 130 and prints the RequestId and how to resume', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'taskHang' }]);
    const clock = emu.clock!;
    const ctrlC = new AbortController();
    clock.auto = false;
    try {
      const pending = runAgainst(emu, ['create', '--lb', LB, '--port', '87', '--protocol', 'TCP', '--debug'], { signal: ctrlC.signal });
      // Interrupt once the wait has begun: the first poll is answered and the waiter sleeps.
      await clock.sleeping(pending);
      ctrlC.abort('SIGINT');
      const result = await pending;
      assert.equal(result.code, 130, result.stderr);
      assert.match(result.stderr, /→ DescribeTaskStatus/);
      // The wire log shows the read before sending first; the task's id is the one interrupted.
      const requestId = /interrupted while waiting for task ([0-9a-f-]{36})/.exec(result.stderr)?.[1];
      assert.ok(requestId, result.stderr);
      assert.match(result.stderr, new RegExp(`clb-listener wait ${requestId}`));
      assert.doesNotMatch(result.stderr, /\n\s+at /);
      assert.deepEqual(
        result.requests,
        ['DescribeListeners', 'CreateListener', 'DescribeTaskStatus'],
        'the task was left running, not resent',
      );
      assert.equal((await emu.state()).tasks.length, 1, 'the task was left running, not resent');
    } finally {
      clock.auto = true;
    }
  });

  test('nothing printed contains the secret key', () => {
    assert.deepEqual(findLeaks(transcript, { 'the secret key': emu.secretKey }), []);
  });
});
