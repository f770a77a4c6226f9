// The main paths in Chinese, in-process against the emulator: the language choice (locale,
// profile, CLB_LISTENER_LANG, --language), a validation error, create, apply's plan, --help, and
// the machine-readable output that must not change with the language.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { makeTempHome, runCli, type TempHome } from './helpers/home.js';
import { displayWidth } from '../src/core/width.js';
import { startProxy } from './helpers/proxy.js';
import { NO_METADATA_URL } from './helpers/cli.js';

const LB = 'lb-i18n0001';
const ZH = { LANG: 'zh_CN.UTF-8' };
const CJK = /[\u4e00-\u9fff]/;
const BAD_TIMEOUT = ['create', '--lb', LB, '--port', '80', '--protocol', 'TCP', '--health-check', 'TimeOut=99'];

/** Ids and RequestIds differ between two runs; everything else must be byte for byte the same. */
const withoutIds = (text: string) =>
  text.replace(/lbl-[a-z0-9]{8}/g, 'lbl-…').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'request-…');

describe('the language of a run', () => {
  let emu: InProcessEmulator;
  let home: TempHome;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 100 });
    home = makeTempHome();
  });
  after(async () => {
    await emu.stop();
    home.cleanup();
  });
  beforeEach(() => emu.reset());

  test('LANG=zh_CN.UTF-8: a validation error is one Chinese line naming the flag; exit 2, nothing sent', async () => {
    const result = await runAgainst(emu, BAD_TIMEOUT, { env: ZH });
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stderr.split('\n')[0], '错误：--health-check TimeOut 必须在 2–60 之间，实际为 99');
    assert.deepEqual(result.requests, []);
  });

  test('--language en-US and CLB_LISTENER_LANG override the locale; the profile comes before the locale', async () => {
    const english = 'error: --health-check TimeOut must be 2–60, got 99';
    const byOption = await runAgainst(emu, [...BAD_TIMEOUT, '--language', 'en-US'], { env: ZH });
    assert.equal(byOption.stderr.split('\n')[0], english);
    const byVariable = await runAgainst(emu, BAD_TIMEOUT, { env: { ...ZH, CLB_LISTENER_LANG: 'en-US' } });
    assert.equal(byVariable.stderr.split('\n')[0], english);
    const chineseByVariable = await runAgainst(emu, BAD_TIMEOUT, { env: { LANG: 'en_US.UTF-8', CLB_LISTENER_LANG: 'zh-CN' } });
    assert.match(chineseByVariable.stderr, /^错误：--health-check TimeOut 必须在 2–60 之间/);
    const byOptionOverVariable = await runAgainst(emu, [...BAD_TIMEOUT, '--language=en-US'], { env: { CLB_LISTENER_LANG: 'zh-CN' } });
    assert.equal(byOptionOverVariable.stderr.split('\n')[0], english);

    // Without any of them: English, whatever the developer's own locale is.
    assert.equal((await runCli(BAD_TIMEOUT, { env: home.env() })).stderr.split('\n')[0], english);
    home.tccli('default', { configure: { _sys_param: { language: 'zh-CN' } } });
    const byProfile = await runCli(BAD_TIMEOUT, { env: home.env({ LANG: 'en_US.UTF-8' }) });
    assert.match(byProfile.stderr, /^错误：--health-check TimeOut/, 'the profile comes before the locale');
    const variableOverProfile = await runCli(BAD_TIMEOUT, { env: home.env({ CLB_LISTENER_LANG: 'en-US' }) });
    assert.equal(variableOverProfile.stderr.split('\n')[0], english);
  });

  test('the API is asked in the same language as the run (X-TC-Language, in the --debug wire log)', async () => {
    const header = async (args: string[], env: Record<string, string>) =>
      /"X-TC-Language":"([^"]*)"/.exec((await runAgainst(emu, [...args, '--debug'], { env })).stderr)?.[1];
    assert.equal(await header(['list', '--lb', LB], ZH), 'zh-CN');
    assert.equal(await header(['list', '--lb', LB, '--language', 'en-US'], ZH), 'en-US');
    assert.equal(await header(['list', '--lb', LB], {}), 'en-US');
  });

  test('-o json errors: the same Code, fields, paths, values, rules and exit code in both languages', async () => {
    const args = ['create', '--lb', LB, '--port', '80,80,70000', '--protocol', 'TCP', '--name', 'a'.repeat(81), '-o', 'json'];
    const en = await runAgainst(emu, args);
    const zh = await runAgainst(emu, args, { env: ZH });
    assert.equal(zh.code, en.code);
    const [a, b] = [JSON.parse(en.stderr).Error, JSON.parse(zh.stderr).Error];
    const contract = (error: { Code: string; ProblemCount: number; Problems: Record<string, unknown>[] }) => ({
      Code: error.Code,
      ProblemCount: error.ProblemCount,
      Problems: error.Problems.map(({ Message: _m, Hint: _h, ...rest }) => rest),
    });
    assert.deepEqual(contract(b), contract(a));
    assert.deepEqual(Object.keys(b), Object.keys(a));
    assert.match(b.Message, CJK, 'the sentence itself is for people, in their language');

    // An API error: its Code and exit code do not change either.
    const missing = ['create', '--lb', 'lb-nothere1', '--port', '80', '--protocol', 'TCP', '-o', 'json'];
    const [apiEn, apiZh] = [await runAgainst(emu, missing), await runAgainst(emu, missing, { env: ZH })];
    assert.equal(apiZh.code, apiEn.code);
    assert.equal(JSON.parse(apiZh.stderr).Error.Code, JSON.parse(apiEn.stderr).Error.Code);
  });

  test('create in Chinese: progress in Chinese, the same ids on stdout; -o json and --query byte-identical across languages', async () => {
    const create = ['create', '--lb', LB, '--port', '80,81', '--protocol', 'TCP', '--name', '网站,api'];
    const zh = await runAgainst(emu, create, { env: ZH });
    assert.equal(zh.code, 0, zh.stderr);
    assert.match(zh.stderr, /^正在 lb-i18n0001 上创建 2 个 TCP 监听器（端口 80, 81）$/m);
    assert.match(zh.stderr, /^✔ 已在 lb-i18n0001 上创建 2 个 TCP 监听器（端口 80, 81），用时 [\d.]+s：lbl-/m);
    assert.match(zh.stdout, /^lbl-[a-z0-9]{8}\nlbl-[a-z0-9]{8}\n$/);

    const json = ['create', '--lb', LB, '--port', '90', '--protocol', 'TCP', '-o', 'json'];
    await emu.reset();
    const jsonEn = await runAgainst(emu, json);
    await emu.reset();
    const jsonZh = await runAgainst(emu, json, { env: ZH });
    assert.equal(withoutIds(jsonZh.stdout), withoutIds(jsonEn.stdout));

    for (const args of [
      ['list', '--lb', LB, '-o', 'json'],
      ['list', '--lb', LB, '--query', 'Listeners[].Port'],
      ['create', '--skeleton'],
    ]) {
      const [en, zhRun] = [await runAgainst(emu, args), await runAgainst(emu, args, { env: ZH })];
      assert.equal(zhRun.code, en.code, args.join(' '));
      assert.equal(withoutIds(zhRun.stdout), withoutIds(en.stdout), args.join(' '));
    }
  });

  test('the spinner line in Chinese stays within the terminal width (a Chinese character is two columns)', async () => {
    const create = ['create', '--lb', LB, '--port', '80,81,82,83', '--protocol', 'TCP'];
    const result = await runAgainst(emu, create, { env: ZH, tty: { stderr: true }, columns: 40 });
    assert.equal(result.code, 0, result.stderr);
    // Each frame ora draws sits between the synchronized-output marks.
    const frames = [...result.stderr.matchAll(/\u001b\[\?2026h([\s\S]*?)\u001b\[\?2026l/g)].map((m) => m[1]!);
    assert.ok(
      frames.some((frame) => frame.includes('正在 lb-i18n0001 上创建')),
      JSON.stringify(result.stderr),
    );
    for (const frame of frames) {
      for (const line of frame.split('\n')) assert.ok(displayWidth(line) <= 40, `a frame line wider than the terminal: ${line}`);
    }
  });

  test('a port held by another listener: the refusal and the fix in Chinese, exit 1, nothing written', async () => {
    const first = await runAgainst(emu, ['create', '--lb', LB, '--port', '80', '--protocol', 'TCP', '--name', 'web']);
    assert.equal(first.code, 0, first.stderr);
    const id = first.stdout.trim();
    const clash = await runAgainst(emu, ['create', '--lb', LB, '--port', '80', '--protocol', 'HTTP'], { env: ZH });
    assert.equal(clash.code, 1, clash.stderr);
    const [line, hint] = clash.stderr.trimEnd().split('\n');
    assert.equal(line, `错误：lb-i18n0001 上的端口 80 已被 ${id} (TCP, "web")，不是 HTTP 占用；未发送任何请求`);
    assert.match(
      hint!,
      /^提示：请换用其他端口（1 个），或先删除占用的 1 个监听器：clb-listener delete --lb lb-i18n0001 --listener-id lbl-/,
    );
    assert.deepEqual(clash.requests, ['DescribeListeners']);
  });

  test('list -o table with a Chinese listener name keeps its columns aligned (by display width), in both languages', async () => {
    const created = await runAgainst(emu, ['create', '--lb', LB, '--port', '80,8080', '--protocol', 'TCP', '--name', '网站前端,api']);
    assert.equal(created.code, 0, created.stderr);
    for (const env of [{}, ZH]) {
      const table = await runAgainst(emu, ['list', '--lb', LB, '-o', 'table'], { env });
      const rows = table.stdout.trimEnd().split('\n');
      assert.equal(rows.length, 3, table.stdout);
      // The last column (CREATED) starts at the same terminal column on every row.
      const starts = rows.map((row, i) =>
        displayWidth(i === 0 ? row.slice(0, row.search(/CREATED|创建时间/)) : row.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00$/, '')),
      );
      assert.equal(new Set(starts).size, 1, `columns out of line:\n${table.stdout}`);
      assert.ok(rows.some((row) => row.includes('网站前端')));
    }
  });

  test('apply --plan in Chinese: the plan lines and summary in Chinese; -o json the same in both languages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-i18n-'));
    const file = join(dir, 'listeners.yaml');
    writeFileSync(file, `listeners:\n  - LoadBalancerId: ${LB}\n    Port: 80\n    Protocol: TCP\n    ListenerName: 网站\n`);
    const zh = await runAgainst(emu, ['apply', '-f', file, '--plan'], { env: { ...ZH, CI: 'true' } });
    assert.equal(zh.code, 0, zh.stderr);
    assert.match(zh.stdout, /^ {2}\+ 创建 {6}TCP 80 "网站"/m);
    assert.match(zh.stdout, /^计划：创建 1 个（1 次 CreateListener），更新 0 个，删除 0 个，不变 0 个。$/m);
    const json = ['apply', '-f', file, '--plan', '-o', 'json'];
    const [en, zhJson] = [await runAgainst(emu, json), await runAgainst(emu, json, { env: ZH })];
    assert.equal(zhJson.stdout, en.stdout);

    // A conflict: its reason in Chinese in the plan, the same English Reason in -o json.
    const held = await runAgainst(emu, ['create', '--lb', LB, '--port', '80', '--protocol', 'UDP']);
    assert.equal(held.code, 0, held.stderr);
    writeFileSync(file, `listeners:\n  - LoadBalancerId: ${LB}\n    Port: 80\n    Protocol: QUIC\n`);
    const conflict = await runAgainst(emu, ['apply', '-f', file, '--plan'], { env: { ...ZH, CI: 'true' } });
    assert.equal(conflict.code, 1, conflict.stderr);
    assert.match(conflict.stdout, /^ {2}! 冲突 {6}QUIC 80/m);
    assert.match(conflict.stdout, /协议无法原地修改：如要修改，请删除 lbl-[a-z0-9]{8} 后重新创建$/m);
    const [conflictEn, conflictZh] = [await runAgainst(emu, json), await runAgainst(emu, json, { env: ZH })];
    assert.equal(conflictZh.stdout, conflictEn.stdout);
    assert.match(JSON.parse(conflictZh.stdout).Changes[0].Reason, /the protocol cannot be changed in place/);
  });

  test('create --help in Chinese: headings, descriptions and field help in Chinese, every line within 80 columns', async () => {
    const zh = await runCli(['create', '--help'], { env: home.env(ZH) });
    assert.equal(zh.code, 0);
    assert.match(zh.stdout, /^用法: clb-listener create/m);
    assert.match(zh.stdout, /^必填：$/m);
    assert.match(zh.stdout, /--load-balancer-id <id> +CLB 实例 ID（lb-xxxxxxxx） \[别/);
    // The global options are listed once, in the root's help; a command's help ends with a line naming them.
    assert.match(zh.stdout, /全局选项（--region、--endpoint/);
    assert.match(zh.stdout, /^ {2}# HTTPS，使用已有证书$/m);
    const wide = zh.stdout.split('\n').filter((line) => displayWidth(line) > 80);
    assert.deepEqual(wide, [], 'lines wider than the help width');
    const en = await runCli(['create', '--help', '--language', 'en-US'], { env: home.env(ZH) });
    assert.match(en.stdout, /^Usage: clb-listener create/m);
    assert.doesNotMatch(en.stdout, CJK);
    const root = await runCli(['--help'], { env: home.env(ZH) });
    assert.match(root.stdout, /^全局选项：$/m);
    assert.match(root.stdout, /^退出码：$/m);
    assert.match(root.stdout, /^ {4}2 {2}用法或校验错误；未发送任何请求$/m);
  });
});

describe('the newer paths in Chinese: network, input, rules, export, configure', () => {
  let emu: InProcessEmulator;
  let home: TempHome;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
    home = makeTempHome();
  });
  after(async () => {
    await emu.stop();
    home.cleanup();
  });
  beforeEach(() => emu.reset());

  test('a proxy that refuses the tunnel: the network error and its hint in Chinese, exit 6, one CONNECT', async () => {
    const proxy = await startProxy();
    try {
      const env = home.env({
        ...ZH,
        TENCENTCLOUD_SECRET_ID: 'AKIDi18nproxytest0000000000000000',
        TENCENTCLOUD_SECRET_KEY: 'i18nproxytestsecretkey0000000000',
        TENCENTCLOUD_REGION: 'ap-guangzhou',
        HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`,
      });
      const argv = ['list', '--lb', 'lb-cuxw2rm0', '--endpoint', 'clb.tencentcloudapi.com'];
      const zh = await runCli(argv, { env });
      assert.equal(zh.code, 6, zh.stderr);
      assert.equal(proxy.seen.length, 1, 'one CONNECT: a refusal is not retried');
      const via = `http://127.0.0.1:${proxy.port}/`;
      assert.equal(
        zh.stderr,
        `错误：DescribeListeners：代理 ${via}（HTTPS_PROXY）拒绝建立隧道（HTTP 403）\n` +
          `提示：请检查接入点（https://clb.tencentcloudapi.com）、代理（${via}，来自 HTTPS_PROXY）和网络\n`,
      );
      const en = await runCli(argv, { env: { ...env, CLB_LISTENER_LANG: 'en-US' } });
      assert.equal(en.code, 6, en.stderr);
      assert.match(
        en.stderr,
        new RegExp(`^error: DescribeListeners: the proxy ${via} \\(HTTPS_PROXY\\) refused the tunnel \\(HTTP 403\\)$`, 'm'),
      );
      // -o json: the same Code and exit code in both languages.
      const [jsonZh, jsonEn] = [
        await runCli([...argv, '-o', 'json'], { env }),
        await runCli([...argv, '-o', 'json', '--language', 'en-US'], { env }),
      ];
      assert.equal(jsonZh.code, jsonEn.code);
      assert.equal(JSON.parse(jsonZh.stderr).Error.Code, JSON.parse(jsonEn.stderr).Error.Code);
    } finally {
      await proxy.close();
    }
  });

  test('a file that is not UTF-8: the refusal and its hint in Chinese, exit 2, nothing sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-i18n-'));
    const file = join(dir, 'latin1.json');
    // {"ListenerNames":["é"]} with é in Latin-1 (0xE9) at byte 19.
    writeFileSync(file, Buffer.concat([Buffer.from('{"ListenerNames":["'), Buffer.from([0xe9]), Buffer.from('"]}')]));
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '80', '--protocol', 'TCP', '--from-file', file], { env: ZH });
    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(result.requests, []);
    assert.equal(
      result.stderr,
      `错误：--from-file ${file}：第 19 字节处不是有效的 UTF-8\n提示：请以 UTF-8 提供输入（可用 iconv -f <原编码> -t UTF-8 转换）；未发送任何请求\n`,
    );
  });

  test('rule create: a validation error in Chinese naming the flag, exit 2, nothing sent', async () => {
    const result = await runAgainst(emu, ['rule', 'create', '--lb', LB, '--port', '80', '--rule', 'Domain=a*b.example.com,Url=/'], {
      env: ZH,
    });
    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(result.requests, []);
    assert.match(result.stderr, /^错误：--rule Domain "a\*b\.example\.com" 不是合法域名/);
    assert.doesNotMatch(result.stderr, /[a-z]{3,} [a-z]{3,} [a-z]{3,}/, 'no English sentence');
  });

  test('export to stdout: header comments and the note above an entry in Chinese; the YAML itself and -o json unchanged', async () => {
    const created = await runAgainst(emu, ['create', '--lb', LB, '--port', '80', '--protocol', 'HTTP']);
    assert.equal(created.code, 0, created.stderr);
    const rule = await runAgainst(emu, ['rule', 'create', '--lb', LB, '--port', '80', '--rule', 'Domain=a.example.com,Url=/']);
    assert.equal(rule.code, 0, rule.stderr);
    const zh = await runAgainst(emu, ['export', '--lb', LB], { env: ZH });
    assert.equal(zh.code, 0, zh.stderr);
    assert.match(zh.stdout, /^# clb-listener export：lb-i18n0001 的 1 个监听器$/m);
    assert.match(zh.stdout, /^# 按原样应用时，此文件不做任何改动：clb-listener apply -f FILE --plan --detailed-exitcode 以 0 退出。$/m);
    assert.match(zh.stdout, /^# 转发规则写在其监听器的 Rules: 下/m);
    const en = await runAgainst(emu, ['export', '--lb', LB]);
    assert.match(en.stdout, /^# Forwarding rules are under their listener's Rules:/m);
    const data = (text: string) => text.split('\n').filter((line) => !/^\s*#/.test(line));
    assert.deepEqual(data(zh.stdout), data(en.stdout), 'only the comments follow the language');
    const [jsonZh, jsonEn] = [
      await runAgainst(emu, ['export', '--lb', LB, '-o', 'json'], { env: ZH }),
      await runAgainst(emu, ['export', '--lb', LB, '-o', 'json']),
    ];
    assert.equal(jsonZh.stdout, jsonEn.stdout);
  });

  test('apply --plan --prune: the prune-scope reason in Chinese in the text; -o json the same (English Reason) in both languages', async () => {
    const created = await runAgainst(emu, ['create', '--lb', LB, '--port', '81', '--protocol', 'TCP']);
    assert.equal(created.code, 0, created.stderr);
    const dir = mkdtempSync(join(tmpdir(), 'clb-i18n-'));
    const file = join(dir, 'scoped.yaml');
    writeFileSync(file, `prune:\n  ports: ['81-90']\nlisteners:\n  - LoadBalancerId: ${LB}\n    Port: 80\n    Protocol: TCP\n`);
    const argv = ['apply', '-f', file, '--plan', '--prune'];
    const zh = await runAgainst(emu, argv, { env: { ...ZH, CI: 'true' } });
    assert.equal(zh.code, 0, zh.stderr);
    assert.match(zh.stdout, /^ {8}不在文件中；在 prune: 范围内（端口 81 在 81-90 之内）$/m);
    const en = await runAgainst(emu, argv, { env: { CI: 'true' } });
    assert.match(en.stdout, /^ {8}not in the file; in the prune: scope \(port 81 within 81-90\)$/m);
    const [jsonZh, jsonEn] = [await runAgainst(emu, [...argv, '-o', 'json'], { env: ZH }), await runAgainst(emu, [...argv, '-o', 'json'])];
    assert.equal(jsonZh.stdout, jsonEn.stdout);
    assert.match(jsonZh.stdout, /"Reason": ?"not in the file; in the prune: scope \(port 81 within 81-90\)"/);
  });

  test('usage lines, the --filter/--query conflict, a list --port and an http endpoint refused in Chinese', async () => {
    const help = await runCli(['list', '--help'], { env: home.env(ZH) });
    assert.match(help.stdout, /^用法: clb-listener list \[选项\]$/m);
    const conflict = await runCli(['list', '--lb', LB, '--filter', 'a', '--query', 'b'], { env: home.env(ZH) });
    assert.equal(conflict.code, 2, conflict.stderr);
    assert.match(conflict.stderr, /^错误：--filter 与 --query 是同一个选项；只需给出一个$/m);
    const port = await runCli(['list', '--lb', LB, '--port', '80,81'], { env: home.env(ZH) });
    assert.equal(port.code, 2, port.stderr);
    assert.equal(port.stderr, '错误：--port 只接受一个端口\n');
    const keys = {
      TENCENTCLOUD_SECRET_ID: 'AKIDi18nendpointtest000000000000',
      TENCENTCLOUD_SECRET_KEY: 'i18nendpointtestsecretkey0000000',
    };
    const endpoint = await runCli(['list', '--lb', LB, '--endpoint', 'http://clb.example.com', '--region', 'ap-guangzhou'], {
      env: home.env({ ...ZH, ...keys }),
    });
    assert.equal(endpoint.code, 2, endpoint.stderr);
    assert.match(endpoint.stderr, /^错误：--endpoint "http:\/\/clb\.example\.com"：明文 http:\/\/ 只允许用于回环主机/);
    assert.match(endpoint.stderr, /^提示：请使用 https:\/\/clb\.example\.com$/m);
  });

  test('a credentials warning in Chinese (half a key pair in the environment), then the refusal, exit 3', async () => {
    const env = home.env({ ...ZH, TENCENTCLOUD_SECRET_ID: 'AKIDi18nhalfpair000000000000000', CLB_LISTENER_METADATA_URL: NO_METADATA_URL });
    const result = await runCli(['list', '--lb', LB, '--region', 'ap-guangzhou'], { env });
    assert.equal(result.code, 3, result.stderr);
    assert.match(
      result.stderr,
      /^警告：设置了 TENCENTCLOUD_SECRET_ID 但没有设置 TENCENTCLOUD_SECRET_KEY；忽略它并从其他地方查找凭证（请两者都设置，或取消设置 TENCENTCLOUD_SECRET_ID）\n错误：未找到凭据/,
    );
  });

  test('apply: a failed task in the results in Chinese; -o json keeps the English Detail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-i18n-'));
    const file = join(dir, 'one.yaml');
    writeFileSync(file, `listeners:\n  - LoadBalancerId: ${LB}\n    Port: 88\n    Protocol: TCP\n`);
    await emu.faults([{ action: 'CreateListener', kind: 'taskFail' }]);
    const zh = await runAgainst(emu, ['apply', '-f', file, '--yes'], { env: { ...ZH, CI: 'true' } });
    assert.notEqual(zh.code, 0, zh.stderr);
    assert.match(zh.stdout, /创建 {2}失败: 任务 [0-9a-f-]{36} 失败：/);
    assert.match(zh.stderr, /^错误：已完成 0 项变更，1 项失败，0 项结果未知，0 项未尝试：任务 [0-9a-f-]{36} 失败：/m);
    emu.reset();
    await emu.faults([{ action: 'CreateListener', kind: 'taskFail' }]);
    const json = await runAgainst(emu, ['apply', '-f', file, '--yes', '-o', 'json'], { env: { ...ZH, CI: 'true' } });
    assert.equal(json.code, zh.code);
    assert.match(JSON.parse(json.stdout).Listeners[0].Detail, /^task [0-9a-f-]{36} failed: /);
  });

  test('configure set regoin: the unknown key, its suggestion and the keys in Chinese, exit 2', async () => {
    const result = await runCli(['configure', 'set', 'regoin', 'ap-guangzhou'], { env: home.env(ZH) });
    assert.equal(result.code, 2, result.stderr);
    const [error, hint] = result.stderr.split('\n');
    assert.equal(error, '错误：未知的配置项 "regoin"（是不是 region？）');
    assert.match(hint!, /^提示：可用的配置项：secretId, secretKey, token, region,/);
    const set = await runCli(['configure', 'set', 'validate', 'maybe'], { env: home.env(ZH) });
    assert.equal(set.code, 2, set.stderr);
    assert.equal(set.stderr, '错误：validate 必须是 true 或 false；实际为 "maybe"\n');
    const help = await runCli(['configure', 'set', '--help'], { env: home.env(ZH) });
    assert.match(help.stdout, /^键：$/m);
    assert.match(help.stdout, /^ {2}region +默认地域，例如 ap-guangzhou$/m);
  });
});
