/**
 * The package as npm ships it, installed the way a user installs it: `npm pack` makes the
 * tarball, `npm install --global --offline` puts it in a temporary prefix (offline: the tarball
 * carries everything it runs, so nothing may be downloaded), and the installed `clb-listener`
 * prints its version, shows a dry run, serves the emulator and creates a listener on it, prints
 * the completions it ships, and runs the README's offline CI recipe. One pack and one install
 * serve the whole file: they are its slow part. CLB_LISTENER_TEST_NODE runs the installed CLI on
 * another Node (the CI runs this file again on the oldest Node that package.json's engines allow).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { REPO_ROOT } from './helpers/paths.js';
import { CLI_NODE } from './helpers/cli.js';
import { countSpawn } from './helpers/spawn-count.js';
import { eventually } from './helpers/eventually.js';
import { userGuide } from './helpers/guide.js';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const README = userGuide();

let dir: string;
let prefix: string;
/** The installed package's folder. */
let installed: string;
let packedFiles: string[];
/** PATH with the Node under test and the installed `clb-listener` first. */
let path: string;
let home: string;
/** What `npm install --global` printed. */
let installOutput: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clb-pack-'));
  prefix = join(dir, 'prefix');
  home = join(dir, 'home');
  mkdirSync(home);
  // A cache of its own, empty: an install that needed the registry would fail here.
  const npmEnv = { ...process.env, npm_config_cache: join(dir, 'npm-cache'), npm_config_update_notifier: 'false' };
  // npm test has just built what ships; --ignore-scripts keeps pack from building it again.
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    cwd: REPO_ROOT,
    env: npmEnv,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  packedFiles = info!.files.map((f) => f.path);
  const install = await run(
    'npm',
    ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(dir, info!.filename)],
    {
      env: npmEnv,
    },
  );
  installOutput = install.stdout + install.stderr;
  installed = join(prefix, 'lib', 'node_modules', pkg.name);
  path = [dirname(CLI_NODE), join(prefix, 'bin'), process.env.PATH ?? '/usr/bin:/bin'].join(':');
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The installed command, found on PATH the way a shell finds it. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  countSpawn();
  return new Promise((resolve, reject) => {
    const child = spawn('clb-listener', args, { env: { PATH: path, HOME: home, ...env }, cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('npm pack → npm install --global --offline in a temp prefix → the installed clb-listener works', async (t) => {
  await t.test('the tarball holds what runs and its docs, not the sources or tests', () => {
    for (const file of [
      'bin/clb-listener.js',
      'README.md',
      'README.zh-CN.md',
      'LICENSE',
      'CHANGELOG.md',
      'docs/emulator.md',
      'package.json',
    ]) {
      assert.ok(packedFiles.includes(file), `${file} is packed`);
    }
    // npm links package.json's "man" pages into the prefix's share/man on a global install.
    for (const file of ['man/clb-listener.1']) {
      assert.ok(packedFiles.includes(file), `${file} is packed`);
    }
    for (const file of ['completions/clb-listener.bash', 'completions/_clb-listener', 'completions/clb-listener.fish']) {
      assert.ok(packedFiles.includes(file), `${file} is packed`);
    }
    const strays = packedFiles.filter((f) => /^(test|bench|src|scripts|\.ci)\/|\.ts$|^tsconfig|^biome/.test(f));
    assert.deepEqual(strays, [], 'no sources, tests or build files');
  });

  await t.test('installed with nothing downloaded: no dependency to fetch', () => {
    const modules = join(installed, 'node_modules');
    assert.deepEqual(existsSync(modules) ? readdirSync(modules) : [], []);
    assert.ok(existsSync(join(prefix, 'bin', 'clb-listener')));
    assert.equal(realpathSync(join(prefix, 'bin', 'clb-listener')), join(realpathSync(installed), 'bin', 'clb-listener.js'));
    // `man clb-listener` finds the page npm links from package.json's "man".
    assert.equal(
      realpathSync(join(prefix, 'share', 'man', 'man1', 'clb-listener.1')),
      join(realpathSync(installed), 'man', 'clb-listener.1'),
    );
  });

  await t.test('no install script: npm runs nothing of the package and warns of nothing', () => {
    // npm lists preinstall, install, postinstall and prepare (for a tarball, a non-registry
    // source) as install scripts, and npm 11 warns about each one allowScripts does not cover.
    const { scripts = {} } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    const installScripts = ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare'].filter(
      (name) => name in scripts,
    );
    assert.deepEqual(installScripts, []);
    assert.doesNotMatch(installOutput, /install-scripts|allowScripts|warn/i, installOutput);
  });

  await t.test('the command runs on the Node under test', async () => {
    countSpawn();
    const { stdout } = await run('sh', ['-c', 'node --version'], { env: { PATH: path } });
    assert.equal(stdout.trim(), (await run(CLI_NODE, ['--version'])).stdout.trim(), 'the shebang finds this Node first');
  });

  await t.test('--version', async () => {
    const result = await cli(['--version']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `${pkg.version}\n`);
  });

  await t.test('create --dry-run: the request, nothing sent', async () => {
    const result = await cli(
      ['create', '--lb', 'lb-cuxw2rm0', '--port', '7571', '--protocol', 'TCP', '--health-check', 'on', '--dry-run'],
      {
        TENCENTCLOUD_REGION: 'ap-guangzhou',
      },
    );
    assert.equal(result.code, 0, result.stderr);
    const dump = JSON.parse(result.stdout) as { DryRun: boolean; Body: unknown };
    assert.equal(dump.DryRun, true);
    assert.deepEqual(dump.Body, { LoadBalancerId: 'lb-cuxw2rm0', Ports: [7571], Protocol: 'TCP', HealthCheck: { HealthSwitch: 1 } });
  });

  await t.test('the shipped completions are what the installed CLI prints', async () => {
    for (const [shell, file] of [
      ['bash', 'clb-listener.bash'],
      ['zsh', '_clb-listener'],
      ['fish', 'clb-listener.fish'],
    ] as const) {
      const result = await cli(['completion', shell]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, readFileSync(join(installed, 'completions', file), 'utf8'), `${shell}: ${file}`);
    }
  });

  await t.test('the emulator serves, and a create against it prints the new listener id', async () => {
    countSpawn();
    const emulator = spawn('clb-listener', ['emulator', '--port', '0', '--task-delay', '0', '--load-balancers', 'lb-pack0001'], {
      env: { PATH: path, HOME: home },
    });
    let out = '';
    emulator.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    const exited = new Promise<number | null>((resolve) => emulator.on('close', resolve));
    try {
      const line = await eventually(() => out.includes('\n') && out.split('\n')[0], 'the emulator handshake');
      const info = JSON.parse(line) as { endpoint: string; secretId: string; secretKey: string; region: string };
      const created = await cli(['create', '--lb', 'lb-pack0001', '--port', '8080', '--protocol', 'TCP', '--endpoint', info.endpoint], {
        TENCENTCLOUD_SECRET_ID: info.secretId,
        TENCENTCLOUD_SECRET_KEY: info.secretKey,
        TENCENTCLOUD_REGION: info.region,
      });
      assert.equal(created.code, 0, created.stderr);
      assert.match(created.stdout, /^lbl-[a-z0-9]{8}\n$/);
    } finally {
      emulator.kill('SIGTERM');
    }
    assert.equal(await exited, 0, 'SIGTERM ends the emulator cleanly');
  });

  await t.test("the README's emulator script runs as written: start, read emulator.json, create, stop", async () => {
    const at = README.indexOf('\n## The emulator\n');
    const script = /```sh\n(clb-listener emulator --port 0 [^\n]*> emulator\.json &\n[\s\S]*?)```/.exec(README.slice(at))?.[1];
    assert.ok(script, 'the README has the script');
    const work = join(dir, 'emulator-script');
    mkdirSync(work);
    countSpawn();
    // A process group of its own, so that nothing it started outlives a failure.
    const shell = spawn('bash', ['-e', '-c', script], { cwd: work, env: { PATH: path, HOME: home }, detached: true });
    let stdout = '';
    let stderr = '';
    shell.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    shell.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => shell.on('close', resolve));
    try {
      process.kill(-shell.pid!, 'SIGKILL');
    } catch {
      // Already gone: kill %1 stopped the emulator, as the script says.
    }
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^lbl-[a-z0-9]{8}\n$/);
  });

  await t.test("the README's offline CI recipe runs as written", async () => {
    const recipe = /```yaml\n(# \.github\/workflows\/scripts\.yml[\s\S]*?)```/.exec(README)?.[1];
    assert.ok(recipe, 'the README has the emulator job');
    const job = (parse(recipe) as { jobs: Record<string, { env: Record<string, string>; steps: { name?: string; run?: string }[] }> }).jobs
      .offline!;
    const steps = job.steps.filter((s) => s.run && !s.run.startsWith('npm install'));
    assert.deepEqual(
      steps.map((s) => s.name),
      ['Start the emulator', 'Run the scripts'],
    );
    // The user's script, played by a create; the port is one that is free here.
    const port = String(await freePort());
    writeFileSync(join(dir, 'create-listeners.sh'), '#!/bin/sh\nclb-listener create --lb lb-cuxw2rm0 --port 8080 --protocol TCP\n', {
      mode: 0o755,
    });
    const script = [
      'set -e',
      ...steps.map((s) => s.run!.replaceAll('9400', port).replaceAll('./scripts/create-listeners.sh', `${dir}/create-listeners.sh`)),
      'kill $(jobs -p)',
      'wait || true',
    ].join('\n');
    countSpawn();
    const result = await run('bash', ['-c', script], { cwd: dir, env: { PATH: path, HOME: home, ...job.env } });
    const listing = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as { Listeners: { Port: number; Protocol: string }[] };
    assert.deepEqual(
      listing.Listeners.map((l) => [l.Port, l.Protocol]),
      [[8080, 'TCP']],
    );
  });
});
