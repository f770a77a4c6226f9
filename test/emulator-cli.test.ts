// `clb-listener emulator` in-process: the loopback rule and bad numbers are usage errors (exit 2)
// before anything listens; the region it serves is the one commands would send; at a terminal it
// says how to use it. Its life as a process (the JSON line, SIGTERM, --state across a restart) is
// in test/e2e.test.ts.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stripVTControlCharacters } from 'node:util';
import { main } from '../src/cli/main.js';
import { runCli } from './helpers/cli.js';
import { fakeTerminal, terminalContext } from './helpers/fake-tty.js';
import { makeTempHome } from './helpers/home.js';

describe('clb-listener emulator', () => {
  test('refuses a non-loopback host and bad numbers with exit 2', async () => {
    const host = await runCli(['emulator', '--host', '0.0.0.0']);
    assert.equal(host.code, 2);
    assert.match(host.stderr, /loopback/);
    assert.equal(host.stdout, '');
    const lb = await runCli(['emulator', '--load-balancers', 'lb_BAD']);
    assert.equal(lb.code, 2);
    assert.match(lb.stderr, /--load-balancers|lb-/);
    const delay = await runCli(['emulator', '--task-delay', 'soon']);
    assert.equal(delay.code, 2);
    assert.match(delay.stderr, /--task-delay/);
  });
});

/** `clb-listener emulator` in-process until its JSON line is out; then stopped. */
async function startStop(args: string[], options: { tty: boolean; env?: Record<string, string> }) {
  const stop = new AbortController();
  const term = fakeTerminal({ tty: options.tty });
  const ctx = terminalContext(term, { env: options.env ?? { PATH: process.env.PATH ?? '/usr/bin:/bin' }, signal: stop.signal });
  const done = main(['emulator', '--port', '0', ...args], ctx);
  await Promise.race([term.waitFor('\n', 10_000), done]);
  stop.abort();
  const code = await done;
  const line = term.stdout.text.split('\n')[0]!;
  return {
    code,
    printed: JSON.parse(stripVTControlCharacters(line)) as Record<string, string>,
    stdout: term.stdout.text,
    stderr: term.err(),
  };
}

describe('clb-listener emulator: the region it serves', () => {
  const home = makeTempHome();
  after(() => home.cleanup());
  home.tccli('default', { configure: { _sys_param: { region: 'ap-beijing' } } });
  home.tccli('other', { configure: { _sys_param: { region: 'ap-chengdu' } } });

  test('the one commands would send: --region, then TENCENTCLOUD_REGION, then the profile, else ap-guangzhou', async () => {
    const cases: [string[], Record<string, string>, string][] = [
      [[], { PATH: '/usr/bin:/bin' }, 'ap-guangzhou'],
      [[], home.env(), 'ap-beijing'],
      [[], home.env({ TENCENTCLOUD_REGION: 'ap-shanghai' }), 'ap-shanghai'],
      [['--region', 'na-siliconvalley'], home.env({ TENCENTCLOUD_REGION: 'ap-shanghai' }), 'na-siliconvalley'],
      // --profile switches the environment off, as for every command.
      [['--profile', 'other'], home.env({ TENCENTCLOUD_REGION: 'ap-shanghai' }), 'ap-chengdu'],
    ];
    for (const [args, env, region] of cases) {
      const run = await startStop(args, { tty: false, env });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.printed.region, region, `${args.join(' ')} ${JSON.stringify(env)}`);
    }
  });

  test('a malformed TENCENTCLOUD_REGION is refused, naming where it came from', async () => {
    const result = await runCli(['emulator', '--port', '0'], { env: { TENCENTCLOUD_REGION: 'AP GZ' } });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^error: TENCENTCLOUD_REGION "AP GZ" is not a region code/);
    assert.equal(result.stdout, '');
  });
});

describe('clb-listener emulator at a terminal', () => {
  test('stdout keeps its one JSON line; stderr gives export lines to paste, a command to try and how to stop', async () => {
    const run = await startStop(['--load-balancers', 'lb-aaaa1111', '--token', 'tok en'], { tty: true });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.split('\n').length, 2, 'one line on stdout');
    const { endpoint, secretId, secretKey, region } = run.printed;
    const lines = run.stderr.split('\n');
    for (const expected of [
      `  export TENCENTCLOUD_SECRET_ID=${secretId}`,
      `  export TENCENTCLOUD_SECRET_KEY=${secretKey}`,
      "  export TENCENTCLOUD_SESSION_TOKEN='tok en'",
      `  export TENCENTCLOUD_REGION=${region}`,
      `  export CLB_LISTENER_ENDPOINT=${endpoint}`,
      '  clb-listener create --lb lb-aaaa1111 --port 8080 --protocol TCP',
      'Ctrl-C to stop.',
    ]) {
      assert.ok(lines.includes(expected), `${expected}\nin:\n${run.stderr}`);
    }
    assert.match(run.stderr, new RegExp(`Serving region ${region} \\(from the default\\) on ${endpoint}\\.`));
  });

  test('off a terminal (a script reading the line), and with -q, stderr stays empty', async () => {
    assert.equal((await startStop([], { tty: false })).stderr, '');
    assert.equal((await startStop(['-q'], { tty: true })).stderr, '');
  });
});
