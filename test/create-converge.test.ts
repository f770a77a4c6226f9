// Safe to re-run: `create --if-not-exists` keeps what is there, and a create whose answer was lost
// is looked up with DescribeListeners instead of being sent again (exactly one CreateListener).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type FaultRule, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';

const LB = 'lb-conv0001';

describe('create --if-not-exists', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  test('run twice: the same id, exit 0 both times, one CreateListener', async () => {
    const args = ['create', '--lb', LB, '--port', '80', '--protocol', 'TCP', '--name', 'web', '--if-not-exists'];
    const first = await runAgainst(emu, args);
    assert.equal(first.code, 0, first.stderr);
    const second = await runAgainst(emu, args);
    assert.equal(second.code, 0, second.stderr);
    assert.match(first.stdout, /^lbl-[a-z0-9]{8}\n$/);
    assert.equal(second.stdout, first.stdout, 'the kept listener is printed as if created');
    assert.match(second.stderr, /exists already: lbl-/);
    assert.equal(await emu.requestCount('CreateListener'), 1);
  });

  test('only the missing ports are created; -o json marks each listener created or existing', async () => {
    const first = await runAgainst(emu, ['create', '--lb', LB, '--port', '81', '--protocol', 'UDP', '--name', 'a']);
    assert.equal(first.code, 0, first.stderr);
    const result = await runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '81,82',
      '--protocol',
      'UDP',
      '--name',
      'a,b',
      '--if-not-exists',
      '-o',
      'json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const body = JSON.parse(result.stdout) as { ListenerIds: string[]; Listeners: { ListenerId: string; Port: number; Action: string }[] };
    assert.deepEqual(
      body.Listeners.map((l) => [l.Port, l.Action]),
      [
        [81, 'existing'],
        [82, 'created'],
      ],
    );
    assert.equal(body.ListenerIds[0], first.stdout.trim());
    const state = await emu.state();
    const creates = state.listeners.map((l) => l.request.Ports);
    assert.deepEqual(creates, [[81], [82]], 'the second CreateListener carried only the missing port');
  });

  test('a port held by another protocol or name: exit 1 naming the holder, nothing sent', async () => {
    const holder = await runAgainst(emu, ['create', '--lb', LB, '--port', '8080', '--protocol', 'HTTP', '--name', 'site']);
    assert.equal(holder.code, 0, holder.stderr);
    const holderId = holder.stdout.trim();
    for (const args of [
      ['--port', '8080', '--protocol', 'TCP'],
      ['--port', '8080', '--protocol', 'HTTP', '--name', 'other'],
    ]) {
      const result = await runAgainst(emu, ['create', '--lb', LB, ...args, '--if-not-exists']);
      assert.equal(result.code, 1, result.stderr);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, new RegExp(`port 8080 on ${LB} is held by ${holderId} \\(HTTP, "site"\\), not (TCP|named "other")`));
      assert.match(
        result.stderr,
        new RegExp(
          `^hint: pick another port, or delete the listener in the way first: clb-listener delete --lb ${LB} --listener-id ${holderId}`,
          'm',
        ),
      );
      assert.match(result.stderr, /nothing was sent/);
    }
    assert.equal(await emu.requestCount('CreateListener'), 1, 'only the holder was ever created');
  });

  test('a kept listener whose settings differ: a warning saying what differs, exit 0', async () => {
    const first = await runAgainst(emu, ['create', '--lb', LB, '--port', '90', '--protocol', 'TCP', '--scheduler', 'WRR']);
    assert.equal(first.code, 0, first.stderr);
    const result = await runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '90',
      '--protocol',
      'TCP',
      '--scheduler',
      'LEAST_CONN',
      '--health-check',
      'TimeOut=4',
      '--if-not-exists',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, first.stdout);
    assert.match(result.stderr, /warning: lbl-\w+ on port 90 already exists and was kept, but differs: .*Scheduler WRR → LEAST_CONN/);
    assert.match(result.stderr, /differs: .*HealthCheck\.TimeOut 2 → 4/);
    assert.equal(await emu.requestCount('CreateListener'), 1);
    assert.equal(await emu.requestCount('ModifyListener'), 0, 'create never changes a listener');
  });

  test('without the flag, a port held by the listener asked for names --if-not-exists; nothing is sent', async () => {
    await runAgainst(emu, ['create', '--lb', LB, '--port', '91', '--protocol', 'TCP']);
    const creates = await emu.requestCount('CreateListener');
    const again = await runAgainst(emu, ['create', '--lb', LB, '--port', '91', '--protocol', 'TCP']);
    assert.equal(again.code, 1, again.stderr);
    assert.match(again.stderr, /^error: port 91 on \S+ is held by lbl-\w+ \(TCP\); nothing was sent$/m);
    assert.match(again.stderr, /^hint: it is the listener asked for: add --if-not-exists to keep it and create only the missing ports$/m);
    assert.equal(await emu.requestCount('CreateListener'), creates, 'the refusal was certain: nothing was sent');
  });
});

describe('create after a lost answer', () => {
  let emu: InProcessEmulator;
  let onRequest: ((action: string) => void) | undefined;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0, onRequest: (entry) => onRequest?.(entry.action) });
  });
  after(() => emu.stop());
  beforeEach(async () => {
    onRequest = undefined;
    await emu.reset();
  });

  const cases: [string, FaultRule, string[]][] = [
    ['a dropped connection', { action: 'CreateListener', kind: 'drop', processed: true }, []],
    ['HTTP 502', { action: 'CreateListener', kind: 'http5xx', status: 502, processed: true }, []],
    ['an answer that is not JSON', { action: 'CreateListener', kind: 'malformed', processed: true }, []],
    ['the request timeout', { action: 'CreateListener', kind: 'hang', processed: true }, ['--request-timeout', '1']],
    ['InternalError', { action: 'CreateListener', kind: 'apiError', code: 'InternalError', processed: true }, []],
  ];
  for (const [what, fault, extra] of cases) {
    test(`${what} after the create was carried out: exit 0, the ids, a warning; one CreateListener`, async () => {
      await emu.faults([fault]);
      const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '100,101', '--protocol', 'TCP', '--name', 'x,y', ...extra]);
      assert.equal(result.code, 0, result.stderr);
      const ids = (await emu.state()).listeners.map((l) => l.ListenerId);
      assert.equal(ids.length, 2);
      assert.deepEqual(result.stdout.trim().split('\n').sort(), [...ids].sort());
      assert.match(result.stderr, /warning: the answer to CreateListener was lost .* DescribeListeners shows the listeners were created/);
      assert.equal(await emu.requestCount('CreateListener'), 1, 'never sent twice');
    });
  }

  test('-o json after a lost answer: TaskStatus UNKNOWN, no RequestId, the ids', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'drop', processed: true }]);
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '102', '--protocol', 'UDP', '-o', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const body = JSON.parse(result.stdout) as { ListenerIds: string[]; RequestId: null; TaskStatus: string };
    assert.equal(body.TaskStatus, 'UNKNOWN');
    assert.equal(body.RequestId, null);
    assert.deepEqual(
      body.ListenerIds,
      (await emu.state()).listeners.map((l) => l.ListenerId),
    );
  });

  const lost: [string, FaultRule][] = [
    ['HTTP 503', { action: 'CreateListener', kind: 'http5xx', status: 503 }],
    ['a dropped connection', { action: 'CreateListener', kind: 'drop' }],
    ['an answer that is not JSON', { action: 'CreateListener', kind: 'malformed' }],
  ];
  for (const [what, fault] of lost) {
    test(`${what}, the request never carried out: exit 6 saying what was checked; one CreateListener`, async () => {
      await emu.faults([fault]);
      const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '103', '--protocol', 'TCP']);
      assert.equal(result.code, 6, result.stderr);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /hint: checked DescribeListeners on lb-conv0001 \d+ times? over \d+s: no listener on port 103/);
      assert.equal(await emu.requestCount('CreateListener'), 1);
      assert.deepEqual((await emu.state()).listeners, []);
    });
  }

  test('InternalError before anything was made: exit 1, what was checked, and that it may or may not have been applied', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'apiError', code: 'InternalError' }]);
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '106', '--protocol', 'TCP']);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /InternalError/);
    assert.match(
      result.stderr,
      /hint: checked DescribeListeners on lb-conv0001 \d+ times? over \d+s: no listener on port 106; the API failed while handling the request, which may or may not have been applied/,
    );
    assert.equal(await emu.requestCount('CreateListener'), 1);
  });

  test('a listener that was there before the request is never sent over: refused before sending, so no answer can be lost', async () => {
    const existing = await runAgainst(emu, ['create', '--lb', LB, '--port', '104', '--protocol', 'TCP']);
    assert.equal(existing.code, 0, existing.stderr);
    // Were the create sent, its answer would be lost; it is not sent at all (the reading of a lost
    // answer against what was there before is tested on matchCreated, test/apply-plan.test.ts).
    await emu.faults([{ action: 'CreateListener', kind: 'drop', processed: true }]);
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '104', '--protocol', 'TCP']);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, new RegExp(`port 104 on ${LB} is held by ${existing.stdout.trim()} \\(TCP\\); nothing was sent`));
    assert.equal(await emu.requestCount('CreateListener'), 1, 'only the first create was sent');
  });

  test('Ctrl-C after sending: the listeners are looked up, found, and reported', async () => {
    const controller = new AbortController();
    // The create is carried out and its answer never comes; Ctrl-C arrives while waiting for it.
    await emu.faults([{ action: 'CreateListener', kind: 'hang', processed: true }]);
    onRequest = (action) => {
      if (action === 'CreateListener') controller.abort();
    };
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '105', '--protocol', 'TCP'], { signal: controller.signal });
    assert.equal(result.code, 0, result.stderr);
    const [listener] = (await emu.state()).listeners;
    assert.equal(result.stdout, `${listener!.ListenerId}\n`);
    assert.match(result.stderr, /the answer to CreateListener was lost \(interrupted\)/);
    assert.equal(await emu.requestCount('CreateListener'), 1);
  });
});
