// `clb-listener emulator` as a real process: the one JSON line, SIGTERM → exit 0, the loopback
// rule, and --state surviving a restart.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, REPO_ROOT, spawnEmulator, waitTask } from './helpers/emulator.js';

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/clb-listener.js', ...args], { cwd: REPO_ROOT, timeout: 10_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

describe('clb-listener emulator (spawned)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clb-emulator-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('prints exactly one JSON line, serves signed requests, exits 0 on SIGTERM', async () => {
    const emu = await spawnEmulator([
      '--region',
      'ap-shanghai',
      '--secret-id',
      'AKIDfixedfixedfixedfixedfixedfixed01',
      '--task-delay',
      '0',
    ]);
    try {
      const info = JSON.parse(emu.stdout().trim());
      assert.deepEqual(Object.keys(info), ['endpoint', 'secretId', 'secretKey', 'region', 'loadBalancers']);
      assert.match(info.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(info.secretId, 'AKIDfixedfixedfixedfixedfixedfixed01');
      assert.match(info.secretKey, /^[A-Za-z0-9]{32}$/);
      assert.equal(info.region, 'ap-shanghai');
      assert.deepEqual(info.loadBalancers, ['lb-emu00001', 'lb-emu00002', 'lb-emu00003']);
      assert.equal((await api(emu, 'DescribeLoadBalancers')).TotalCount, 3);
      assert.equal(await emu.requestCount('DescribeLoadBalancers'), 1);
    } finally {
      await emu.stop();
    }
    const { code, signal } = await emu.exited;
    assert.equal(code, 0, `stderr: ${emu.stderr()}`);
    assert.equal(signal, null);
    assert.equal(emu.stdout().split('\n').filter(Boolean).length, 1, 'nothing else on stdout');
  });

  test('random keys by default: AKID + 32 alphanumerics', async () => {
    const emu = await spawnEmulator();
    await emu.stop();
    assert.match(emu.secretId, /^AKID[A-Za-z0-9]{32}$/);
    assert.equal(emu.region, 'ap-guangzhou');
  });

  test('refuses a non-loopback host and bad numbers with exit 2', async () => {
    const host = await runCli(['emulator', '--host', '0.0.0.0']);
    assert.equal(host.code, 2);
    assert.match(host.stderr, /loopback/);
    assert.equal(host.stdout, '');
    const lb = await runCli(['emulator', '--load-balancers', 'lb-BAD']);
    assert.equal(lb.code, 2);
    assert.match(lb.stderr, /--load-balancers|lb-/);
    const delay = await runCli(['emulator', '--task-delay', 'soon']);
    assert.equal(delay.code, 2);
  });

  test('--state keeps load balancers and listeners across a restart', async () => {
    const file = join(dir, 'state.json');
    const first = await spawnEmulator(['--state', file, '--load-balancers', 'lb-cuxw2rm0', '--task-delay', '0']);
    let listenerId: string;
    try {
      const created = await api(first, 'CreateListener', {
        LoadBalancerId: 'lb-cuxw2rm0',
        Ports: [7571],
        Protocol: 'TCP',
        ListenerNames: ['kept'],
      });
      assert.equal(created.Error, undefined);
      listenerId = (created.ListenerIds as string[])[0]!;
      assert.equal((await waitTask(first, created.RequestId)).Status, 0);
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      assert.deepEqual(
        saved.listeners.map((l: { ListenerId: string }) => l.ListenerId),
        [listenerId],
        'saved on change, before exit',
      );
    } finally {
      await first.stop();
    }
    assert.equal((await first.exited).code, 0);

    const second = await spawnEmulator(['--state', file]);
    try {
      assert.deepEqual(second.loadBalancers, ['lb-cuxw2rm0']);
      const listed = await api(second, 'DescribeListeners', { LoadBalancerId: 'lb-cuxw2rm0' });
      assert.deepEqual(
        (listed.Listeners as { ListenerId: string; ListenerName: string }[]).map((l) => [l.ListenerId, l.ListenerName]),
        [[listenerId, 'kept']],
      );
      const clash = await api(second, 'CreateListener', { LoadBalancerId: 'lb-cuxw2rm0', Ports: [7571], Protocol: 'HTTP' });
      assert.equal(clash.Error?.Code, 'InvalidParameter.PortCheckFailed');
    } finally {
      await second.stop();
    }
  });
});
