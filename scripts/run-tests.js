#!/usr/bin/env node
// Runs the compiled test files (after `tsc`): one per test/*.test.ts, so a dist/ file whose source
// was deleted or renamed never runs. Arguments narrow the run to files whose name contains one of
// them: `node scripts/run-tests.js e2e client`.
//
// Processes: the files that drive real processes (the shipped binary, tmux, shells, workers) or
// keep a core busy for seconds each get a process of their own, and start first, longest first.
// The other files, which test in-process, share a few processes (GROUPS): starting a process and
// loading the code costs about a quarter of a second, more than many of those files take. In a
// shared process each file is a suite of its own (its hooks, `before` and `after`, wrap only its
// tests), and its tests run after the previous file's have ended. A test file for a shared
// process must not change process-wide state it does not put back (process.env, the working
// directory, signal handlers).
//
// CLB_TEST_CONCURRENCY sets how many processes run at once (default 2: this is what the suite is
// measured with on a 2-core machine).
//
// A test that runs longer than TEST_LIMIT_MS fails by name instead of hanging the run: far above
// what a whole process takes even under full load (the suite takes about a minute then), so only
// a test that waits forever meets it. The SEPARATE files set their own pace.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from 'node:test';
import { tap } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The files with a process of their own, longest first (their time on a busy 2-core machine).
const OWN_PROCESS = [
  'completion',
  'e2e',
  'interactive-tmux',
  'e2e-signals',
  'hostile-input',
  'configure-tty',
  'configure-lock',
  'spinner-tmux',
  'e2e-bundle',
  'e2e-pack',
];
// How many processes the other files share.
const GROUPS = 6;

// Run only when named: they do not fit npm test's minute, so .ci/run runs them as steps of their own.
const SEPARATE = ['e2e-pack'];

const names = readdirSync(join(root, 'test'))
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => name.replace(/\.test\.ts$/, ''))
  .filter((name) => (process.argv.length <= 2 ? !SEPARATE.includes(name) : process.argv.slice(2).some((filter) => name.includes(filter))));
const own = OWN_PROCESS.filter((name) => names.includes(name));
const shared = names.filter((name) => !OWN_PROCESS.includes(name)).sort();
const missing = names.filter((name) => !existsSync(testFile(name)));
if (missing.length > 0) {
  console.error(`not built: ${missing.map(testFile).join(', ')} (run tsc -p tsconfig.json first)`);
  process.exit(1);
}
if (names.length === 0) {
  console.error(`no test file matches ${process.argv.slice(2).join(' ')}`);
  process.exit(1);
}

function testFile(name) {
  return join(root, 'dist', 'test', `${name}.test.js`);
}

/** The entry of one shared process: each file a suite (test/helpers/shared-process.ts). */
function groupEntry(members) {
  const suites = members.map((name) => `sharedFile('${name}.test.js', () => import('../${name}.test.js'));\n`);
  return `// Made by scripts/run-tests.js: these test files share this process.\nimport { sharedFile } from '../helpers/shared-process.js';\n\n${suites.join('')}`;
}

const groupDir = join(root, 'dist', 'test', 'groups');
rmSync(groupDir, { recursive: true, force: true });
const groups = Array.from({ length: Math.min(GROUPS, shared.length) }, () => []);
for (const [i, name] of shared.entries()) groups[i % groups.length].push(name);
const entries = groups.map((members, i) => {
  if (members.length === 1) return testFile(members[0]);
  mkdirSync(groupDir, { recursive: true });
  const entry = join(groupDir, `${i + 1}.js`);
  writeFileSync(entry, groupEntry(members));
  return entry;
});

const TEST_LIMIT_MS = 300_000;
const separate = names.some((name) => SEPARATE.includes(name));
const concurrency = Number(process.env.CLB_TEST_CONCURRENCY ?? '2');
// node:test's run(), not `node --test`: the command line sorts the files by name, run() keeps
// this order.
const stream = run({
  files: [...own.map(testFile), ...entries],
  concurrency,
  ...(separate ? {} : { timeout: TEST_LIMIT_MS }),
});
stream.on('test:fail', (event) => {
  if (!event.todo) process.exitCode = 1;
});
stream.compose(tap).pipe(process.stdout);
