#!/usr/bin/env node
// Runs the compiled test files (after `tsc`): one per test/*.test.ts, so a dist/ file whose source
// was deleted or renamed never runs. The slow files (real processes, terminals, shells) start
// first, so both workers finish together. Arguments narrow the run to files whose name contains
// one of them: `node scripts/run-tests.js e2e client`.
//
// CLB_TEST_CONCURRENCY sets how many files run at once (default 2: this is what the suite is
// measured with on a 2-core machine).
//
// A file that runs longer than FILE_LIMIT_MS fails by name instead of hanging the run: far above
// what any file takes even under full load (the whole suite is meant to take under a minute), so
// only a test that waits forever meets it. The SEPARATE files set their own pace.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const FIRST = ['e2e', 'interactive-tmux', 'completion', 'spinner-tmux', 'configure-tty', 'interactive-prompts'];

// Run only when named: they do not fit npm test's minute, so .ci/run runs them as steps of their own.
const SEPARATE = ['e2e-pack'];

const names = readdirSync(join(root, 'test'))
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => name.replace(/\.test\.ts$/, ''))
  .filter((name) => (process.argv.length <= 2 ? !SEPARATE.includes(name) : process.argv.slice(2).some((filter) => name.includes(filter))));
const rank = (name) => {
  const at = FIRST.findIndex((prefix) => name === prefix || name.startsWith(`${prefix}-`));
  return at < 0 ? FIRST.length : at;
};
names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

const files = names.map((name) => join('dist', 'test', `${name}.test.js`));
const missing = files.filter((file) => !existsSync(join(root, file)));
if (missing.length > 0) {
  console.error(`not built: ${missing.join(', ')} (run tsc -p tsconfig.json first)`);
  process.exit(1);
}
if (files.length === 0) {
  console.error(`no test file matches ${process.argv.slice(2).join(' ')}`);
  process.exit(1);
}

const FILE_LIMIT_MS = 300_000;
const limit = names.some((name) => SEPARATE.includes(name)) ? [] : [`--test-timeout=${FILE_LIMIT_MS}`];
const concurrency = process.env.CLB_TEST_CONCURRENCY ?? '2';
const result = spawnSync(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...limit, ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
