// How apply follows many tasks at once (src/api/task-timing.ts), on a clock the test moves and a
// stand-in for DescribeTaskStatus that answers at once: which task is polled when, how many
// polls a wave of tasks costs, and how soon after its end each task is noticed (clock time).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClbClient } from '../src/api/client.js';
import { FIRST_POLL_MS, SKIP_LIMIT_MS, TaskTiming, TURN_MS, waitForTaskLearning } from '../src/api/task-timing.js';
import { FakeClock } from './helpers/clock.js';

interface FakeTask {
  acceptedAt: number;
  /** How long it runs (clock ms). */
  durationMs: number;
  /** Clock times of the polls it got. */
  polls: number[];
  /** When its wait returned. */
  noticedAt?: number;
}

/** A client whose DescribeTaskStatus answers at once from `tasks`, on `clock`. */
function fakeClient(clock: FakeClock, tasks: Map<string, FakeTask>): ClbClient {
  return {
    clock,
    call: async (action: string, params: { TaskId: string }) => {
      assert.equal(action, 'DescribeTaskStatus');
      const task = tasks.get(params.TaskId)!;
      task.polls.push(clock.now());
      const done = clock.now() >= task.acceptedAt + task.durationMs;
      return { RequestId: `req-${task.polls.length}`, Status: done ? 0 : 2 };
    },
  } as unknown as ClbClient;
}

/** Moves the clock 1 ms at a time, letting every waiter run in between, until `done` settles. */
async function drive(clock: FakeClock, done: Promise<unknown>, limitMs = 60_000): Promise<void> {
  let settled = false;
  void done.finally(() => {
    settled = true;
  });
  for (let elapsed = 0; !settled; elapsed++) {
    assert.ok(elapsed < limitMs, 'the waits did not end');
    for (let i = 0; i < 4; i++) await new Promise((resolve) => setImmediate(resolve));
    if (!settled) clock.advance(1);
  }
}

/** Starts waits for `tasks` (accepted at their times), drives the clock until all end. */
async function follow(clock: FakeClock, timing: TaskTiming, tasks: Map<string, FakeTask>): Promise<void> {
  const client = fakeClient(clock, tasks);
  const waits = [...tasks].map(async ([id, task]) => {
    if (clock.now() < task.acceptedAt) await clock.sleep(task.acceptedAt - clock.now());
    await waitForTaskLearning(client, id, { timing, timeoutMs: 60_000, acceptedAt: task.acceptedAt });
    task.noticedAt = clock.now();
  });
  await drive(clock, Promise.all(waits));
}

function wave(start: number, count: number, durationMs: number, spacingMs = 7): Map<string, FakeTask> {
  return new Map(
    Array.from({ length: count }, (_, i) => [`task-${start}-${i}`, { acceptedAt: start + i * spacingMs, durationMs, polls: [] }]),
  );
}

test('a wave of tasks nothing is known about: one poll per turn, the oldest task’s, until one ends; then about one poll each', async () => {
  const clock = new FakeClock({ start: 1_000_000, auto: false });
  const timing = new TaskTiming();
  const tasks = wave(clock.now(), 10, 1000);
  await follow(clock, timing, tasks);
  const all = [...tasks.values()];
  const oldest = all[0]!;
  const firstEnd = oldest.acceptedAt + oldest.durationMs;
  // Before the first task ended, only one task was polled at a time, 100 ms apart.
  const before = all.flatMap((t) => t.polls.filter((at) => at < firstEnd)).sort((a, b) => a - b);
  assert.ok(before.length > 0);
  assert.equal(before[0], oldest.acceptedAt + FIRST_POLL_MS, 'the first poll: 250 ms after the oldest write');
  for (let i = 1; i < before.length; i++) assert.ok(before[i]! - before[i - 1]! >= TURN_MS, `turns: ${before.join(', ')}`);
  assert.ok(before.length <= Math.ceil((firstEnd - before[0]!) / TURN_MS), `polls before the first end: ${before.length}`);
  // The oldest is seen done within a turn of its end; each other is then polled about once.
  assert.ok(oldest.noticedAt! - firstEnd <= TURN_MS, `oldest noticed ${oldest.noticedAt! - firstEnd} ms after its end`);
  for (const task of all.slice(1)) {
    const after = task.polls.filter((at) => at >= firstEnd);
    assert.ok(after.length <= 2, `${after.length} polls after the first end`);
    assert.ok(task.noticedAt! - (task.acceptedAt + task.durationMs) <= TURN_MS, 'noticed within a turn of its end');
  }
  const total = all.reduce((n, t) => n + t.polls.length, 0);
  assert.ok(total <= before.length + 2 * (all.length - 1) + 1, `${total} polls for ${all.length} tasks`);
});

test('later waves are polled where earlier tasks ended: noticed within tens of ms, one or two polls each', async () => {
  const clock = new FakeClock({ start: 2_000_000, auto: false });
  const timing = new TaskTiming();
  await follow(clock, timing, wave(clock.now(), 10, 1000));
  for (let w = 0; w < 3; w++) {
    const tasks = wave(clock.now() + 5, 10, 1000);
    await follow(clock, timing, tasks);
    for (const task of tasks.values()) {
      const late = task.noticedAt! - (task.acceptedAt + task.durationMs);
      assert.ok(late >= 0 && late <= 30, `wave ${w + 2}: noticed ${late} ms after its end`);
      assert.ok(task.polls.length <= 3, `wave ${w + 2}: ${task.polls.length} polls`);
    }
  }
});

test('a task younger than one seen running is not polled for at most 1.5 s; a task that outlasts an older one is still found', async () => {
  const clock = new FakeClock({ start: 3_000_000, auto: false });
  const timing = new TaskTiming();
  // The older task runs 5 s; the younger one ends after 1 s, which the older one cannot tell.
  const tasks = new Map<string, FakeTask>([
    ['slow', { acceptedAt: clock.now(), durationMs: 5000, polls: [] }],
    ['quick', { acceptedAt: clock.now() + 10, durationMs: 1000, polls: [] }],
  ]);
  await follow(clock, timing, tasks);
  const quick = tasks.get('quick')!;
  const gaps = [quick.acceptedAt, ...quick.polls].map((at, i, list) => (i === 0 ? 0 : at - list[i - 1]!));
  // Unpolled for 1.5 s, it goes before the older task at the next turn or the one after.
  assert.ok(Math.max(...gaps) <= SKIP_LIMIT_MS + 2 * TURN_MS, `gaps between its polls: ${gaps.join(', ')}`);
  assert.ok(quick.noticedAt! - (quick.acceptedAt + quick.durationMs) <= SKIP_LIMIT_MS + 2 * TURN_MS);
  assert.ok(tasks.get('slow')!.noticedAt! >= tasks.get('slow')!.acceptedAt + 5000);
});
