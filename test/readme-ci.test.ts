// The README's CI recipes say what they do: the GitHub Actions and GitLab CI jobs plan, then
// apply, with credentials from the CI's secrets, and their commands work as written. Each job's
// commands are read from the README's YAML and run in-process against the emulator, with the
// secrets played by the emulator's keys and listeners.yaml describing one listener.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { inProcessEmulator, REPO_ROOT, type InProcessEmulator } from './helpers/emulator.js';
import { makeTempHome, NO_METADATA_URL, type TempHome } from './helpers/home.js';
import { run } from './helpers/run.js';

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const LB = 'lb-cuxw2rm0';

function yamlBlock(firstLine: string): unknown {
  const block = new RegExp(`\`\`\`yaml\\n(${firstLine.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[\\s\\S]*?)\`\`\``).exec(README)?.[1];
  assert.ok(block, `the README has ${firstLine}`);
  return parse(block);
}

interface GitHubJob {
  env: Record<string, string>;
  steps: { name?: string; run?: string; uses?: string }[];
}

interface GitLabJob {
  variables: Record<string, string>;
  before_script: string[];
  script: string[];
}

let emu: InProcessEmulator;
let home: TempHome;

before(async () => {
  emu = await inProcessEmulator({ taskDelayMs: 0, loadBalancers: [LB] });
  home = makeTempHome();
  // The runner's profile points clb-listener at the emulator; the job gives no endpoint of its own.
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
afterEach(() => emu.reset());

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

async function runJob(commands: string[], env: Record<string, string>): Promise<void> {
  const full = { HOME: home.dir, PATH: process.env.PATH ?? '/usr/bin:/bin', CLB_LISTENER_METADATA_URL: NO_METADATA_URL, ...env };
  const plan = await run(argv(commands[0]!), { env: full, cwd: home.dir });
  assert.equal(plan.code, 0, `${commands[0]}\n${plan.stderr}`);
  assert.equal((await emu.state()).listeners.length, 0, 'the plan sends no write');
  const applied = await run(argv(commands[1]!), { env: full, cwd: home.dir });
  assert.equal(applied.code, 0, `${commands[1]}\n${applied.stderr}`);
  const listeners = (await emu.state()).listeners;
  assert.deepEqual(
    listeners.map((l) => [l.LoadBalancerId, l.Port, l.Protocol, l.ListenerName]),
    [[LB, 8080, 'TCP', 'web']],
  );
}

describe('README: CI recipes', () => {
  test('GitHub Actions: secrets in env, plan then apply', async () => {
    const workflow = yamlBlock('# .github/workflows/listeners.yml') as { jobs: Record<string, GitHubJob> };
    const job = workflow.jobs.apply!;
    assert.equal(job.env.TENCENTCLOUD_SECRET_ID, `\${{ secrets.TENCENTCLOUD_SECRET_ID }}`);
    assert.equal(job.env.TENCENTCLOUD_SECRET_KEY, `\${{ secrets.TENCENTCLOUD_SECRET_KEY }}`);
    const commands = job.steps.flatMap((s) => (s.run?.startsWith('clb-listener') ? [s.run] : []));
    assert.deepEqual(commands, ['clb-listener apply -f listeners.yaml --plan', 'clb-listener apply -f listeners.yaml']);
    await runJob(commands, secrets(job.env));
  });

  test('GitLab CI: masked variables, plan then apply', async () => {
    const pipeline = yamlBlock('# .gitlab-ci.yml') as Record<string, GitLabJob>;
    const job = pipeline.listeners!;
    assert.deepEqual(job.script, ['clb-listener apply -f listeners.yaml --plan', 'clb-listener apply -f listeners.yaml']);
    assert.ok(!('TENCENTCLOUD_SECRET_KEY' in job.variables), 'no secret written in the file');
    // GitLab puts the masked CI/CD variables in the environment.
    await runJob(job.script, { ...job.variables, TENCENTCLOUD_SECRET_ID: emu.secretId, TENCENTCLOUD_SECRET_KEY: emu.secretKey });
  });
});
