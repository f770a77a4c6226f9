// What a new user reads when something goes wrong: an unknown task id, a mistyped flag, the
// wording of accepted writes, deletes and retries. In-process against the emulator.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userGuide } from './helpers/guide.js';

const LB = 'lb-msgs0001';

let emu: InProcessEmulator;
before(async () => {
  emu = await inProcessEmulator({ taskDelayMs: 100, loadBalancers: [LB] });
});
after(() => emu.stop());

describe('wait on a task the API does not know', () => {
  for (const id of ['6aa274e5-ff78-4e9e-b13c-30a9e21b107e', '6aa274e5']) {
    test(`${id}: says the id is unknown and how to check it, never "accepted"; exit 1 (the API refused it)`, async () => {
      const result = await runAgainst(emu, ['wait', id]);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /^error: DescribeTaskStatus failed: InvalidParameter/m);
      assert.match(result.stderr, new RegExp(`^hint: the API knows no task ${id} in ${emu.region}: check the id was copied whole`, 'm'));
      assert.doesNotMatch(result.stderr, /accepted|follow it with/);
      assert.equal(result.stdout, '');
    });
  }

  test('-o json: the API Code, and the same hint', async () => {
    const result = await runAgainst(emu, ['wait', '6aa274e5-ff78-4e9e-b13c-30a9e21b107e', '-o', 'json']);
    assert.equal(result.code, 1);
    const { Error: error } = JSON.parse(result.stderr) as { Error: { Code: string; Hint: string } };
    assert.equal(error.Code, 'InvalidParameter');
    assert.match(error.Hint, /^the API knows no task/);
  });
});

describe('a mistyped flag or command', () => {
  test('one line with the suggestion, no literal \\n; the JSON message is clean', async () => {
    const text = await runAgainst(emu, ['create', '--protocl', 'TCP']);
    assert.equal(text.code, 2);
    assert.equal(text.stderr.split('\n')[0], "error: unknown option '--protocl' (did you mean --protocol?)");
    assert.doesNotMatch(text.stderr, /\\n/);
    const json = await runAgainst(emu, ['create', '--protocl', 'TCP', '-o', 'json']);
    assert.equal(json.code, 2);
    assert.equal(JSON.parse(json.stderr).Error.Message, "unknown option '--protocl' (did you mean --protocol?)");
    const command = await runAgainst(emu, ['wiat', 'x']);
    assert.equal(command.code, 2);
    assert.equal(command.stderr.split('\n')[0], "error: unknown command 'wiat' (did you mean wait?)");
  });
});

describe('accepted, deleted, busy: one wording each', () => {
  test('create --no-wait and delete --no-wait say "Accepted" the same way', async () => {
    const created = await runAgainst(emu, ['create', '--lb', LB, '--port', '7001', '--protocol', 'TCP', '--no-wait']);
    assert.equal(created.code, 0, created.stderr);
    const id = created.stdout.trim();
    const createTask = /task ([0-9a-f-]{36})/.exec(created.stderr)?.[1];
    assert.equal(
      created.stderr.trim().split('\n').at(-1),
      `✔ Accepted: creating ${id} on ${LB} (task ${createTask} still running); follow it with: clb-listener wait ${createTask} --endpoint ${emu.endpoint}`,
    );
    await emu.finishTasks();
    const deleted = await runAgainst(emu, ['delete', '--lb', LB, '--listener-id', id, '--no-wait']);
    assert.equal(deleted.code, 0, deleted.stderr);
    const deleteTask = /task ([0-9a-f-]{36})/.exec(deleted.stderr)?.[1];
    assert.equal(
      deleted.stderr.trim().split('\n').at(-1),
      `✔ Accepted: deleting ${id} on ${LB} (task ${deleteTask} still running); follow it with: clb-listener wait ${deleteTask} --endpoint ${emu.endpoint}`,
    );
    await emu.finishTasks();
  });

  test('deleting a listener the load balancer does not have points to list', async () => {
    const result = await runAgainst(emu, ['delete', '--lb', LB, '--listener-id', 'lbl-nothere1']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: DeleteLoadBalancerListeners failed: InvalidParameter/m);
    assert.match(
      result.stderr,
      new RegExp(`^hint: check the ids \\(and --lb, --region\\): .* clb-listener list --lb ${LB} --endpoint`, 'm'),
    );
  });

  test('a load balancer still busy after the retries: wait for the task the API named', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'taskHang' }]);
    const first = await runAgainst(emu, ['create', '--lb', LB, '--port', '7002', '--protocol', 'TCP', '--no-wait', '-o', 'json']);
    assert.equal(first.code, 0, first.stderr);
    const task = JSON.parse(first.stdout).RequestId as string;
    const busy = await runAgainst(emu, ['create', '--lb', LB, '--port', '7003', '--protocol', 'TCP']);
    assert.equal(busy.code, 1, busy.stderr);
    assert.match(busy.stderr, /FailedOperation\.ResourceInOperating/);
    assert.match(
      busy.stderr,
      new RegExp(
        `^hint: ${LB} is still busy with task ${task}: wait for it with clb-listener wait ${task} --endpoint \\S+, then run this command again$`,
        'm',
      ),
    );
    assert.doesNotMatch(busy.stderr, /run the command again/);
    await emu.reset();
  });

  test('busy with a task the API did not name: says what to check', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'apiError', code: 'FailedOperation.ResourceInOperating', times: -1 }]);
    const busy = await runAgainst(emu, ['create', '--lb', LB, '--port', '7004', '--protocol', 'TCP']);
    await emu.reset();
    assert.equal(busy.code, 1, busy.stderr);
    assert.match(
      busy.stderr,
      new RegExp(`^hint: ${LB} was still busy with another task after retrying: something else is changing it`, 'm'),
    );
  });
});

describe('apply --prune', () => {
  test('one listener to delete: "add --yes to delete it"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-prune-'));
    try {
      const extra = await runAgainst(emu, ['create', '--lb', LB, '--port', '7010', '--protocol', 'UDP']);
      assert.equal(extra.code, 0, extra.stderr);
      const file = join(dir, 'listeners.yaml');
      writeFileSync(file, `listeners:\n  - LoadBalancerId: ${LB}\n    Port: 7011\n    Protocol: TCP\n`);
      const refused = await runAgainst(emu, ['apply', '-f', file, '--prune']);
      assert.equal(refused.code, 2, refused.stderr);
      assert.match(refused.stderr, /--prune would delete 1 listener: /);
      assert.match(refused.stderr, /^hint: add --yes to delete it, or run with --plan to review$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await emu.reset();
    }
  });
});

describe('create on a port that is taken', () => {
  const ports = (() => {
    let next = 7100;
    return () => String(next++);
  })();
  const create = (...args: string[]) => runAgainst(emu, ['create', '--lb', LB, ...args]);

  test('held by the listener asked for: refused before sending, one line, the hint is --if-not-exists', async () => {
    const p = ports();
    const first = await create('--port', p, '--protocol', 'TCP', '--name', 'web');
    const id = first.stdout.trim();
    const again = await create('--port', p, '--protocol', 'TCP', '--name', 'web');
    assert.equal(again.code, 1);
    assert.deepEqual(again.requests, ['DescribeListeners'], 'nothing was sent');
    assert.equal(
      again.stderr,
      `error: port ${p} on ${LB} is held by ${id} (TCP, "web"); nothing was sent\n` +
        'hint: it is the listener asked for: add --if-not-exists to keep it and create only the missing ports\n',
    );
    const json = await create('--port', p, '--protocol', 'TCP', '-o', 'json');
    const { Error: error } = JSON.parse(json.stderr) as { Error: Record<string, unknown> };
    assert.equal(error.Code, 'Conflict');
    assert.equal(error.RequestId, undefined, 'nothing was sent');
    assert.match(String(error.Hint), /--if-not-exists/);
  });

  test('held under another name, or by another protocol of the TCP space: delete or another port, never --if-not-exists', async () => {
    const [a, b] = [ports(), ports()];
    const web = (await create('--port', a, '--protocol', 'HTTP', '--name', 'web')).stdout.trim();
    const api = (await create('--port', b, '--protocol', 'TCP', '--name', 'api')).stdout.trim();
    const result = await create('--port', `${a},${b}`, '--protocol', 'TCP', '--name', 'x,y');
    assert.equal(result.code, 1);
    assert.deepEqual(result.requests, ['DescribeListeners']);
    assert.equal(
      result.stderr,
      `error: ports on ${LB} are held: ${a} by ${web} (HTTP, "web"), not TCP; ${b} by ${api} (TCP, "api"), not named "y"; nothing was sent\n` +
        `hint: pick other ports, or delete the listeners in the way first: clb-listener delete --lb ${LB} --listener-id ${web},${api} --endpoint ${emu.endpoint}\n`,
    );
  });

  test('one as asked, one not: both fixes, each for its listener', async () => {
    const [a, b] = [ports(), ports()];
    const kept = (await create('--port', a, '--protocol', 'TCP')).stdout.trim();
    const other = (await create('--port', b, '--protocol', 'HTTP')).stdout.trim();
    const result = await create('--port', `${a},${b}`, '--protocol', 'TCP');
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      new RegExp(
        `^hint: ${other} is not the listener asked for: pick other ports, or delete it first \\(clb-listener delete --lb ${LB} --listener-id ${other} --endpoint \\S+\\) and add --if-not-exists to keep ${kept}$`,
        'm',
      ),
    );
  });

  test('a UDP port asked for QUIC is sent with a warning; the API refusal gets one hint naming the holder', async () => {
    const p = ports();
    const udp = (await create('--port', p, '--protocol', 'UDP')).stdout.trim();
    const quic = await create('--port', p, '--protocol', 'QUIC');
    assert.equal(quic.code, 1);
    assert.deepEqual(quic.requests, ['DescribeListeners', 'CreateListener', 'DescribeListeners']);
    assert.match(
      quic.stderr,
      new RegExp(`^warning: port ${p} is held by ${udp} \\(UDP\\); the API may refuse a QUIC listener beside it$`, 'm'),
    );
    assert.match(quic.stderr, /^error: CreateListener failed: InvalidParameter\.PortCheckFailed/m);
    const hints = quic.stderr.split('\n').filter((l) => l.startsWith('hint:'));
    assert.deepEqual(hints, [
      `hint: port ${p} on ${LB} is held by ${udp} (UDP), not QUIC: pick another port, or delete the listener in the way first: clb-listener delete --lb ${LB} --listener-id ${udp} --endpoint ${emu.endpoint}`,
    ]);
  });
});

test("the guide's port-conflict example is what the tool prints", async () => {
  const readme = userGuide();
  const example = /```console\n(\$ clb-listener create --lb lb-cuxw2rm0 --port 80 --protocol TCP\n[\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(example, 'the README has the example');
  const [command, ...printed] = example.trimEnd().split('\n');
  const readmeEmu = await inProcessEmulator({ taskDelayMs: 0, loadBalancers: ['lb-cuxw2rm0'] });
  try {
    const holder = await runAgainst(readmeEmu, ['create', '--lb', 'lb-cuxw2rm0', '--port', '80', '--protocol', 'HTTP', '--name', 'web']);
    assert.equal(holder.code, 0, holder.stderr);
    const result = await runAgainst(readmeEmu, command!.replace(/^\$ clb-listener /, '').split(' '));
    assert.equal(result.code, 1);
    const shown = result.stderr.replaceAll(holder.stdout.trim(), 'lbl-d1ubsydq').replaceAll(` --endpoint ${readmeEmu.endpoint}`, '');
    assert.equal(shown, `${printed.join('\n')}\n`);
  } finally {
    await readmeEmu.stop();
  }
});

describe('every validation problem, for create and apply alike', () => {
  const MANY = [
    'create',
    '--lb',
    'x',
    '--port',
    '0',
    '--protocol',
    'FOO',
    '--scheduler',
    'X',
    '--session-expire-time',
    '5',
    '--max-conn',
    '0',
    '--health-check',
    'TimeOut=100,IntervalTime=1,HealthNum=99,UnHealthNum=1',
  ];

  test('create: the first line as before, then one line per problem, capped with "and N more"; exit 2, nothing sent', async () => {
    const result = await runAgainst(emu, MANY);
    assert.equal(result.code, 2);
    assert.deepEqual(result.requests, []);
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines[0], 'error: --protocol must be one of TCP, UDP, HTTP, HTTPS, TCP_SSL, QUIC, got "FOO"');
    assert.deepEqual(lines.slice(1, 8), [
      '  --scheduler must be one of WRR, LEAST_CONN, got "X"',
      '  --lb "x" must look like lb-xxxxxxxx',
      '  --port must be 1–65535, got 0',
      '  --session-expire-time must be 0 or 30–3600, got 5',
      '  --max-conn must be -1 or at least 1, got 0',
      '  --health-check TimeOut must be 2–60, got 100',
      '  --health-check IntervalTime must be 2–300, got 1',
    ]);
    assert.equal(lines[8], '  … and 3 more (-o json lists every problem)');
    assert.equal(lines.length, 9);
  });

  test('create -o json: every problem with its field, path, value and rule; the Message is the first line', async () => {
    const result = await runAgainst(emu, [...MANY, '-o', 'json']);
    assert.equal(result.code, 2);
    const { Error: error } = JSON.parse(result.stderr) as {
      Error: { Message: string; ProblemCount: number; Problems: Record<string, unknown>[] };
    };
    assert.equal(error.Message, '--protocol must be one of TCP, UDP, HTTP, HTTPS, TCP_SSL, QUIC, got "FOO"');
    assert.equal(error.ProblemCount, 11);
    assert.equal(error.Problems.length, 11);
    assert.deepEqual(error.Problems[0], {
      Field: '--protocol',
      Path: 'Protocol',
      Value: 'FOO',
      Rule: 'enum-values',
      Message: '--protocol must be one of TCP, UDP, HTTP, HTTPS, TCP_SSL, QUIC, got "FOO"',
    });
    assert.deepEqual(error.Problems.map((p) => [p.Field, p.Path, p.Value, p.Rule]).slice(-3), [
      ['--health-check HealthNum', 'HealthCheck.HealthNum', 99, 'HealthCheck.HealthNum.range'],
      ['--health-check UnHealthNum', 'HealthCheck.UnHealthNum', 1, 'HealthCheck.UnHealthNum.range'],
      ['--health-check TimeOut', 'HealthCheck.TimeOut', 100, 'HealthCheck.TimeOut.below-interval'],
    ]);
  });

  test('values that are not even of their type are all reported too', async () => {
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', 'abc', '--protocol', 'TCP', '--max-conn', 'zz']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'error: --port "abc": must be an integer\n  --max-conn "zz": must be an integer\n');
    const json = await runAgainst(emu, ['create', '--lb', LB, '--port', 'abc', '--protocol', 'TCP', '--max-conn', 'zz', '-o', 'json']);
    const problems = (JSON.parse(json.stderr) as { Error: { Problems: Record<string, unknown>[] } }).Error.Problems;
    assert.deepEqual(
      problems.map((p) => [p.Field, p.Path, p.Value, p.Rule]),
      [
        ['--port', 'Ports', ['abc'], 'type'],
        ['--max-conn', 'MaxConn', 'zz', 'type'],
      ],
    );
  });

  test('apply: the same lines and the same JSON problems, named by their place in the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-problems-'));
    try {
      const file = join(dir, 'l.yaml');
      writeFileSync(file, `listeners:\n  - LoadBalancerId: ${LB}\n    Port: 0\n    Protocol: FOO\n    SessionExpireTime: 5\n`);
      const text = await runAgainst(emu, ['apply', '-f', file]);
      assert.equal(text.code, 2);
      assert.deepEqual(text.stderr.trimEnd().split('\n'), [
        `error: ${file}: listeners[0].Protocol must be one of TCP, UDP, HTTP, HTTPS, TCP_SSL, QUIC, got "FOO"`,
        `  ${file}: listeners[0].Ports[0] must be 1–65535, got 0`,
        `  ${file}: listeners[0].SessionExpireTime must be 0 or 30–3600, got 5`,
        'hint: nothing was sent; fix the file and run again',
      ]);
      const json = await runAgainst(emu, ['apply', '-f', file, '-o', 'json']);
      const problems = (JSON.parse(json.stderr) as { Error: { Problems: Record<string, unknown>[] } }).Error.Problems;
      assert.deepEqual(
        problems.map((p) => [p.Path, p.Value, p.Rule]),
        [
          ['listeners[0].Protocol', 'FOO', 'enum-values'],
          ['listeners[0].Ports[0]', 0, 'Ports.range'],
          ['listeners[0].SessionExpireTime', 5, 'SessionExpireTime.range'],
        ],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("the guide's validation example is what the tool prints", async () => {
  const readme = userGuide();
  const example = /```console\n(\$ clb-listener create --lb lb-cuxw2rm0 --port 0 --protocol TCP --session-expire-time 5\n[\s\S]*?)```/.exec(
    readme,
  )?.[1];
  assert.ok(example, 'the README has the example');
  const [command, ...printed] = example.trimEnd().split('\n');
  const result = await runAgainst(emu, command!.replace(/^\$ clb-listener /, '').split(' '));
  assert.equal(result.code, 2);
  assert.equal(result.stderr, `${printed.join('\n')}\n`);
});
