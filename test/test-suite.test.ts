/**
 * The suite's own rules, checked on its sources so they hold as tests are added:
 * - only the end-to-end files spawn the shipped binary (plus the terminal tests, which drive it in
 *   tmux), and the end-to-end tests `npm test` runs are at most 25, subtests included;
 * - no test or helper measures wall-clock time, sleeps a fixed time or sets a real-time limit a
 *   loaded machine can outrun: time is the test's clock (test/helpers/clock.ts), and a wait for a
 *   real process polls a condition (helpers/eventually.ts) under a generous limit.
 * - run by scripts/run-tests.js, the tests see the home and variables of a tccli user, which no
 *   helper lets through to a run (test/helpers/hermetic.ts).
 * Each rule is also tried on a sample it must refuse, so a rule that stops matching fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './helpers/paths.js';

const TEST_DIR = join(REPO_ROOT, 'test');
const files = readdirSync(TEST_DIR).filter((name) => name.endsWith('.test.ts'));
const helpers = readdirSync(join(TEST_DIR, 'helpers'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => `helpers/${name}`);
const source = (name: string) => readFileSync(join(TEST_DIR, name), 'utf8');

const E2E = /^e2e[\w-]*\.test\.ts$/;
/** Tests of a real terminal: the binary runs inside tmux, which only a process can give it. */
const TERMINAL = new Set(['interactive-tmux.test.ts', 'spinner-tmux.test.ts', 'configure-tty.test.ts']);
const E2E_BUDGET = 25;

/** The files scripts/run-tests.js leaves out of `npm test` (each is a CI step of its own). */
function separateFiles(): string[] {
  const list = /^const SEPARATE = \[([^\]]*)\];$/m.exec(readFileSync(join(REPO_ROOT, 'scripts/run-tests.js'), 'utf8'));
  assert.ok(list, 'scripts/run-tests.js declares its SEPARATE list');
  return [...list[1]!.matchAll(/'([\w-]+)'/g)].map((m) => `${m[1]}.test.ts`);
}

/** Calls that define a test, named by a string: test(…), it(…), test.skip(…), and subtests t.test(…). */
const TEST_CALL = /(?:(?:^|[^\w.])(?:test|it)(?:\.(?:skip|only|todo))?|\.test)\(\s*['"`]/gm;
/** A test whose name is built from a variable is made in a loop: it runs many times but is written once. */
const LOOP_MADE = /(?:^|[^\w.])(?:test|it)(?:\.\w+)?\(`[^`]*\$\{/;

test('only the end-to-end and terminal tests start the binary', () => {
  const spawning = /\bBIN\b|bin\/clb-listener\.js|\bspawnCli\(|\bspawnAgainst\(|\bspawnEmulator\(/;
  const offenders = files.filter((name) => !E2E.test(name) && !TERMINAL.has(name) && spawning.test(source(name)));
  assert.deepEqual(offenders, [], 'test commands in-process with runCli/runAgainst (test/helpers/cli.ts)');
});

test(`at most ${E2E_BUDGET} end-to-end tests in npm test, subtests included`, () => {
  const separate = separateFiles();
  const e2e = files.filter((name) => E2E.test(name) && !separate.includes(name));
  assert.ok(e2e.length > 0, 'the end-to-end tests exist');
  const loopMade = e2e.flatMap((name) =>
    source(name)
      .split('\n')
      .flatMap((line, i) => (LOOP_MADE.test(line) ? [`test/${name}:${i + 1}: ${line.trim()}`] : [])),
  );
  assert.deepEqual(loopMade, [], 'an end-to-end test made in a loop is counted once but runs many times: write each one out');
  const count = e2e.reduce((sum, name) => sum + [...source(name).matchAll(TEST_CALL)].length, 0);
  assert.ok(count >= 10, `the end-to-end set is not empty by accident (${count})`);
  assert.ok(count <= E2E_BUDGET, `${count} end-to-end tests in ${e2e.join(', ')}; test the rest in-process`);
});

test('the end-to-end count sees every kind of test', () => {
  const sample = [
    "test('a', () => {});",
    "  test.skip('b', () => {});",
    "  await t.test('c', () => {});",
    "  it('d', () => {});",
    "describe('not a test', () => {});",
    "const contest = latest('x'); attest('y');",
    'assert.ok(/^id=/.test(line));',
  ].join('\n');
  assert.equal([...sample.matchAll(TEST_CALL)].length, 4);
  assert.ok(LOOP_MADE.test(`  test(\`$\{signal} ends it\`, async () => {`));
  assert.ok(!LOOP_MADE.test("  test('plain', async () => {"));
});

/** Each rule with a line it must refuse: the samples keep the patterns honest. */
const FORBIDDEN: readonly { pattern: RegExp; why: string; samples: string[] }[] = [
  {
    pattern: /\bsetTimeout\(|\b(?:from|import\()\s*['"](?:node:)?timers(?:\/promises)?['"]|\brequire\(\s*['"](?:node:)?timers\b/,
    why: 'a fixed sleep: move the test clock (emu.clock.advance) or poll a condition (eventually)',
    samples: [
      'await new Promise((r) => setTimeout(r, 50));',
      'globalThis.setTimeout(done, 10);',
      "import { setTimeout as sleep } from 'node:timers/promises';",
      "import { setTimeout as sleep } from 'timers/promises';",
      "const { scheduler } = await import('node:timers/promises');",
      "import timers from 'node:timers';",
    ],
  },
  { pattern: /\bsetInterval\(/, why: 'a timer loop: poll a condition with eventually()', samples: ['setInterval(check, 10);'] },
  {
    pattern: /\bperformance\.now\(|\bprocess\.hrtime\b/,
    why: 'the wall clock read for a duration: assert on the test clock or on what happened',
    samples: ['const deadline = performance.now() + 100;', 'const t = process.hrtime.bigint();'],
  },
  {
    pattern: /\bDate\.now\(\)\s*[-<>]|(?<![=<>])[-<>]=?\s*Date\.now\(\)/,
    why: 'a duration or a deadline on the wall clock: assert on the test clock or on what happened',
    samples: ['assert.ok(Date.now() - started < 100);', 'while (deadline > Date.now()) {', 'if (start <= Date.now()) return;'],
  },
  { pattern: /duration_?ms\s*[<>]/i, why: 'a duration compared: assert on what happened', samples: ['assert.ok(durationMs < 500);'] },
  {
    pattern: /\bAbortSignal\.timeout\(/,
    why: "a real-time deadline: use the test clock's timeoutSignal, or eventually() for a real process",
    samples: ['const signal = AbortSignal.timeout(100);'],
  },
  {
    pattern: /(?:^|[^\w.])(?:test|it|describe|suite)(?:\.\w+)?\([^\n]*\btimeout:\s*[\d_]/,
    why: 'a time limit on a test, which a loaded machine can outrun: the runner bounds every file; assert on what happened',
    samples: ["test('quick', { timeout: 200 }, async () => {"],
  },
];

/** Lines that must not trip the rules: ordinary uses of the clock and of timers. */
const ALLOWED_SAMPLES = [
  'const now = () => Date.now();',
  'const START = Date.now();',
  'timestamp: Math.floor(Date.now() / 1000),',
  'await clock.sleeping(pending);',
  'await new Promise((resolve) => setImmediate(resolve));',
  'waitForTask(c, id, { timeoutMs: 400 });',
];

/** Helpers that own real time on purpose: the bounded poll itself. */
const REAL_TIME_HELPERS = new Set(['helpers/eventually.ts']);

test('each wall-clock rule refuses its samples and lets ordinary lines through', () => {
  for (const { pattern, samples } of FORBIDDEN) {
    for (const sample of samples) assert.ok(pattern.test(sample), `${pattern} refuses: ${sample}`);
  }
  for (const line of ALLOWED_SAMPLES) {
    const hit = FORBIDDEN.find(({ pattern }) => pattern.test(line));
    assert.equal(hit, undefined, `${line} is allowed`);
  }
});

test('no wall-clock measurement, fixed sleep or short real-time limit in a test or a helper', () => {
  // A line may opt out by saying why it is not a wait: `// not a wait: …` at its end or on the line above.
  const found: string[] = [];
  // This file is left out: it holds the samples above.
  const scanned = [...files.filter((name) => name !== 'test-suite.test.ts'), ...helpers.filter((name) => !REAL_TIME_HELPERS.has(name))];
  for (const name of scanned) {
    const lines = source(name).split('\n');
    for (const [i, line] of lines.entries()) {
      if (line.includes('// not a wait:') || lines[i - 1]?.trim().startsWith('// not a wait:')) continue;
      for (const { pattern, why } of FORBIDDEN) if (pattern.test(line)) found.push(`test/${name}:${i + 1}: ${why}\n    ${line.trim()}`);
    }
  }
  assert.deepEqual(found, []);
});

test('run by scripts/run-tests.js, the suite runs in the home and environment of a tccli and SDK user', {
  skip: process.env.CLB_TEST_LIVED_IN === '1' ? false : "run alone (node --test), in the caller's environment",
}, () => {
  const home = process.env.HOME ?? '';
  assert.ok(existsSync(join(home, '.tccli', 'default.credential')), `a tccli profile in ${home}`);
  assert.ok(existsSync(join(home, '.tccli', 'default.configure')), `a tccli profile's region in ${home}`);
  assert.ok(existsSync(join(home, '.tencentcloud', 'credentials')), `an SDK credentials file in ${home}`);
  for (const name of ['TENCENTCLOUD_REGION', 'TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY']) assert.ok(process.env[name], name);
});
