// `create --target` and `target add` against the in-process emulator: targets bound in chunks of at
// most 20 with the default weight, malformed targets refused before anything is sent, a failure to
// bind after the listener exists (exit 9, the id and the command that finishes), a lost answer read
// back instead of resent, and the health wait (exit 11 listing the unhealthy target).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, rawRequest, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { withOfficialSdk } from './helpers/official-sdk.js';

const LB = 'lb-cuxw2rm0';

describe('create --target', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 200, targetHealthDelayMs: 3000 });
  });
  after(() => emu.stop());
  beforeEach(async () => {
    await emu.reset();
  });

  const targetsOf = (listenerId: string) =>
    emu.running.emulator.store.targets.ofListener(listenerId).map((t) => `${t.InstanceId ?? t.EniIp}:${t.Port}:${t.Weight}`);

  test('binds both targets (the default weight 10), visible to the official SDK; -o json lists them', async () => {
    const result = await runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '80',
      '--protocol',
      'TCP',
      '--target',
      'ins-emu00001:8080',
      '--target',
      'ins-emu00002:8080:50',
      '-o',
      'json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const out = JSON.parse(result.stdout) as {
      ListenerIds: string[];
      Targets: { ListenerId: string; InstanceId: string; Port: number; Weight: number }[];
    };
    const [id] = out.ListenerIds;
    assert.deepEqual(
      out.Targets.map((t) => [t.ListenerId, t.InstanceId, t.Port, t.Weight]),
      [
        [id, 'ins-emu00001', 8080, 10],
        [id, 'ins-emu00002', 8080, 50],
      ],
    );
    assert.deepEqual(
      result.requests!.filter((a) => a === 'RegisterTargets'),
      ['RegisterTargets'],
    );
    await withOfficialSdk(emu, async (sdk) => {
      const read = (await sdk.request('DescribeTargets', { LoadBalancerId: LB, ListenerIds: [id] })) as {
        Listeners: { Targets: { InstanceId: string; Port: number; Weight: number }[] }[];
      };
      assert.deepEqual(
        read.Listeners[0]!.Targets.map((t) => [t.InstanceId, t.Port, t.Weight]),
        [
          ['ins-emu00001', 8080, 10],
          ['ins-emu00002', 8080, 50],
        ],
      );
    });
  });

  test('45 targets on one listener go out in calls of at most 20', async () => {
    const targets = Array.from({ length: 45 }, (_, i) => ['--target', `ins-emu0000${(i % 8) + 1}:${9000 + i}`]).flat();
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '81', '--protocol', 'UDP', ...targets]);
    assert.equal(result.code, 0, result.stderr);
    const registers = result.requests!.filter((a) => a === 'RegisterTargets');
    assert.equal(registers.length, 3, result.requests!.join(' '));
    const listenerId = result.stdout.trim();
    assert.equal(targetsOf(listenerId).length, 45);
    // The emulator refuses more than 20 a call, so three calls that all succeeded held at most 20 each.
    const refused = (await emu.state()).requests.filter((r) => r.action === 'RegisterTargets' && r.code !== null);
    assert.deepEqual(refused, []);
  });

  for (const [label, spec, words] of [
    ['port 0', 'ins-emu00001:0', /--target ins-emu00001:0: Port must be 1–65535, got 0/],
    ['weight 101', 'ins-emu00001:80:101', /--target ins-emu00001:80:101: Weight must be 0–100, got 101/],
    [
      'both InstanceId and EniIp',
      '{"InstanceId":"ins-emu00001","EniIp":"10.0.0.5","Port":80}',
      /exactly one of InstanceId and EniIp, got both/,
    ],
    ['neither InstanceId nor EniIp', '{"Port":80}', /exactly one of InstanceId and EniIp, got neither/],
    ['a port that is not a number', 'ins-emu00001:http', /Port must be an integer, got "http"/],
  ] as const) {
    test(`${label}: exit 2, one line naming --target, nothing sent`, async () => {
      const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '82', '--protocol', 'TCP', '--target', spec]);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, words);
      assert.deepEqual(result.requests, []);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    });
  }

  test('--target on an HTTP listener is refused before sending: its targets go on rules', async () => {
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '83', '--protocol', 'HTTP', '--target', 'ins-emu00001:80']);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /HTTP listener binds targets to its forwarding rules/);
    assert.deepEqual(result.requests, []);
  });

  test('an unknown instance: the listener is kept, exit 9 with its id and the command that finishes', async () => {
    const result = await runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '84',
      '--protocol',
      'TCP',
      '--target',
      'ins-emu00001:80',
      '--target',
      'ins-nothere1:80',
    ]);
    assert.equal(result.code, 9, result.stderr);
    const [listener] = (await emu.state()).listeners;
    assert.ok(listener, 'the listener was created');
    assert.match(result.stderr, new RegExp(`listener ${listener.ListenerId} exists, but its targets were not all bound`));
    assert.match(result.stderr, /ins-nothere1/);
    assert.match(result.stderr, new RegExp(`listener ids: ${listener.ListenerId}`));
    assert.match(
      result.stderr,
      new RegExp(
        `clb-listener target add --lb ${LB} --listener-id ${listener.ListenerId} --target ins-emu00001:80 --target ins-nothere1:80`,
      ),
    );
    // The finishing command, once the instance is fixed, registers only what is missing.
    const finish = await runAgainst(emu, [
      'target',
      'add',
      '--lb',
      LB,
      '--listener-id',
      listener.ListenerId,
      '--target',
      'ins-emu00001:80',
      '--target',
      'ins-emu00002:80',
    ]);
    assert.equal(finish.code, 0, finish.stderr);
    assert.deepEqual(targetsOf(listener.ListenerId), ['ins-emu00001:80:10', 'ins-emu00002:80:10']);
    const again = await runAgainst(emu, ['target', 'add', '--lb', LB, '--listener-id', listener.ListenerId, '--target', 'ins-emu00001:80']);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(
      again.requests!.filter((a) => a === 'RegisterTargets'),
      [],
      'nothing to register: nothing sent',
    );
  });

  test('a lost RegisterTargets answer is read back with DescribeTargets, not sent again', async () => {
    await emu.faults([{ action: 'RegisterTargets', kind: 'drop', processed: true }]);
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '85', '--protocol', 'TCP', '--target', 'ins-emu00003:80']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      result.requests!.filter((a) => a === 'RegisterTargets'),
      ['RegisterTargets'],
      'sent once',
    );
    assert.ok(result.requests!.includes('DescribeTargets'), result.requests!.join(' '));
    assert.match(result.stderr, /DescribeTargets shows it was done/);
    assert.deepEqual(targetsOf(result.stdout.trim()), ['ins-emu00003:80:10']);
  });

  test('--wait-healthy passes once the targets are healthy on the emulator clock', async () => {
    const result = await runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '86',
      '--protocol',
      'TCP',
      '--target',
      'ins-emu00004:80',
      '--wait-healthy',
      '60',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.requests!.includes('DescribeTargetHealth'));
    assert.match(result.stderr, /All 1 target healthy/);
  });

  test('--wait-healthy times out with exit 11 and lists the target the emulator reports unhealthy', async () => {
    const marked = await rawRequest(emu.endpoint, {
      method: 'POST',
      path: '/__emulator/targets/health',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Target: 'ins-emu00006', Healthy: false }),
    });
    assert.equal(marked.status, 200, marked.text);
    const result = await runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '87',
      '--protocol',
      'TCP',
      '--target',
      'ins-emu00005:80',
      '--target',
      'ins-emu00006:80',
      '--wait-healthy',
      '20',
    ]);
    assert.equal(result.code, 11, result.stderr);
    assert.match(result.stderr, /1 target not healthy after 20s: ins-emu00006:80 on lbl-\w+ \(TCP 87\): Dead/);
    assert.doesNotMatch(result.stderr, /ins-emu00005:80 on/);
    assert.match(result.stderr, /listener ids: lbl-/);
  });

  test('--no-wait with --target is a usage error: binding needs the listener to exist', async () => {
    const result = await runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '88',
      '--protocol',
      'TCP',
      '--target',
      'ins-emu00001:80',
      '--no-wait',
    ]);
    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(result.requests, []);
  });

  test('list --targets and --health: each listener with its targets (JSON, text, table), health when asked', async () => {
    const created = await runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '89',
      '--protocol',
      'TCP',
      '--target',
      'ins-emu00007:80:30',
      '--target',
      '10.0.9.9:81',
    ]);
    assert.equal(created.code, 0, created.stderr);
    const id = created.stdout.trim();
    const plain = await runAgainst(emu, ['list', '--lb', LB, '-o', 'json']);
    assert.deepEqual(plain.requests, ['DescribeListeners'], 'without --targets: one read, as before');
    assert.equal((JSON.parse(plain.stdout) as { Listeners: Record<string, unknown>[] }).Listeners[0]!.Targets, undefined);

    const json = await runAgainst(emu, ['list', '--lb', LB, '--health', '-o', 'json']);
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(json.requests, ['DescribeListeners', 'DescribeTargets', 'DescribeTargetHealth']);
    const listed = JSON.parse(json.stdout) as { Listeners: { ListenerId: string; Targets: Record<string, unknown>[] }[] };
    assert.deepEqual(listed.Listeners.find((l) => l.ListenerId === id)!.Targets, [
      { InstanceId: 'ins-emu00007', Port: 80, Weight: 30, Health: 'Unknown' },
      { EniIp: '10.0.9.9', Port: 81, Weight: 10, Health: 'Unknown' },
    ]);
    await emu.advance(3000);
    const text = await runAgainst(emu, ['list', '--lb', LB, '--health']);
    assert.match(text.stdout, new RegExp(`^${id}\tTCP\t89\t\n  ins-emu00007\t80\t30\tAlive\n  10.0.9.9\t81\t10\tAlive$`, 'm'));
    const table = await runAgainst(emu, ['list', '--lb', LB, '--targets', '-o', 'table']);
    assert.match(table.stdout, /TARGET/);
    assert.match(table.stdout, /ins-emu00007:80\(30\) 10\.0\.9\.9:81\(10\)/);
  });

  test('Ctrl-C during the health wait exits 130: the targets stay bound, the listener id is printed', async () => {
    emu.running.emulator.setTargetHealth('ins-emu00008', undefined, false);
    const clock = emu.clock!;
    const ctrlC = new AbortController();
    clock.auto = false;
    try {
      const pending = runAgainst(
        emu,
        ['create', '--lb', LB, '--port', '90', '--protocol', 'TCP', '--target', 'ins-emu00008:80', '--wait-healthy'],
        {
          signal: ctrlC.signal,
        },
      );
      // Let time pass until the run sleeps between health polls.
      for (let i = 0; i < 50; i++) {
        await clock.sleeping(pending);
        if (((await emu.state()).counts.DescribeTargetHealth ?? 0) > 0) break;
        clock.advance(1000);
      }
      assert.ok(((await emu.state()).counts.DescribeTargetHealth ?? 0) > 0, 'the health wait began');
      ctrlC.abort('SIGINT');
      const result = await pending;
      assert.equal(result.code, 130, result.stderr);
      assert.match(result.stderr, /interrupted while waiting for the targets to report healthy; they stay bound/);
      assert.match(result.stderr, /listener ids: lbl-/);
      assert.equal(emu.running.emulator.store.targets.all().length, 1);
    } finally {
      clock.auto = true;
      emu.running.emulator.setTargetHealth('ins-emu00008', undefined, true);
    }
  });

  test('--if-not-exists with --target: a kept listener gets only the targets it lacks; a re-run sends no write', async () => {
    const argv = ['create', '--lb', LB, '--port', '91', '--protocol', 'TCP', '--if-not-exists', '--target', 'ins-emu00001:80'];
    const first = await runAgainst(emu, argv);
    assert.equal(first.code, 0, first.stderr);
    const again = await runAgainst(emu, [...argv, '--target', 'ins-emu00002:80']);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(
      again.requests!.filter((a) => !a.startsWith('Describe')),
      ['RegisterTargets'],
    );
    assert.deepEqual(targetsOf(first.stdout.trim()), ['ins-emu00001:80:10', 'ins-emu00002:80:10']);
    const third = await runAgainst(emu, [...argv, '--target', 'ins-emu00002:80']);
    assert.equal(third.code, 0, third.stderr);
    assert.deepEqual(
      third.requests!.filter((a) => !a.startsWith('Describe')),
      [],
    );
  });
});
