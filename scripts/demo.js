#!/usr/bin/env node
// The quick-start demo: builds the shipped bundle if it is missing or older than its sources,
// starts the CLI's own CLB API emulator (`clb-listener emulator`) on 127.0.0.1, then runs the CLI
// against it twice — a TCP listener with a health check, and an HTTPS listener uploading the
// committed test certificate — waiting for both tasks. Both are the shipped bundle, as a user runs
// it. Nothing leaves this machine.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/clb-listener.js');
const LB = 'lb-demo0001';

/** Modification time in ms, or 0 for a file that does not exist. */
const mtime = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const newest = (dir) =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : mtime(join(dir, e.name)))),
  );

/**
 * `npm ci` installs the build tools but builds nothing (the package has no install script), so
 * the demo builds the bundle the CLI runs, unless it is newer than everything it is made from.
 */
function ensureBundle() {
  const built = mtime(join(root, 'dist/bundle/main.js'));
  const inputs = [
    newest(join(root, 'src')),
    ...['package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'scripts/bundle.js', 'scripts/undici-slim.js'].map((f) =>
      mtime(join(root, f)),
    ),
  ];
  if (built > Math.max(...inputs)) return;
  process.stderr.write('building the bundle (node scripts/bundle.js)\n');
  const result = spawnSync(process.execPath, [join(root, 'scripts/bundle.js')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

ensureBundle();

/** `clb-listener emulator` prints one JSON line (endpoint, keys, region), then serves until SIGTERM. */
async function startEmulator() {
  const child = spawn(process.execPath, [bin, 'emulator', '--port', '0', '--load-balancers', LB, '--task-delay', '800'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: root,
  });
  const [line] = await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`the emulator exited (${code}) before it was ready`))),
  ]);
  const printed = JSON.parse(line);
  return {
    ...printed,
    state: async () => (await fetch(`${printed.endpoint}/__emulator/state`)).json(),
    close: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

const emulator = await startEmulator();
const env = {
  ...process.env,
  TENCENTCLOUD_SECRET_ID: emulator.secretId,
  TENCENTCLOUD_SECRET_KEY: emulator.secretKey,
  TENCENTCLOUD_REGION: emulator.region,
};
delete env.TENCENTCLOUD_SESSION_TOKEN;
delete env.TENCENTCLOUD_TOKEN;
delete env.TCCLI_PROFILE;

function run(args) {
  process.stderr.write(`\n$ clb-listener ${args.join(' ')}\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args, '--endpoint', emulator.endpoint], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: root,
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code, ids: out.trim().split('\n').filter(Boolean) }));
  });
}

process.stderr.write(`emulator: ${emulator.endpoint} (region ${emulator.region}, load balancer ${LB})\n`);
let failed = false;
try {
  const tcp = await run([
    'create',
    '--lb',
    LB,
    '--port',
    '8080',
    '--protocol',
    'TCP',
    '--name',
    'demo-tcp',
    '--health-check',
    'HealthSwitch=1,TimeOut=2,IntervalTime=5,HealthNum=3,UnHealthNum=3',
  ]);
  const https = await run([
    'create',
    '--lb',
    LB,
    '--port',
    '443',
    '--protocol',
    'HTTPS',
    '--name',
    'demo-https',
    '--cert-file',
    'test/fixtures/server.crt',
    '--key-file',
    'test/fixtures/server.key',
    '--cert-name',
    'demo-cert',
  ]);
  failed = tcp.code !== 0 || https.code !== 0;
  if (!failed) {
    const { listeners } = await emulator.state();
    process.stderr.write(`\nThe emulator now holds ${listeners.length} listeners on ${LB}:\n`);
    for (const l of listeners) process.stderr.write(`  ${l.ListenerId}  ${l.Protocol}:${l.Port}  ${l.ListenerName}\n`);
  }
} finally {
  await emulator.close();
}
process.exitCode = failed ? 1 : 0;
