/**
 * Exit codes exactly as docs/design.md lists them, each provoked for real against the emulator
 * (faults for failed, hung and dropped work; an interrupt for 130). In-process; the real process's
 * exit status and SIGINT are in test/e2e.test.ts. And the help that
 * documents them: the code table in --help, examples in every command's help, create's groups.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { makeTempHome, runCli, type RunResult, type TempHome } from './helpers/home.js';
import { ExitCode, EXIT_CODE_HELP } from '../src/cli/exit-codes.js';

const LBS = ['lb-exit0001', 'lb-exit0002', 'lb-exit0003', 'lb-exit0004', 'lb-exit0005', 'lb-exit0006'];
const REQUEST_ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

let emu: InProcessEmulator;
let home: TempHome;
let nextPort = 20000;
const port = () => String(nextPort++);

before(async () => {
  emu = await inProcessEmulator({ taskDelayMs: 30, loadBalancers: LBS });
  home = makeTempHome();
});
after(async () => {
  await emu.stop();
  home.cleanup();
});

const credentials = () => ({
  TENCENTCLOUD_SECRET_ID: emu.secretId,
  TENCENTCLOUD_SECRET_KEY: emu.secretKey,
  TENCENTCLOUD_REGION: emu.region,
});

function cli(args: string[], env: Record<string, string> = home.env(credentials())): Promise<RunResult> {
  return runCli(['--endpoint', emu.endpoint, ...args], { env });
}

function assertExit(result: RunResult, code: number, what: string): void {
  assert.equal(result.code, code, `${what}: expected exit ${code}, got ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
}

describe('exit codes (docs/design.md)', () => {
  test('the codes are 0 1 2 3 4 5 6 7 8 9 10 11 129 130 143', () => {
    assert.deepEqual(Object.values(ExitCode), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 129, 130, 143]);
    assert.deepEqual(
      EXIT_CODE_HELP.map(([code]) => code),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 129, 130, 143],
    );
  });

  test('0: success', async () => {
    assertExit(await cli(['create', '--lb', LBS[0]!, '--port', port(), '--protocol', 'TCP']), 0, 'create');
  });

  test('1: the API rejected the request (a port taken meanwhile); its Code and RequestId are printed', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'apiError', code: 'InvalidParameter.PortCheckFailed' }]);
    const result = await cli(['create', '--lb', LBS[0]!, '--port', port(), '--protocol', 'TCP']);
    assertExit(result, 1, 'port conflict');
    assert.match(result.stderr, new RegExp(`InvalidParameter\\.PortCheckFailed.*RequestId: ${REQUEST_ID}`));
  });

  test('1: a listener is in the way (the port is held already: found by reading, nothing sent)', async () => {
    const p = port();
    assertExit(await cli(['create', '--lb', LBS[0]!, '--port', p, '--protocol', 'TCP']), 0, 'first create');
    const creates = await emu.requestCount('CreateListener');
    const result = await cli(['create', '--lb', LBS[0]!, '--port', p, '--protocol', 'TCP']);
    assertExit(result, 1, 'port held');
    assert.match(result.stderr, /nothing was sent/);
    assert.equal(await emu.requestCount('CreateListener'), creates);
  });

  test('2: usage and validation errors; nothing was sent', async () => {
    const before = await emu.requestCount();
    const cases: [string[], RegExp][] = [
      [['create', '--lb', LBS[0]!, '--port', '0', '--protocol', 'TCP'], /--port must be 1–65535, got 0/],
      [['create', '--lb', LBS[0]!, '--port', port()], /--protocol/],
      [['create', '--lb', 'not-an-lb', '--port', port(), '--protocol', 'TCP'], /lb-xxxxxxxx/],
      [['create', '--lb', LBS[0]!, '--port', port(), '--protocol', 'SCTP'], /SCTP/],
      [['create', '--lb', LBS[0]!, '--port', port(), '--protocol', 'TCP', '--no-such-flag'], /--no-such-flag/],
      [['-o', 'yaml', 'create'], /yaml/],
      [['wait', 'not a request id'], /RequestId/],
      [['frobnicate'], /frobnicate/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args);
      assertExit(result, 2, args.join(' '));
      assert.match(result.stderr, /^error: /m, args.join(' '));
      assert.match(result.stderr, message, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
    }
    assert.equal(await emu.requestCount(), before, 'the emulator received nothing');
  });

  test('3: no credentials anywhere', async () => {
    const result = await cli(
      ['create', '--lb', LBS[0]!, '--port', port(), '--protocol', 'TCP'],
      home.env({ TENCENTCLOUD_REGION: emu.region }),
    );
    assertExit(result, 3, 'no credentials');
    assert.match(result.stderr, /^error: no credentials found/m);
    assert.match(result.stderr, /^hint: .*TENCENTCLOUD_SECRET_ID/m);
  });

  test('3: credentials refused (wrong SecretKey → AuthFailure)', async () => {
    const result = await cli(
      ['create', '--lb', LBS[0]!, '--port', port(), '--protocol', 'TCP'],
      home.env({ ...credentials(), TENCENTCLOUD_SECRET_KEY: 'WrongWrongWrongWrongWrongWrong00' }),
    );
    assertExit(result, 3, 'wrong key');
    assert.match(result.stderr, /AuthFailure\.SignatureFailure/);
    assert.ok(!result.stderr.includes('WrongWrongWrongWrongWrongWrong00'), 'the key is not echoed');
  });

  test('4: the task ran and failed (taskFail); its Message is printed', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'taskFail', message: 'the backend said no' }]);
    const result = await cli(['create', '--lb', LBS[1]!, '--port', port(), '--protocol', 'TCP']);
    assertExit(result, 4, 'taskFail');
    assert.match(result.stderr, /failed: the backend said no/);
  });

  test('5: gave up waiting (--wait-timeout 1, taskHang); "clb-listener wait <id>" is printed, and wait resumes', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'taskHang' }]);
    const result = await cli(['create', '--lb', LBS[2]!, '--port', port(), '--protocol', 'TCP', '--wait-timeout', '1']);
    assertExit(result, 5, 'taskHang');
    const id = new RegExp(`clb-listener wait (${REQUEST_ID})`).exec(result.stderr)?.[1];
    assert.ok(id, `stderr names the command to resume: ${result.stderr}`);
    const again = await cli(['wait', id, '--wait-timeout', '1']);
    assertExit(again, 5, 'wait on the hung task');
    assert.match(again.stderr, new RegExp(`clb-listener wait ${id}`));
  });

  test('6: network failure (the connection to CreateListener is dropped); what to check is printed', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'drop' }]);
    const result = await cli(['create', '--lb', LBS[3]!, '--port', port(), '--protocol', 'TCP']);
    assertExit(result, 6, 'drop');
    assert.match(result.stderr, /^error: CreateListener: /m);
    assert.match(result.stderr, /^hint: .*may or may not have been applied/m);
  });

  test('7: the create was accepted, then the wait could not go on; the ids and the resume command are printed', async () => {
    await emu.faults([{ action: 'DescribeTaskStatus', kind: 'apiError', code: 'AuthFailure.TokenFailure' }]);
    const result = await cli(['create', '--lb', LBS[5]!, '--port', port(), '--protocol', 'TCP']);
    assertExit(result, 7, 'poll refused after an accepted create');
    const id = new RegExp(`CreateListener was accepted \\(task (${REQUEST_ID})\\)`).exec(result.stderr)?.[1];
    assert.ok(id, result.stderr);
    assert.match(result.stderr, /^listener ids: lbl-\w+$/m);
    assert.match(result.stderr, new RegExp(`^hint: the credentials were refused while waiting.*clb-listener wait ${id}`, 'm'));
  });

  test('6: -o json network errors are JSON too', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'drop' }]);
    const result = await cli(['create', '--lb', LBS[3]!, '--port', port(), '--protocol', 'TCP', '-o', 'json', '-q']);
    assertExit(result, 6, 'drop -o json');
    assert.equal((JSON.parse(result.stderr) as { Error: { Code: string } }).Error.Code, 'Network');
  });

  test('130: interrupted while waiting; the RequestId is printed and the task left running', async () => {
    await emu.faults([{ action: 'CreateListener', kind: 'taskHang' }]);
    const clock = emu.clock!;
    const ctrlC = new AbortController();
    clock.auto = false;
    try {
      const pending = runCli(['--endpoint', emu.endpoint, 'create', '--lb', LBS[4]!, '--port', port(), '--protocol', 'TCP'], {
        env: home.env(credentials()),
        signal: ctrlC.signal,
      });
      // Interrupt only once the listener was accepted and the task is being polled.
      await clock.sleeping(pending);
      ctrlC.abort('SIGINT');
      const result = await pending;
      assertExit(result, 130, 'interrupted');
      const id = new RegExp(`interrupted while waiting for task (${REQUEST_ID})`).exec(result.stderr)?.[1];
      assert.ok(id, `the RequestId is printed: ${result.stderr}`);
      assert.match(result.stderr, new RegExp(`clb-listener wait ${id}`));
      assert.equal(result.stdout, '');
      const task = (await emu.state()).tasks.find((t) => t.TaskId === id);
      assert.equal(task?.Status, 2, 'the task is still running');
    } finally {
      clock.auto = true;
    }
  });
});

/** Known gaps, reported to the command's owner; remove the entry once the help has an example. */
const COMMANDS_WITHOUT_EXAMPLES: Record<string, string> = {};

describe('help documents the codes and the usage', () => {
  test('--help lists every exit code with its meaning', async () => {
    const result = await runCli(['--help'], { env: home.env() });
    assertExit(result, 0, '--help');
    // Each meaning may wrap at the help width, under itself.
    const section = result.stdout.slice(result.stdout.indexOf('Exit codes:')).replace(/\n {7}(?=\S)/g, ' ');
    for (const [code, { en: text }] of EXIT_CODE_HELP) {
      assert.match(section, new RegExp(`^ +${code}  ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'), `exit code ${code}`);
    }
  });

  test('every command’s --help shows an example', async (t) => {
    const top = await runCli(['--help'], { env: home.env() });
    const commands = [...top.stdout.slice(top.stdout.indexOf('Commands:'), top.stdout.indexOf('Exit codes:')).matchAll(/^ {2}([a-z-]+)/gm)]
      .map((m) => m[1]!)
      .filter((c) => c !== 'help');
    assert.ok(commands.includes('create') && commands.includes('completion'), commands.join(' '));
    for (const command of commands) {
      const todo = COMMANDS_WITHOUT_EXAMPLES[command];
      await t.test(`${command} --help`, todo ? { todo } : {}, async () => {
        const result = await runCli([command, '--help'], { env: home.env() });
        assertExit(result, 0, `${command} --help`);
        // An indented line that runs the command (possibly after a pipe).
        assert.match(
          result.stdout,
          new RegExp(`^ +(?:\\S.*\\| *)?clb-listener ${command}\\b`, 'm'),
          `${command} --help has an example invocation`,
        );
      });
    }
  });

  test('create --help groups its options: Required, Listener, Certificate, Health check, Connection limits, Rescheduling', async () => {
    const result = await runCli(['create', '--help'], { env: home.env() });
    assertExit(result, 0, 'create --help');
    const sections = new Map<string, string>();
    let current = '';
    for (const line of result.stdout.split('\n')) {
      const heading = /^([A-Z][^:]*):$/.exec(line)?.[1];
      if (heading) {
        current = heading;
        sections.set(current, '');
      } else if (current) sections.set(current, `${sections.get(current)! + line}\n`);
    }
    const expected: [string, string[]][] = [
      ['Required', ['--load-balancer-id', '--ports', '--protocol']],
      ['Listener', ['--listener-names', '--scheduler', '--session-expire-time']],
      ['Certificate', ['--certificate', '--cert-id', '--cert-file', '--key-file', '--ssl-mode']],
      ['Health check', ['--health-check']],
      ['Connection limits', ['--max-conn', '--max-cps', '--idle-connect-timeout']],
      ['Rescheduling (TCP/UDP)', ['--reschedule-interval', '--deregister-target-rst']],
    ];
    const headings = [...sections.keys()];
    for (const [heading, flags] of expected) {
      assert.ok(sections.has(heading), `a "${heading}:" group: ${headings.join(' | ')}`);
      for (const flag of flags) assert.match(sections.get(heading)!, new RegExp(`^ +${flag}\\b`, 'm'), `${flag} is under ${heading}`);
    }
  });
});
