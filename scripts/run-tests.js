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
// The test processes run as a user of tccli and the SDKs would: a HOME of their own holding a tccli
// profile and an SDK credentials file, and TENCENTCLOUD_* set (LIVED_IN below). Every helper gives a
// run an environment of its own (test/helpers/hermetic.ts), so none of it may decide a test: a
// helper or a test that lets the caller's HOME or variables through fails here, on every run, not
// only on the machine of someone who uses tccli. CLB_TEST_OWN_ENV=1 keeps the caller's environment.
//
// Failures point at the TypeScript sources: tsc writes source maps and the test processes read them.
//
// A test that runs longer than TEST_LIMIT_MS fails by name instead of hanging the run: far above
// what a whole process takes even under full load (the suite takes about a minute then), so only
// a test that waits forever meets it. The SEPARATE files set their own pace.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/**
 * The home and variables of someone who uses tccli and the SDKs: none of these may reach a test's
 * run. The keys are made up; they only have to look real.
 */
const LIVED_IN = {
  'tccli/default.credential': { secretId: 'AKIDlivedInProfileKey00000000000000', secretKey: 'livedInProfileSecret000000000000' },
  'tccli/default.configure': { _sys_param: { region: 'ap-mumbai', output: 'table', language: 'zh-CN' } },
  'tencentcloud/credentials':
    '[default]\nsecret_id = AKIDlivedInIniKey0000000000000000000\nsecret_key = livedInIniSecret00000000000000000\n',
  env: {
    TENCENTCLOUD_REGION: 'ap-seoul',
    TENCENTCLOUD_SECRET_ID: 'AKIDlivedInEnvKey0000000000000000000',
    TENCENTCLOUD_SECRET_KEY: 'livedInEnvSecret00000000000000000',
    TCCLI_PROFILE: 'default',
  },
};

function livedInHome() {
  const home = mkdtempSync(join(tmpdir(), 'clb-lived-in-home-'));
  for (const [file, content] of Object.entries(LIVED_IN)) {
    if (file === 'env') continue;
    const [dir, name] = file.split('/');
    mkdirSync(join(home, `.${dir}`), { recursive: true, mode: 0o700 });
    writeFileSync(join(home, `.${dir}`, name), typeof content === 'string' ? content : JSON.stringify(content), { mode: 0o600 });
  }
  return home;
}

let home;
if (process.env.CLB_TEST_OWN_ENV !== '1') {
  home = livedInHome();
  process.env.HOME = home;
  Object.assign(process.env, LIVED_IN.env, { CLB_TEST_LIVED_IN: '1' });
}
process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, '--enable-source-maps'].filter(Boolean).join(' ');

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
stream.on('close', () => {
  if (home) rmSync(home, { recursive: true, force: true });
});
