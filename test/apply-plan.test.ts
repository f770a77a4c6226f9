// The pure parts of apply and reconciliation: the comparison of a request with a reported
// listener, the plan, the grouping of writes, the field-path validation, the match after a lost
// answer, and how task durations are learned.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InterruptedError, type UsageError } from '../src/core/errors.js';
import { compareListener, modifyListenerBody } from '../src/model/compare.js';
import { readListenerFile, type DesiredListener } from '../src/model/listener-file.js';
import type { CreateListenerRequest } from '../src/model/fields.js';
import { buildPlan, MAX_PORTS_PER_CREATE, operationsOf, summarize } from '../src/cli/commands/apply/plan.js';
import { matchCreated } from '../src/cli/reconcile.js';
import { TaskTiming } from '../src/api/task-timing.js';
import { FakeClock } from './helpers/clock.js';
import { resolveExisting } from '../src/cli/commands/create/existing.js';
import { holderOf, PortIndex, type PortHolder } from '../src/model/ports.js';

const LB = 'lb-plan0001';

/** A listener as the emulator (and the API) reports it, with every default filled in. */
function reported(overrides: Record<string, unknown> = {}): Record<string, unknown> & {
  ListenerId: string;
  Protocol: string;
  Port: number;
} {
  return {
    ListenerId: 'lbl-aaaa0001',
    Protocol: 'TCP',
    Port: 80,
    ListenerName: 'web',
    Certificate: null,
    HealthCheck: { HealthSwitch: 1, TimeOut: 2, IntervalTime: 5, HealthNum: 3, UnHealthNum: 3, CheckType: 'TCP', SourceIpType: 0 },
    Scheduler: 'WRR',
    SessionExpireTime: 0,
    SniSwitch: 0,
    EndPort: 0,
    TargetType: 'NODE',
    SessionType: 'NORMAL',
    KeepaliveEnable: 0,
    DeregisterTargetRst: false,
    AttrFlags: [],
    MaxConn: -1,
    MaxCps: -1,
    IdleConnectTimeout: 900,
    DataCompressMode: 'transparent',
    RescheduleInterval: 0,
    RescheduleStartTime: 0,
    CreateTime: '2026-12-01 20:00:00',
    ...overrides,
  };
}

function request(fields: Partial<CreateListenerRequest> & { Ports?: number[] } = {}): CreateListenerRequest {
  return { LoadBalancerId: LB, Ports: [80], Protocol: 'TCP', ...fields } as CreateListenerRequest;
}

function desired(fields: Partial<CreateListenerRequest>, where = 'listeners[0]'): DesiredListener {
  return { where, index: 0, request: request(fields) };
}

describe('comparing a request with a reported listener', () => {
  test('fields the request leaves out are never differences; the defaults the API reports match explicit ones', () => {
    assert.deepEqual(compareListener(request(), reported()).changes, []);
    const explicitDefaults = request({
      Scheduler: 'WRR',
      SessionExpireTime: 0,
      MaxConn: -1,
      IdleConnectTimeout: 900,
      SnatEnable: false,
      HealthCheck: { HealthSwitch: 1, TimeOut: 2, CheckPort: -1, HttpCheckPath: '' } as never,
    });
    assert.deepEqual(compareListener(explicitDefaults, reported()).changes, []);
    // A setting reported as null stands for its documented default.
    assert.deepEqual(compareListener(request({ Scheduler: 'WRR' }), reported({ Scheduler: null })).changes, []);
  });

  test('differences name the field path, the old and the new value, and whether ModifyListener can make them', () => {
    const wanted = request({
      ListenerNames: ['api'],
      Scheduler: 'LEAST_CONN',
      HealthCheck: { TimeOut: 4, IntervalTime: 5 } as never,
      SnatEnable: true,
      H2cSwitch: false,
    });
    const { changes } = compareListener(wanted, reported({ AttrFlags: ['H2cSwitch'] }));
    assert.deepEqual(
      changes.map((c) => [c.path, c.old, c.new, c.modifiable]),
      [
        ['ListenerName', 'web', 'api', true],
        ['HealthCheck.TimeOut', 2, 4, true],
        ['Scheduler', 'WRR', 'LEAST_CONN', true],
        ['SnatEnable', false, true, true],
        ['H2cSwitch', true, false, false],
      ],
    );
    const body = modifyListenerBody(
      wanted,
      'lbl-aaaa0001',
      changes.filter((c) => c.modifiable),
    );
    assert.deepEqual(body, {
      LoadBalancerId: LB,
      ListenerId: 'lbl-aaaa0001',
      ListenerName: 'api',
      HealthCheck: { TimeOut: 4, IntervalTime: 5 },
      Scheduler: 'LEAST_CONN',
      SnatEnable: true,
    });
  });

  test('certificates: ids and modes compared; uploads noted, not compared; SNI never switched off', () => {
    const https = reported({
      Protocol: 'HTTPS',
      Port: 443,
      Certificate: { SSLMode: 'UNIDIRECTIONAL', CertId: 'a', ExtCertIds: [] },
      SniSwitch: 1,
    });
    const same = compareListener(
      request({ Protocol: 'HTTPS', Ports: [443], Certificate: { SSLMode: 'UNIDIRECTIONAL', CertId: 'a' } as never }),
      https,
    );
    assert.deepEqual(same.changes, []);
    const other = compareListener(request({ Protocol: 'HTTPS', Ports: [443], Certificate: { CertId: 'b' } as never }), https);
    assert.deepEqual(
      other.changes.map((c) => [c.path, c.old, c.new]),
      [['Certificate.CertId', 'a', 'b']],
    );
    const upload = compareListener(
      request({ Protocol: 'HTTPS', Ports: [443], Certificate: { CertName: 'n', CertContent: 'PEM', CertKey: 'KEY' } as never }),
      https,
    );
    assert.deepEqual(upload.changes, []);
    assert.match(upload.notes[0]!, /uploaded certificate is not compared/);
    const sniOff = compareListener(request({ Protocol: 'HTTPS', Ports: [443], SniSwitch: 0 }), https);
    assert.deepEqual(
      sniOff.changes.map((c) => [c.path, c.modifiable]),
      [['SniSwitch', false]],
    );
  });
});

describe('the plan', () => {
  test('create, unchanged, update, conflict, and delete only with prune', () => {
    const listeners = [
      reported(),
      reported({ ListenerId: 'lbl-aaaa0002', Port: 81, ListenerName: '' }),
      reported({ ListenerId: 'lbl-aaaa0003', Port: 53, Protocol: 'UDP', ListenerName: 'dns' }),
      reported({ ListenerId: 'lbl-aaaa0004', Port: 9000, ListenerName: 'old' }),
    ];
    const wanted = [
      desired({ Ports: [80], ListenerNames: ['web'] }, 'listeners[0]'),
      desired({ Ports: [81], Scheduler: 'LEAST_CONN' }, 'listeners[1]'),
      desired({ Ports: [53], Protocol: 'QUIC' }, 'listeners[2]'),
      desired({ Ports: [82] }, 'listeners[3]'),
    ];
    const byLb = new Map([[LB, listeners]]);
    const plan = buildPlan(wanted, byLb, { prune: false });
    assert.deepEqual(
      plan.items.map((i) => [i.action, i.port, i.listenerId]),
      [
        ['unchanged', 80, 'lbl-aaaa0001'],
        ['update', 81, 'lbl-aaaa0002'],
        ['conflict', 53, 'lbl-aaaa0003'],
        ['create', 82, null],
      ],
    );
    assert.match(plan.items[2]!.reason!, /port 53 is held by lbl-aaaa0003 \(UDP, "dns"\).*delete lbl-aaaa0003 and create it again/);
    const pruned = buildPlan(wanted, byLb, { prune: true });
    assert.deepEqual(
      pruned.items.filter((i) => i.action === 'delete').map((i) => i.listenerId),
      ['lbl-aaaa0004'],
      'the conflicting listener is not pruned: the file describes its port',
    );
  });

  test('creates that share every setting but port and name become one CreateListener; chunks of 49, the most one CreateListener takes', () => {
    const wanted = [
      ...Array.from({ length: 20 }, (_, i) =>
        desired({ Ports: [8000 + i], ListenerNames: [`n${i}`], Scheduler: 'WRR' }, `listeners[${i}]`),
      ),
      desired({ Ports: [9000], Scheduler: 'LEAST_CONN' }),
      desired({ Ports: [9001], Scheduler: 'LEAST_CONN' }),
      desired({ Ports: [9100], EndPort: 9110 }),
    ];
    const ops = operationsOf(buildPlan(wanted, new Map(), { prune: false })).get(LB)!;
    assert.deepEqual(
      ops.map((op) => (op.kind === 'create' ? [op.request.Ports.length, op.request.ListenerNames?.length ?? 0] : op.kind)),
      [
        [20, 20],
        [2, 0],
        [1, 0],
      ],
    );
    const many = Array.from({ length: 120 }, (_, i) => desired({ Ports: [1000 + i] }));
    const chunked = operationsOf(buildPlan(many, new Map(), { prune: false })).get(LB)!;
    assert.deepEqual(
      chunked.map((op) => (op.kind === 'create' ? op.request.Ports.length : 0)),
      [49, 49, 22],
    );
    assert.equal(MAX_PORTS_PER_CREATE, 49);
    assert.deepEqual(summarize(buildPlan(many, new Map(), { prune: false })).requests, {
      CreateListener: 3,
      ModifyListener: 0,
      DeleteLoadBalancerListeners: 0,
    });
  });
});

describe('the port index', () => {
  test('answers what holderOf answers, for single ports and ranges in both port spaces', () => {
    // A deterministic walk over ports: listeners that never overlap within a space, as on a load balancer.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const protocols = ['TCP', 'HTTP', 'HTTPS', 'TCP_SSL', 'UDP', 'QUIC'];
    const listeners: PortHolder[] = [];
    for (const space of [
      ['TCP', 'HTTP', 'HTTPS', 'TCP_SSL'],
      ['UDP', 'QUIC'],
    ]) {
      for (let port = 1; port < 3000; port += 1 + next(20)) {
        const range = next(5) === 0 ? next(15) + 1 : 0;
        listeners.push({
          ListenerId: `lbl-${listeners.length}`,
          Protocol: space[next(space.length)]!,
          Port: port,
          EndPort: range ? port + range : 0,
        });
        port += range;
      }
    }
    const index = new PortIndex(listeners);
    for (let i = 0; i < 4000; i++) {
      const protocol = protocols[next(protocols.length)]!;
      const port = 1 + next(3100);
      const endPort = next(4) === 0 ? port + 1 + next(30) : null;
      assert.equal(
        index.holderOf(protocol, port, endPort)?.ListenerId,
        holderOf(listeners, protocol, port, endPort)?.ListenerId,
        `${protocol} ${port}-${endPort}`,
      );
    }
  });
});

describe('the apply file', () => {
  const readText = async (path: string) => {
    throw new Error(`unexpected read of ${path}`);
  };

  test('Ctrl-C is heard while a large file is checked: it stops, saying nothing was sent', async () => {
    const controller = new AbortController();
    controller.abort('SIGINT');
    const document = { listeners: [{ LoadBalancerId: LB, Protocol: 'TCP', Ports: Array.from({ length: 10000 }, (_, i) => i + 1) }] };
    await assert.rejects(readListenerFile(document, 'big.yaml', { readText, now: 0, signal: controller.signal }), (error: unknown) => {
      assert.ok(error instanceof InterruptedError, String(error));
      assert.equal(error.notSent, true);
      return true;
    });
    // Not interrupted, the same file is read whole: 10,000 listeners, in one entry of more than 49 ports.
    const file = await readListenerFile(document, 'big.yaml', { readText, now: 0 });
    assert.equal(file.listeners.length, 10000);
  });

  test('an entry listing more ports than exist is refused before its ports are checked', async () => {
    const document = { listeners: [{ LoadBalancerId: LB, Protocol: 'TCP', Ports: Array.from({ length: 70000 }, () => 'x') }] };
    await assert.rejects(readListenerFile(document, 'big.yaml', { readText, now: 0 }), {
      message: 'big.yaml: listeners[0].Ports lists 70000 ports; there are 65535',
    });
  });

  test('Port and ListenerName shorthands; one desired listener per port', async () => {
    const file = await readListenerFile(
      {
        listeners: [
          { LoadBalancerId: LB, Port: 443, Protocol: 'https', ListenerName: 'web', Certificate: { CertId: 'abc123' } },
          { LoadBalancerId: LB, Ports: [8001, 8002], Protocol: 'TCP', HealthCheck: { HealthSwitch: 1, TimeOut: 2, IntervalTime: 5 } },
        ],
      },
      'listeners.yaml',
      { readText, now: Date.now() },
    );
    assert.deepEqual(
      file.listeners.map((l) => [l.where, l.request.Ports, l.request.Protocol, l.request.ListenerNames]),
      [
        ['listeners[0]', [443], 'HTTPS', ['web']],
        ['listeners[1] (port 8001)', [8001], 'TCP', undefined],
        ['listeners[1] (port 8002)', [8002], 'TCP', undefined],
      ],
    );
  });

  test('problems name the file and the field path', async () => {
    const read = (doc: unknown) => readListenerFile(doc, 'listeners.yaml', { readText, now: Date.now() });
    await assert.rejects(
      read({
        listeners: [
          { LoadBalancerId: LB, Port: 80, Protocol: 'TCP' },
          { LoadBalancerId: LB, Port: 81, Protocol: 'TCP' },
          { LoadBalancerId: LB, Port: 82, Protocol: 'TCP', HealthCheck: { TimeOut: 99 } },
        ],
      }),
      /^UsageError: listeners\.yaml: listeners\[2\]\.HealthCheck\.TimeOut must be 2–60, got 99$/,
    );
    await assert.rejects(
      read({ listeners: [{ LoadBalancerId: LB, Port: 80, Ports: [81], Protocol: 'TCP' }] }),
      /listeners\[0\]: give Port or Ports, not both/,
    );
    await assert.rejects(
      read({ listeners: [{ LoadBalancerId: LB, Port: 80, Protocol: 'TCP', Sheduler: 'WRR' }] }),
      /listeners\[0\]\.Sheduler is not a field of the request; did you mean Scheduler\?/,
    );
    await assert.rejects(
      read({
        listeners: [
          { LoadBalancerId: LB, Port: 80, Protocol: 'TCP' },
          { LoadBalancerId: LB, Port: 80, Protocol: 'HTTP' },
        ],
      }),
      /listeners\[1\]: port 80 \(TCP\) on lb-plan0001 is already described by listeners\[0\]/,
    );
    await assert.rejects(read({ listener: [] }), /"listener" is not a top-level key/);
  });

  test('every problem of every entry is reported, each with its path', async () => {
    await assert.rejects(
      readListenerFile({ listeners: [{ LoadBalancerId: LB, Ports: [0], Protocol: 'TCP', SessionExpireTime: 5 }] }, 'l.yaml', {
        readText,
        now: Date.now(),
      }),
      (error: UsageError) => {
        assert.match(error.message, /^l\.yaml: listeners\[0\]\.Ports\[0\] must be 1–65535, got 0$/);
        assert.deepEqual(
          error.problems?.map((p) => [p.path, p.value, p.rule, p.message]),
          [
            ['listeners[0].Ports[0]', 0, 'Ports.range', 'l.yaml: listeners[0].Ports[0] must be 1–65535, got 0'],
            [
              'listeners[0].SessionExpireTime',
              5,
              'SessionExpireTime.range',
              'l.yaml: listeners[0].SessionExpireTime must be 0 or 30–3600, got 5',
            ],
          ],
        );
        return true;
      },
    );
  });
});

describe('after a lost answer', () => {
  const sentAt = Date.UTC(2026, 11, 1, 12, 0, 0);
  const created = (overrides: Record<string, unknown>) =>
    reported({ ListenerId: 'lbl-new00001', Port: 80, ListenerName: 'web', CreateTime: '2026-12-01 20:00:01', ...overrides });

  test('the request is found only when every port holds its listener, new since the read before', () => {
    const wanted = request({ Ports: [80], ListenerNames: ['web'] });
    assert.deepEqual(matchCreated(wanted, [created({})], { before: [], sentAt }).listeners, [
      { ListenerId: 'lbl-new00001', Port: 80, ListenerName: 'web' },
    ]);
    const before = [{ ListenerId: 'lbl-new00001', Protocol: 'TCP', Port: 80 }];
    assert.match(matchCreated(wanted, [created({})], { before, sentAt }).problems[0]!, /which was there before the request/);
    assert.match(
      matchCreated(wanted, [created({ ListenerName: 'other' })], { before: [], sentAt }).problems[0]!,
      /not a TCP listener named "web"/,
    );
    assert.match(matchCreated(wanted, [], { before: [], sentAt }).problems[0]!, /no listener on port 80/);
  });

  test('without the read before, CreateTime (UTC+8) decides', () => {
    const wanted = request({ Ports: [80] });
    assert.ok(matchCreated(wanted, [created({ CreateTime: '2026-12-01 19:59:58' })], { sentAt }).listeners, 'within the allowance');
    assert.match(
      matchCreated(wanted, [created({ CreateTime: '2026-12-01 19:50:00' })], { sentAt }).problems[0]!,
      /created 2026-12-01 19:50:00 \+08:00, before the request was sent/,
    );
  });
});

test('create --if-not-exists: kept, conflicting and missing ports', () => {
  const listeners = [reported(), reported({ ListenerId: 'lbl-aaaa0002', Port: 81, Protocol: 'HTTP', ListenerName: 'site' })];
  const { kept, conflicts, remaining } = resolveExisting(
    request({ Ports: [80, 82], ListenerNames: ['web', 'new'], Scheduler: 'LEAST_CONN' }),
    listeners,
  );
  assert.deepEqual(
    kept.map((k) => [k.ListenerId, k.differences.map((d) => d.path)]),
    [['lbl-aaaa0001', ['Scheduler']]],
  );
  assert.deepEqual(conflicts, []);
  assert.deepEqual([remaining?.Ports, remaining?.ListenerNames], [[82], ['new']]);
  assert.deepEqual(resolveExisting(request({ Ports: [81] }), listeners).conflicts, [
    'port 81 is held by lbl-aaaa0002 (HTTP, "site"), not TCP',
  ]);
});

test('task durations: the bracket narrows to where tasks end, and starts over when they change', () => {
  const timing = new TaskTiming();
  assert.deepEqual(timing.plannedPolls(), [], 'nothing known: no plan, polls are unplanned');
  timing.observe(650, 1150);
  assert.deepEqual(timing.plannedPolls(), [900, 1150, 1175], 'halfway, the end of the bracket, and a moment later');
  timing.observe(900, 1010);
  timing.observe(990, 1010);
  assert.deepEqual(timing.plannedPolls(), [1010, 1035], 'a narrow bracket is polled at its end (and a moment later)');
  timing.observe(1020, 1040);
  assert.deepEqual(timing.plannedPolls(), [1015, 1040, 1065], 'a task that ran a little past the end moves the end');
  timing.observe(3000, 3100);
  assert.deepEqual(timing.plannedPolls(), [3050, 3100, 3125], 'a task far outside the bracket starts it over');
});

test('task sightings: a task younger than one just seen running is taken to be running; an end clears later sightings', () => {
  const timing = new TaskTiming();
  timing.sawRunning(600, 10_000);
  assert.equal(timing.runningBeyond(550, 10_010), true, 'younger than a task seen running');
  assert.equal(timing.runningBeyond(650, 10_010), false, 'older than any seen running: worth a poll');
  assert.equal(timing.runningBeyond(550, 10_300), true);
  assert.equal(timing.runningBeyond(550, 10_400), false, 'a sighting goes stale: it speaks for its own wave, not the next');
  timing.sawRunning(900, 20_000);
  timing.observe(500, 800);
  assert.equal(timing.runningBeyond(850, 20_010), false, 'a task that ended at 800 says tasks of 850 may be done');
});

test('unplanned polls take turns 100 ms apart, the oldest waiting task first (an overdue one before it); news sends the others to look again', async () => {
  const clock = new FakeClock({ start: 50_000, auto: false });
  const timing = new TaskTiming();
  const order: string[] = [];
  const ask = (name: string, started: number, overdue = false) =>
    timing.turn(started, clock, { overdue }).then((yours) => {
      order.push(`${name}:${yours ? 'turn' : 'look again'}@${clock.now()}`);
      return yours;
    });
  const young = ask('young', 49_900);
  const old = ask('old', 49_700);
  const middle = ask('middle', 49_800);
  await Promise.resolve();
  // The first turn is free at once and goes to the first to ask; then every 100 ms, oldest first.
  await young;
  await clock.sleeping(old);
  clock.advance(100);
  await old;
  await clock.sleeping(middle);
  clock.advance(100);
  await middle;
  assert.deepEqual(order, ['young:turn@50000', 'old:turn@50100', 'middle:turn@50200']);
  // A task left unpolled for long (overdue) goes before older ones.
  order.length = 0;
  const elder = ask('elder', 40_000);
  const overdue = ask('overdue', 49_950, true);
  await clock.sleeping(overdue);
  clock.advance(100);
  await overdue;
  await clock.sleeping(elder);
  clock.advance(100);
  await elder;
  assert.deepEqual(order, ['overdue:turn@50300', 'elder:turn@50400']);
  // Waiting for a turn when a task is seen running (or done): look again.
  order.length = 0;
  const waiting = ask('late', 49_000);
  const other = ask('later', 49_500);
  await Promise.resolve();
  timing.sawRunning(1200, clock.now());
  assert.deepEqual(await Promise.all([waiting, other]), [false, false]);
  assert.deepEqual(order.sort(), ['late:look again@50400', 'later:look again@50400']);
});
