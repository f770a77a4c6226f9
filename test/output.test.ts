/**
 * Output discipline (docs/design.md), with the real binary against the emulator: every format of
 * `create`, `wait` and errors, `--query`, aligned tables, the skeleton → --from-file round trip
 * (file and stdin), dry runs that send nothing and show no secret, the redacted --debug wire log,
 * colour switches and -q.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { makeTempHome, REPO_ROOT, runCli, type RunResult, type TempHome } from './helpers/home.js';
import { CREATE_LISTENER_FIELDS, HEALTH_CHECK_FIELDS } from '../src/model/fields.js';
import { fieldApplies } from '../src/model/rules.js';

const LBS = ['lb-outp0001', 'lb-outp0002', 'lb-outp0003', 'lb-outp0004', 'lb-outp0005', 'lb-outp0006'];
const LISTENER_ID = /^lbl-[a-z0-9]{8}$/;
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ESC = '\u001b[';

let emu: InProcessEmulator;
let home: TempHome;
let nextPort = 10000;
const port = () => nextPort++;

before(async () => {
  emu = await inProcessEmulator({ taskDelayMs: 30, loadBalancers: LBS });
  home = makeTempHome();
});
after(async () => {
  await emu.stop();
  home.cleanup();
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return home.env({
    TENCENTCLOUD_SECRET_ID: emu.secretId,
    TENCENTCLOUD_SECRET_KEY: emu.secretKey,
    TENCENTCLOUD_REGION: emu.region,
    ...extra,
  });
}

function cli(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<RunResult> {
  return runCli(['--endpoint', emu.endpoint, ...args], {
    env: options.env ?? env(),
    ...(options.input !== undefined && { input: options.input }),
  });
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

function assertOk(result: RunResult, what: string): void {
  assert.equal(result.code, 0, `${what}: exit ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
}

/**
 * A table is aligned when every row's cells start where the header's columns start, and no line
 * ends in padding.
 */
function assertTable(stdout: string, header: string[], rows: string[][]): void {
  const out = lines(stdout);
  assert.equal(out.length, rows.length + 1, `one header and ${rows.length} rows:\n${stdout}`);
  const starts = header.map((h) => out[0]!.indexOf(h));
  assert.deepEqual(out[0]!.split(/ {2,}/), header, `header: ${out[0]}`);
  for (const [r, row] of rows.entries()) {
    const line = out[r + 1]!;
    for (const [c, cell] of row.entries()) {
      assert.equal(
        line.slice(starts[c]!, starts[c]! + cell.length),
        cell,
        `row ${r + 1} column ${header[c]} starts at ${starts[c]}:\n${stdout}`,
      );
      if (c > 0) assert.match(line.slice(starts[c]! - 2, starts[c]!), /^ {2}$/, `two spaces before column ${header[c]}:\n${stdout}`);
    }
  }
  for (const line of out) assert.doesNotMatch(line, / $/, `no trailing spaces:\n${JSON.stringify(stdout)}`);
}

async function listenersOf(lb: string) {
  const state = await emu.state();
  return state.listeners.filter((l) => l.LoadBalancerId === lb);
}

// ---- create ----------------------------------------------------------------------------------

describe('create output', () => {
  test('text: the ListenerIds, one a line, and nothing else on stdout; progress on stderr', async () => {
    const [p1, p2] = [port(), port()];
    const result = await cli(['create', '--lb', LBS[0]!, '--port', `${p1},${p2}`, '--protocol', 'TCP']);
    assertOk(result, 'create');
    const ids = lines(result.stdout);
    assert.equal(ids.length, 2);
    for (const id of ids) assert.match(id, LISTENER_ID);
    assert.equal(result.stdout, `${ids.join('\n')}\n`);
    const made = await listenersOf(LBS[0]!);
    assert.deepEqual(
      ids.map((id) => made.find((l) => l.ListenerId === id)?.Port),
      [p1, p2],
      'the ids printed are the listeners made, in port order',
    );
    assert.match(result.stderr, /Creating 2 TCP listeners/);
    assert.match(result.stderr, /✔ Created 2 TCP listeners .*: lbl-/);
    assert.ok(!result.stderr.includes(ESC), 'no escape codes when stderr is not a terminal');
  });

  test('json: one object with ListenerIds, RequestId and TaskStatus', async () => {
    const p = port();
    const result = await cli(['create', '--lb', LBS[0]!, '--port', String(p), '--protocol', 'UDP', '--name', 'json-one', '-o', 'json']);
    assertOk(result, 'create -o json');
    const out = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(out).sort(), [
      'ListenerIds',
      'Listeners',
      'LoadBalancerId',
      'Ports',
      'Protocol',
      'RequestId',
      'TaskStatus',
    ]);
    assert.equal(out.TaskStatus, 'SUCCESS');
    assert.match(String(out.RequestId), REQUEST_ID);
    assert.deepEqual(out.Ports, [p]);
    assert.deepEqual(out.Listeners, [{ ListenerId: (out.ListenerIds as string[])[0], Port: p, ListenerName: 'json-one' }]);
    const made = await listenersOf(LBS[0]!);
    assert.equal(made.find((l) => l.ListenerId === (out.ListenerIds as string[])[0])?.Protocol, 'UDP');
  });

  test('table: aligned columns, header first', async () => {
    const [p1, p2] = [port(), port()];
    const result = await cli([
      'create',
      '--lb',
      LBS[0]!,
      '--port',
      `${p1},${p2}`,
      '--protocol',
      'TCP',
      '--name',
      'a-rather-long-name,b',
      '-o',
      'table',
    ]);
    assertOk(result, 'create -o table');
    const ids = lines(result.stdout)
      .slice(1)
      .map((l) => l.split(/\s+/)[0]!);
    assertTable(
      result.stdout,
      ['LISTENER ID', 'PROTOCOL', 'PORT', 'NAME'],
      [
        [ids[0]!, 'TCP', String(p1), 'a-rather-long-name'],
        [ids[1]!, 'TCP', String(p2), 'b'],
      ],
    );
    // Without names the last column is empty, and still no trailing padding.
    const bare = await cli(['create', '--lb', LBS[0]!, '--port', String(port()), '--protocol', 'TCP', '-o', 'table']);
    assertOk(bare, 'create -o table without names');
    for (const line of lines(bare.stdout)) assert.doesNotMatch(line, / $/, JSON.stringify(bare.stdout));
  });

  test('--query ListenerIds[0] -o text prints the bare id', async () => {
    const result = await cli([
      'create',
      '--lb',
      LBS[0]!,
      '--port',
      `${port()},${port()}`,
      '--protocol',
      'TCP',
      '--query',
      'ListenerIds[0]',
      '-o',
      'text',
    ]);
    assertOk(result, 'create --query');
    assert.match(result.stdout, /^lbl-[a-z0-9]{8}\n$/);
  });

  test('--query with -o json prints the JSON of the result, and with -o table a table of it', async () => {
    const [p1, p2] = [port(), port()];
    const json = await cli([
      'create',
      '--lb',
      LBS[1]!,
      '--port',
      `${p1},${p2}`,
      '--protocol',
      'TCP',
      '--query',
      'Listeners[].Port',
      '-o',
      'json',
    ]);
    assertOk(json, 'create --query -o json');
    assert.deepEqual(JSON.parse(json.stdout), [p1, p2]);

    const [p3, p4] = [port(), port()];
    const table = await cli([
      'create',
      '--lb',
      LBS[1]!,
      '--port',
      `${p3},${p4}`,
      '--protocol',
      'TCP',
      '--name',
      'x,yy',
      '--query',
      'Listeners',
      '-o',
      'table',
    ]);
    assertOk(table, 'create --query -o table');
    const ids = lines(table.stdout)
      .slice(1)
      .map((l) => l.split(/\s+/)[0]!);
    assertTable(
      table.stdout,
      ['ListenerId', 'Port', 'ListenerName'],
      [
        [ids[0]!, String(p3), 'x'],
        [ids[1]!, String(p4), 'yy'],
      ],
    );

    const scalar = await cli([
      'create',
      '--lb',
      LBS[1]!,
      '--port',
      String(port()),
      '--protocol',
      'TCP',
      '--query',
      'Protocol',
      '-o',
      'json',
    ]);
    assert.equal(scalar.stdout, '"TCP"\n');
  });

  test('a --query that does not parse is a usage error before anything is sent', async () => {
    const before = await emu.requestCount();
    const result = await cli(['create', '--lb', LBS[1]!, '--port', String(port()), '--protocol', 'TCP', '--query', 'Listeners[']);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /^error: --query "Listeners\[": /m);
    assert.equal(result.stdout, '');
    assert.equal(await emu.requestCount(), before, 'no listener was created only to lose its output');
  });
});

// ---- wait ------------------------------------------------------------------------------------

describe('wait output', () => {
  async function startTask(): Promise<string> {
    const started = await cli([
      'create',
      '--lb',
      LBS[2]!,
      '--port',
      String(port()),
      '--protocol',
      'TCP',
      '--no-wait',
      '--query',
      'RequestId',
    ]);
    assertOk(started, 'create --no-wait');
    const id = started.stdout.trim();
    assert.match(id, REQUEST_ID, 'create --no-wait --query RequestId prints the bare RequestId');
    assert.match(started.stderr, new RegExp(`clb-listener wait ${id}`));
    return id;
  }

  test('create --no-wait -o json: TaskStatus PENDING and the RequestId to follow', async () => {
    const result = await cli(['create', '--lb', LBS[2]!, '--port', String(port()), '--protocol', 'TCP', '--no-wait', '-o', 'json']);
    assertOk(result, 'create --no-wait -o json');
    const out = JSON.parse(result.stdout) as { TaskStatus: string; RequestId: string };
    assert.equal(out.TaskStatus, 'PENDING');
    assert.match(out.RequestId, REQUEST_ID);
  });

  test('text prints nothing (the exit code is the answer); json and table describe the task', async () => {
    const id = await startTask();
    const text = await cli(['wait', id]);
    assertOk(text, 'wait');
    assert.equal(text.stdout, '');
    assert.match(text.stderr, new RegExp(`Task ${id} succeeded`));

    const json = await cli(['wait', id, '-o', 'json']);
    assertOk(json, 'wait -o json');
    assert.deepEqual(JSON.parse(json.stdout), { RequestId: id, Status: 0, TaskStatus: 'SUCCESS', LoadBalancerIds: [LBS[2]] });

    const table = await cli(['wait', id, '-o', 'table']);
    assertOk(table, 'wait -o table');
    assertTable(table.stdout, ['REQUEST ID', 'STATUS', 'LOAD BALANCERS'], [[id, 'SUCCESS', LBS[2]!]]);

    const query = await cli(['wait', id, '--query', 'TaskStatus']);
    assert.equal(query.stdout, 'SUCCESS\n');
  });
});

// ---- errors ----------------------------------------------------------------------------------

describe('error output', () => {
  /**
   * An API rejection: the port is taken between the read before sending and the create (a race
   * the read cannot see), so the API answers PortCheckFailed with its RequestId.
   */
  async function conflict(extra: string[], envExtra: Record<string, string> = {}): Promise<RunResult> {
    const p = port();
    await emu.faults([
      { action: 'CreateListener', kind: 'apiError', code: 'InvalidParameter.PortCheckFailed', message: `Port ${p}/TCP is already used.` },
    ]);
    return cli(['create', '--lb', LBS[3]!, '--port', String(p), '--protocol', 'TCP', ...extra], { env: env(envExtra) });
  }

  test('text: "error: …" with the Code and RequestId, then "hint: …"; stdout empty', async () => {
    const result = await conflict([]);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^error: .*InvalidParameter\.PortCheckFailed.*RequestId: [0-9a-f-]{36}/m);
    assert.match(result.stderr, /^hint: /m);
    // -o table has no error table: errors keep the text form.
    const table = await conflict(['-o', 'table']);
    assert.equal(table.code, 1);
    assert.equal(table.stdout, '');
    assert.match(table.stderr, /^error: .*PortCheckFailed/m);
  });

  test('-o json: the error is one JSON object on stderr with Code, Message and RequestId', async () => {
    const result = await conflict(['-o', 'json']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    const last = lines(result.stderr).at(-1)!;
    const { Error: error } = JSON.parse(last) as { Error: Record<string, string> };
    assert.equal(error.Code, 'InvalidParameter.PortCheckFailed');
    assert.match(error.Message!, /already used/);
    assert.match(error.RequestId!, REQUEST_ID);
    assert.equal(typeof error.Hint, 'string');
  });

  test('-q -o json: stderr is exactly the JSON error, for a script to parse', async () => {
    const result = await conflict(['-q', '-o', 'json']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.equal(lines(result.stderr).length, 1, result.stderr);
    assert.equal((JSON.parse(result.stderr) as { Error: { Code: string } }).Error.Code, 'InvalidParameter.PortCheckFailed');
  });

  test('-o json validation errors: Code and Message, no RequestId (nothing was sent)', async () => {
    const before = await emu.requestCount();
    const result = await cli(['create', '--lb', LBS[3]!, '--port', '70000', '--protocol', 'TCP', '-o', 'json']);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    const { Error: error } = JSON.parse(lines(result.stderr).at(-1)!) as { Error: Record<string, string> };
    assert.equal(error.Code, 'Usage');
    assert.match(error.Message!, /--port must be 1–65535, got 70000/);
    assert.equal(error.RequestId, undefined);
    assert.equal(await emu.requestCount(), before);
  });

  test('wait -o json errors: a failed task is JSON too, with its RequestId', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'taskFail', message: 'backend exploded' }]);
    const started = await cli([
      'create',
      '--lb',
      LBS[3]!,
      '--port',
      String(port()),
      '--protocol',
      'TCP',
      '--no-wait',
      '--query',
      'RequestId',
    ]);
    assertOk(started, 'create --no-wait');
    const id = started.stdout.trim();
    const result = await cli(['wait', id, '-o', 'json']);
    assert.equal(result.code, 4);
    assert.equal(result.stdout, '');
    const { Error: error } = JSON.parse(lines(result.stderr).at(-1)!) as { Error: Record<string, string> };
    assert.equal(error.Code, 'TaskFailed');
    assert.match(error.Message!, /backend exploded/);
    assert.equal(error.RequestId, id);
  });
});

// ---- skeleton and --from-file ----------------------------------------------------------------

describe('--skeleton → edit → --from-file', () => {
  /** The skeleton edited into a TCP listener: real values, and the fields TCP does not take removed. */
  function editForTcp(skeleton: Record<string, unknown>, lb: string, p: number): Record<string, unknown> {
    const body: Record<string, unknown> = {
      ...skeleton,
      LoadBalancerId: lb,
      Ports: [p],
      Protocol: 'TCP',
      ListenerNames: ['from-skeleton'],
    };
    for (const field of CREATE_LISTENER_FIELDS) if (!fieldApplies(field.api, 'TCP')) delete body[field.api];
    // A port range and full-port listeners are other kinds of listener.
    delete body.EndPort;
    delete body.FullEndPorts;
    const health = { ...(body.HealthCheck as Record<string, unknown>) };
    for (const field of HEALTH_CHECK_FIELDS) if (!fieldApplies(`HealthCheck.${field.api}`, 'TCP')) delete health[field.api];
    // CheckType TCP: no HTTP, GRPC or CUSTOM check settings.
    for (const key of [
      'HttpCode',
      'HttpCheckPath',
      'HttpCheckDomain',
      'HttpCheckMethod',
      'HttpVersion',
      'ExtendedCode',
      'ContextType',
      'SendContext',
      'RecvContext',
    ]) {
      delete health[key];
    }
    body.HealthCheck = health;
    return body;
  }

  async function skeleton(): Promise<Record<string, unknown>> {
    const result = await runCli(['create', '--skeleton'], { env: home.env() });
    assertOk(result, 'create --skeleton');
    assert.equal(result.stderr, '', 'the skeleton needs no credentials and says nothing else');
    const body = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(
      Object.keys(body),
      CREATE_LISTENER_FIELDS.map((f) => f.api),
      'every field of the table, in its order',
    );
    return body;
  }

  test('from a file: the listener is created with exactly the edited body', async () => {
    const p = port();
    const body = editForTcp(await skeleton(), LBS[4]!, p);
    const file = home.path('request.json');
    writeFileSync(file, JSON.stringify(body, null, 2));
    const result = await cli(['create', '--from-file', file]);
    assertOk(result, 'create --from-file');
    const [id] = lines(result.stdout);
    const made = (await listenersOf(LBS[4]!)).find((l) => l.ListenerId === id);
    assert.ok(made, `listener ${id} exists`);
    assert.equal(made.Port, p);
    assert.deepEqual(made.request, body, 'the request sent is the edited skeleton, explicit false and 0 included');
  });

  test('from stdin (--from-file -), with a flag overriding a field of the body', async () => {
    const p = port();
    const body = editForTcp(await skeleton(), LBS[4]!, p);
    const result = await cli(['create', '--from-file', '-', '--scheduler', 'LEAST_CONN', '-o', 'json'], { input: JSON.stringify(body) });
    assertOk(result, 'create --from-file -');
    const out = JSON.parse(result.stdout) as { ListenerIds: string[] };
    const made = (await listenersOf(LBS[4]!)).find((l) => l.ListenerId === out.ListenerIds[0]);
    assert.deepEqual(made?.request, { ...body, Scheduler: 'LEAST_CONN' });
  });

  test('the unedited skeleton is refused before anything is sent (exit 2)', async () => {
    const before = await emu.requestCount();
    const result = await cli(['create', '--from-file', '-'], { input: JSON.stringify(await skeleton()) });
    assert.equal(result.code, 2, result.stderr);
    assert.equal(await emu.requestCount(), before);
  });
});

// ---- dry run and debug -----------------------------------------------------------------------

describe('--dry-run and --debug never show a secret', () => {
  const keyFile = 'test/fixtures/server.key';
  const certFile = 'test/fixtures/server.crt';
  /** The base64 lines of the private key: none may ever be printed. */
  const keyBody = () =>
    readFileSync(join(REPO_ROOT, keyFile), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('-----'));
  const keyBytes = () => readFileSync(join(REPO_ROOT, keyFile)).length;

  function assertNoSecrets(result: RunResult): void {
    const all = result.stdout + result.stderr;
    assert.ok(!all.includes(emu.secretKey), 'the SecretKey is never printed');
    for (const line of keyBody()) assert.ok(!all.includes(line), `the private key is never printed (found ${line})`);
  }

  test('--dry-run sends nothing, prints the request with the key redacted', async () => {
    const before = await emu.requestCount();
    const p = port();
    const result = await cli([
      'create',
      '--lb',
      LBS[5]!,
      '--port',
      String(p),
      '--protocol',
      'HTTPS',
      '--cert-file',
      certFile,
      '--key-file',
      keyFile,
      '--dry-run',
    ]);
    assertOk(result, 'create --dry-run');
    assert.equal(await emu.requestCount(), before, 'the emulator received nothing');
    const dump = JSON.parse(result.stdout) as {
      DryRun: boolean;
      Action: string;
      Headers: Record<string, string>;
      Body: { Ports: number[]; Certificate: Record<string, string> };
    };
    assert.equal(dump.DryRun, true);
    assert.equal(dump.Action, 'CreateListener');
    assert.deepEqual(dump.Body.Ports, [p]);
    assert.equal(dump.Body.Certificate.CertKey, `<redacted: ${keyBytes()} bytes>`);
    assert.match(dump.Headers.Authorization!, /Signature=<redacted>/);
    assert.match(result.stderr, /dry run: nothing was sent/);
    assertNoSecrets(result);
  });

  test('--dry-run -q: the request on stdout, nothing on stderr', async () => {
    const result = await cli(['create', '--lb', LBS[5]!, '--port', String(port()), '--protocol', 'TCP', '--dry-run', '-q']);
    assertOk(result, 'create --dry-run -q');
    assert.equal(result.stderr, '');
    assert.equal((JSON.parse(result.stdout) as { DryRun: boolean }).DryRun, true);
  });

  test('--debug logs the wire exchange on stderr, redacted; stdout keeps only the ids', async () => {
    const result = await cli([
      'create',
      '--lb',
      LBS[5]!,
      '--port',
      String(port()),
      '--protocol',
      'HTTPS',
      '--cert-file',
      certFile,
      '--key-file',
      keyFile,
      '--debug',
    ]);
    assertOk(result, 'create --debug');
    assert.match(result.stdout, /^lbl-[a-z0-9]{8}\n$/);
    assert.match(result.stderr, /^\[debug\] → CreateListener/m);
    assert.match(result.stderr, /^\[debug\] ← CreateListener HTTP 200/m);
    assert.match(result.stderr, /^\[debug\] → DescribeTaskStatus/m);
    assert.match(result.stderr, /Signature=<redacted>/);
    assert.doesNotMatch(result.stderr, /Signature=[0-9a-f]{64}/);
    assert.match(result.stderr, new RegExp(`"CertKey":"<redacted: ${keyBytes()} bytes>"`));
    assertNoSecrets(result);
  });

  test('without --debug there is no wire log', async () => {
    const result = await cli(['create', '--lb', LBS[5]!, '--port', String(port()), '--protocol', 'TCP']);
    assertOk(result, 'create');
    assert.doesNotMatch(result.stderr, /\[debug\]/);
  });
});

// ---- colour and quiet ------------------------------------------------------------------------

describe('colour and -q', () => {
  /** A success (green ✔ on stderr) and a port conflict (red error: on stderr), with `extra` applied. */
  async function both(extraArgs: string[], extraEnv: Record<string, string>): Promise<{ ok: RunResult; failed: RunResult }> {
    const p = port();
    const args = ['create', '--lb', LBS[5]!, '--port', String(p), '--protocol', 'TCP', ...extraArgs];
    const ok = await cli(args, { env: env(extraEnv) });
    assertOk(ok, 'create');
    // The same again: refused before sending, the port being taken (exit 1).
    const failed = await cli(args, { env: env(extraEnv) });
    assert.equal(failed.code, 1, failed.stderr);
    return { ok, failed };
  }

  test('stderr is not a terminal: no escape codes', async () => {
    const { ok, failed } = await both([], {});
    for (const r of [ok, failed]) assert.ok(!(r.stdout + r.stderr).includes(ESC), JSON.stringify(r.stderr));
  });

  test('FORCE_COLOR=1 colours stderr even when it is not a terminal; stdout text stays plain', async () => {
    const { ok, failed } = await both([], { FORCE_COLOR: '1' });
    assert.ok(ok.stderr.includes(`${ESC}32m✔`), JSON.stringify(ok.stderr));
    assert.ok(failed.stderr.includes(`${ESC}31merror:`), JSON.stringify(failed.stderr));
    assert.ok(failed.stderr.includes(`${ESC}33mhint:`), JSON.stringify(failed.stderr));
    assert.match(ok.stdout, /^lbl-[a-z0-9]{8}\n$/, 'ids are never coloured');
  });

  test('NO_COLOR, and --no-color even with FORCE_COLOR=1, switch colours off', async () => {
    for (const [args, extra] of [
      [[], { NO_COLOR: '1' }],
      [['--no-color'], { FORCE_COLOR: '1' }],
    ] as const) {
      const { ok, failed } = await both([...args], { ...extra });
      for (const r of [ok, failed])
        assert.ok(!(r.stdout + r.stderr).includes(ESC), `${JSON.stringify(extra)} ${args.join(' ')}: ${JSON.stringify(r.stderr)}`);
    }
  });

  test('-q: data and errors only', async () => {
    const { ok, failed } = await both(['-q'], {});
    assert.equal(ok.stderr, '', 'no progress');
    assert.match(ok.stdout, /^lbl-[a-z0-9]{8}\n$/);
    assert.equal(failed.stdout, '');
    assert.match(failed.stderr, /^error: port \d+ on \S+ is held by lbl-\w+ \(TCP\); nothing was sent/);
    assert.doesNotMatch(failed.stderr, /Creating/);

    const started = await cli([
      'create',
      '--lb',
      LBS[5]!,
      '--port',
      String(port()),
      '--protocol',
      'TCP',
      '--no-wait',
      '-q',
      '--query',
      'RequestId',
    ]);
    assertOk(started, 'create --no-wait -q');
    assert.equal(started.stderr, '', 'no "follow it with" note under -q');
    const waited = await cli(['wait', started.stdout.trim(), '-q']);
    assertOk(waited, 'wait -q');
    assert.equal(waited.stdout + waited.stderr, '');
  });
});
