/**
 * How close `apply` comes to the floor the API itself imposes. Starts the emulator with the real
 * service's pacing (a 1 s task delay, 20 requests per second per action), applies a file of N
 * listeners over M load balancers with the shipped binary, and prints the wall time as a ratio to
 * the floor: per load balancer its tasks × the task delay, load balancers in parallel, and never
 * less than the writes divided by the rate limit. Reports; never passes or fails.
 *
 *   npm run build && node dist/bench/apply.js [--listeners 200] [--load-balancers 10] [--groups 4]
 *                                             [--task-delay 1000] [--rate-limit 20] [--runs 3]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/clb-listener.js');

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

interface Emulator {
  endpoint: string;
  /** The API requests it received, with their times (its clock, ms). */
  requests(): Promise<{ action: string; at: number }[]>;
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
        requests: async () => {
          const state = (await (await fetch(`${info.endpoint}/__emulator/state`)).json()) as { requests: { action: string; at: number }[] };
          return state.requests;
        },
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

function runCli(args: string[], emu: Emulator): Promise<{ code: number | null; ms: number; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args, '--endpoint', emu.endpoint], {
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
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, ms: performance.now() - started, stderr })));
}

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
  const applied: number[] = [];
  const spans: number[] = [];
  const converged: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const emu = await startEmulator(loadBalancers);
    try {
      const version = await runCli(['--version'], emu);
      startup.push(version.ms);
      const first = await runCli(['apply', '-f', path], emu);
      if (first.code !== 0) throw new Error(`apply exited ${first.code}:\n${first.stderr}`);
      const again = await runCli(['apply', '-f', path], emu);
      if (again.code !== 0 || !/Nothing to change/.test(again.stderr))
        throw new Error(`the second apply did not converge:\n${again.stderr}`);
      applied.push(first.ms);
      converged.push(again.ms);
      // The first apply's requests: from its first read to the poll that saw its last task done.
      const requests = await emu.requests();
      // The floor counts one task per group of settings; apply must have sent exactly that many.
      const creates = requests.filter((r) => r.action === 'CreateListener').length;
      if (creates !== writes) throw new Error(`apply sent ${creates} CreateListener, the floor assumes ${writes}`);
      const firstApply = requests.slice(0, requests.findLastIndex((r) => r.action === 'DescribeTaskStatus') + 1);
      const span = firstApply.at(-1)!.at - firstApply[0]!.at;
      spans.push(span);
      console.log(
        `run ${run}: apply ${(first.ms / 1000).toFixed(2)} s wall (${(first.ms / floorMs).toFixed(2)}× floor), ` +
          `${(span / 1000).toFixed(2)} s from its first request to its last (${(span / floorMs).toFixed(2)}×); ` +
          `second apply ${(again.ms / 1000).toFixed(2)} s; node start-up ${(version.ms / 1000).toFixed(2)} s`,
      );
    } finally {
      await emu.stop();
    }
  }
  const wall = median(applied);
  const span = median(spans);
  console.log(
    `median: wall ${(wall / 1000).toFixed(2)} s = ${(wall / floorMs).toFixed(2)}× the floor; ` +
      `API span ${(span / 1000).toFixed(2)} s = ${(span / floorMs).toFixed(2)}× the floor (target ≤ 1.20×); ` +
      `node start-up ${(median(startup) / 1000).toFixed(2)} s; converged re-run ${(median(converged) / 1000).toFixed(2)} s`,
  );
}

await main();
