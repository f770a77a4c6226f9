/**
 * Shell completions: the committed scripts are exactly what the generator writes from the
 * commander program (drift test), `clb-listener completion <shell>` prints them, and the real
 * shells complete with them: bash (the completion function called with COMP_WORDS/COMP_CWORD),
 * zsh (an interactive `zsh -f` on a pseudo-terminal via zsh/zpty, compinit, TAB typed, every
 * compadd captured) and fish (`complete -C`).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { buildProgram } from '../src/cli/program.js';
import { addAllDeferredOptions } from '../src/cli/deferred-options.js';
import { defaultContext } from '../src/core/context.js';
import { runCli } from './helpers/cli.js';
import { completionScript, COMPLETION_FILES, SHELLS, type Shell } from '../src/cli/completion/index.js';
import { CERTIFICATE_FLAGS, CERTIFICATE_INPUT_FIELDS, CREATE_LISTENER_FIELDS, PROTOCOLS } from '../src/model/fields.js';
import { PROFILE_KEYS } from '../src/config/profile-keys.js';
import { MAN_FILE, manPage } from '../src/cli/completion/man.js';
import { allCommands, completionSpec } from '../src/cli/completion/model.js';
import { VERSION } from '../src/core/version.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scriptPath = (shell: Shell) => join(ROOT, 'completions', COMPLETION_FILES[shell]);

/** The whole program, with the options commands add only when they run. */
async function program(): Promise<Command> {
  const built = buildProgram(defaultContext(new AbortController().signal));
  await addAllDeferredOptions(built);
  return built;
}
/** One whole program, for the tests that only read it. */
const WHOLE = await program();

function hasShell(shell: string): boolean {
  const result = spawnSync(shell, ['--version'], { stdio: 'ignore' });
  return !result.error;
}

let home: string;
before(() => {
  home = mkdtempSync(join(tmpdir(), 'clb-completion-'));
});
after(() => rmSync(home, { recursive: true, force: true }));

const shellEnv = () => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, TERM: 'xterm', LANG: 'C.UTF-8' });

function run(
  file: string,
  args: string[],
  input?: string,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      { cwd: ROOT, env: shellEnv(), timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin!.end(input);
  });
}

/** Splits command-line output into one candidate list per query (after a "<<Q>>" line each). */
function splitQueries(stdout: string, count: number, context: string): string[][] {
  const groups: string[][] = [];
  for (const line of stdout.split('\n')) {
    if (line.startsWith('<<Q>>')) groups.push([]);
    else if (line !== '' && groups.length) groups[groups.length - 1]!.push(line);
  }
  assert.equal(groups.length, count, `${context}: expected ${count} answers, got:\n${stdout}`);
  return groups;
}

// ---- bash ------------------------------------------------------------------------------------

/** COMP_WORDS as bash makes them: split at blanks, and at "=" (it is in COMP_WORDBREAKS). */
function bashWords(line: string): string[] {
  const words: string[] = [];
  for (const blank of line.split(' ')) {
    const parts = blank.split(/(=)/).filter((p, _i, all) => p !== '' || all.length === 1);
    words.push(...(parts.length ? parts : ['']));
  }
  return words;
}

const BASH_DRIVER = `
source "$1"; shift
# The function the script registered for clb-listener, as bash itself would call it.
spec=$(complete -p clb-listener) || { echo 'no completion registered for clb-listener' >&2; exit 3; }
fn=\${spec#*-F }; fn=\${fn%% *}
while IFS= read -r line; do
  eval "COMP_WORDS=($line)"
  COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
  COMP_LINE="\${COMP_WORDS[*]}"; COMP_POINT=\${#COMP_LINE}
  COMPREPLY=()
  "$fn" clb-listener "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
  echo '<<Q>>'
  printf '%s\\n' "\${COMPREPLY[@]}"
done
`;

async function bashComplete(lines: string[]): Promise<string[][]> {
  const quote = (w: string) => `'${w.replace(/'/g, `'\\''`)}'`;
  const input = `${lines.map((l) => bashWords(l).map(quote).join(' ')).join('\n')}\n`;
  const { code, stdout, stderr } = await run('bash', ['--norc', '--noprofile', '-c', BASH_DRIVER, 'bash', scriptPath('bash')], input);
  assert.equal(code, 0, `bash failed: ${stderr}`);
  assert.equal(stderr, '', 'the bash script writes nothing on stderr');
  return splitQueries(stdout, lines.length, 'bash');
}

// ---- zsh -------------------------------------------------------------------------------------

/**
 * Runs one interactive `zsh -f` on a pseudo-terminal (zsh/zpty), with the completion directory
 * first in $fpath (or sourced after compinit) and compinit run, types each line and TAB, and prints every match the
 * completion functions add (after zsh's own prefix matching): "<<Q>>" then one match a line.
 * A TAB widget wraps complete-word, prints an end marker and clears the line: nothing is run.
 * (A hand-rolled cousin of github.com/Valodim/zsh-capture-completion.)
 */
const ZSH_HARNESS = String.raw`
zmodload zsh/zpty || { print -u2 'zsh/zpty is missing'; exit 3 }
local dir=$1 mode=$2; shift 2
local init=$(mktemp)
local load="fpath=(${'$'}{(q)dir} \$fpath); autoload -Uz compinit && compinit -u -D"
# "source": the way ~/.zshrc does it with source <(clb-listener completion zsh), after compinit.
[[ $mode == source ]] && load="autoload -Uz compinit && compinit -u -D; source ${'$'}{(q)dir}/_clb-listener"
cat > $init <<INIT
PS1='' PROMPT='' RPROMPT='' PROMPT_EOL_MARK=''
$load
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
compadd() {
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "\$@"; return \$?; fi
  typeset -a __hits
  typeset -A __apre __hpre __hsuf __asuf
  zparseopts -E P:=__apre p:=__hpre S:=__asuf s:=__hsuf
  builtin compadd -A __hits "\$@"
  local __h
  for __h in \$__hits; do print -r -- "<<C>>\$IPREFIX\$__apre\$__hpre\$__h\$__hsuf"; done
  builtin compadd "\$@"
}
__capture_tab() { zle complete-word; print -r -- '<<END>>'; BUFFER=''; CURSOR=0 }
zle -N __capture_tab
bindkey '^I' __capture_tab
bindkey '^M' undefined-key
bindkey '^J' undefined-key
# Typing starts only once the line editor is really reading the terminal.
zle-line-init() { print -r -- '<<PROMPT>>' }
zle -N zle-line-init
INIT
zpty z zsh -f -i
zpty -w z "source ${'$'}{(q)init}"
local out
while zpty -r z out; do [[ $out == *'<<PROMPT>>'* && $out != *print* ]] && break; done
for line in "$@"; do
  print -r -- '<<Q>>'
  zpty -w -n z "$line"$'\t'
  while zpty -r z out; do
    out=${'$'}{out//$'\r'/}
    out=${'$'}{out%%$'\n'}
    [[ $out == *'<<END>>'* ]] && break
    [[ $out == *'<<C>>'* ]] && print -r -- "${'$'}{out#*<<C>>}"
  done
done
zpty -d z
rm -f $init
`;

async function zshComplete(lines: string[], mode: 'fpath' | 'source' = 'fpath'): Promise<string[][]> {
  const harness = join(home, 'zsh-harness.zsh');
  writeFileSync(harness, ZSH_HARNESS);
  const { code, stdout, stderr } = await run('zsh', ['-f', harness, join(ROOT, 'completions'), mode, ...lines], undefined, 90_000);
  assert.equal(code, 0, `zsh harness failed (${code}): ${stderr}\n${stdout}`);
  // zsh lists each match once per compadd call that offers it; the set is what a user sees.
  return splitQueries(stdout, lines.length, 'zsh').map((g) => [...new Set(g)]);
}

// ---- fish ------------------------------------------------------------------------------------

async function fishComplete(lines: string[]): Promise<string[][]> {
  const command = `source ${JSON.stringify(scriptPath('fish'))}; for l in $argv; echo '<<Q>>'; complete -C"$l"; end`;
  const { code, stdout, stderr } = await run('fish', ['--no-config', '-c', command, ...lines]);
  assert.equal(code, 0, `fish failed: ${stderr}`);
  assert.equal(stderr, '', 'the fish script writes nothing on stderr');
  return splitQueries(stdout, lines.length, 'fish').map((g) => g.map((l) => l.split('\t')[0]!));
}

const COMPLETERS: Record<Shell, (lines: string[]) => Promise<string[][]>> = { bash: bashComplete, zsh: zshComplete, fish: fishComplete };

// ---- what every shell must complete ----------------------------------------------------------

const sorted = (values: readonly string[]) => [...values].sort();

/** Long flags commander knows at a command path: the command's, its parents', and --help. */
function longFlags(path: string[]): { visible: string[]; all: string[] } {
  let command = WHOLE;
  const chain = [command];
  for (const name of path) {
    command = command.commands.find((c) => c.name() === name)!;
    chain.push(command);
  }
  const options = chain.flatMap((c) => c.options);
  const flags = (list: typeof options) => list.map((o) => o.long).filter((f): f is string => Boolean(f));
  return {
    visible: [...new Set([...flags(options.filter((o) => !o.hidden)), '--help'])],
    all: [...new Set([...flags(options), '--help'])],
  };
}

interface Case {
  line: string;
  /** Exactly these candidates (order free). */
  exactly?: readonly string[];
  /** At least these. */
  includes?: readonly string[];
  /** None of these. */
  excludes?: readonly string[];
  /** Asked in bash only (one of many cases of the same generated shape). */
  bashOnly?: boolean;
}

const enumFields = CREATE_LISTENER_FIELDS.filter((f) => f.kind === 'enum');
const enumCertFlags = CERTIFICATE_FLAGS.map((c) => ({ c, target: CERTIFICATE_INPUT_FIELDS.find((f) => f.api === c.target)! })).filter(
  ({ target }) => target.kind === 'enum',
);

const CASES: Case[] = [
  // The issue's two proofs.
  { line: 'clb-listener create --pro', includes: ['--protocol'], excludes: ['--ports', '--skeleton'] },
  { line: 'clb-listener create --protocol ', exactly: PROTOCOLS },
  { line: 'clb-listener create --lb lb-cuxw2rm0 --port 80 --protocol T', exactly: ['TCP', 'TCP_SSL'] },
  { line: 'clb-listener ', includes: ['create', 'wait', 'configure', 'completion', 'emulator', 'whoami'] },
  { line: 'clb-listener cr', exactly: ['create'] },
  { line: 'clb-listener --output json cr', exactly: ['create'] },
  { line: 'clb-listener completion ', exactly: ['bash', 'zsh', 'fish'] },
  { line: 'clb-listener create --output ', exactly: ['text', 'json', 'table'] },
  { line: 'clb-listener -o ', exactly: ['text', 'json', 'table'] },
  { line: 'clb-listener create --language ', exactly: ['zh-CN', 'en-US'] },
  { line: 'clb-listener create --health-check ', exactly: ['on', 'off'] },
  // --no- forms, generated from the same options.
  { line: 'clb-listener create --no-w', exactly: ['--no-wait'] },
  { line: 'clb-listener create --no-snat', exactly: ['--no-snat-enable'] },
  { line: 'clb-listener --no-c', exactly: ['--no-color'] },
  // Files for the options that read files.
  ...['--cert-file', '--key-file', '--ca-file', '--from-file'].map((flag) => ({
    line: `clb-listener create ${flag} test/fixtures/server.`,
    exactly: ['test/fixtures/server.crt', 'test/fixtures/server.key'],
  })),
  // Every enum of the field table, and the certificate flags' enums: all of them in bash; zsh
  // and fish, whose every query costs a tenth of a second, check the first of each kind (the
  // generators write every enum the same way, and the drift test holds the scripts to them).
  ...enumFields.map((f, i) => ({ line: `clb-listener create --${f.flag} `, exactly: f.values!, bashOnly: i > 0 })),
  ...enumCertFlags.map(({ c, target }, i) => ({ line: `clb-listener create --${c.flag} `, exactly: target.values!, bashOnly: i > 0 })),
  // A value that was given is skipped over: the next word is an option again.
  { line: 'clb-listener create --protocol TCP --ssl-v', exactly: ['--ssl-verify-client'] },
  { line: 'clb-listener create --scheduler WRR --target-', exactly: ['--target-type'] },
  // --validate turns the rules back on for one command: shown, so completed.
  { line: 'clb-listener create --val', exactly: ['--validate'] },
  { line: 'clb-listener apply --val', exactly: ['--validate'] },
  // Profile keys: `configure get KEY`, and every key position of `configure set KEY VALUE …`.
  { line: 'clb-listener configure get ', exactly: PROFILE_KEYS.map((k) => k.name) },
  { line: 'clb-listener configure set reg', exactly: ['region'] },
  { line: 'clb-listener configure set region ap-guangzhou ou', exactly: ['output'] },
];

function check(shell: Shell, cases: readonly Case[], answers: string[][]): void {
  for (const [i, c] of cases.entries()) {
    const got = answers[i]!;
    const where = `${shell}: "${c.line}<TAB>" offered [${got.join(' ')}]`;
    if (c.exactly) assert.deepEqual(sorted(got), sorted(c.exactly), where);
    for (const want of c.includes ?? []) assert.ok(got.includes(want), `${where}; expected ${want}`);
    for (const unwanted of c.excludes ?? []) assert.ok(!got.includes(unwanted), `${where}; did not expect ${unwanted}`);
  }
}

/** `<command> --<TAB>` offers every long flag commander has there, and nothing else. */
const FLAG_PATHS: string[][] = [[], ['create'], ['apply'], ['wait'], ['completion'], ['emulator']];

function checkFlags(shell: Shell, answers: string[][]): void {
  for (const [i, path] of FLAG_PATHS.entries()) {
    const got = answers[i]!.filter((c) => c.startsWith('--'));
    const { visible, all } = longFlags(path);
    const where = `${shell}: "clb-listener ${path.join(' ')} --<TAB>"`;
    for (const flag of visible) assert.ok(got.includes(flag), `${where} lacks ${flag}`);
    for (const flag of got) assert.ok(all.includes(flag) || flag === '--version', `${where} offers ${flag}, which commander does not know`);
  }
}

// ---- the tests -------------------------------------------------------------------------------

describe('generated completion scripts', () => {
  test(`${MAN_FILE} is what the generator writes from the same program (no drift), and package.json ships it`, async () => {
    const committed = readFileSync(join(ROOT, MAN_FILE), 'utf8');
    const generated = manPage(await program(), VERSION);
    const a = committed.split('\n');
    const b = generated.split('\n');
    const line = a.findIndex((text, i) => text !== b[i]);
    assert.equal(
      line,
      -1,
      `${MAN_FILE} is out of date: run \`npm run completions\` and commit the result\nfirst difference, line ${line + 1}:\n  committed: ${a[line]}\n  generated: ${b[line]}`,
    );
    assert.equal(a.length, b.length);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { man: string[]; files: string[] };
    assert.deepEqual(pkg.man, [`./${MAN_FILE}`]);
    assert.ok(pkg.files.includes('man'));
  });

  test('the man page lists every command and every option the help shows, the global ones once', async () => {
    const page = manPage(await program(), VERSION);
    const unescaped = page.replace(/\\-/g, '-').replace(/\\f[BIR]/g, '');
    for (const command of allCommands(completionSpec(await program()).root).slice(1)) {
      if (command.name === 'help') continue;
      assert.ok(unescaped.includes(`.SS "clb-listener ${command.path.join(' ')}`), command.path.join(' '));
      for (const option of command.options)
        if (option.long) assert.ok(unescaped.includes(option.long), `${command.path.join(' ')} ${option.long}`);
    }
    assert.equal(unescaped.match(/^--request-timeout /gm)?.length, 1, 'a global option is listed once');
    for (const heading of ['NAME', 'SYNOPSIS', 'GLOBAL OPTIONS', 'COMMANDS', 'ENVIRONMENT', 'EXIT STATUS'])
      assert.match(page, new RegExp(`^\\.SH ${heading}$`, 'm'));
    assert.match(unescaped, /^CLB_LISTENER_ENDPOINT$/m);
    assert.doesNotMatch(page, /^[.'](?!SH |SS |TP$|TH |PP$|\\")/m, 'no text line starts as a roff request');
  });

  for (const shell of SHELLS) {
    test(`completions/${COMPLETION_FILES[shell]} is what the generator writes (no drift)`, async () => {
      const committed = readFileSync(scriptPath(shell), 'utf8');
      const generated = completionScript(await program(), shell);
      if (committed === generated) return;
      const a = committed.split('\n');
      const b = generated.split('\n');
      const line = a.findIndex((text, i) => text !== b[i]);
      assert.fail(
        `completions/${COMPLETION_FILES[shell]} is out of date with the commands and the field table: run \`npm run completions\` and commit the result\n` +
          `first difference, line ${line + 1}:\n  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'}`,
      );
    });
  }

  test('`clb-listener completion <shell>` prints the committed scripts; an unknown shell is a usage error', async () => {
    for (const shell of SHELLS) {
      const { code, stdout, stderr } = await runCli(['completion', shell]);
      assert.equal(code, 0, stderr);
      assert.equal(stderr, '');
      assert.equal(stdout, readFileSync(scriptPath(shell), 'utf8'), `clb-listener completion ${shell} differs from completions/`);
    }
    const bad = await runCli(['completion', 'tcsh']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /^error: .*tcsh.*bash, zsh, fish/m);
    const help = await runCli(['completion', '--help']);
    assert.equal(help.code, 0);
    for (const shell of SHELLS) assert.match(help.stdout, new RegExp(`completion ${shell}`));
  });

  test('the generator reads the program: a new option or enum shows up in every script', async () => {
    const p = await program();
    const create = p.commands.find((c) => c.name() === 'create')!;
    create.option('--brand-new-flag <mode>', 'added by the test');
    const option = create.options.at(-1)!;
    option.choices(['ALPHA', 'BETA']);
    p.command('brand-new-command').description('added by the test');
    for (const shell of SHELLS) {
      const script = completionScript(p, shell);
      assert.match(script, /brand-new-flag/, shell);
      assert.match(script, /ALPHA/, shell);
      assert.match(script, /brand-new-command/, shell);
    }
  });
});

describe('completion in real shells', () => {
  for (const shell of SHELLS) {
    test(`${shell}: create --pro<TAB> → --protocol, --protocol <TAB> → the six protocols, and the rest`, async (t) => {
      if (!hasShell(shell)) return t.skip(`${shell} is not installed`);
      const cases = shell === 'bash' ? CASES : CASES.filter((c) => !c.bashOnly);
      const lines = [...cases.map((c) => c.line), ...FLAG_PATHS.map((p) => ['clb-listener', ...p, '--'].join(' '))];
      const answers = await COMPLETERS[shell](lines);
      check(shell, cases, answers.slice(0, cases.length));
      checkFlags(shell, answers.slice(cases.length));
    });
  }

  test('bash: "--output=" splits at the = the way bash does, and still completes the value', async (t) => {
    if (!hasShell('bash')) return t.skip('bash is not installed');
    const answers = await bashComplete(['clb-listener create --output=', 'clb-listener create --output=js', 'clb-listener -qo ']);
    assert.deepEqual(sorted(answers[0]!), ['json', 'table', 'text']);
    assert.deepEqual(answers[1], ['json']);
    assert.deepEqual(sorted(answers[2]!), ['json', 'table', 'text']);
  });

  test('zsh: also when sourced after compinit (source <(clb-listener completion zsh))', async (t) => {
    if (!hasShell('zsh')) return t.skip('zsh is not installed');
    const answers = await zshComplete(['clb-listener create --pro', 'clb-listener create --protocol '], 'source');
    assert.ok(answers[0]!.includes('--protocol'), answers[0]!.join(' '));
    assert.deepEqual(sorted(answers[1]!), sorted(PROTOCOLS));
  });

  test('fish: --protocol=<TAB> and an optional boolean value', async (t) => {
    if (!hasShell('fish')) return t.skip('fish is not installed');
    const answers = await fishComplete(['clb-listener create --protocol=Q', 'clb-listener create --snat-enable ']);
    assert.deepEqual(answers[0], ['--protocol=QUIC']);
    assert.deepEqual(sorted(answers[1]!), ['false', 'true']);
  });
});
