// The request pacing: never more than the limit per window per action, first come first served,
// actions independent, an abort leaves the queue at once. On a clock the test drives, so the
// waits take no real time and the grant times are exact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActionRateLimiter, API_RATE_LIMIT, rateLimiterFor } from '../src/api/rate-limit.js';
import { systemClock } from '../src/core/clock.js';
import { InterruptedError } from '../src/core/errors.js';
import { FakeClock } from './helpers/clock.js';

test('at most `requests` grants per window, in the order asked', async () => {
  const clock = new FakeClock({ start: 0, auto: false });
  const limiter = new ActionRateLimiter({ requests: 3, windowMs: 1000 }, clock);
  const granted: number[] = [];
  for (let index = 0; index < 8; index++) void limiter.acquire('DescribeTaskStatus').then(() => granted.push(index));
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  await settle();
  assert.deepEqual(granted, [0, 1, 2], 'three at once');
  clock.advance(1000);
  await settle();
  assert.deepEqual(granted, [0, 1, 2], 'not before the first grant has left the window');
  clock.advance(1);
  await settle();
  assert.deepEqual(granted, [0, 1, 2, 3, 4, 5], 'the next three, in order');
  clock.advance(1001);
  await settle();
  assert.deepEqual(granted, [0, 1, 2, 3, 4, 5, 6, 7]);
});

test('actions have separate budgets', async () => {
  const clock = new FakeClock({ start: 0 });
  const limiter = new ActionRateLimiter({ requests: 1, windowMs: 60_000 }, clock);
  await limiter.acquire('CreateListener');
  await limiter.acquire('DescribeListeners');
  await limiter.acquire('ModifyListener');
  assert.equal(clock.now(), 0, 'nobody waited');
});

test('an aborted wait rejects with InterruptedError and frees its place', async () => {
  const clock = new FakeClock({ start: 0, auto: false });
  const limiter = new ActionRateLimiter({ requests: 1, windowMs: 60_000 }, clock);
  await limiter.acquire('CreateListener');
  const controller = new AbortController();
  const waiting = limiter.acquire('CreateListener', controller.signal);
  await clock.sleeping(waiting);
  controller.abort();
  await assert.rejects(waiting, InterruptedError);
  assert.equal(clock.pendingSleeps, 0, 'no pause is left behind');
  await assert.rejects(
    limiter.acquire('CreateListener', controller.signal),
    InterruptedError,
    'an already aborted signal is refused at once',
  );
});

test('one limiter per clock: the whole process shares the system clock’s; the default is 20 a second, with a little room', () => {
  assert.equal(rateLimiterFor(systemClock), rateLimiterFor(systemClock));
  assert.notEqual(rateLimiterFor(new FakeClock()), rateLimiterFor(systemClock));
  assert.equal(API_RATE_LIMIT.requests, 20);
  assert.ok(API_RATE_LIMIT.windowMs >= 1000 && API_RATE_LIMIT.windowMs <= 1100);
});
