// What a newcomer meets first: bare `clb-listener`, `help` with a wrong name, the same flag names
// on every command, durations for every timeout, "did you mean" for enum values and configure
// keys, and the emulator's lines to paste (CLB_LISTENER_ENDPOINT among them) working as pasted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stripVTControlCharacters } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { runAgainst, runCli } from './helpers/cli.js';
import { inProcessEmulator, REPO_ROOT, type InProcessEmulator } from './helpers/emulator.js';
import { fakeTerminal, terminalContext } from './helpers/fake-tty.js';
import { makeTempHome } from './helpers/home.js';
import { eventually } from './helpers/eventually.js';
import { durationSeconds } from '../src/cli/seconds.js';
import { closest } from '../src/core/suggest.js';
import { LANGUAGES, placeholders } from '../src/core/i18n.js';
import { USAGE_TEXTS } from '../src/core/usage-texts.js';
import { displayWidth } from '../src/core/width.js';
import { promptLook, promptOutput, type PromptLook } from '../src/ui/interactive/asker.js';

const LB = 'lb-aaaa1111';

describe('help for someone who does not know the commands yet', () => {
  test('bare clb-listener prints the help on stdout and exits 0', async () => {
    const bare = await runCli([]);
    assert.equal(bare.code, 0, bare.stderr);
    assert.equal(bare.stderr, '');
    assert.equal(bare.stdout, (await runCli(['--help'])).stdout);
    assert.match(bare.stdout, /^Usage: clb-listener /);
  });

  test('help with an unknown command is one usage error naming it, with the closest command', async () => {
    const typo = await runCli(['help', 'crate']);
    assert.equal(typo.code, 2);
    assert.equal(typo.stdout, '');
    assert.equal(typo.stderr, "error: unknown command 'crate' (did you mean create?)\nhint: run 'clb-listener --help' for the commands\n");
    const none = await runCli(['help', 'nosuch']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^error: unknown command 'nosuch'\n/);
    assert.doesNotMatch(none.stderr, /outputHelp|Usage:/);
    const known = await runCli(['help', 'list']);
    assert.equal(known.code, 0, known.stderr);
    assert.match(known.stdout, /^Usage: clb-listener list /);
  });

  test('-o takes any case, and a near miss is named', async () => {
    const upper = await runCli(['-o', 'JSON', 'whoami'], { env: { PATH: process.env.PATH ?? '' } });
    // No credentials: the error is the JSON one -o json asked for.
    assert.match(upper.stderr, /^\{"Error":\{"Code":"Credentials"/);
    const typo = await runCli(['-o', 'jsn', 'list', '--lb', LB]);
    assert.equal(typo.code, 2);
    assert.equal(typo.stderr.split('\n')[0], 'error: --output "jsn": must be one of text, json, table (did you mean json?)');
    const far = await runCli(['--output', 'xml', 'list', '--lb', LB]);
    assert.equal(far.stderr.split('\n')[0], 'error: --output "xml": must be one of text, json, table');
  });
});

describe('the same flag names on list and delete as on create', () => {
  let emu: InProcessEmulator;
  let ids: string[];
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
    const created = await runAgainst(emu, ['create', '--load-balancer-id', LB, '--ports', '80,81', '--protocol', 'TCP']);
    assert.equal(created.code, 0, created.stderr);
    ids = created.stdout.trim().split('\n');
  });
  after(() => emu.stop());

  test('list: --load-balancer-id or --lb, --port or --ports, --listener-id or --listener-ids', async () => {
    for (const args of [
      ['--load-balancer-id', LB, '--port', '81'],
      ['--lb', LB, '--ports', '81'],
      ['--load-balancer-id', LB, '--lb', LB, '--listener-ids', ids[1]!],
    ]) {
      const result = await runAgainst(emu, ['list', ...args, '-o', 'json', '--query', 'Listeners[].ListenerId']);
      assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
      assert.deepEqual(JSON.parse(result.stdout), [ids[1]], args.join(' '));
    }
  });

  test('the name typed is the name in the error; two names that disagree, and none, are usage errors', async () => {
    const bad = await runAgainst(emu, ['list', '--load-balancer-id', 'lb_nope']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^error: --load-balancer-id "lb_nope"/);
    const port = await runAgainst(emu, ['list', '--lb', LB, '--ports', '70000']);
    assert.match(port.stderr, /^error: --ports must be 1–65535/);
    const both = await runAgainst(emu, ['list', '--lb', LB, '--load-balancer-id', 'lb-bbbb2222']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /^error: --load-balancer-id "lb-bbbb2222" and --lb "lb-aaaa1111" contradict each other\n/);
    const none = await runAgainst(emu, ['list']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^error: required option '--load-balancer-id <id>' not specified\n/);
    assert.deepEqual([...bad.requests!, ...port.requests!, ...both.requests!, ...none.requests!], []);
  });

  test('delete --load-balancer-id … --listener-ids … deletes', async () => {
    const result = await runAgainst(emu, ['delete', '--load-balancer-id', LB, '--listener-ids', ids[0]!, '--wait-timeout', '1m']);
    assert.equal(result.code, 0, result.stderr);
    const left = await runAgainst(emu, ['list', '--lb', LB, '-o', 'json', '--query', 'Listeners[].ListenerId']);
    assert.deepEqual(JSON.parse(left.stdout), [ids[1]]);
    const none = await runAgainst(emu, ['delete', '--lb', LB]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^error: required option '--listener-id <id>' not specified/);
  });
});

describe('durations wherever a timeout is taken', () => {
  test('30s, 5m, 1h, 1m30s, 500ms and plain seconds', () => {
    assert.equal(durationSeconds('30s'), 30);
    assert.equal(durationSeconds('5m'), 300);
    assert.equal(durationSeconds('1h'), 3600);
    assert.equal(durationSeconds('1m30s'), 90);
    assert.equal(durationSeconds('500ms'), 0.5);
    assert.equal(durationSeconds('90'), 90);
    assert.equal(durationSeconds('2.5'), 2.5);
    assert.equal(durationSeconds('5M'), 300);
    for (const bad of ['', 'soon', '5 m', '-5s', 'm5', '1d', '5m-']) assert.equal(durationSeconds(bad), undefined, bad);
  });

  test('--wait-timeout and --request-timeout take them on every command; out of range is a usage error', async () => {
    const dry = ['--lb', LB, '--port', '80', '--protocol', 'TCP', '--region', 'ap-guangzhou', '--dry-run'];
    for (const value of ['5m', '30s', '300']) {
      const result = await runCli(['create', ...dry, '--wait-timeout', value, '--request-timeout', '10s']);
      assert.equal(result.code, 0, `${value}: ${result.stderr}`);
    }
    const tooLong = await runCli(['create', ...dry, '--wait-timeout', '2d']);
    assert.equal(tooLong.code, 2);
    assert.equal(
      tooLong.stderr.split('\n')[0],
      'error: --wait-timeout "2d": must be a duration from 1s to 24h, such as 30s, 5m or 90 (seconds)',
    );
    const del = await runCli([
      'delete',
      '--lb',
      LB,
      '--listener-id',
      'lbl-aaaa1111',
      '--dry-run',
      '--region',
      'ap-guangzhou',
      '--wait-timeout',
      '25h',
    ]);
    assert.equal(del.code, 2);
    assert.match(del.stderr, /^error: --wait-timeout "25h": must be a duration from 1s to 24h/);
    const wait = await runCli(['wait', '6aa274e5-ff78-4e9e-b13c-30a9e21b107e', '--wait-timeout', 'soon']);
    assert.equal(wait.code, 2);
    assert.match(wait.stderr, /^error: --wait-timeout "soon": must be a duration/);
  });
});

describe('did you mean', () => {
  test('closest: case first, then a few edits; nonsense gets nothing', () => {
    assert.deepEqual(closest('tcp', ['TCP', 'UDP']), ['TCP']);
    assert.deepEqual(closest('TPC', ['TCP', 'UDP', 'HTTP']), ['TCP']);
    assert.deepEqual(closest('regoin', ['region', 'output']), ['region']);
    assert.deepEqual(closest('ap-beijng', ['ap-beijing', 'ap-nanjing']), ['ap-beijing']);
    assert.deepEqual(closest('banana', ['TCP', 'UDP']), []);
    assert.deepEqual(closest('x'.repeat(1_000_000), ['TCP']), [], 'a huge value is not compared');
  });

  test('an enum value of create and list names the closest value', async () => {
    const create = await runCli(['create', '--lb', LB, '--port', '80', '--protocol', 'TPC', '--region', 'ap-guangzhou', '--dry-run']);
    assert.equal(create.code, 2);
    assert.equal(
      create.stderr.split('\n')[0],
      'error: --protocol must be one of TCP, UDP, HTTP, HTTPS, TCP_SSL, QUIC, got "TPC" (did you mean TCP?)',
    );
    const scheduler = await runCli([
      'create',
      '--lb',
      LB,
      '--port',
      '80',
      '--protocol',
      'TCP',
      '--scheduler',
      'LEAST_CON',
      '--region',
      'ap-guangzhou',
      '--dry-run',
    ]);
    assert.match(scheduler.stderr, /^error: --scheduler must be one of WRR, LEAST_CONN, got "LEAST_CON" \(did you mean LEAST_CONN\?\)/);
    const list = await runCli(['list', '--lb', LB, '--protocol', 'htps']);
    assert.equal(list.code, 2);
    assert.equal(
      list.stderr.split('\n')[0],
      'error: --protocol "htps": must be one of TCP, UDP, HTTP, HTTPS, TCP_SSL, QUIC (did you mean HTTPS?)',
    );
  });

  test('configure: a mistyped key names the key; an unknown region is stored with a warning naming the closest', async () => {
    const home = makeTempHome();
    try {
      const key = await runCli(['configure', 'set', 'regoin', 'ap-guangzhou'], { env: home.env() });
      assert.equal(key.code, 2);
      assert.equal(key.stderr.split('\n')[0], 'error: unknown configuration key "regoin" (did you mean region?)');
      const region = await runCli(['configure', 'set', 'region', 'ap-beijng'], { env: home.env() });
      assert.equal(region.code, 0, region.stderr);
      assert.match(region.stderr, /^warning: "ap-beijng" is not a region this tool knows \(did you mean ap-beijing\?\); stored as given\n/);
      assert.equal((home.readJson('.tccli', 'default.configure') as { _sys_param: { region: string } })._sys_param.region, 'ap-beijng');
      const known = await runCli(['configure', 'set', 'region', 'ap-beijing'], { env: home.env() });
      assert.doesNotMatch(known.stderr, /warning/);
      const quiet = await runCli(['configure', 'set', 'region', 'xx-nowhere', '-q'], { env: home.env() });
      assert.equal(quiet.stderr, '');
    } finally {
      home.cleanup();
    }
  });
});

describe("the emulator's lines to paste", () => {
  test('at a terminal it prints export lines with CLB_LISTENER_ENDPOINT; pasted, a create needs no --endpoint', async () => {
    const stop = new AbortController();
    const term = fakeTerminal({ tty: true });
    const home = makeTempHome();
    const ctx = terminalContext(term, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home.dir }, signal: stop.signal });
    const done = main(['emulator', '--port', '0', '--task-delay', '0'], ctx);
    try {
      await Promise.race([
        eventually(() => term.err().includes('Ctrl-C to stop.'), 'the lines to paste', { timeoutMs: 10_000, everyMs: 5 }),
        done.then((code) => assert.fail(`the emulator exited (${code})`)),
      ]);
      const printed = JSON.parse(stripVTControlCharacters(term.stdout.text.split('\n')[0]!)) as {
        endpoint: string;
        loadBalancers: string[];
      };
      const lines = stripVTControlCharacters(term.err()).split('\n');
      const env: Record<string, string> = { ...home.env() };
      for (const line of lines) {
        const match = /^ {2}export ([A-Z_]+)=(\S+)$/.exec(line);
        if (match) env[match[1]!] = match[2]!.replace(/^'|'$/g, '');
      }
      assert.equal(env.CLB_LISTENER_ENDPOINT, printed.endpoint);
      const command = lines.find((l) => l.startsWith('  clb-listener create '));
      assert.ok(command, term.err());
      assert.ok(
        printed.loadBalancers.some((lb) => command.includes(` --lb ${lb} `)),
        command,
      );
      assert.doesNotMatch(command, /--endpoint/);
      const created = await runCli(command.trim().split(' ').slice(1), { env });
      assert.equal(created.code, 0, created.stderr);
      assert.match(created.stdout, /^lbl-[a-z0-9]{8}\n$/);
      const whoami = await runCli(['whoami', '-o', 'json', '--query', 'EndpointSource'], { env });
      assert.equal(JSON.parse(whoami.stdout), 'CLB_LISTENER_ENDPOINT');
      // Then the README's try-out, as a newcomer goes on after pasting every printed line: the
      // command the emulator suggests leaves its ports free.
      const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
      const tryOut = readme.slice(readme.indexOf('\n## Try it in 60 seconds\n'), readme.indexOf('\n## Credentials'));
      const commands = tryOut
        .split('\n')
        .filter((l) => l.startsWith('clb-listener ') && l !== 'clb-listener emulator' && l !== 'clb-listener create -i');
      assert.ok(commands.length >= 4, tryOut);
      for (const line of commands) {
        const result = await runCli(line.split(' ').slice(1), { env });
        assert.equal(result.code, 0, `${line}: ${result.stderr}`);
      }
    } finally {
      stop.abort();
      assert.equal(await done, 0);
      home.cleanup();
    }
  });
});

test('the catalogue entries added here: both languages, the same placeholders', () => {
  for (const [id, text] of Object.entries(USAGE_TEXTS)) {
    for (const language of LANGUAGES) assert.ok(text[language].trim(), `${id}: ${language}`);
    assert.deepEqual(placeholders(text.zh), placeholders(text.en), id);
  }
});

describe('tables', () => {
  test('create and list share one column order; a Chinese name keeps the columns aligned; CREATED says its zone', async () => {
    const emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
    try {
      const created = await runAgainst(emu, [
        'create',
        '--lb',
        LB,
        '--port',
        '80,81',
        '--protocol',
        'TCP',
        '--name',
        '网站,api',
        '-o',
        'table',
      ]);
      assert.equal(created.code, 0, created.stderr);
      const listed = await runAgainst(emu, ['list', '--lb', LB, '-o', 'table']);
      assert.equal(listed.code, 0, listed.stderr);
      const header = (text: string) => text.split('\n')[0]!.split(/ {2,}/);
      assert.deepEqual(header(created.stdout), ['LISTENER ID', 'PROTOCOL', 'PORT', 'NAME']);
      assert.deepEqual(header(listed.stdout).slice(0, 4), header(created.stdout));
      // Every row's CREATED column starts at the same terminal column as the header's.
      const rows = listed.stdout.trimEnd().split('\n');
      const column = (line: string, at: number) => displayWidth(line.slice(0, at));
      const headerAt = displayWidth(rows[0]!.slice(0, rows[0]!.indexOf('CREATED')));
      for (const row of rows.slice(1)) {
        const at = row.search(/\d{4}-\d{2}-\d{2} /);
        assert.equal(column(row, at), headerAt, `misaligned:\n${listed.stdout}`);
        assert.match(row.slice(at), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+08:00$/);
      }
      assert.ok(rows.some((r) => r.includes('网站')));
      // The JSON keeps the API's value as it is.
      const json = await runAgainst(emu, ['list', '--lb', LB, '-o', 'json', '--query', 'Listeners[0].CreateTime']);
      assert.match(JSON.parse(json.stdout) as string, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    } finally {
      await emu.stop();
    }
  });
});

describe('apply --plan', () => {
  test('coloured like terraform at a terminal (+ green, ~ yellow, - red); plain under NO_COLOR, --no-color and in a pipe', async () => {
    const emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
    const home = makeTempHome();
    try {
      const made = await runAgainst(emu, ['create', '--lb', LB, '--port', '81,82', '--protocol', 'TCP', '--name', 'old,gone']);
      assert.equal(made.code, 0, made.stderr);
      const file = home.path('listeners.yaml');
      writeFileSync(
        file,
        `listeners:\n  - { LoadBalancerId: ${LB}, Port: 80, Protocol: TCP, ListenerName: new }\n  - { LoadBalancerId: ${LB}, Port: 81, Protocol: TCP, ListenerName: renamed }\n`,
      );
      const args = ['apply', '-f', file, '--plan', '--prune'];
      const GREEN = '\u001b[32m';
      const YELLOW = '\u001b[33m';
      const RED = '\u001b[31m';
      const tty = await runAgainst(emu, args, { tty: { stdout: true } });
      assert.equal(tty.code, 0, tty.stderr);
      const line = (sign: string) => tty.stdout.split('\n').find((l) => stripVTControlCharacters(l).startsWith(`  ${sign} `)) ?? '';
      assert.ok(line('+').includes(`${GREEN}+ create`), JSON.stringify(tty.stdout));
      assert.ok(line('~').includes(`${YELLOW}~ update`), JSON.stringify(tty.stdout));
      assert.ok(line('-').includes(`${RED}- delete`), JSON.stringify(tty.stdout));
      for (const [how, options, extra] of [
        ['NO_COLOR', { tty: { stdout: true }, env: { NO_COLOR: '1' } }, []],
        ['--no-color', { tty: { stdout: true } }, ['--no-color']],
        ['a pipe', {}, []],
      ] as const) {
        const plain = await runAgainst(emu, [...args, ...extra], options);
        assert.equal(plain.code, 0, plain.stderr);
        assert.doesNotMatch(plain.stdout, /\u001b\[/, how);
        assert.equal(plain.stdout, stripVTControlCharacters(tty.stdout), how);
      }
    } finally {
      await emu.stop();
      home.cleanup();
    }
  });

  test('a file with no listeners names no load balancer: nothing is read, and it says so', async () => {
    const emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
    const home = makeTempHome();
    try {
      writeFileSync(home.path('empty.yaml'), 'listeners: []\n');
      const result = await runAgainst(emu, ['apply', '-f', 'empty.yaml', '--plan'], { cwd: home.dir });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, 'empty.yaml lists no listeners: nothing to read or change\n');
      assert.doesNotMatch(result.stderr, /Reading the listeners of 0/);
      assert.deepEqual(result.requests, []);
      assert.match(result.stdout, /^Plan: 0 to create, 0 to update, 0 to delete, 0 unchanged\.$/m);
    } finally {
      await emu.stop();
      home.cleanup();
    }
  });
});

describe('a locale that is not UTF-8', () => {
  test('LANG=C: ASCII stand-ins for ✔, en dashes and arrows on stderr and in help; C.UTF-8 and no locale keep them; -o json errors unchanged', async () => {
    const emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
    try {
      const created = await runAgainst(emu, ['create', '--lb', LB, '--port', '80', '--protocol', 'TCP'], { env: { LANG: 'C' } });
      assert.equal(created.code, 0, created.stderr);
      assert.match(created.stderr, /^OK Created 1 TCP listener on /m);
      assert.doesNotMatch(created.stderr, /[^\x00-\x7f]/, created.stderr);
      const utf8 = await runAgainst(emu, ['create', '--lb', LB, '--port', '81', '--protocol', 'TCP'], { env: { LANG: 'C.UTF-8' } });
      assert.match(utf8.stderr, /^✔ Created 1 TCP listener on /m);
      const unset = await runAgainst(emu, ['create', '--lb', LB, '--port', '82', '--protocol', 'TCP']);
      assert.match(unset.stderr, /^✔ Created/m, 'no locale at all: nothing is known, nothing changes');

      const invalid = ['create', '--lb', LB, '--port', '83', '--protocol', 'TCP', '--health-check', 'TimeOut=99'];
      const ascii = await runAgainst(emu, invalid, { env: { LC_ALL: 'POSIX', LANG: 'zh_CN.UTF-8' } });
      assert.equal(ascii.code, 2);
      assert.match(ascii.stderr, /must be 2-60, got 99/);
      assert.match((await runAgainst(emu, invalid)).stderr, /must be 2–60, got 99/);
      const json = await runAgainst(emu, [...invalid, '-o', 'json'], { env: { LANG: 'C' } });
      assert.equal(json.stderr, (await runAgainst(emu, [...invalid, '-o', 'json'])).stderr, 'the JSON error is data');

      const help = await runCli(['create', '--help'], { env: { LANG: 'C' } });
      assert.equal(help.code, 0);
      assert.doesNotMatch(help.stdout, /[^\x00-\x7f]/);
      assert.match(help.stdout, /\[1-65535\]/);
      assert.match((await runCli(['create', '--help'])).stdout, /\[1–65535\]/);
    } finally {
      await emu.stop();
    }
  });
});

describe('create -i and configure: the rough edges', () => {
  test('create -i with neither credentials nor a region stops before the first question, naming the region', async () => {
    const result = await runCli(['create', '-i'], { tty: true, env: { PATH: process.env.PATH ?? '' } });
    assert.equal(result.code, 2);
    assert.match(stripVTControlCharacters(result.stderr), /^error: no region given\nhint: pass --region/);
    assert.doesNotMatch(result.stdout, /\?/, 'no question was asked');
  });

  test('prompts follow the run: colour codes dropped under --no-color / NO_COLOR, ASCII symbols under LANG=C', async () => {
    const written: string[] = [];
    const sink = { write: (text: string) => written.push(text) > 0, isTTY: true, columns: 80 };
    const coloured = '\u001b[32m✔\u001b[39m \u001b[1mRegion\u001b[22m \u001b[36map-guangzhou\u001b[39m\u001b[2K\u001b[1G';
    const emit = (look: PromptLook) =>
      new Promise<string>((resolve) => {
        written.length = 0;
        promptOutput(sink, look).write(coloured, () => resolve(written.join('')));
      });
    assert.equal(await emit({ color: true }), coloured);
    assert.equal(await emit({ color: false }), '✔ Region ap-guangzhou\u001b[2K\u001b[1G', 'cursor movements stay');
    assert.equal(await emit({ color: false, ascii: true }), 'OK Region ap-guangzhou\u001b[2K\u001b[1G');
    const ctx = (env: Record<string, string>) => ({ env, stdout: sink }) as unknown as Parameters<typeof promptLook>[0];
    assert.deepEqual(promptLook(ctx({}), false), { color: false, ascii: false }, '--no-color');
    assert.deepEqual(promptLook(ctx({ NO_COLOR: '1' })), { color: false, ascii: false });
    assert.deepEqual(promptLook(ctx({ LANG: 'C' })), { color: true, ascii: true });
  });
});

describe('an example id the emulator does not serve', () => {
  test("create on an unknown load balancer: the refusal's hint names the ones these credentials see", async () => {
    const emu = await inProcessEmulator({ taskDelayMs: 0 });
    try {
      const result = await runAgainst(emu, ['create', '--lb', 'lb-cuxw2rm0', '--port', '80', '--protocol', 'TCP']);
      assert.equal(result.code, 1, result.stderr);
      assert.match(
        result.stderr,
        /\nhint: there is no load balancer lb-cuxw2rm0 in ap-guangzhou; these credentials see: lb-emu00001, lb-emu00002, lb-emu00003 \(or check --region\)\n$/,
      );
      assert.equal(result.requests!.filter((a) => a === 'CreateListener').length, 1, 'one write; the hint only reads');
      // A load balancer that exists gets no such hint for another InvalidParameter.
      await emu.faults([{ action: 'CreateListener', kind: 'apiError', code: 'InvalidParameter' }]);
      const other = await runAgainst(emu, ['create', '--lb', 'lb-emu00001', '--port', '81', '--protocol', 'TCP']);
      assert.equal(other.code, 1);
      assert.doesNotMatch(other.stderr, /there is no load balancer/);
    } finally {
      await emu.stop();
    }
  });
});

describe('in Chinese, when the run is', () => {
  test('the texts added here are filled in the run language: help topics, the global options line, durations, suggestions', async () => {
    const zh = async (argv: string[]) => {
      const term = fakeTerminal({ tty: false });
      term.stdin.end();
      const code = await main(argv, terminalContext(term, { env: { PATH: process.env.PATH ?? '' }, language: 'zh' }));
      return { code, stdout: term.stdout.text, stderr: term.err() };
    };
    const topic = await zh(['help', 'crate']);
    assert.equal(topic.code, 2);
    assert.equal(topic.stderr, "错误：没有名为 'crate' 的命令（是不是 create？）\n提示：运行 'clb-listener --help' 查看所有命令\n");
    const help = await zh(['list', '--help']);
    assert.match(help.stdout, /全局选项（--region、--endpoint/);
    assert.match(help.stdout, /\[别名：--lb\]/);
    const duration = await zh(['wait', '6aa274e5-ff78-4e9e-b13c-30a9e21b107e', '--wait-timeout', 'soon']);
    assert.match(duration.stderr, /--wait-timeout "soon"：须为 1s 到 24h 之间的时长/);
    const output = await zh(['-o', 'jsn', 'list', '--lb', LB]);
    assert.match(output.stderr, /--output "jsn"：须为 text, json, table 之一（是不是 json？）/);
  });
});
