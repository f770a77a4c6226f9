// The README (and the docs shipped beside it) stay true: every relative link resolves in the
// package as npm ships it; the examples that show output or an error show what the tool prints
// (run here in-process against the emulator); the shell completion install lines work in a fresh
// HOME; the Node SDK snippet runs as written against the emulator; and the README, docs/emulator.md
// and `clb-listener emulator --help` list the actions and control endpoints the emulator serves.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { main } from '../src/cli/main.js';
import type { InStream } from '../src/core/context.js';
import { CLB_ACTIONS, CONTROL_CATALOG, SERVICE_CATALOG } from '../src/emulator/catalog.js';
import { COMPLETION_FILES } from '../src/cli/completion/shells.js';
import { inProcessEmulator, REPO_ROOT, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst, runCli } from './helpers/cli.js';
import { makeTempHome, type TempHome } from './helpers/home.js';
import { GUIDE_FILES, markdownFiles, userGuide } from './helpers/guide.js';
import { fakeTerminal, KEY, terminalContext } from './helpers/fake-tty.js';
import { hermetic } from './helpers/hermetic.js';
import { interactiveCreate } from '../src/ui/interactive/index.js';
import { inputReader } from '../src/cli/read-input.js';
import type { GlobalOptions } from '../src/core/context.js';
import type { CreateFlags } from '../src/model/flags.js';

/** The landing page alone. */
const LANDING = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const LANDING_ZH = readFileSync(join(REPO_ROOT, 'README.zh-CN.md'), 'utf8');
/** The README and every page of docs/: where the examples below are looked for. */
const README = userGuide();
const PACKAGE = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { files: string[]; engines: { node: string } };
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const exec = promisify(execFile);

/** The README from `## heading` to the next `## ` heading. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `the README has "## ${heading}"`);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The fenced block of `lang` whose first line is (or, with a RegExp, matches) `first`. */
function block(lang: string, first: string | RegExp, text = README): string {
  for (const match of text.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))) {
    const body = match[1]!;
    const line = body.split('\n')[0]!;
    if (typeof first === 'string' ? line === first : first.test(line)) return body;
  }
  assert.fail(`the README has a ${lang} block starting ${first}`);
}

describe('README: links', () => {
  test('every relative link of the README and docs/ points at a file the npm package ships', () => {
    const shipped = (path: string) => PACKAGE.files.some((entry) => path === entry || path.startsWith(`${entry}/`));
    const broken: string[] = [];
    for (const file of [join(REPO_ROOT, 'README.md'), join(REPO_ROOT, 'README.zh-CN.md'), ...markdownFiles(join(REPO_ROOT, 'docs'))]) {
      const text = readFileSync(file, 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target!) || target!.startsWith('#')) continue;
        const path = relative(REPO_ROOT, normalize(join(dirname(file), target!.replace(/#.*$/, ''))));
        if (!existsSync(join(REPO_ROOT, path)) || !shipped(path)) broken.push(`${relative(REPO_ROOT, file)}: ${target}`);
      }
    }
    assert.deepEqual(
      broken,
      [],
      'link only to what the package holds (README.md, docs/, …); name other files as "in the source repository"',
    );
  });

  test('the Node version the README names is the one engines allows', () => {
    const floor = /^>=(\d+\.\d+\.\d+)$/.exec(PACKAGE.engines.node)?.[1];
    assert.ok(floor, PACKAGE.engines.node);
    const named = [...LANDING.matchAll(/Node(?:\.js)? (\d+\.\d+(?:\.\d+)?)\+? or later/g)].map((m) => m[1]);
    assert.ok(named.length >= 2, 'the quick start and the install say which Node');
    for (const version of named) assert.equal(version, floor);
  });
});

describe('README: shell completion install lines', () => {
  test('run as written in a fresh HOME, they put each script where its shell looks', async () => {
    const lines = block('sh', /^# bash/, section('Scripts and CI'));
    const home = mkdtempSync(join(tmpdir(), 'clb-readme-home-'));
    try {
      // `clb-listener completion SHELL` prints the committed script (the completion test holds it
      // to what the command prints).
      const shim = `clb-listener() { cat "$COMPLETIONS/$(case $2 in bash) echo ${COMPLETION_FILES.bash};; zsh) echo ${COMPLETION_FILES.zsh};; fish) echo ${COMPLETION_FILES.fish};; esac)"; }\n`;
      await exec('bash', ['--norc', '--noprofile', '-euc', shim + lines], {
        env: { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin', COMPLETIONS: join(REPO_ROOT, 'completions') },
      });
      const installed = {
        bash: join(home, '.local/share/bash-completion/completions/clb-listener'),
        zsh: join(home, '.zfunc/_clb-listener'),
        fish: join(home, '.config/fish/completions/clb-listener.fish'),
      };
      for (const [shell, path] of Object.entries(installed)) {
        const file = COMPLETION_FILES[shell as keyof typeof COMPLETION_FILES];
        assert.equal(readFileSync(path, 'utf8'), readFileSync(join(REPO_ROOT, 'completions', file), 'utf8'), `${shell}: ${path}`);
      }
      assert.match(readFileSync(join(home, '.bashrc'), 'utf8'), /source <\(clb-listener completion bash\)/);
      assert.match(readFileSync(join(home, '.zshrc'), 'utf8'), /fpath=\(~\/\.zfunc \$fpath\)/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('README: the emulator lists what it serves', () => {
  const actions = SERVICE_CATALOG.flatMap((s) => s.actions).sort();
  const controls = CONTROL_CATALOG.map((c) => c.path).sort();
  const ACTION_WORD = /\b(?:Create|Modify|Describe|Delete|Assume|Register|Deregister)[A-Z][A-Za-z]+\b/g;
  const uniq = (words: Iterable<string>) => [...new Set(words)].sort();

  test('the README: every action, and `METHOD path` for every control endpoint', () => {
    const text = section('The emulator');
    const served = text.slice(text.indexOf('What it does:'), text.indexOf('Its full contract'));
    assert.deepEqual(uniq(served.match(ACTION_WORD) ?? []), actions);
    assert.deepEqual(uniq([...served.matchAll(/`(?:(?:GET|POST|DELETE)\/?)+ ([a-z/]+)`/g)].map((m) => m[1]!)), controls);
  });

  test('docs/emulator.md: a table row for every action and every control endpoint', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'emulator.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| ([A-Z][A-Za-z]+) \|/gm)]
      .map((m) => m[1]!)
      .filter((w) => new RegExp(`^${ACTION_WORD.source}$`).test(w));
    assert.deepEqual(uniq(rows), actions);
    assert.deepEqual(uniq([...doc.matchAll(/^\| `(?:GET|POST|DELETE) \/__emulator\/([a-z/]+)`/gm)].map((m) => m[1]!)), controls);
  });

  test('`clb-listener emulator --help`: the same actions and control endpoints', async () => {
    const help = (await runCli(['emulator', '--help'])).stdout;
    const listed = help.slice(help.indexOf('Actions ('), help.indexOf('With --accept-sdk-forms'));
    assert.deepEqual(uniq(listed.match(ACTION_WORD) ?? []), actions);
    for (const c of CONTROL_CATALOG) assert.match(listed, new RegExp(`^  ${c.methods.join('\\|')} +/__emulator/${c.path}\\b`, 'm'));
    assert.deepEqual(uniq([...listed.matchAll(/\/__emulator\/([a-z/]+)/g)].map((m) => m[1]!)), controls);
    assert.ok(CLB_ACTIONS.includes('ModifyListener'), 'apply needs it');
  });
});

/** `clb-listener emulator --port 0 …args` in this process, on real time: its printed line, and how to stop it. */
async function printedEmulator(args: string[], cwd: string): Promise<{ line: string; stop(): Promise<void> }> {
  const stop = new AbortController();
  let printed = '';
  let announce: () => void = () => {};
  const ready = new Promise<void>((resolve) => (announce = resolve));
  const exited = main(['emulator', '--port', '0', ...args], {
    env: hermetic({ PATH: process.env.PATH }),
    cwd,
    stdout: {
      write: (chunk: string) => {
        printed += chunk;
        if (printed.includes('\n')) announce();
        return true;
      },
    },
    stderr: { write: () => true },
    stdin: Readable.from([]) as unknown as InStream,
    signal: stop.signal,
  });
  await Promise.race([ready, exited.then((code) => assert.fail(`the emulator exited (${code}) before printing`))]);
  return {
    line: printed,
    stop: async () => {
      stop.abort();
      assert.equal(await exited, 0);
    },
  };
}

describe('README: the Node SDK snippet, as written', () => {
  test('saved as create-listener.mjs beside emulator.json, `node create-listener.mjs` creates the listener', async () => {
    const code = block('js', '// create-listener.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'clb-readme-sdk-'));
    // As the README starts it: clb-listener emulator --port 0 --load-balancers lb-aaaa1111 > emulator.json
    const emulator = await printedEmulator(['--load-balancers', 'lb-aaaa1111', '--task-delay', '0'], dir);
    const printed = emulator.line;
    try {
      writeFileSync(join(dir, 'emulator.json'), printed);
      writeFileSync(join(dir, 'create-listener.mjs'), code);
      // Where the user installed the SDK: here, the repository's own devDependency.
      symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      // The SDK sends even loopback requests through http_proxy: the README says to unset it.
      const run = await exec(process.execPath, ['create-listener.mjs'], {
        cwd: dir,
        env: hermetic({ PATH: process.env.PATH ?? '/usr/bin:/bin' }),
        timeout: 30_000,
      });
      const ids = run.stdout.trim().split('\n');
      assert.equal(ids.length, 1, run.stdout);
      assert.match(ids[0]!, /^lbl-[a-z0-9]{8}$/);
      const info = JSON.parse(printed) as { endpoint: string };
      const state = (await (await fetch(`${info.endpoint}/__emulator/state`)).json()) as {
        listeners: { ListenerId: string; Port: number }[];
      };
      assert.deepEqual(
        state.listeners.map((l) => [l.ListenerId, l.Port]),
        [[ids[0], 80]],
      );
    } finally {
      await emulator.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('README: the output and errors it shows are what the tool prints', () => {
  let emu: InProcessEmulator;
  let home: TempHome;
  before(async () => {
    emu = await inProcessEmulator({
      loadBalancers: ['lb-emu00001', 'lb-emu00002', 'lb-emu00003', 'lb-cuxw2rm0', 'lb-aaaa1111', 'lb-bbbb2222'],
      taskDelayMs: 0,
    });
    home = makeTempHome();
  });
  after(async () => {
    await emu.stop();
    home.cleanup();
  });

  /** A line of the README, with ids, times and other varying parts matched loosely. */
  function loose(line: string): RegExp {
    const escaped = line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${escaped.replace(/lbl-[a-z0-9]{8}/g, 'lbl-[a-z0-9]{8}').replace(/\d+\\\.\ds/g, '\\d+\\.\\ds')}$`);
  }

  test('the first example: the progress lines on stderr and the ids on stdout (in Chinese for the Chinese README)', async () => {
    for (const [landing, lang, lb] of [
      [LANDING, 'C.UTF-8', 'lb-emu00001'],
      [LANDING_ZH, 'zh_CN.UTF-8', 'lb-emu00002'],
    ] as const) {
      await firstExample(landing, lang, lb);
    }
  });

  /** The README's first console block, run with LANG=lang on load balancer lb (each run on a fresh one). */
  async function firstExample(landing: string, lang: string, lb: string): Promise<void> {
    const example = block('console', /^\$ clb-listener create --lb lb-emu00001 --port 7570,7569/, landing).replaceAll('lb-emu00001', lb);
    const [command, ...shown] = example.trimEnd().split('\n');
    const stderr = shown.filter((l) => l.includes('(stderr)')).map((l) => l.replace(/\s+\(stderr\)$/, ''));
    const stdout = shown.filter((l) => !l.includes('(stderr)')).map((l) => l.replace(/\s+\(stdout\)$/, ''));
    const result = await runAgainst(emu, command!.replace(/^\$ clb-listener /, '').split(' '), { env: { LANG: lang } });
    assert.equal(result.code, 0, result.stderr);
    const printed = result.stderr.trimEnd().split('\n');
    assert.equal(printed.length, stderr.length, result.stderr);
    for (const [i, line] of stderr.entries()) assert.match(printed[i]!, loose(line));
    const ids = result.stdout.trimEnd().split('\n');
    assert.equal(ids.length, stdout.length);
    for (const [i, line] of stdout.entries()) assert.match(ids[i]!, loose(line));
  }

  test('`--query` with -o json and -o table: the console block, byte for byte but the ids', async () => {
    const example = block('console', /--query 'Listeners\[\]\.Port'$/);
    const commands = example.split('\n').flatMap((line, i, all) => {
      if (!line.startsWith('$ ')) return [];
      const output: string[] = [];
      for (const next of all.slice(i + 1)) {
        if (next.startsWith('$ ')) break;
        output.push(next);
      }
      return [{ line: line.slice(2), output: output.join('\n').replace(/\n*$/, '\n') }];
    });
    assert.equal(commands.length, 2);
    for (const { line, output } of commands) {
      const args = [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1);
      const quietStderr = args.at(-1) === '2>/dev/null';
      const result = await runAgainst(emu, quietStderr ? args.slice(0, -1) : args);
      assert.equal(result.code, 0, result.stderr);
      assert.match(
        result.stdout,
        new RegExp(`^${output.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/lbl-[a-z0-9]{8}/g, 'lbl-[a-z0-9]{8}')}$`),
      );
    }
  });

  test("apply's error example: the README's listeners.yaml with TimeOut 99 in the second entry", async () => {
    const message = /With `TimeOut: 99` in the second entry above:\n\s*`error: ([^`]+)`/.exec(README)?.[1];
    assert.ok(message, 'the README shows the error');
    const file = parse(block('yaml', '# listeners.yaml (JSON works too)')) as { listeners: { HealthCheck?: { TimeOut?: number } }[] };
    file.listeners[1]!.HealthCheck!.TimeOut = 99;
    writeFileSync(home.path('listeners.yaml'), stringify(file));
    mkdirSync(home.path('certs'), { recursive: true });
    writeFileSync(home.path('certs', 'www.crt'), readFileSync(join(FIXTURES, 'server.crt')));
    writeFileSync(home.path('certs', 'www.key'), readFileSync(join(FIXTURES, 'server.key')));
    const result = await runAgainst(emu, ['apply', '-f', 'listeners.yaml', '--plan'], { cwd: home.dir });
    assert.equal(result.code, 2);
    assert.equal(result.stderr.split('\n')[0], `error: ${message}`);
    assert.deepEqual(result.requests, [], 'nothing sent');
  });

  test("-o json errors: one object with the README's keys, in its order", async () => {
    const shown = JSON.parse(block('json', /^\{"Error":/).trim()) as { Error: Record<string, string> };
    const args = ['create', '--lb', 'lb-cuxw2rm0', '--port', '9901', '--protocol', 'TCP', '-o', 'json'];
    // The API's own refusal: the port taken after the read before sending (a port the read shows
    // taken is refused before sending, with Code Conflict and no RequestId).
    await emu.faults([{ action: 'CreateListener', kind: 'apiError', code: 'InvalidParameter.PortCheckFailed' }]);
    const clash = await runAgainst(emu, args);
    assert.equal(clash.code, 1);
    const printed = JSON.parse(clash.stderr) as { Error: Record<string, string> };
    assert.deepEqual(Object.keys(printed), Object.keys(shown));
    assert.deepEqual(Object.keys(printed.Error), Object.keys(shown.Error));
    assert.equal(printed.Error.Code, shown.Error.Code);
  });

  test('--dry-run redacts the key as the README shows it, for the committed test key', async () => {
    const shown = /`"CertKey": "(<redacted: \d+ bytes>)"`/.exec(README)?.[1];
    assert.ok(shown);
    const args = [
      'create',
      '--lb',
      'lb-cuxw2rm0',
      '--port',
      '443',
      '--protocol',
      'HTTPS',
      '--cert-file',
      'server.crt',
      '--key-file',
      'server.key',
    ];
    const result = await runAgainst(emu, [...args, '--cert-name', 'www', '--dry-run', '--query', 'Body.Certificate.CertKey'], {
      cwd: FIXTURES,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `${shown}\n`);
    assert.equal(statSync(join(FIXTURES, 'server.key')).size, Number(/\d+/.exec(shown)![0]));
  });

  test('--dry-run on a fresh machine: unsigned without credentials, but a region is needed, and the hint says how', async () => {
    assert.match(README, /It still needs a\s+region, as the endpoint and the signed headers depend on it/);
    const args = ['create', '--lb', 'lb-cuxw2rm0', '--port', '80', '--protocol', 'TCP', '--dry-run'];
    const fresh = await runCli(args);
    assert.equal(fresh.code, 2);
    assert.equal(fresh.stdout, '');
    assert.match(fresh.stderr, /^error: no region given\nhint: .*--region .*TENCENTCLOUD_REGION.*clb-listener configure set region /);
    const withRegion = await runCli([...args, '--region', 'ap-guangzhou']);
    assert.equal(withRegion.code, 0, withRegion.stderr);
    assert.match((JSON.parse(withRegion.stdout) as { Headers: Record<string, string> }).Headers.Authorization!, /^<unsigned/);
  });

  test("the emulator's line: the keys the README shows, in its order, on one line", async () => {
    const shown = /^# (\{"endpoint".*\})$/m.exec(section('The emulator'))?.[1];
    assert.ok(shown);
    const emulator = await printedEmulator(['--load-balancers', 'lb-aaaa1111,lb-bbbb2222'], home.dir);
    await emulator.stop();
    assert.match(emulator.line, /^\{.*\}\n$/);
    const printed = JSON.parse(emulator.line) as Record<string, unknown>;
    assert.deepEqual(Object.keys(printed), Object.keys(JSON.parse(shown)));
    assert.deepEqual(printed.loadBalancers, (JSON.parse(shown) as Record<string, unknown>).loadBalancers);
  });

  test('create -i: the Request block and the equivalent command, byte for byte', async () => {
    const transcript = block('console', /^✔ Certificate PEM file server\.crt$/);
    const shown = transcript.slice(transcript.indexOf('\nRequest:\n') + 1, transcript.indexOf('\n✔ Create it?'));
    const term = fakeTerminal();
    const ctx = terminalContext(term, { cwd: FIXTURES, env: {} });
    const globals = { output: 'text', color: true, debug: false, quiet: false } as GlobalOptions;
    const flags = { wait: true, lb: 'lb-emu00001', protocol: 'HTTPS', port: ['443'] } as unknown as CreateFlags;
    const done = interactiveCreate(flags, globals, ctx, { readText: inputReader(ctx), now: Date.now() });
    done.catch(() => {});
    for (const [question, ...keys] of [
      ['? SNI', KEY.enter],
      ['? Server certificates', KEY.enter],
      ['? SSL mode', KEY.enter],
      ['? Server certificate', KEY.enter],
      ['? Certificate PEM file', 'server.crt', KEY.enter],
      ['? Private key PEM file', 'server.key', KEY.enter],
      ['? Certificate name', KEY.enter],
      ['? Create it?', KEY.enter],
    ] as const) {
      await term.answer(question, ...keys);
    }
    await done;
    const printed = term.err();
    const at = printed.indexOf('Request:\n');
    assert.ok(at >= 0, printed);
    assert.equal(printed.slice(at, at + shown.length + 1), `${shown}\n`);
  });
});

/** The `clb-listener …` commands of a sh block, continuation lines joined, comments and blank lines left out. */
function commandsOf(text: string): string[] {
  return text
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('clb-listener '));
}

/** Shell words of a command as the README writes them (plain words, '…' and "…" quoting). */
const shellWords = (line: string): string[] => [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);

describe('README: the landing page', () => {
  test('a landing page: at most 400 lines, linking its translation, and each link at the top of the other', () => {
    assert.ok(LANDING.split('\n').length <= 400, `${LANDING.split('\n').length} lines`);
    assert.match(LANDING.split('\n').slice(0, 4).join('\n'), /\]\(README\.zh-CN\.md\)/);
    assert.match(LANDING_ZH.split('\n').slice(0, 4).join('\n'), /\]\(README\.md\)/);
    assert.ok(PACKAGE.files.includes('README.zh-CN.md'), 'the package ships the Chinese README');
  });

  test('the Chinese README keeps in step: the same commands, in the same order, and the same links', () => {
    const blocks = (text: string) =>
      [...text.matchAll(/```(?:sh|console)\n([\s\S]*?)```/g)].flatMap((m) => commandsOf(m[1]!.replace(/^\$ /gm, '')));
    assert.deepEqual(blocks(LANDING_ZH), blocks(LANDING));
    const links = (text: string) => [...text.matchAll(/\]\((docs\/[^)\s]+)\)/g)].map((m) => m[1]).sort();
    assert.deepEqual(links(LANDING_ZH), links(LANDING));
  });

  test('docs/README.md is a table of contents: it links every page of docs/', () => {
    const index = readFileSync(join(REPO_ROOT, 'docs', 'README.md'), 'utf8');
    const linked = new Set([...index.matchAll(/\]\(([^)#\s]+)/g)].map((m) => normalize(join('docs', m[1]!))));
    const pages = GUIDE_FILES.filter((f) => f.startsWith('docs/') && f !== 'docs/README.md');
    assert.deepEqual(
      pages.filter((page) => !linked.has(page)),
      [],
      'pages docs/README.md does not list',
    );
    assert.match(LANDING, /\]\(docs\/README\.md\)/);
  });

  test('every #anchor of the README and docs/ names a heading of the page it points to', () => {
    const slug = (heading: string) =>
      heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-');
    const anchors = (file: string) =>
      new Set([...readFileSync(join(REPO_ROOT, file), 'utf8').matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]!)));
    const broken: string[] = [];
    for (const file of [...GUIDE_FILES, 'README.zh-CN.md']) {
      const text = readFileSync(join(REPO_ROOT, file), 'utf8');
      for (const [, target, anchor] of text.matchAll(/\]\(([^)#\s]*)#([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue;
        const page = target ? normalize(join(dirname(file), target)) : file;
        if (!anchors(page).has(anchor!)) broken.push(`${file}: ${target}#${anchor}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  test("the landing page's validation line is what the tool prints, and nothing is sent", async () => {
    const shown = /`(error: --health-check TimeOut must be [^`]+)`/.exec(LANDING)?.[1];
    assert.ok(shown, 'the README shows the line');
    const emu = await inProcessEmulator({ taskDelayMs: 0 });
    try {
      const result = await runAgainst(emu, [
        'create',
        '--lb',
        'lb-emu00001',
        '--port',
        '80',
        '--protocol',
        'TCP',
        '--health-check',
        'TimeOut=99',
      ]);
      assert.equal(result.code, 2);
      assert.equal(result.stderr.split('\n')[0], shown);
      assert.deepEqual(result.requests, []);
    } finally {
      await emu.stop();
    }
  });

  test('the 60-second try-out runs as pasted against a default emulator, with its export lines and no --endpoint', async () => {
    const emu = await inProcessEmulator({ taskDelayMs: 0 });
    try {
      const section = LANDING.slice(LANDING.indexOf('\n## Try it in 60 seconds\n'), LANDING.indexOf('\n## Credentials'));
      assert.match(block('sh', 'clb-listener emulator', section), /^clb-listener emulator\n$/);
      const commands = commandsOf(block('sh', /^clb-listener create /, section));
      assert.ok(commands.length >= 4, commands.join('\n'));
      // What the emulator's export lines set (test/first-run.test.ts holds it to printing them).
      const env = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        TENCENTCLOUD_SECRET_ID: emu.secretId,
        TENCENTCLOUD_SECRET_KEY: emu.secretKey,
        TENCENTCLOUD_REGION: emu.region,
        CLB_LISTENER_ENDPOINT: emu.endpoint,
      };
      const ids: string[] = [];
      for (const command of commands) {
        if (command === 'clb-listener create -i') continue; // needs a person at a terminal
        const result = await runCli(shellWords(command).slice(1), { env, clock: emu.clock });
        assert.equal(result.code, 0, `${command}: ${result.stderr}`);
        if (/ create /.test(` ${command} `)) ids.push(...result.stdout.trim().split('\n'));
      }
      // Two listeners made; the re-run with --if-not-exists printed the first one's id again.
      assert.equal(new Set(ids).size, 2, ids.join(' '));
      assert.equal(ids.at(-1), ids[0]);
    } finally {
      await emu.stop();
    }
  });

  test("the API page's six examples run as written against a default emulator", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-readme-examples-'));
    const section = LANDING.slice(LANDING.indexOf("\n## The API page's six examples\n"));
    // Example 3's files, made as the README says (a newcomer has no certificate at hand); both
    // READMEs give the same line. Made before the emulator starts: its clock starts at the real
    // time then, and a certificate must not begin after that.
    const pair = block('sh', /^openssl req /, section);
    assert.equal(block('sh', /^openssl req /, LANDING_ZH), pair);
    await exec('bash', ['--norc', '--noprofile', '-euc', pair], { cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    const emu = await inProcessEmulator({ taskDelayMs: 0 });
    try {
      const commands = commandsOf(block('sh', '# 1. HTTPS listener bound to an existing certificate', section));
      assert.equal(commands.length, 6);
      for (const command of commands) {
        const result = await runAgainst(emu, shellWords(command).slice(1), { cwd: dir });
        assert.equal(result.code, 0, `${command}: ${result.stderr}`);
        // Output as the README shows it: progress and the ids, no warning (an expiring certificate, …).
        assert.doesNotMatch(result.stderr, /warning/, command);
      }
      const made = (await runAgainst(emu, ['list', '--lb', 'lb-emu00001', '-o', 'json', '--query', 'Listeners[].[Port, Protocol]'])).stdout;
      assert.deepEqual(
        (JSON.parse(made) as [number, string][]).sort((a, b) => a[0] - b[0]),
        [
          [432, 'UDP'],
          [5689, 'TCP'],
          [7569, 'TCP'],
          [7570, 'TCP'],
          [7571, 'TCP'],
          [7572, 'HTTPS'],
          [7573, 'HTTPS'],
        ],
      );
    } finally {
      await emu.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
