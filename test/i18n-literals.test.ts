// Finds sentences for people written as literals where they are made, instead of a catalogue entry
// (CONTRIBUTING, "Adding a message"): an error built from a string or template literal, a hint
// given as one, a warning passed as one. What is left is listed file by file below, with why; a
// new literal fails this test, and so does a file that now has fewer (lower its count here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './helpers/paths.js';

/** Every error class a person sees the message of (src/core/errors.ts and the ones beside the code). */
const ERROR_CLASSES = [
  'UsageError',
  'CredentialsError',
  'ConflictError',
  'NetworkError',
  'TaskFailedError',
  'PartialFailureError',
  'AcceptedError',
  'InterruptedError',
  'WaitTimeoutError',
  'LostTaskFailedError',
  'OutputError',
  'RulesIncompleteError',
];
const LITERAL = new RegExp(`new (?:${ERROR_CLASSES.join('|')})\\(\\s*['"\`]|\\bhint:\\s*['"\`]|\\bwarn\\(\\s*['"\`]`, 'g');

/**
 * What is still a literal, by file. Not yet in a catalogue: the rarer credential failures
 * (the CVM metadata service, STS, a role's text and its web identity token), and
 * sentences that join a field's name to a finding
 * (model/request.ts, model/coerce.ts, model/listener-file.ts). ui/output.ts: the --query
 * compiler's own error, quoted after the expression, is the library's English.
 */
const REMAINING: Record<string, number> = {
  'src/api/sts.ts': 1,
  'src/config/cvm-role.ts': 5,
  'src/config/role.ts': 5,
  'src/model/coerce.ts': 1,
  'src/model/listener-file.ts': 1,
  'src/model/request.ts': 1,
  'src/ui/output.ts': 2,
};

/**
 * Left out of the scan: the catalogues themselves, and the emulator, which answers as the API does
 * (its messages are the API's, in English, whatever language the tool is run in).
 */
const scanned = (path: string) => path.endsWith('.ts') && !path.endsWith('.messages.ts') && !path.startsWith('src/emulator/');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : [relative(REPO_ROOT, join(dir, entry.name))],
  );
}

function literalsBy(text: string): number {
  return Array.from(text.matchAll(LITERAL)).length;
}

test('the scan finds each form it looks for (so a count of zero means something)', () => {
  assert.equal(literalsBy("throw new UsageError('--x is bad', '--x');"), 1);
  assert.equal(literalsBy('throw new NetworkError(\n  `the action failed`, action);'), 1);
  assert.equal(literalsBy("new UsageError(message(X.bad), flag, { hint: 'do this' })"), 1);
  assert.equal(literalsBy('warn(`warning: it is ignored`)'), 1);
  assert.equal(literalsBy('throw new UsageError(message(X.bad), flag, { hint: message(X.hint) });'), 0);
});

test('no new sentence for people is written as a literal outside a catalogue', () => {
  const found: Record<string, number> = {};
  for (const path of sources(join(REPO_ROOT, 'src')).filter(scanned)) {
    const count = literalsBy(readFileSync(join(REPO_ROOT, path), 'utf8'));
    if (count > 0) found[path] = count;
  }
  for (const [path, count] of Object.entries(found)) {
    const allowed = REMAINING[path] ?? 0;
    assert.ok(
      count <= allowed,
      `${path}: ${count} literal error, hint or warning text(s), ${allowed} allowed: put the new one in a catalogue (CONTRIBUTING, "Adding a message")`,
    );
  }
  for (const [path, allowed] of Object.entries(REMAINING)) {
    assert.equal(found[path] ?? 0, allowed, `${path} now has ${found[path] ?? 0} literal(s): lower its count in REMAINING`);
  }
});
