// `apply -f FILE` against the emulator, in-process: plan, create, converge (a second run writes
// nothing), update through ModifyListener, conflicts without sending, prune with consent,
// grouping, failures, lost answers, the schema; and the plan matches what apply then does.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { REPO_ROOT } from './helpers/paths.js';
import { runAgainst } from './helpers/cli.js';
import { fakeTerminal, KEY } from './helpers/fake-tty.js';

const LB1 = 'lb-apply001';
const LB2 = 'lb-apply002';
const WRITES = ['CreateListener', 'ModifyListener', 'DeleteLoadBalancerListeners', 'DeleteListener'];

describe('apply -f', () => {
  let emu: InProcessEmulator;
  const dir = mkdtempSync(join(tmpdir(), 'clb-apply-'));
  let n = 0;
  /** Writes a listeners file and returns its path. */
  const file = (text: string): string => {
    const path = join(dir, `listeners-${++n}.yaml`);
    writeFileSync(path, text);
    return path;
  };
  const writes = async (): Promise<number> => {
    const { counts } = await emu.state();
    return WRITES.reduce((sum, action) => sum + (counts[action] ?? 0), 0);
  };
  const apply = (...args: string[]) => runAgainst(emu, ['apply', ...args], { env: { CI: 'true' } });

  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB1, LB2], taskDelayMs: 0 });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  const BASIC = `
# yaml-language-server: $schema=./listeners.schema.json
listeners:
  - LoadBalancerId: ${LB1}
    Port: 80
    Protocol: TCP
    ListenerName: web
    HealthCheck: { HealthSwitch: 1, TimeOut: 2, IntervalTime: 5 }
  - LoadBalancerId: ${LB1}
    Ports: [8001, 8002, 8003]
    Protocol: TCP
    Scheduler: LEAST_CONN
  - LoadBalancerId: ${LB2}
    Port: 53
    Protocol: UDP
    ListenerName: dns
`;

  test('an invalid file exits 2 naming the file and the field path; nothing is sent, not even a read', async () => {
    const path = file(
      `listeners:\n  - { LoadBalancerId: ${LB1}, Port: 80, Protocol: TCP }\n  - { LoadBalancerId: ${LB1}, Port: 81, Protocol: TCP, HealthCheck: { TimeOut: 99 } }\n`,
    );
    const result = await apply('-f', path);
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /error: .*listeners-\d+\.yaml: listeners\[1\]\.HealthCheck\.TimeOut must be 2–60, got 99/);
    assert.equal(await emu.requestCount(), 0);
  });

  test('--no-validate: rule violations become warnings (the API has the last word); type errors still stop it', async () => {
    const path = file(`listeners:\n  - { LoadBalancerId: ${LB1}, Port: 80, Protocol: TCP, SessionExpireTime: 5 }\n`);
    const plan = await apply('-f', path, '--plan', '--no-validate');
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stderr, /warning: .*listeners\[0\]\.SessionExpireTime must be 0 or 30–3600, got 5 \(not validated: --no-validate\)/);
    assert.match(plan.stdout, /\+ create\s+TCP 80/);
    const typed = await apply(
      '-f',
      file(`listeners:\n  - { LoadBalancerId: ${LB1}, Port: 80, Protocol: TCP, SessionExpireTime: soon }\n`),
      '--no-validate',
    );
    assert.equal(typed.code, 2, typed.stderr);
  });

  test('plan, apply, then a second run that writes nothing; the plan matched what apply did', async () => {
    const path = file(BASIC);
    const plan = await apply('-f', path, '--plan', '-o', 'json');
    assert.equal(plan.code, 0, plan.stderr);
    assert.equal(await writes(), 0, '--plan sends nothing but reads');
    const planned = JSON.parse(plan.stdout) as { Changes: { Action: string; Port: number }[]; Requests: Record<string, number> };
    assert.deepEqual(
      planned.Changes.map((c) => [c.Action, c.Port]),
      [
        ['create', 80],
        ['create', 8001],
        ['create', 8002],
        ['create', 8003],
        ['create', 53],
      ],
    );
    assert.deepEqual(planned.Requests, { CreateListener: 3, ModifyListener: 0, DeleteLoadBalancerListeners: 0 });

    const applied = await apply('-f', path, '-o', 'json');
    assert.equal(applied.code, 0, applied.stderr);
    const outcome = JSON.parse(applied.stdout) as { Listeners: { Port: number; Action: string; Result: string; ListenerId: string }[] };
    assert.deepEqual(
      outcome.Listeners.map((l) => [l.Action, l.Port, l.Result]),
      planned.Changes.map((c) => [`${c.Action}d`, c.Port, 'ok']),
      'each listener was done as planned',
    );
    const { counts, listeners } = await emu.state();
    assert.equal(counts.CreateListener, planned.Requests.CreateListener, 'as many CreateListener as planned');
    assert.deepEqual(outcome.Listeners.map((l) => l.ListenerId).sort(), listeners.map((l) => l.ListenerId).sort());

    const before = await writes();
    const again = await apply('-f', path);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(await writes(), before, 'converged: the second run sends no write');
    assert.match(again.stderr, /Nothing to change: 5 listeners as described/);
    assert.match(again.stdout, /LOAD BALANCER\s+PROTOCOL\s+PORT\s+NAME\s+LISTENER ID\s+ACTION\s+RESULT/);
    const detailed = await apply('-f', path, '--plan', '--detailed-exitcode');
    assert.equal(detailed.code, 0, 'nothing pending');
  });

  test('--detailed-exitcode: 10 while changes are pending', async () => {
    const result = await apply('-f', file(BASIC), '--plan', '--detailed-exitcode');
    assert.equal(result.code, 10, result.stderr);
    assert.match(result.stdout, /\+ create\s+TCP 80 "web"/);
    assert.match(result.stdout, /Plan: 5 to create \(3 CreateListener\), 0 to update, 0 to delete, 0 unchanged\./);
  });

  test('a changed file is an update through ModifyListener, old → new per field; then converged', async () => {
    assert.equal((await apply('-f', file(BASIC))).code, 0);
    const changed = file(
      BASIC.replace('ListenerName: web', 'ListenerName: www').replace('TimeOut: 2, IntervalTime: 5', 'TimeOut: 4, IntervalTime: 10'),
    );
    const plan = await apply('-f', changed, '--plan');
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stdout, /~ update\s+TCP 80 "www"\s+lbl-\w+/);
    assert.match(plan.stdout, /ListenerName: "web" → "www"/);
    assert.match(plan.stdout, /HealthCheck\.TimeOut: 2 → 4/);
    assert.match(plan.stdout, /HealthCheck\.IntervalTime: 5 → 10/);
    assert.match(plan.stdout, /Plan: 0 to create, 1 to update, 0 to delete, 4 unchanged\./);
    const result = await apply('-f', changed);
    assert.equal(result.code, 0, result.stderr);
    const { counts, listeners } = await emu.state();
    assert.equal(counts.ModifyListener, 1);
    const web = listeners.find((l) => l.Port === 80)!;
    assert.equal(web.ListenerName, 'www');
    assert.equal((web.HealthCheck as { TimeOut: number }).TimeOut, 4);
    const before = await writes();
    assert.equal((await apply('-f', changed)).code, 0);
    assert.equal(await writes(), before);
  });

  test('a protocol change is a conflict naming what to delete and re-create: exit 1, nothing sent', async () => {
    assert.equal((await apply('-f', file(BASIC))).code, 0);
    const before = await writes();
    const conflicting = file(BASIC.replace('Port: 53\n    Protocol: UDP', 'Port: 53\n    Protocol: QUIC'));
    const plan = await apply('-f', conflicting, '--plan');
    assert.equal(plan.code, 1, plan.stderr);
    assert.match(plan.stdout, /! conflict\s+QUIC 53 "dns"\s+lbl-\w+/);
    assert.match(
      plan.stdout,
      /port 53 is held by (lbl-\w+) \(UDP, "dns"\); the protocol cannot be changed in place: delete \1 and create it again/,
    );
    const result = await apply('-f', conflicting);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /nothing was changed/);
    assert.equal(await writes(), before, 'no write for a plan with a conflict');
  });

  test('--prune deletes what the file does not describe, only with consent', async () => {
    assert.equal((await apply('-f', file(BASIC))).code, 0);
    const smaller = file(
      BASIC.replace(
        / {2}- LoadBalancerId: lb-apply001\n {4}Ports: \[8001, 8002, 8003\]\n {4}Protocol: TCP\n {4}Scheduler: LEAST_CONN\n/,
        '',
      ),
    );
    const plan = await apply('-f', smaller, '--plan', '--prune');
    assert.match(plan.stdout, /- delete\s+TCP 8001\s+lbl-/);
    const before = await writes();
    const refused = await apply('-f', smaller, '--prune');
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /--prune would delete 3 listeners: .*nothing was sent/);
    assert.match(refused.stderr, /hint: add --yes/);
    assert.equal(await writes(), before);
    const noPrune = await apply('-f', smaller);
    assert.equal(noPrune.code, 0, 'without --prune the extra listeners are left alone');
    assert.equal(await writes(), before);
    const pruned = await apply('-f', smaller, '--prune', '--yes');
    assert.equal(pruned.code, 0, pruned.stderr);
    const { counts, listeners } = await emu.state();
    assert.equal(counts.DeleteLoadBalancerListeners, 1, 'one call for the three');
    assert.deepEqual(listeners.map((l) => l.Port).sort(), [53, 80]);
  });

  test('at a terminal, --prune asks first: No sends nothing, Yes deletes', async () => {
    assert.equal((await apply('-f', file(BASIC))).code, 0);
    const smaller = file(
      BASIC.replace(
        / {2}- LoadBalancerId: lb-apply001\n {4}Ports: \[8001, 8002, 8003\]\n {4}Protocol: TCP\n {4}Scheduler: LEAST_CONN\n/,
        '',
      ),
    );
    const before = await writes();
    for (const [key, code] of [
      ['n', 130],
      ['y', 0],
    ] as const) {
      const term = fakeTerminal();
      const running = runAgainst(emu, ['apply', '-f', smaller, '--prune'], { terminal: term });
      await term.answer(/Delete 3 listeners\?/, key, KEY.enter);
      assert.equal((await running).code, code, term.screen());
      assert.match(term.out(), /Listeners the file does not describe:\n {2}- lbl-\w+ \(TCP 8001 on lb-apply001\)/);
      if (key === 'n') {
        assert.match(term.err(), /cancelled; nothing was sent/);
        assert.equal(await writes(), before, 'No: nothing sent');
      }
    }
    assert.deepEqual((await emu.state()).listeners.map((l) => l.Port).sort(), [53, 80]);
  });

  test('20 ports with one setting on one load balancer reach the emulator as one CreateListener', async () => {
    const ports = Array.from({ length: 20 }, (_, i) => 9000 + i);
    const result = await apply(
      '-f',
      file(`listeners:\n  - { LoadBalancerId: ${LB1}, Ports: [${ports.join(', ')}], Protocol: TCP, Scheduler: WRR }\n`),
    );
    assert.equal(result.code, 0, result.stderr);
    const { counts, listeners } = await emu.state();
    assert.equal(counts.CreateListener, 1);
    assert.equal(listeners.length, 20);
    assert.deepEqual(listeners[0]!.request.Ports, ports);
  });

  test('60 ports with one setting reach the emulator in CreateListener calls of at most 49 ports (the API refuses 50)', async () => {
    const ports = Array.from({ length: 60 }, (_, i) => 10000 + i);
    await emu.configure({ listenerQuota: 100 });
    const result = await apply('-f', file(`listeners:\n  - { LoadBalancerId: ${LB1}, Ports: [${ports.join(', ')}], Protocol: TCP }\n`));
    await emu.configure({ listenerQuota: 50 });
    assert.equal(result.code, 0, result.stderr);
    const { counts, listeners } = await emu.state();
    assert.equal(counts.CreateListener, 2);
    assert.equal(listeners.length, 60);
    const calls = new Map<string, number[]>();
    for (const l of listeners) calls.set(l.TaskId, (l.request.Ports as number[]) ?? []);
    assert.deepEqual(
      [...calls.values()].map((sent) => sent.length),
      [49, 11],
    );
    assert.deepEqual([...calls.values()].flat(), ports);
  });

  test('apply --plan of 40,000 ports in one entry: every port planned, in CreateListener calls of 49, nothing sent but the read', async () => {
    const ports = Array.from({ length: 40000 }, (_, i) => i + 1);
    const path = join(dir, 'forty-thousand.json');
    writeFileSync(path, JSON.stringify({ listeners: [{ LoadBalancerId: LB1, Protocol: 'TCP', Ports: ports }] }));
    const result = await apply('-f', path, '--plan', '-o', 'json', '--query', '[Summary, Requests]');
    assert.equal(result.code, 0, result.stderr);
    const [summary, requests] = JSON.parse(result.stdout) as [Record<string, number>, Record<string, number>];
    assert.equal(summary.Create, 40000);
    assert.equal(requests.CreateListener, Math.ceil(40000 / 49));
    assert.deepEqual(result.requests, ['DescribeListeners']);
  });

  test('a failed change: exit 1, the summary says what succeeded, what failed and what was not tried', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'taskFail', message: 'backend capacity exhausted' }]);
    const twoGroups = `${BASIC}  - { LoadBalancerId: ${LB1}, Port: 7000, Protocol: UDP }\n`;
    const result = await apply('-f', file(twoGroups), '-o', 'json');
    assert.equal(result.code, 1, result.stderr);
    const outcome = JSON.parse(result.stdout) as {
      Listeners: { LoadBalancerId: string; Result: string; Detail?: string }[];
      Summary: Record<string, number>;
    };
    // The fault takes the first CreateListener to arrive, from either load balancer.
    const results = (lb: string) => outcome.Listeners.filter((l) => l.LoadBalancerId === lb).map((l) => l.Result);
    const [failing, other] = results(LB1).includes('failed') ? [LB1, LB2] : [LB2, LB1];
    assert.ok(results(failing).includes('failed'), `${failing}: ${results(failing)}`);
    if (failing === LB1) assert.ok(results(LB1).includes('not tried'), 'the rest of its load balancer was not tried');
    assert.ok(
      results(other).every((r) => r === 'ok'),
      'the other load balancer went on',
    );
    assert.match(outcome.Listeners.find((l) => l.Result === 'failed')!.Detail!, /backend capacity exhausted/);
    assert.match(JSON.parse(result.stderr.trim().split('\n').at(-1)!).Error.Message, /failed/);
  });

  test('a create whose answer was lost is found, not resent', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'drop', processed: true }]);
    const result = await apply('-f', file(`listeners:\n  - { LoadBalancerId: ${LB1}, Ports: [100, 101], Protocol: TCP }\n`), '-o', 'json');
    assert.equal(result.code, 0, result.stderr);
    const { counts, listeners } = await emu.state();
    assert.equal(counts.CreateListener, 1);
    const outcome = JSON.parse(result.stdout) as { Listeners: { ListenerId: string; Detail: string }[] };
    assert.deepEqual(outcome.Listeners.map((l) => l.ListenerId).sort(), listeners.map((l) => l.ListenerId).sort());
    assert.match(outcome.Listeners[0]!.Detail, /the answer was lost .*found/);
  });

  test('file:// values are read relative to the file; private keys never appear in the output', async () => {
    const certDir = mkdtempSync(join(tmpdir(), 'clb-apply-cert-'));
    copyFileSync(join(REPO_ROOT, 'test/fixtures/server.crt'), join(certDir, 'server.crt'));
    copyFileSync(join(REPO_ROOT, 'test/fixtures/server.key'), join(certDir, 'server.key'));
    const path = join(certDir, 'listeners.yaml');
    writeFileSync(
      path,
      `listeners:\n  - LoadBalancerId: ${LB1}\n    Port: 443\n    Protocol: HTTPS\n    Certificate: { SSLMode: UNIDIRECTIONAL, CertName: www, CertContent: "file://server.crt", CertKey: "file://server.key" }\n`,
    );
    const result = await apply('-f', path, '--debug');
    assert.equal(result.code, 0, result.stderr);
    const [listener] = (await emu.state()).listeners;
    assert.match(String((listener!.request.Certificate as { CertContent: string }).CertContent), /BEGIN CERTIFICATE/);
    assert.doesNotMatch(result.stdout + result.stderr, /PRIVATE KEY-----\n[A-Za-z0-9+/]/, 'no key material in any output');
  });

  test('progress in CI: one plain line per load balancer, no control characters', async () => {
    const result = await apply('-f', file(BASIC));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, new RegExp(`✔ ${LB1}: 4 created in `));
    assert.match(result.stderr, new RegExp(`✔ ${LB2}: 1 created in `));
    assert.doesNotMatch(result.stderr, /[\u001b\r]/);
  });

  test('--schema prints a JSON Schema generated from the field table', async () => {
    const result = await runAgainst(emu, ['apply', '--schema']);
    assert.equal(result.code, 0, result.stderr);
    const schema = JSON.parse(result.stdout) as {
      $defs: { listener: { properties: Record<string, { description?: string; maximum?: number }> } };
    };
    const props = schema.$defs.listener.properties;
    for (const field of ['LoadBalancerId', 'Port', 'Ports', 'Protocol', 'ListenerName', 'HealthCheck', 'RescheduleInterval'])
      assert.ok(props[field], field);
    assert.equal((props.HealthCheck as { properties: Record<string, { maximum: number }> }).properties.TimeOut!.maximum, 60);
    assert.equal(await emu.requestCount(), 0);
  });
});
