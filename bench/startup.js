#!/usr/bin/env node
// Start-up cost of the CLI, as ratios against `node -e 0` measured in the same run, so the
// numbers mean something on a noisy machine. Reports; never passes or fails.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/clb-listener.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const env = { PATH: process.env.PATH, HOME: '/nonexistent' };

const cases = [
  ['node -e 0 (baseline)', ['-e', '0']],
  ['clb-listener --version', [bin, '--version']],
  ['clb-listener --help', [bin, '--help']],
  ['clb-listener create --help', [bin, 'create', '--help']],
  ['create (validation error, exit 2)', [bin, 'create', '--lb', 'lb-aaaa1111', '--port', '0', '--protocol', 'TCP']],
  [
    'create --dry-run',
    [bin, 'create', '--lb', 'lb-aaaa1111', '--port', '80', '--protocol', 'TCP', '--region', 'ap-guangzhou', '--dry-run'],
  ],
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const results = [];
for (const [name, args] of cases) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  results.push({ name, ms: median(times) });
}
const baseline = results[0].ms;
console.log(`median of ${runs} runs each; ratio = time / (node -e 0)`);
for (const { name, ms } of results) console.log(`${name.padEnd(36)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / baseline).toFixed(2)}x`);
