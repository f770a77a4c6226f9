// The process-wide request pacing: never more than the limit per window per action, first come
// first served, actions independent, an abort leaves the queue at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActionRateLimiter, API_RATE_LIMIT } from '../src/api/rate-limit.js';
import { InterruptedError } from '../src/core/errors.js';

test('at most `requests` grants per window, in the order asked', async () => {
  const limiter = new ActionRateLimiter({ requests: 3, windowMs: 40 });
  const grants: { index: number; at: number }[] = [];
  await Promise.all(
    Array.from({ length: 9 }, (_, index) =>
      limiter.acquire('DescribeTaskStatus').then(() => grants.push({ index, at: performance.now() })),
    ),
  );
  assert.deepEqual(
    grants.map((g) => g.index),
    [0, 1, 2, 3, 4, 5, 6, 7, 8],
  );
  // A slow machine can only spread the grants further apart, never closer.
  for (let i = 3; i < grants.length; i++) {
    assert.ok(grants[i]!.at - grants[i - 3]!.at >= 40, `grant ${i} came ${grants[i]!.at - grants[i - 3]!.at} ms after grant ${i - 3}`);
  }
});

test('actions have separate budgets', async () => {
  const limiter = new ActionRateLimiter({ requests: 1, windowMs: 60_000 });
  await limiter.acquire('CreateListener');
  // Would wait a minute if the budget were shared.
  await limiter.acquire('DescribeListeners');
  await limiter.acquire('ModifyListener');
});

test('an aborted wait rejects with InterruptedError and frees its place', async () => {
  const limiter = new ActionRateLimiter({ requests: 1, windowMs: 60_000 });
  await limiter.acquire('CreateListener');
  const controller = new AbortController();
  const waiting = limiter.acquire('CreateListener', controller.signal);
  controller.abort();
  await assert.rejects(waiting, InterruptedError);
  await assert.rejects(
    limiter.acquire('CreateListener', controller.signal),
    InterruptedError,
    'an already aborted signal is refused at once',
  );
});

test('the default is the documented 20 requests a second, with a little room', () => {
  assert.equal(API_RATE_LIMIT.requests, 20);
  assert.ok(API_RATE_LIMIT.windowMs >= 1000 && API_RATE_LIMIT.windowMs <= 1100);
});
