/**
 * End to end: the shipped `bin/clb-listener.js` as a real process — what only a process shows.
 * Exit statuses as the shell sees them, pipes and files as stdio, stdin through a real
 * pipe, the emulator command's lifecycle, the quick start, and the README's shell recipes. Every
 * other behaviour is tested in-process (runCli/runAgainst), where it is fast and deterministic.
 *
 * The budget is at most 25 tests here (test/test-suite.test.ts counts them). Waits on processes
 * poll for a condition with a generous limit; nothing asserts how long anything took.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { tmpdir } from 'node:os';
import tls from 'node:tls';
import { join } from 'node:path';
import { BIN, emulatorEnv, findLeaks, spawnAgainst, spawnCli, transcript } from './helpers/cli.js';
import { api, REPO_ROOT, spawnEmulator, waitTask, type SpawnedEmulator } from './helpers/emulator.js';
import { startProxy } from './helpers/proxy.js';
import { countSpawn } from './helpers/spawn-count.js';
import { hermetic } from './helpers/hermetic.js';

const LB = 'lb-e2e00001';
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const dir = mkdtempSync(join(tmpdir(), 'clb-e2e-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let emu: SpawnedEmulator;
before(async () => {
  // The quick start's emulator: a real process, on real time, tasks of a fifth of a second.
  emu = await spawnEmulator(['--load-balancers', LB, '--task-delay', '200']);
});
after(() => emu?.stop());

describe('the binary', () => {
  test('--version prints the version; --help the usage; both exit 0', async () => {
    const version = await spawnCli(['--version']);
    assert.equal(version.code, 0, version.stderr);
    assert.equal(version.stdout, `${VERSION}\n`);
    const help = await spawnCli(['--help']);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage: clb-listener /);
    assert.match(help.stdout, /Exit codes:/);
    assert.equal(help.stderr, '');
  });

  test('a usage error: exit status 2, one line (and at most a hint) on stderr, no stack trace, nothing sent', async () => {
    const before = await emu.requestCount();
    const result = await spawnAgainst(emu, ['create', '--lb', LB, '--port', '0', '--protocol', 'TCP']);
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.signal, null);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^error: --port .*\b0\b/);
    assert.ok(result.stderr.trim().split('\n').length <= 2, result.stderr);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.equal(await emu.requestCount(), before);
  });

  test('quick start: create against a spawned emulator; the ids on stdout are the listeners made', async () => {
    assert.match(emu.secretId, /^AKID[A-Za-z0-9]{32}$/, 'random keys by default');
    const result = await spawnAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '7570,7569',
      '--protocol',
      'TCP',
      '--name',
      'lis1,lis0',
      '--health-check',
      'HealthSwitch=1',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const ids = result.stdout.trim().split('\n');
    assert.equal(ids.length, 2, result.stdout);
    const listeners = (await emu.state()).listeners.filter((l) => ids.includes(l.ListenerId));
    assert.deepEqual(listeners.map((l) => [l.Port, l.ListenerName]).sort(), [
      [7569, 'lis0'],
      [7570, 'lis1'],
    ]);
    assert.match(result.stderr, /✔ Created 2 TCP listeners on lb-e2e00001/);
    assert.equal((await emu.state()).tasks.find((t) => t.TaskId === listeners[0]!.TaskId)?.Status, 0, 'waited for the task');
  });

  test('redirected to files, stdout holds only the ids and stderr no control characters', async () => {
    countSpawn();
    const outPath = join(dir, 'out');
    const errPath = join(dir, 'err');
    const out = openSync(outPath, 'w');
    const err = openSync(errPath, 'w');
    const child = spawn(
      process.execPath,
      [BIN, 'create', '--lb', LB, '--port', '88,89,90', '--protocol', 'TCP', '--endpoint', emu.endpoint],
      {
        env: emulatorEnv(emu),
        stdio: ['ignore', out, err],
      },
    );
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    closeSync(out);
    closeSync(err);
    const stdout = readFileSync(outPath, 'utf8');
    const stderr = readFileSync(errPath, 'utf8');
    transcript.push(stdout, stderr);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^(lbl-[a-z0-9]{8}\n){3}$/);
    assert.doesNotMatch(stderr, /[\u001b\r]/, 'no escape codes or carriage returns');
    assert.match(stderr, /Created 3 TCP listeners/);
  });

  test('a reader that closes the pipe early (| head -1) is not a crash', () => {
    countSpawn();
    const result = spawnSync('bash', ['-c', `set -o pipefail; '${process.execPath}' '${BIN}' create --help | head -1`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: hermetic({ PATH: process.env.PATH }),
    });
    assert.equal(result.stdout, 'Usage: clb-listener create [options]\n');
    assert.doesNotMatch(result.stderr, /EPIPE|node:events/);
    assert.equal(result.status, 0);
  });

  test('stdin through a real pipe: --key-file - reads the key from it, and nothing secret is printed', async () => {
    const key = readFileSync(join(REPO_ROOT, 'test/fixtures/server.key'), 'utf8');
    const keyFile = await spawnAgainst(
      emu,
      ['create', '--lb', LB, '--port', '8444', '--protocol', 'TCP_SSL', '--cert-file', 'test/fixtures/server.crt', '--key-file', '-'],
      { stdin: key },
    );
    assert.equal(keyFile.code, 0, keyFile.stderr);
    const made = (await emu.state()).listeners.find((l) => l.ListenerId === keyFile.stdout.trim());
    assert.equal((made?.request.Certificate as { CertKey?: string } | undefined)?.CertKey, key, 'the key read from the pipe was sent');
    const keyLines = key.split('\n').filter((line) => line.length > 40);
    assert.deepEqual(
      findLeaks(transcript, { 'the secret key': emu.secretKey, ...Object.fromEntries(keyLines.map((l, i) => [`key line ${i}`, l])) }),
      [],
    );
  });
});

test('the shipped binary prints the committed completion script', async () => {
  const result = await spawnCli(['completion', 'bash']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, readFileSync(join(REPO_ROOT, 'completions/clb-listener.bash'), 'utf8'));
});

test('a full create through a proxy from the environment: CONNECT tunnel, TLS to the endpoint host, the emulator behind it', async () => {
  // A TLS terminator for www.example.com (the test CA's server certificate) piping the decrypted
  // bytes to the emulator; the CA is trusted through NODE_EXTRA_CA_CERTS, which only a new process reads.
  const emulatorPort = Number(new URL(emu.endpoint).port);
  const terminator = tls.createServer(
    {
      cert: readFileSync(join(REPO_ROOT, 'test/fixtures/server.crt')),
      key: readFileSync(join(REPO_ROOT, 'test/fixtures/server.key')),
    },
    (socket) => {
      const upstream = net.connect({ host: '127.0.0.1', port: emulatorPort });
      socket.pipe(upstream).pipe(socket);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    },
  );
  await new Promise<void>((resolve) => terminator.listen(0, '127.0.0.1', resolve));
  const proxy = await startProxy(() => (terminator.address() as AddressInfo).port);
  try {
    const result = await spawnCli(
      ['create', '--lb', LB, '--port', '7070', '--protocol', 'TCP', '--endpoint', 'www.example.com', '--no-wait', '-o', 'json'],
      {
        env: {
          ...emulatorEnv(emu),
          https_proxy: `127.0.0.1:${proxy.port}`,
          NODE_EXTRA_CA_CERTS: join(REPO_ROOT, 'test/fixtures/ca.crt'),
        },
      },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      proxy.seen.map((s) => [s.method, s.target]),
      [['CONNECT', 'www.example.com:443']],
    );
    const { ListenerIds } = JSON.parse(result.stdout) as { ListenerIds: string[] };
    const made = (await emu.state()).listeners.find((l) => l.ListenerId === ListenerIds[0]);
    assert.equal(made?.Port, 7070, 'the create reached the emulator through the tunnel');
  } finally {
    await proxy.close();
    await new Promise<void>((resolve) => terminator.close(() => resolve()));
  }
});

describe('clb-listener emulator as a process', () => {
  test('prints exactly one JSON line, serves signed requests, exits 0 on SIGTERM', async () => {
    const own = await spawnEmulator([
      '--region',
      'ap-shanghai',
      '--secret-id',
      'AKIDfixedfixedfixedfixedfixedfixed01',
      '--task-delay',
      '0',
    ]);
    try {
      const info = JSON.parse(own.stdout().trim());
      assert.deepEqual(Object.keys(info), ['endpoint', 'secretId', 'secretKey', 'region', 'loadBalancers']);
      assert.match(info.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(info.secretId, 'AKIDfixedfixedfixedfixedfixedfixed01');
      assert.match(info.secretKey, /^[A-Za-z0-9]{32}$/);
      assert.equal(info.region, 'ap-shanghai');
      assert.deepEqual(info.loadBalancers, ['lb-emu00001', 'lb-emu00002', 'lb-emu00003']);
      assert.equal((await api(own, 'DescribeLoadBalancers')).TotalCount, 3);
      assert.equal(await own.requestCount('DescribeLoadBalancers'), 1);
    } finally {
      await own.stop();
    }
    const { code, signal } = await own.exited;
    assert.equal(code, 0, `stderr: ${own.stderr()}`);
    assert.equal(signal, null);
    assert.equal(own.stdout().split('\n').filter(Boolean).length, 1, 'nothing else on stdout');
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

/**
 * The tool in shell scripts, as the README shows it: `ids=$(clb-listener create …)` captures
 * exactly the ids, `set -e` stops at a failing create with its exit status, and a RequestId
 * captured from `--no-wait` feeds `wait`. Run by a real bash.
 */
describe('shell pipelines', () => {
  function bash(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
    countSpawn();
    const env = {
      ...emulatorEnv(emu),
      NODE: process.execPath,
      BIN,
      ENDPOINT: emu.endpoint,
    };
    const prelude = 'clb-listener() { "$NODE" "$BIN" --endpoint "$ENDPOINT" "$@"; }\n';
    return new Promise((resolve) => {
      execFile(
        'bash',
        ['--norc', '--noprofile', '-c', prelude + script],
        { cwd: REPO_ROOT, env, timeout: 120_000 },
        (error, stdout, stderr) => {
          transcript.push(stdout, stderr);
          resolve({ code: error ? Number((error as { code?: number }).code ?? -1) : 0, stdout, stderr });
        },
      );
    });
  }

  test('ids=$(clb-listener create …) captures exactly the ids: two ports, two lines', async () => {
    const result = await bash(`
      set -euo pipefail
      ids=$(clb-listener create --lb ${LB} --port 30001,30002 --protocol TCP)
      printf 'count=%s\\n' "$(printf '%s\\n' "$ids" | wc -l)"
      for id in $ids; do printf 'id=%s\\n' "$id"; done
    `);
    assert.equal(result.code, 0, result.stderr);
    const out = result.stdout.trim().split('\n');
    assert.equal(out[0], 'count=2');
    assert.equal(out.length, 3, result.stdout);
    for (const line of out.slice(1)) assert.match(line, /^id=lbl-[a-z0-9]{8}$/);
    const made = (await emu.state()).listeners.filter((l) => l.LoadBalancerId === LB).map((l) => `id=${l.ListenerId}`);
    for (const line of out.slice(1)) assert.ok(made.includes(line), `${line} is a listener the emulator made`);
    // Progress went to stderr, not into $ids.
    assert.match(result.stderr, /Created 2 TCP listeners/);
  });

  test('set -e stops at a failing create with its exit status (1: port conflict)', async () => {
    const conflict = await bash(`
      set -e
      clb-listener create --lb ${LB} --port 30010 --protocol TCP >/dev/null
      clb-listener create --lb ${LB} --port 30010 --protocol TCP
      echo SHOULD-NOT-PRINT
    `);
    assert.equal(conflict.code, 1, conflict.stderr);
    assert.doesNotMatch(conflict.stdout, /SHOULD-NOT-PRINT/);
    assert.match(conflict.stderr, /port 30010 on \S+ is held by lbl-\w+ \(TCP\); nothing was sent/);
  });

  test('a script branches on the exit status and resumes a wait: --no-wait, then wait "$id"', async () => {
    const result = await bash(`
      set -u
      id=$(clb-listener create --lb ${LB} --port 30030 --protocol TCP --no-wait -q --query RequestId)
      echo "request=$id"
      if clb-listener wait "$id" -q; then echo "waited=ok"; else echo "waited=$?"; fi
      clb-listener create --lb ${LB} --port 30030 --protocol TCP -q 2>/dev/null
      case $? in
        0) echo created ;;
        1) echo rejected ;;
        *) echo other ;;
      esac
    `);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^request=[0-9a-f-]{36}$/m);
    assert.match(result.stdout, /^waited=ok$/m);
    assert.match(result.stdout, /^rejected$/m);
    assert.equal(result.stderr, '', '-q keeps stderr empty when all goes well');
  });

  test('apply -f a YAML file through the shipped bundle: creates, then a second run changes nothing', async () => {
    const file = join(dir, 'listeners.yaml');
    writeFileSync(file, `listeners:\n  - LoadBalancerId: ${LB}\n    Ports: [30050, 30051]\n    Protocol: TCP\n    ListenerNames: [a, b]\n`);
    const first = await spawnAgainst(emu, ['apply', '-f', file, '-o', 'json']);
    assert.equal(first.code, 0, first.stderr);
    const outcome = JSON.parse(first.stdout) as { Listeners: { Action: string; Result: string }[] };
    assert.deepEqual(
      outcome.Listeners.map((l) => [l.Action, l.Result]),
      [
        ['created', 'ok'],
        ['created', 'ok'],
      ],
    );
    const again = await spawnAgainst(emu, ['apply', '-f', file, '--plan', '--detailed-exitcode']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /Plan: 0 to create, 0 to update, 0 to delete, 2 unchanged\./);
  });

  test('-o json | a JSON parser: stdout is one JSON document', async () => {
    const result = await bash(`
      set -euo pipefail
      clb-listener create --lb ${LB} --port 30040 --protocol TCP -o json | "$NODE" -e '
        let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
          const r = JSON.parse(s); console.log(r.TaskStatus, r.ListenerIds.length);
        });'
    `);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'SUCCESS 1\n');
  });
});

test('nothing any process printed contains the emulator secret key', () => {
  assert.ok(transcript.join('').length > 500, 'the scan has something to scan');
  assert.deepEqual(findLeaks(transcript, { 'the secret key': emu.secretKey }), []);
});
