// The README's CI recipes say what they do: the GitHub Actions and GitLab CI pipelines plan in one
// job, then apply in a second one that waits for a person (a protected environment, a manual job)
// and first checks that the account still gives the approved plan; credentials come from the CI's
// secrets. Each job's commands are read from the README's YAML and run in-process against the
// emulator, in the jobs' order and with the plan file passed between them as the CI passes its
// artifact, with the secrets played by the emulator's keys and listeners.yaml describing one
// listener. The shell forms the recipes use (`> FILE`, `| diff FILE -`) are played here.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { makeTempHome, NO_METADATA_URL, type TempHome } from './helpers/home.js';
import { run } from './helpers/run.js';
import { userGuide } from './helpers/guide.js';

const README = userGuide();
const LB = 'lb-cuxw2rm0';

function yamlBlock(firstLine: string): unknown {
  const block = new RegExp(`\`\`\`yaml\\n(${firstLine.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[\\s\\S]*?)\`\`\``).exec(README)?.[1];
  assert.ok(block, `the README has ${firstLine}`);
  return parse(block);
}

interface GitHubStep {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}

interface GitHubJob {
  needs?: string | string[];
  environment?: string;
  env: Record<string, string>;
  steps: GitHubStep[];
}

interface GitLabJob {
  stage: string;
  needs?: string[];
  environment?: string;
  rules?: { when?: string }[];
  script: string[];
  artifacts?: { paths: string[] };
}

let emu: InProcessEmulator;
let home: TempHome;

before(async () => {
  emu = await inProcessEmulator({ taskDelayMs: 0, loadBalancers: [LB] });
  home = makeTempHome();
  // The runner's profile points clb-listener at the emulator; the jobs give no endpoint of their own.
  home.tccli('default', { configure: { clb: { endpoint: emu.endpoint } } });
  writeFileSync(
    home.path('listeners.yaml'),
    `listeners:\n  - LoadBalancerId: ${LB}\n    Port: 8080\n    Protocol: TCP\n    ListenerName: web\n`,
  );
});
after(async () => {
  await emu.stop();
  home.cleanup();
});
afterEach(async () => {
  await emu.reset();
  rmSync(home.path('plan.json'), { force: true });
});

/** Where a job's secrets come from, and the values the emulator's keys give them here. */
function secrets(env: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name === 'TENCENTCLOUD_SECRET_ID') out[name] = emu.secretId;
    else if (name === 'TENCENTCLOUD_SECRET_KEY') out[name] = emu.secretKey;
    else out[name] = value;
  }
  return out;
}

/** `clb-listener apply -f listeners.yaml --plan` → its arguments (the recipes use plain words). */
function argv(command: string): string[] {
  const words = command.trim().split(/\s+/);
  assert.equal(words[0], 'clb-listener', command);
  return words.slice(1);
}

/**
 * One line of a job's script, as its shell runs it: a command, its stdout sent `> FILE`, or piped
 * to `diff FILE -`. Resolves with the line's exit status, as `set -e` sees it.
 */
async function runLine(line: string, env: Record<string, string>): Promise<number> {
  const full = { HOME: home.dir, PATH: process.env.PATH ?? '/usr/bin:/bin', CLB_LISTENER_METADATA_URL: NO_METADATA_URL, ...env };
  const [, command, redirect, diffed] = /^(clb-listener [^>|]*?)\s*(?:>\s*(\S+)|\|\s*diff (\S+) -)?$/.exec(line.trim()) ?? [];
  assert.ok(command, `a script line this test knows how to run: ${line}`);
  const result = await run(argv(command), { env: full, cwd: home.dir });
  if (redirect) writeFileSync(home.path(redirect), result.stdout);
  if (diffed && result.code === 0) return readFileSync(home.path(diffed), 'utf8') === result.stdout ? 0 : 1;
  assert.ok(result.code === 0 || diffed, `${line}\n${result.stderr}`);
  return result.code;
}

/** Runs lines until one fails (a step, a `script:`); the status of the last one run. */
async function runLines(lines: string[], env: Record<string, string>): Promise<number> {
  for (const line of lines) {
    const code = await runLine(line, env);
    if (code !== 0) return code;
  }
  return 0;
}

const listenersNow = async () =>
  (await emu.state()).listeners.map((l) => [l.LoadBalancerId, l.Port, l.Protocol, l.ListenerName] as [string, number, string, string]);

/** The commands of a GitHub job's `run:` steps that call clb-listener. */
const githubCommands = (job: GitHubJob) => job.steps.flatMap((s) => (s.run?.startsWith('clb-listener') ? [s.run] : []));

describe('README: CI recipes', () => {
  const workflow = yamlBlock('# .github/workflows/listeners.yml') as { concurrency?: string; jobs: Record<string, GitHubJob> };
  const pipeline = yamlBlock('# .gitlab-ci.yml') as Record<string, GitLabJob> & { stages: string[] };

  test('GitHub Actions: a plan job keeps the plan; the apply job needs it and waits for the production environment', () => {
    const { plan, apply } = workflow.jobs;
    assert.ok(plan && apply, 'two jobs: plan and apply');
    assert.equal(plan.environment, undefined, 'nobody is asked to approve before a plan exists');
    assert.equal(apply.needs, 'plan');
    assert.equal(apply.environment, 'production');
    assert.ok(workflow.concurrency, 'one run at a time');
    for (const job of [plan, apply]) {
      assert.equal(job.env.TENCENTCLOUD_SECRET_ID, `\${{ secrets.TENCENTCLOUD_SECRET_ID }}`);
      assert.equal(job.env.TENCENTCLOUD_SECRET_KEY, `\${{ secrets.TENCENTCLOUD_SECRET_KEY }}`);
    }
    const upload = plan.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    const download = apply.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    assert.equal(upload?.with?.path, 'plan.json', 'the plan job uploads plan.json');
    assert.equal(download?.with?.name, upload?.with?.name, 'the apply job downloads what the plan job uploaded');
    assert.ok(
      githubCommands(plan).every((c) => c.includes('--plan')),
      'the plan job writes nothing',
    );
  });

  test('GitHub Actions: plan, approve, apply creates the listener', async () => {
    const { plan, apply } = workflow.jobs;
    assert.equal(await runLines(githubCommands(plan!), secrets(plan!.env)), 0);
    assert.deepEqual(await listenersNow(), [], 'the plan job sends no write');
    assert.match(readFileSync(home.path('plan.json'), 'utf8'), /"Create": 1/);
    assert.equal(await runLines(githubCommands(apply!), secrets(apply!.env)), 0);
    assert.deepEqual(await listenersNow(), [[LB, 8080, 'TCP', 'web']]);
  });

  test('GitHub Actions: when the account changed after the approval, the apply job stops before writing', async () => {
    const { plan, apply } = workflow.jobs;
    assert.equal(await runLines(githubCommands(plan!), secrets(plan!.env)), 0);
    // While the approval waits, someone creates a listener on the port by hand: applied now, the
    // file would rename it (a ModifyListener nobody approved) instead of the approved create.
    const env = { HOME: home.dir, PATH: process.env.PATH ?? '/usr/bin:/bin', ...secrets(plan!.env) };
    const made = await run(['create', '--lb', LB, '--port', '8080', '--protocol', 'TCP', '--name', 'by-hand'], { env, cwd: home.dir });
    assert.equal(made.code, 0, made.stderr);
    const before = (await emu.state()).requests.length;
    assert.equal(await runLines(githubCommands(apply!), secrets(apply!.env)), 1, 'the check fails the job');
    const writes = (await emu.state()).requests.slice(before).filter((r) => !r.action.startsWith('Describe'));
    assert.deepEqual(writes, [], 'nothing written');
    assert.deepEqual(await listenersNow(), [[LB, 8080, 'TCP', 'by-hand']]);
  });

  test('GitLab CI: a plan stage with the plan as an artifact, then a manual apply in the production environment', async () => {
    const { plan, apply } = pipeline;
    assert.deepEqual(pipeline.stages, ['plan', 'apply']);
    assert.ok(plan && apply);
    assert.equal(plan.stage, 'plan');
    assert.deepEqual(plan.artifacts?.paths, ['plan.json']);
    assert.equal(apply.stage, 'apply');
    assert.deepEqual(apply.needs, ['plan']);
    assert.equal(apply.environment, 'production');
    assert.ok(apply.rules?.length && apply.rules.every((r) => r.when === 'manual'), 'a person starts the apply');
    assert.ok(
      plan.rules?.every((r) => r.when === undefined),
      'the plan runs on its own',
    );
    const variables = (pipeline as unknown as { variables: Record<string, string> }).variables;
    assert.ok(!('TENCENTCLOUD_SECRET_KEY' in variables), 'no secret written in the file');
    // GitLab puts the masked CI/CD variables in the environment.
    const env = { ...variables, TENCENTCLOUD_SECRET_ID: emu.secretId, TENCENTCLOUD_SECRET_KEY: emu.secretKey };
    assert.equal(await runLines(plan.script, env), 0);
    assert.deepEqual(await listenersNow(), [], 'the plan job sends no write');
    assert.equal(await runLines(apply.script, env), 0);
    assert.deepEqual(await listenersNow(), [[LB, 8080, 'TCP', 'web']]);
  });
});

test('the recipes run on a current Node LTS (24), not on Node 20, which reached its end of life', () => {
  const recipes = README.slice(README.indexOf('\n## CI recipes\n'));
  const versions = [...recipes.matchAll(/node-version: (\d+)|image: node:(\d+)/g)].map((m) => Number(m[1] ?? m[2]));
  assert.ok(versions.length >= 3, 'each job names its Node');
  for (const version of versions) assert.equal(version, 24);
});
