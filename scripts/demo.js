#!/usr/bin/env node
// The quick-start demo: starts the embedded CLB API emulator on 127.0.0.1, then runs the real
// CLI against it twice — a TCP listener with a health check, and an HTTPS listener uploading the
// committed test certificate — waiting for both tasks. Nothing leaves this machine.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startEmulator } from '../dist/src/emulator/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/clb-listener.js');
const LB = 'lb-demo0001';

const emulator = await startEmulator({ port: 0, loadBalancers: [LB], taskDelayMs: 800 });
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
    const { listeners } = emulator.state();
    process.stderr.write(`\nThe emulator now holds ${listeners.length} listeners on ${LB}:\n`);
    for (const l of listeners) process.stderr.write(`  ${l.ListenerId}  ${l.Protocol}:${l.Port}  ${l.ListenerName}\n`);
  }
} finally {
  await emulator.close();
}
process.exitCode = failed ? 1 : 0;
