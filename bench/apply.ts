/**
 * How close `apply` comes to the floor the API itself imposes. Starts the emulator with the real
 * service's pacing (a 1 s task delay, 20 requests per second per action), applies a file of N
 * listeners over M load balancers with the shipped binary, and prints the wall time as a ratio to
 * the floor: per load balancer its tasks × the task delay, load balancers in parallel, and never
 * less than the writes divided by the rate limit. Reports; never passes or fails.
 *
 * It also says where the time beyond the floor goes, from the emulator's request log (the
 * emulator runs on this machine's clock): start-up (the process starting, reading and checking
 * the file, until its first request), the reads (the first DescribeListeners until the first
 * write), each task's overhead (from the moment a task was due to end until the next write on
 * its load balancer: the poll noticing it, then sending the next), the last task's tail (due to
 * noticed), and the exit (the last poll until the process has exited).
 *
 *   npm run build && node dist/bench/apply.js [--listeners 200] [--load-balancers 10] [--groups 4]
 *                                             [--task-delay 1000] [--rate-limit 20] [--runs 3]
 *                                             [--cli path/to/bin/clb-listener.js]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const LISTENERS = option('listeners', 200);
const LOAD_BALANCERS = option('load-balancers', 10);
const GROUPS = option('groups', 4);
const TASK_DELAY_MS = option('task-delay', 1000);
const RATE_LIMIT = option('rate-limit', 20);
const RUNS = option('runs', 3);
/** Another build to measure (e.g. a copy of an earlier one, to compare); default this one's. */
const BIN = process.argv.includes('--cli') ? process.argv[process.argv.indexOf('--cli') + 1]! : join(ROOT, 'bin/clb-listener.js');

interface LoggedRequest {
  action: string;
  at: number;
  requestId: string;
}

interface Emulator {
  endpoint: string;
  /** The API requests it received, with their times (its clock: this machine's, ms since the epoch), and its tasks. */
  log(): Promise<{ requests: LoggedRequest[]; tasks: { TaskId: string; LoadBalancerId: string }[] }>;
  secretId: string;
  secretKey: string;
  region: string;
  stop(): Promise<void>;
}

function startEmulator(loadBalancers: string[]): Promise<Emulator> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'emulator',
      '--port',
      '0',
      '--task-delay',
      String(TASK_DELAY_MS),
      '--rate-limit',
      String(RATE_LIMIT),
      '--listener-quota',
      String(Math.max(50, Math.ceil(LISTENERS / LOAD_BALANCERS))),
      '--load-balancers',
      loadBalancers.join(','),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const newline = out.indexOf('\n');
      if (newline < 0) return;
      const info = JSON.parse(out.slice(0, newline)) as Omit<Emulator, 'stop'>;
      resolve({
        ...info,
        log: async () => (await (await fetch(`${info.endpoint}/__emulator/state`)).json()) as Awaited<ReturnType<Emulator['log']>>,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before it was ready`)));
  });
}

/** The bench's file: per load balancer, its share of the listeners in GROUPS groups of settings. */
function listenersFile(loadBalancers: string[]): { yaml: string; tasksPerLb: number[] } {
  const settings = [
    'Protocol: TCP, Scheduler: WRR',
    'Protocol: TCP, Scheduler: LEAST_CONN',
    'Protocol: UDP, HealthCheck: { HealthSwitch: 1, CheckType: PING }',
    'Protocol: TCP, HealthCheck: { HealthSwitch: 1, TimeOut: 2, IntervalTime: 5 }',
    'Protocol: TCP, SessionExpireTime: 60',
    'Protocol: UDP, Scheduler: LEAST_CONN',
  ];
  const lines = ['listeners:'];
  const tasksPerLb: number[] = [];
  loadBalancers.forEach((lb, l) => {
    const count = Math.floor(LISTENERS / loadBalancers.length) + (l < LISTENERS % loadBalancers.length ? 1 : 0);
    let tasks = 0;
    for (let g = 0; g < GROUPS; g++) {
      const size = Math.floor(count / GROUPS) + (g < count % GROUPS ? 1 : 0);
      if (size === 0) continue;
      const ports = Array.from({ length: size }, (_, i) => 10000 + g * 1000 + i);
      // Past the six templates, a distinct idle timeout keeps each group's settings its own.
      const distinct = g >= settings.length ? `, IdleConnectTimeout: ${300 + g}` : '';
      lines.push(`  - { LoadBalancerId: ${lb}, Ports: [${ports.join(', ')}], ${settings[g % settings.length]}${distinct} }`);
      tasks += Math.ceil(size / 50);
    }
    tasksPerLb.push(tasks);
  });
  return { yaml: `${lines.join('\n')}\n`, tasksPerLb };
}

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

interface CliRun {
  code: number | null;
  ms: number;
  /** User + system CPU time (ms, 10 ms resolution), when /usr/bin/time is there. */
  cpuMs?: number;
  stderr: string;
  /** When it was started and when it had exited (ms since the epoch). */
  startedAt: number;
  exitedAt: number;
}

function runCli(args: string[], emu: Emulator): Promise<CliRun> {
  const started = performance.now();
  const startedAt = Date.now();
  const cpuFile = join(mkdtempSync(join(tmpdir(), 'clb-bench-cpu-')), 'time');
  const argv = [BIN, ...args, '--endpoint', emu.endpoint];
  const [command, commandArgs] = hasTime ? [TIME, ['-f', '%U %S', '-o', cpuFile, process.execPath, ...argv]] : [process.execPath, argv];
  const child = spawn(command, commandArgs, {
    env: {
      PATH: process.env.PATH,
      HOME: mkdtempSync(join(tmpdir(), 'clb-bench-home-')),
      TENCENTCLOUD_SECRET_ID: emu.secretId,
      TENCENTCLOUD_SECRET_KEY: emu.secretKey,
      TENCENTCLOUD_REGION: emu.region,
      CI: 'true',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      const exitedAt = Date.now();
      const ms = performance.now() - started;
      const cpu = hasTime ? readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) : [];
      const cpuMs = cpu.length === 2 ? Math.round((cpu[0]! + cpu[1]!) * 1000) : undefined;
      resolve({ code, ms, stderr, startedAt, exitedAt, ...(cpuMs !== undefined && { cpuMs }) });
    }),
  );
}

const WRITES = new Set(['CreateListener', 'ModifyListener', 'DeleteLoadBalancerListeners']);

/** Where one apply's wall time went, from the emulator's log of its requests. */
interface Breakdown {
  /** Start until the first request. */
  startup: number;
  /** The first request (the reads) until the first write. */
  reads: number;
  /** From the first write until the poll that saw the last task end. */
  writes: number;
  /** Per task followed by another on its load balancer: from when it was due to end until the next write. */
  overheads: number[];
  /** The last task: from when it was due to end until a poll saw it ended. */
  tail: number;
  /** The last poll until the process had exited. */
  exit: number;
  polls: number;
}

function breakdown(run: CliRun, log: Awaited<ReturnType<Emulator['log']>>): Breakdown {
  const requests = log.requests.filter((r) => r.at >= run.startedAt && r.at <= run.exitedAt);
  const lbOf = new Map(log.tasks.map((t) => [t.TaskId, t.LoadBalancerId]));
  const writes = requests.filter((r) => WRITES.has(r.action));
  const lastPoll = requests.findLast((r) => r.action === 'DescribeTaskStatus')!;
  const byLb = new Map<string, number[]>();
  for (const w of writes) {
    const lb = lbOf.get(w.requestId) ?? '?';
    byLb.set(lb, [...(byLb.get(lb) ?? []), w.at]);
  }
  const overheads = [...byLb.values()].flatMap((times) => times.slice(1).map((at, i) => at - (times[i]! + TASK_DELAY_MS)));
  return {
    startup: requests[0]!.at - run.startedAt,
    reads: writes[0]!.at - requests[0]!.at,
    writes: lastPoll.at - writes[0]!.at,
    overheads,
    tail: lastPoll.at - (writes.at(-1)!.at + TASK_DELAY_MS),
    exit: run.exitedAt - lastPoll.at,
    polls: requests.filter((r) => r.action === 'DescribeTaskStatus').length,
  };
}

const ms = (value: number): string => `${Math.round(value)} ms`;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const loadBalancers = Array.from({ length: LOAD_BALANCERS }, (_, i) => `lb-bench${String(i).padStart(3, '0')}`);
  const { yaml, tasksPerLb } = listenersFile(loadBalancers);
  const path = join(mkdtempSync(join(tmpdir(), 'clb-bench-')), 'listeners.yaml');
  writeFileSync(path, yaml);
  const writes = tasksPerLb.reduce((a, b) => a + b, 0);
  const perLbFloorMs = Math.max(...tasksPerLb) * TASK_DELAY_MS;
  const rateFloorMs = (writes / RATE_LIMIT) * 1000;
  const floorMs = Math.max(perLbFloorMs, rateFloorMs);

  console.log(
    `apply: ${LISTENERS} listeners over ${LOAD_BALANCERS} load balancers, ${GROUPS} setting groups each; task delay ${TASK_DELAY_MS} ms, ${RATE_LIMIT} requests/s per action`,
  );
  console.log(
    `floor: ${(floorMs / 1000).toFixed(2)} s (max ${Math.max(...tasksPerLb)} tasks on one load balancer × ${TASK_DELAY_MS} ms; ${writes} writes / ${RATE_LIMIT} per s = ${(rateFloorMs / 1000).toFixed(2)} s)`,
  );
  const startup: number[] = [];
  const cpu: number[] = [];
  const applied: number[] = [];
  const spans: number[] = [];
  const converged: number[] = [];
  const parts: Breakdown[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const emu = await startEmulator(loadBalancers);
    try {
      const version = await runCli(['--version'], emu);
      startup.push(version.ms);
      const first = await runCli(['apply', '-f', path], emu);
      if (first.code !== 0) throw new Error(`apply exited ${first.code}:\n${first.stderr}`);
      const log = await emu.log();
      const again = await runCli(['apply', '-f', path], emu);
      if (again.code !== 0 || !/Nothing to change/.test(again.stderr))
        throw new Error(`the second apply did not converge:\n${again.stderr}`);
      applied.push(first.ms);
      if (first.cpuMs !== undefined) cpu.push(first.cpuMs);
      converged.push(again.ms);
      // The floor counts one task per group of settings; apply must have sent exactly that many.
      const creates = log.requests.filter((r) => r.action === 'CreateListener').length;
      if (creates !== writes) throw new Error(`apply sent ${creates} CreateListener, the floor assumes ${writes}`);
      const part = breakdown(first, log);
      parts.push(part);
      // The first apply's requests: from its first read to the poll that saw its last task done.
      const span = part.reads + part.writes;
      spans.push(span);
      const mean = part.overheads.reduce((a, b) => a + b, 0) / part.overheads.length;
      console.log(
        `run ${run}: apply ${(first.ms / 1000).toFixed(2)} s wall (${(first.ms / floorMs).toFixed(2)}× floor), ` +
          `${(span / 1000).toFixed(2)} s from its first request to its last (${(span / floorMs).toFixed(2)}×); ` +
          `second apply ${(again.ms / 1000).toFixed(2)} s; node start-up ${(version.ms / 1000).toFixed(2)} s\n` +
          `  start-up ${ms(part.startup)}, reads ${ms(part.reads)}, writes ${ms(part.writes)} ` +
          `(per task beyond the delay: mean ${ms(mean)}, max ${ms(Math.max(...part.overheads))}; last task noticed ${ms(part.tail)} after it was due; ` +
          `${part.polls} polls for ${writes} tasks), exit ${ms(part.exit)}` +
          (first.cpuMs !== undefined ? `; CPU time ${ms(first.cpuMs)} (--version: ${ms(version.cpuMs ?? 0)})` : ''),
      );
    } finally {
      await emu.stop();
    }
  }
  const wall = median(applied);
  const span = median(spans);
  const mid = (pick: (b: Breakdown) => number) => ms(median(parts.map(pick)));
  console.log(
    `median: wall ${(wall / 1000).toFixed(2)} s = ${(wall / floorMs).toFixed(2)}× the floor; ` +
      `API span ${(span / 1000).toFixed(2)} s = ${(span / floorMs).toFixed(2)}× the floor (target ≤ 1.20×); ` +
      `node start-up ${(median(startup) / 1000).toFixed(2)} s; converged re-run ${(median(converged) / 1000).toFixed(2)} s`,
  );
  console.log(
    `median parts: start-up ${mid((b) => b.startup)}, reads ${mid((b) => b.reads)}, writes ${mid((b) => b.writes)} ` +
      `(per task beyond the delay ${mid((b) => b.overheads.reduce((a, c) => a + c, 0) / b.overheads.length)}, last task's tail ${mid((b) => b.tail)}), ` +
      `exit ${mid((b) => b.exit)}${cpu.length ? `; CPU time ${ms(median(cpu))}` : ''}`,
  );
}

await main();
