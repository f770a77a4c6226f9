/**
 * The suite's own rules, checked on its sources so they hold as tests are added:
 * - only the end-to-end files spawn the shipped binary (plus the terminal tests, which drive it in
 *   tmux), and the end-to-end files hold at most 25 tests;
 * - no test measures wall-clock time or sleeps a fixed time: time is the test's clock
 *   (test/helpers/clock.ts), and a wait for a real process polls a condition (helpers/eventually.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './helpers/paths.js';

const TEST_DIR = join(REPO_ROOT, 'test');
const files = readdirSync(TEST_DIR).filter((name) => name.endsWith('.test.ts'));
const source = (name: string) => readFileSync(join(TEST_DIR, name), 'utf8');

const E2E = /^e2e[\w-]*\.test\.ts$/;
/** Tests of a real terminal: the binary runs inside tmux, which only a process can give it. */
const TERMINAL = new Set(['interactive-tmux.test.ts', 'spinner-tmux.test.ts', 'configure-tty.test.ts']);
const E2E_BUDGET = 25;

test('only the end-to-end and terminal tests start the binary', () => {
  const spawning = /\bBIN\b|bin\/clb-listener\.js|\bspawnCli\(|\bspawnAgainst\(|\bspawnEmulator\(/;
  const offenders = files.filter((name) => !E2E.test(name) && !TERMINAL.has(name) && spawning.test(source(name)));
  assert.deepEqual(offenders, [], 'test commands in-process with runCli/runAgainst (test/helpers/cli.ts)');
});

test(`at most ${E2E_BUDGET} end-to-end tests`, () => {
  const e2e = files.filter((name) => E2E.test(name));
  assert.ok(e2e.length > 0, 'the end-to-end tests exist');
  const count = e2e.reduce((sum, name) => sum + [...source(name).matchAll(/^\s*test\(/gm)].length, 0);
  assert.ok(count >= 10, `the end-to-end set is not empty by accident (${count})`);
  assert.ok(count <= E2E_BUDGET, `${count} end-to-end tests in ${e2e.join(', ')}; test the rest in-process`);
});

test('no wall-clock measurement and no fixed sleep in a test', () => {
  // A line may opt out by saying why it is not a wait: `// not a wait: …`.
  const forbidden = [
    [
      /\bsetTimeout\(|from 'node:timers\/promises'/,
      'a fixed sleep: move the test clock (emu.clock.advance) or poll a condition (eventually)',
    ],
    [/\bsetInterval\(/, 'a timer loop: poll a condition with eventually()'],
    [/\b(?:Date|performance)\.now\(\)\s*-/, 'a duration measured on the wall clock: assert on the test clock or on what happened'],
    [/duration_?ms\s*[<>]/i, 'a duration compared: assert on what happened'],
  ] as const;
  const found: string[] = [];
  for (const name of files) {
    for (const [i, line] of source(name).split('\n').entries()) {
      if (line.includes('// not a wait:')) continue;
      for (const [pattern, why] of forbidden) if (pattern.test(line)) found.push(`test/${name}:${i + 1}: ${why}\n    ${line.trim()}`);
    }
  }
  assert.deepEqual(found, []);
});
