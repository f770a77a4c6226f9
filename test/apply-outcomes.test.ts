// `apply` when it matters what it did: every kind of write whose answer is lost is read back,
// never sent again, and reported as it is; one change failing among several; the load balancers
// worked on at once (seen in the emulator's request log, not in time taken); and its plan, for
// every action, is what it then does. In-process, against an emulator whose tasks take 300 ms on
// the test's clock.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, inProcessEmulator, type FaultRule, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { listenerFiles } from './helpers/listener-files.js';

const LB1 = 'lb-outc0001';
const LB2 = 'lb-outc0002';
const TASK_MS = 300;
const WRITES = ['CreateListener', 'ModifyListener', 'DeleteLoadBalancerListeners', 'DeleteListener'];

interface Outcome {
  Listeners: { LoadBalancerId: string; Port: number; ListenerId: string | null; Action: string; Result: string; Detail?: string }[];
  Summary: Record<string, number>;
}

interface PlanJson {
  Changes: { Action: string; LoadBalancerId: string; Port: number; ListenerId: string | null; Reason?: string }[];
  Requests: Record<string, number>;
}

describe('apply: what it did, told as it is', () => {
  let emu: InProcessEmulator;
  const file = listenerFiles('clb-apply-outcomes-');
  const apply = (...args: string[]) => runAgainst(emu, ['apply', ...args], { env: { CI: 'true' } });
  const counts = async () => (await emu.state()).counts;
  const writes = async () => {
    const c = await counts();
    return WRITES.reduce((sum, action) => sum + (c[action] ?? 0), 0);
  };
  const listenerOn = async (lb: string, port: number) =>
    (await emu.state()).listeners.find((l) => l.LoadBalancerId === lb && l.Port === port);

  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB1, LB2], taskDelayMs: TASK_MS });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  /** LB1: 80 "web" (health check TimeOut 2), 81 "keep", 82 "gone"; LB2: 53 "dns". Made through the API directly. */
  const SEED = [
    { LoadBalancerId: LB1, Ports: [80], Protocol: 'TCP', ListenerNames: ['web'], HealthCheck: { HealthSwitch: 1, TimeOut: 2 } },
    { LoadBalancerId: LB1, Ports: [81, 82], Protocol: 'TCP', ListenerNames: ['keep', 'gone'] },
    { LoadBalancerId: LB2, Ports: [53], Protocol: 'UDP', ListenerNames: ['dns'] },
  ];
  /** Against SEED with --prune: 80 updated (TimeOut 4), 81 and 53 unchanged, 83 created, 82 deleted. */
  const CHANGED = `listeners:
  - { LoadBalancerId: ${LB1}, Port: 80, Protocol: TCP, ListenerName: web, HealthCheck: { HealthSwitch: 1, TimeOut: 4 } }
  - { LoadBalancerId: ${LB1}, Port: 81, Protocol: TCP, ListenerName: keep }
  - { LoadBalancerId: ${LB1}, Port: 83, Protocol: TCP, ListenerName: new }
  - { LoadBalancerId: ${LB2}, Port: 53, Protocol: UDP, ListenerName: dns }
`;
  const seed = async () => {
    for (const body of SEED) {
      const answer = await api(emu, 'CreateListener', body);
      assert.equal(answer.Error, undefined, JSON.stringify(answer.Error));
      await emu.finishTasks();
    }
  };

  describe('a write whose answer is lost is read back, never sent again', () => {
    const cases: {
      write: string;
      change: string;
      port: number;
      action: string;
      /** Whether the emulator carried the write out before losing its answer. */
      processed: boolean;
      fault: FaultRule['kind'];
      detail: RegExp;
      /** The state afterwards: was the change made? */
      made: () => Promise<boolean>;
    }[] = [];
    for (const processed of [true, false]) {
      cases.push(
        {
          write: 'CreateListener',
          change: 'a create',
          port: 83,
          action: 'create',
          processed,
          fault: 'drop',
          detail: processed
            ? /the answer was lost \(.*\); the listeners were found/
            : /the answer was lost \(.*\); .*no listener on port 83/,
          made: async () => (await listenerOn(LB1, 83)) !== undefined,
        },
        {
          write: 'ModifyListener',
          change: 'an update',
          port: 80,
          action: 'update',
          processed,
          fault: processed ? 'http5xx' : 'drop',
          detail: processed
            ? /the answer was lost \(.*\); the change was found made/
            : /the answer was lost \(.*\); the change was not seen in DescribeListeners/,
          made: async () => ((await listenerOn(LB1, 80))!.HealthCheck as { TimeOut: number }).TimeOut === 4,
        },
        {
          write: 'DeleteLoadBalancerListeners',
          change: 'a prune delete',
          port: 82,
          action: 'delete',
          processed,
          fault: processed ? 'malformed' : 'http5xx',
          detail: processed
            ? /the answer was lost \(.*\); the listeners are gone/
            : /the answer was lost \(.*\); the listeners are still listed/,
          made: async () => (await listenerOn(LB1, 82)) === undefined,
        },
      );
    }
    for (const c of cases) {
      const when = c.processed ? 'after it was carried out' : 'before it was carried out';
      const outcome = c.processed ? `exit 0, ${c.action}d` : 'exit 1, outcome unknown, the rest of its load balancer not tried';
      test(`${c.change} (${c.fault}) ${when}: ${outcome}; one ${c.write}`, async () => {
        await seed();
        const before = await counts();
        await emu.faults([{ action: c.write, kind: c.fault, processed: c.processed, ...(c.fault === 'http5xx' && { status: 502 }) }]);
        const result = await apply('-f', file(CHANGED), '--prune', '--yes', '-o', 'json');
        assert.equal(result.code, c.processed ? 0 : 1, result.stderr);
        const after = await counts();
        assert.equal((after[c.write] ?? 0) - (before[c.write] ?? 0), 1, `one ${c.write}: never sent again`);
        assert.ok(
          (after.DescribeListeners ?? 0) - (before.DescribeListeners ?? 0) >= 3,
          'read back after the lost answer (beyond the plan’s one read per load balancer)',
        );
        assert.equal(await c.made(), c.processed, 'the state is what the outcome says');
        const outcome = JSON.parse(result.stdout) as Outcome;
        const row = outcome.Listeners.find((l) => l.LoadBalancerId === LB1 && l.Port === c.port)!;
        assert.equal(row.Action, c.processed ? `${c.action}d` : c.action);
        assert.equal(row.Result, c.processed ? 'ok' : 'unknown');
        assert.match(row.Detail!, c.detail);
        if (c.processed) {
          assert.deepEqual(outcome.Summary, { Created: 1, Updated: 1, Deleted: 1, Unchanged: 2, Failed: 0, Unknown: 0, NotTried: 0 });
          const again = await apply('-f', file(CHANGED), '--prune', '--yes');
          assert.equal(again.code, 0, again.stderr);
          assert.match(again.stderr, /Nothing to change/, 'converged: the lost write counted as done');
        } else {
          // Writes on LB1 run create, update, delete: the ones after the unknown are not tried.
          const after = { create: ['update', 'delete'], update: ['delete'], delete: [] as string[] }[c.action as 'create']!;
          const notTried = outcome.Listeners.filter((l) => l.Result === 'not tried').map((l) => l.Action);
          assert.deepEqual(notTried, after);
          assert.equal(outcome.Summary.Unknown, 1);
          const error = JSON.parse(result.stderr.trim().split('\n').at(-1)!) as { Error: { Message: string } };
          assert.match(error.Error.Message, new RegExp(`, 1 with an unknown outcome, ${after.length} not tried`));
          // The other load balancer had nothing to do; nothing there was touched.
          assert.equal(outcome.Listeners.find((l) => l.LoadBalancerId === LB2)!.Result, 'ok');
        }
      });
    }
  });

  test('one change failing among several: exit 1; which succeeded, which failed, which were not tried', async () => {
    await seed();
    const before = await counts();
    await emu.faults([{ action: 'ModifyListener', kind: 'taskFail', message: 'backend busy' }]);
    const withNew53 = CHANGED.replace(`Port: 53, Protocol: UDP, ListenerName: dns }`, 'Port: 54, Protocol: UDP, ListenerName: dns2 }');
    const result = await apply('-f', file(withNew53), '--prune', '--yes', '-o', 'json');
    assert.equal(result.code, 1, result.stderr);
    const outcome = JSON.parse(result.stdout) as Outcome;
    const rows = outcome.Listeners.map((l) => [l.LoadBalancerId, l.Port, l.Action, l.Result]);
    // LB1 runs its create, then its update (which fails), then its delete (not tried); LB2 goes on.
    assert.deepEqual(rows, [
      [LB1, 80, 'update', 'failed'],
      [LB1, 81, 'unchanged', 'ok'],
      [LB1, 83, 'created', 'ok'],
      [LB1, 82, 'delete', 'not tried'],
      [LB2, 54, 'created', 'ok'],
      [LB2, 53, 'deleted', 'ok'],
    ]);
    assert.match(outcome.Listeners[0]!.Detail!, /task \S+ failed: backend busy/);
    assert.deepEqual(outcome.Summary, { Created: 2, Updated: 0, Deleted: 1, Unchanged: 1, Failed: 1, Unknown: 0, NotTried: 1 });
    const error = JSON.parse(result.stderr.trim().split('\n').at(-1)!) as { Error: { Message: string } };
    assert.match(error.Error.Message, /^3 changes made, 1 failed, 0 with an unknown outcome, 1 not tried: task \S+ failed: backend busy/);
    const after = await counts();
    assert.equal((after.CreateListener ?? 0) - (before.CreateListener ?? 0), 2);
    assert.equal((after.ModifyListener ?? 0) - (before.ModifyListener ?? 0), 1);
    assert.equal((after.DeleteLoadBalancerListeners ?? 0) - (before.DeleteLoadBalancerListeners ?? 0), 1, 'only LB2’s delete was sent');
    assert.equal(await listenerOn(LB2, 53), undefined);
    assert.ok(await listenerOn(LB1, 82), 'not tried: still there');
    assert.equal(((await listenerOn(LB1, 80))!.HealthCheck as { TimeOut: number }).TimeOut, 2, 'the failed update left it as it was');
  });

  test('in text: the summary table says it too', async () => {
    await seed();
    await emu.faults([{ action: 'ModifyListener', kind: 'taskFail', message: 'backend busy' }]);
    const result = await apply('-f', file(CHANGED), '--prune', '--yes');
    assert.equal(result.code, 1);
    assert.match(result.stdout, new RegExp(`${LB1}\\s+TCP\\s+80\\s+web\\s+lbl-\\w+\\s+update\\s+failed: task \\S+ failed: backend busy`));
    assert.match(result.stdout, new RegExp(`${LB1}\\s+TCP\\s+83\\s+new\\s+lbl-\\w+\\s+created\\s+ok`));
    assert.match(result.stdout, new RegExp(`${LB1}\\s+TCP\\s+82\\s+gone\\s+lbl-\\w+\\s+delete\\s+not tried`));
    assert.match(result.stderr, /lb-outc0001: 1 created in .*; stopped, failed: task \S+ failed: backend busy/);
    assert.match(result.stderr, /error: 1 change made, 1 failed, 0 with an unknown outcome, 1 not tried: task \S+ failed: backend busy/);
  });

  test('load balancers are worked on at once, each one write at a time (the request log’s order)', async () => {
    const groups = (lb: string) =>
      `  - { LoadBalancerId: ${lb}, Ports: [7001, 7002], Protocol: TCP, Scheduler: WRR }\n` +
      `  - { LoadBalancerId: ${lb}, Ports: [7003, 7004], Protocol: TCP, Scheduler: LEAST_CONN }\n` +
      `  - { LoadBalancerId: ${lb}, Ports: [7005], Protocol: UDP }\n`;
    const result = await apply('-f', file(`listeners:\n${groups(LB1)}${groups(LB2)}`));
    assert.equal(result.code, 0, result.stderr);
    const { requests, tasks } = await emu.state();
    const lbOf = new Map(tasks.map((t) => [t.TaskId, t.LoadBalancerId]));
    const written = requests.filter((r) => r.action === 'CreateListener').map((r) => ({ lb: lbOf.get(r.requestId)!, at: r.at }));
    assert.equal(written.length, 6, 'three CreateListener per load balancer');
    const order: number[] = written.map((w) => (w.lb === LB1 ? 1 : 2));
    // Concurrent: each load balancer's first write came before the other's second.
    const first = (lb: number) => order.indexOf(lb);
    const second = (lb: number) => order.indexOf(lb, first(lb) + 1);
    assert.ok(first(2) < second(1) && first(1) < second(2), `writes in order of arrival, by load balancer: ${order.join(' ')}`);
    // …and the second load balancer's first write arrived while the first one's task was running.
    const firstOf = (lb: string) => written.find((w) => w.lb === lb)!.at;
    assert.ok(Math.abs(firstOf(LB2) - firstOf(LB1)) < TASK_MS, 'the first tasks overlapped (emulator clock)');
    // Serial on each: a write only after the previous task there had ended; never refused as busy.
    for (const lb of [LB1, LB2]) {
      const times = written.filter((w) => w.lb === lb).map((w) => w.at);
      for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= TASK_MS, `${lb}: ${times.join(', ')}`);
    }
    assert.deepEqual(
      requests.filter((r) => r.code !== null),
      [],
      'no request refused (ResourceInOperating, RequestLimitExceeded)',
    );
  });

  test('a RequestLimitExceeded (another client sharing the quota) is waited out and retried', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'apiError', code: 'RequestLimitExceeded' }]);
    const path = file(
      `listeners:\n  - { LoadBalancerId: ${LB1}, Port: 80, Protocol: TCP }\n  - { LoadBalancerId: ${LB2}, Port: 80, Protocol: TCP }\n`,
    );
    const result = await apply('-f', path, '--debug');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /↻ CreateListener: retrying in \d+ ms after attempt 1 \(CreateListener failed: RequestLimitExceeded/);
    assert.equal((await counts()).CreateListener, 3, 'two writes, one of them sent twice: it was refused, so nothing was made');
    assert.equal((await emu.state()).listeners.length, 2);
  });

  test('the plan is what apply then does: create, update, unchanged and delete; a conflict stops it', async () => {
    await seed();
    const path = file(CHANGED);
    const planned = await apply('-f', path, '--prune', '--plan', '-o', 'json');
    assert.equal(planned.code, 0, planned.stderr);
    const plan = JSON.parse(planned.stdout) as PlanJson;
    const key = (lb: string, port: number) => `${lb}:${port}`;
    assert.deepEqual(Object.fromEntries(plan.Changes.map((c) => [key(c.LoadBalancerId, c.Port), c.Action])), {
      [key(LB1, 80)]: 'update',
      [key(LB1, 81)]: 'unchanged',
      [key(LB1, 83)]: 'create',
      [key(LB1, 82)]: 'delete',
      [key(LB2, 53)]: 'unchanged',
    });
    const before = await counts();
    const applied = await apply('-f', path, '--prune', '--yes', '-o', 'json');
    assert.equal(applied.code, 0, applied.stderr);
    const outcome = JSON.parse(applied.stdout) as Outcome;
    const past: Record<string, string> = { create: 'created', update: 'updated', unchanged: 'unchanged', delete: 'deleted' };
    assert.deepEqual(
      outcome.Listeners.map((l) => [key(l.LoadBalancerId, l.Port), l.Action, l.Result]),
      plan.Changes.map((c) => [key(c.LoadBalancerId, c.Port), past[c.Action], 'ok']),
      'every listener done as planned, in the plan’s order',
    );
    for (const change of plan.Changes.filter((c) => c.ListenerId)) {
      const row = outcome.Listeners.find((l) => key(l.LoadBalancerId, l.Port) === key(change.LoadBalancerId, change.Port))!;
      assert.equal(row.ListenerId, change.ListenerId, 'the same listener as planned');
    }
    const after = await counts();
    for (const [action, count] of Object.entries(plan.Requests))
      assert.equal((after[action] ?? 0) - (before[action] ?? 0), count, `${action}: as many as planned`);
    assert.equal(((await listenerOn(LB1, 80))!.HealthCheck as { TimeOut: number }).TimeOut, 4);
    assert.equal(await listenerOn(LB1, 82), undefined);
    const created = await listenerOn(LB1, 83);
    assert.equal(outcome.Listeners.find((l) => l.Port === 83)!.ListenerId, created!.ListenerId);
    const replanned = await apply('-f', path, '--prune', '--plan', '--detailed-exitcode', '-o', 'json');
    assert.equal(replanned.code, 0, 'nothing left to do');
    assert.ok((JSON.parse(replanned.stdout) as PlanJson).Changes.every((c) => c.Action === 'unchanged'));

    // A conflict: planned as one, and apply sends nothing, naming the same listener and reason.
    const conflicting = file(CHANGED.replace('Port: 53, Protocol: UDP', 'Port: 53, Protocol: QUIC'));
    const conflictPlan = JSON.parse((await apply('-f', conflicting, '--plan', '-o', 'json')).stdout) as PlanJson;
    const conflict = conflictPlan.Changes.find((c) => c.Action === 'conflict')!;
    assert.equal(conflict.ListenerId, (await listenerOn(LB2, 53))!.ListenerId);
    const writesBefore = await writes();
    const refused = await apply('-f', conflicting, '--prune', '--yes');
    assert.equal(refused.code, 1);
    assert.equal(await writes(), writesBefore, 'no write at all, not even the other changes');
    assert.ok(refused.stderr.includes(conflict.Reason!), refused.stderr);
    assert.match(refused.stderr, /nothing was changed/);
  });
});
