/**
 * Errors are values: built once with everything they say, never changed after they are thrown.
 * Code that learns more on the way out throws a copy (`error.with(…)`), so an error someone else
 * still holds (a retry loop, a caller that logged it) never changes under them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AcceptedError, ApiError, InterruptedError, UsageError } from '../src/core/errors.js';
import { PromptCancelledError } from '../src/ui/interactive/asker.js';
import { REPO_ROOT } from './helpers/paths.js';

test('with() answers a copy of the same class that says more; the original is unchanged', () => {
  const original = new ApiError('ResourceInUse', 'busy', 'req-1', 'CreateListener', { hint: 'wait' });
  const copy = original.with({ hint: 'wait for task t', details: { TaskId: 't' } });
  assert.ok(copy instanceof ApiError);
  assert.notEqual(copy, original);
  assert.deepEqual(
    [copy.code, copy.requestId, copy.action, copy.message],
    [original.code, original.requestId, original.action, original.message],
  );
  assert.equal(copy.hint, 'wait for task t');
  assert.deepEqual(copy.details, { TaskId: 't' });
  assert.equal(original.hint, 'wait');
  assert.deepEqual(original.details, {});
  // details merge: what was there stays.
  assert.deepEqual(copy.with({ details: { ListenerIds: ['lbl-1'] } }).details, { TaskId: 't', ListenerIds: ['lbl-1'] });
});

test("a new message is the copy's message and its stack's first line", () => {
  const original = new InterruptedError('req-2');
  const copy = original.with({ message: 'interrupted by SIGTERM while waiting for task req-2' });
  assert.equal(copy.message, 'interrupted by SIGTERM while waiting for task req-2');
  assert.match(copy.stack ?? '', /^InterruptedError: interrupted by SIGTERM while waiting for task req-2\n {4}at /);
  assert.equal(original.message, 'interrupted while waiting for task req-2');
  assert.equal(copy.requestId, 'req-2');
});

test('errors are built complete: details frozen, interruptions and cancelled prompts say it in their constructor', () => {
  const accepted = new AcceptedError('req-3', 'accepted, then lost', { hint: 'h', listenerIds: ['lbl-1'] });
  assert.deepEqual(accepted.details, { TaskId: 'req-3', ListenerIds: ['lbl-1'] });
  assert.throws(() => {
    (accepted.details as { TaskId?: string }).TaskId = 'other';
  }, TypeError);
  const before = InterruptedError.beforeSending('interrupted while reading stdin');
  assert.deepEqual([before.message, before.notSent], ['interrupted while reading stdin; nothing was sent', true]);
  const cancelled = new PromptCancelledError();
  assert.deepEqual([cancelled.name, cancelled.message], ['InterruptedError', 'cancelled, nothing sent']);
  assert.ok(cancelled instanceof InterruptedError);
  assert.equal(new UsageError('x', '--health-check TimeOut').flag, '--health-check');
});

/** An assignment to an error's fields anywhere but its own constructor (`this.…`). */
const MUTATION = /(?<!this)\.(?:message|hint|name|details(?:\.\w+)?|notSent|flag|problems)\s*(?:\?\?=|\|\|=|=(?!=))/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

test('no source assigns to an error after it is built (src/)', () => {
  const found = sources(join(REPO_ROOT, 'src')).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => {
        // An object's own field being filled in (not an error's): `rendered.hint = …` in a message renderer.
        if (!/\b(?:error|failure|interrupted|err|e|cause)\b[\w.]*\.(?:message|hint|name|details|notSent|flag|problems)/.test(line))
          return [];
        return MUTATION.test(line) ? [`${relative(REPO_ROOT, file)}:${i + 1}: ${line.trim()}`] : [];
      }),
  );
  assert.deepEqual(found, [], 'throw error.with({ … }) instead');
  // The check itself: the forms it must catch.
  for (const sample of [
    'error.hint = x;',
    'error.details.ListenerIds = ids;',
    'failure.message = m;',
    'error.hint ??= h;',
    'interrupted.message = m',
  ]) {
    assert.ok(MUTATION.test(sample), sample);
  }
  assert.ok(!MUTATION.test('this.hint = options.hint;'));
  assert.ok(!MUTATION.test('if (error.hint === x)'));
});
