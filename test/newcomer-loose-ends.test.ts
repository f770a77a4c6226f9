// A newcomer's loose ends. "Did you mean" for values mistyped outside the request itself: a region the SDKs do
// not list is a warning on every command that uses it (never a refusal: the API is the judge, and
// the request still goes), and `configure set output|language` names the value that was meant.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { runAgainst, runCli } from './helpers/cli.js';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { makeTempHome } from './helpers/home.js';

const LB = 'lb-emu00001';

describe('a region the SDKs do not list, on every command', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ taskDelayMs: 0 });
  });
  after(() => emu.stop());

  test('--region ap-beijng: a warning naming ap-beijing, and the request is still sent as given', async () => {
    const list = await runAgainst(emu, ['--region', 'ap-beijng', 'list', '--lb', LB]);
    const [warning, error] = list.stderr.split('\n');
    assert.equal(warning, 'warning: --region "ap-beijng" is not a region this tool knows (did you mean ap-beijing?); used as given');
    // The emulator serves one region: its refusal, not ours, ends the run.
    assert.deepEqual(list.requests, ['DescribeListeners']);
    assert.match(error!, /RegionNotFound/);
  });

  test('create, delete, wait, export, rule list and apply warn the same way', async () => {
    const runs: string[][] = [
      ['create', '--lb', LB, '--port', '9001', '--protocol', 'TCP'],
      ['delete', '--lb', LB, '--listener-id', 'lbl-00000000'],
      ['wait', '00000000-0000-0000-0000-000000000000'],
      ['export', '--lb', LB],
      ['rule', 'list', '--lb', LB, '--listener-id', 'lbl-00000000'],
    ];
    for (const argv of runs) {
      const result = await runAgainst(emu, ['--region', 'ap-tokio', ...argv]);
      assert.match(
        result.stderr,
        /^warning: --region "ap-tokio" is not a region this tool knows \(did you mean ap-tokyo\?\); used as given\n/,
        argv.join(' '),
      );
      assert.ok((result.requests ?? []).length > 0, `${argv.join(' ')}: sent`);
    }
  });

  test('from TENCENTCLOUD_REGION, with no close region: the source is named and nothing is guessed', async () => {
    const result = await runAgainst(emu, ['list', '--lb', LB], { env: { TENCENTCLOUD_REGION: 'xx-nowhere' } });
    assert.equal(
      result.stderr.split('\n')[0],
      'warning: TENCENTCLOUD_REGION "xx-nowhere" is not a region this tool knows; used as given (the API refuses a region it does not serve)',
    );
  });

  test('--dry-run and whoami warn too; a known region, and -q, say nothing', async () => {
    const dry = await runAgainst(emu, ['--region', 'ap-beijng', 'create', '--lb', LB, '--port', '9002', '--protocol', 'TCP', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stderr, /^warning: --region "ap-beijng" .*did you mean ap-beijing\?/);
    assert.deepEqual(dry.requests, []);
    const whoami = await runAgainst(emu, ['--region', 'ap-beijng', 'whoami']);
    assert.match(whoami.stderr, /^warning: --region "ap-beijng" .*did you mean ap-beijing\?/);
    const known = await runAgainst(emu, ['--region', emu.region, 'list', '--lb', LB]);
    assert.equal(known.code, 0, known.stderr);
    assert.doesNotMatch(known.stderr, /warning/);
    const quiet = await runAgainst(emu, ['--region', 'ap-beijng', '-q', 'list', '--lb', LB]);
    assert.doesNotMatch(quiet.stderr, /warning/);
  });

  test('in Chinese when the run is', async () => {
    const result = await runAgainst(emu, ['--language', 'zh-CN', '--region', 'ap-beijng', 'list', '--lb', LB]);
    assert.equal(result.stderr.split('\n')[0], '警告：--region "ap-beijng" 不是本工具已知的地域（是不是 ap-beijing？）；按原样使用');
  });
});

describe('configure set output|language: the value that was meant', () => {
  test('a near miss is named, a far one lists the choices, and nothing is written', async () => {
    const home = makeTempHome();
    try {
      const cases: [string[], string][] = [
        [['output', 'JSON'], 'error: output "JSON": must be one of json, text, table (did you mean json?)'],
        [['output', 'tabel'], 'error: output "tabel": must be one of json, text, table (did you mean table?)'],
        [['output', 'xml'], 'error: output "xml": must be one of json, text, table'],
        [['language', 'zh_CN'], 'error: language "zh_CN": must be one of zh-CN, en-US (did you mean zh-CN?)'],
        [['language', 'zh'], 'error: language "zh": must be one of zh-CN, en-US (did you mean zh-CN?)'],
        [['language', 'en'], 'error: language "en": must be one of zh-CN, en-US (did you mean en-US?)'],
        [['language', 'fr'], 'error: language "fr": must be one of zh-CN, en-US'],
      ];
      for (const [argv, line] of cases) {
        const result = await runCli(['configure', 'set', ...argv], { env: home.env() });
        assert.equal(result.code, 2, argv.join(' '));
        assert.equal(result.stderr, `${line}\n`);
      }
      assert.equal(existsSync(home.path('.tccli', 'default.configure')), false);
      const zh = await runCli(['--language', 'zh-CN', 'configure', 'set', 'language', 'zh'], { env: home.env() });
      assert.equal(zh.stderr, '错误：language "zh"：须为 zh-CN, en-US 之一（是不是 zh-CN？）\n');
      const good = await runCli(['configure', 'set', 'output', 'json'], { env: home.env() });
      assert.equal(good.code, 0, good.stderr);
    } finally {
      home.cleanup();
    }
  });
});

describe('did you mean, where commander has none', () => {
  test('an unknown subcommand of configure names the closest; a far word is not echoed', async () => {
    const typo = await runCli(['configure', 'st', 'region', 'ap-guangzhou']);
    assert.equal(typo.code, 2);
    assert.equal(typo.stderr, "error: unknown command 'st' (did you mean set?)\nhint: run 'clb-listener configure --help' for usage\n");
    const far = await runCli(['configure', 'AKIDnotAcommand']);
    assert.equal(far.code, 2);
    assert.doesNotMatch(far.stderr, /AKIDnotAcommand/);
    const zh = await runCli(['--language', 'zh-CN', 'configure', 'lst']);
    assert.equal(zh.stderr.split('\n')[0], "错误：没有名为 'lst' 的命令（是不是 list？）");
  });

  test('completion SHELL: a near miss is named, a far one lists the shells', async () => {
    const typo = await runCli(['completion', 'bahs']);
    assert.equal(typo.code, 2);
    assert.equal(typo.stderr.split('\n')[0], 'error: shell "bahs": must be one of bash, zsh, fish (did you mean bash?)');
    const far = await runCli(['completion', 'powershell']);
    assert.equal(far.stderr.split('\n')[0], 'error: shell "powershell": must be one of bash, zsh, fish');
  });

  test('--language zh names zh-CN (the value begins it); -o j names nothing', async () => {
    const zh = await runCli(['--language', 'zh', 'whoami']);
    assert.equal(zh.code, 2);
    assert.match(zh.stderr.split('\n')[0]!, /--language "zh".*zh-CN, en-US.*zh-CN/);
    const en = await runCli(['--language', 'en', 'whoami']);
    assert.equal(en.stderr.split('\n')[0], 'error: --language "en": must be one of zh-CN, en-US (did you mean en-US?)');
    const j = await runCli(['-o', 'j', 'whoami']);
    assert.equal(j.stderr.split('\n')[0], 'error: --output "j": must be one of text, json, table');
  });
});

test("every timeout of the tool's own in every help takes a duration, and says so", async () => {
  // (--idle-connect-timeout is the API's IdleConnectTimeout, an integer of seconds: not ours.)
  const commands = [['create'], ['apply'], ['wait'], ['delete'], ['rule', 'create'], ['rule', 'modify'], ['rule', 'delete'], []];
  for (const path of commands) {
    const help = (await runCli([...path, '--help'])).stdout;
    assert.doesNotMatch(help, /--(?:wait|request)-timeout <seconds>/, path.join(' '));
    if (path.length > 0) assert.match(help, /--wait-timeout <duration>/, path.join(' '));
  }
  const rule = await runCli([
    'rule',
    'create',
    '--lb',
    LB,
    '--listener-id',
    'lbl-aaaa1111',
    '--rule',
    'Domain=www.example.com,Url=/',
    '--wait-timeout',
    '2m',
    '--region',
    'ap-guangzhou',
    '--dry-run',
  ]);
  assert.equal(rule.code, 0, rule.stderr);
});
