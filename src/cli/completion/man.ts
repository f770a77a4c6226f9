/**
 * The manual page, `man clb-listener`, written from the same reading of the commander program as
 * the shell completions (`completionSpec`): every command, its arguments and options with their
 * help text, and the global options once. What commander does not hold (the exit codes, the
 * environment variables) comes from the tables the help and the code use. The page is English,
 * like the reference in docs/; `scripts/generate-completions.js` writes it to man/ and a test
 * fails when the committed page drifts from what this writes.
 */
import type { Command } from 'commander';
import { EXIT_CODE_HELP } from '../exit-codes.js';
import { ENV } from '../../core/env-names.js';
import { allCommands, completionSpec, type CompletionCommand, type CompletionOption } from './model.js';

/** Where the page is committed, and what package.json's `man` names. */
export const MAN_FILE = 'man/clb-listener.1';

/** Text as roff reads it: backslashes and hyphens escaped, no line starting with a control character. */
function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

const bold = (text: string) => `\\fB${roff(text)}\\fR`;
const italic = (text: string) => `\\fI${roff(text)}\\fR`;

function optionTag(option: CompletionOption): string {
  const names = [option.short, option.long]
    .filter((n): n is string => Boolean(n))
    .map(bold)
    .join(', ');
  if (option.arity === 'none') return names;
  const value = italic(option.valueName);
  return option.arity === 'optional' ? `${names} [${value}]` : `${names} ${value}`;
}

function optionItems(options: readonly CompletionOption[]): string[] {
  return options.flatMap((option) => {
    const values = option.values?.length && option.arity !== 'none' ? ` (${option.values.join(', ')})` : '';
    return ['.TP', optionTag(option), roff(`${option.description}${values}`)];
  });
}

function usage(command: CompletionCommand): string {
  const args = command.args
    .filter((a, i, all) => all.findIndex((b) => b.name === a.name) === i)
    .map((a) => {
      const name = `${a.name}${a.variadic ? '…' : ''}`;
      return a.required ? `<${name}>` : `[${name}]`;
    });
  return ['clb-listener', ...command.path, ...(command.options.length ? ['[options]'] : []), ...args].join(' ');
}

/** The options of a command that are its own, not inherited from the root (those are listed once). */
function ownOptions(command: CompletionCommand, globals: ReadonlySet<string>): CompletionOption[] {
  return command.options.filter((o) => !(o.long && globals.has(o.long)) || o.long === '--help');
}

const ENVIRONMENT: readonly [string, string][] = [
  [ENV.secretId, 'the SecretId of the keys to sign with'],
  [ENV.secretKey, 'the SecretKey of the keys to sign with'],
  [ENV.tokens.join(', '), 'the session token of temporary keys (the first one set is used)'],
  [ENV.region, 'the region, after --region (ignored with --profile)'],
  [ENV.endpoint, "the CLB endpoint, after --endpoint and before the profile's clb.endpoint"],
  [ENV.profile, 'the tccli profile to read (default "default")'],
  [ENV.credentialsFile, "the SDKs' INI credentials file (default ~/.tencentcloud/credentials)"],
  [`${ENV.roleArn}, ${ENV.roleSessionName}`, 'a role to assume through STS AssumeRole'],
  [Object.values(ENV.tke).join(', '), 'TKE OIDC: all four set, a role assumed through AssumeRoleWithWebIdentity'],
  [ENV.stsEndpoint, 'the STS endpoint'],
  [ENV.validate, 'false: send what was given after type checks (as --no-validate)'],
  [ENV.metadataUrl, 'the CVM instance metadata service'],
  ['NO_COLOR, FORCE_COLOR', 'colours off, or on even without a terminal'],
  ['https_proxy, http_proxy, no_proxy', 'proxies for the API and STS (never for loopback)'],
];

export function manPage(program: Command, version: string): string {
  const spec = completionSpec(program);
  const root = spec.root;
  const globals = new Set(root.options.map((o) => o.long).filter((l): l is string => Boolean(l)));
  const lines: string[] = [
    `.\\" Generated from the program's definition by scripts/generate-completions.js; do not edit.`,
    `.TH CLB\\-LISTENER 1 "" "clb\\-listener ${roff(version)}" "User Commands"`,
    '.SH NAME',
    `clb\\-listener \\- ${roff(root.description)}`,
    '.SH SYNOPSIS',
    `${bold('clb-listener')} [${italic('global options')}] ${italic('command')} [${italic('options')}]`,
    '.SH DESCRIPTION',
    roff(program.description()),
    '.PP',
    roff(
      'Data goes to stdout (ids one a line, or the -o json / -o table result); progress, warnings, hints and errors go to stderr. Invalid input is refused before anything is sent, with exit status 2.',
    ),
    '.SH GLOBAL OPTIONS',
    roff('These apply to every command, before or after its name.'),
    ...optionItems(root.options),
    '.SH COMMANDS',
  ];
  for (const command of allCommands(root).slice(1)) {
    if (command.name === 'help') continue;
    lines.push(`.SS "${roff(usage(command))}"`, roff(command.description));
    const own = ownOptions(command, globals).filter((o) => o.long !== '--help');
    const args = command.path.join(' ').startsWith('configure ') ? [] : command.args;
    for (const arg of args)
      lines.push('.TP', italic(arg.name), roff(arg.values?.length ? `${arg.description} (${arg.values.join(', ')})` : arg.description));
    lines.push(...optionItems(own));
  }
  lines.push(
    '.SH ENVIRONMENT',
    ...ENVIRONMENT.flatMap(([name, text]) => ['.TP', bold(name), roff(text)]),
    '.SH EXIT STATUS',
    ...EXIT_CODE_HELP.flatMap(([code, text]) => ['.TP', bold(String(code)), roff(text.en)]),
    '.SH FILES',
    '.TP',
    bold('~/.tccli/<profile>.credential, ~/.tccli/<profile>.configure'),
    roff('tccli profiles, read and written (clb-listener configure)'),
    '.TP',
    bold('~/.tencentcloud/credentials'),
    roff("the SDKs' INI credentials file, read"),
    '.SH SEE ALSO',
    roff(
      'tccli(1). The README and docs/ shipped with the package: docs/commands.md, docs/scripting.md (output, exit codes), docs/credentials.md, docs/emulator.md.',
    ),
  );
  return `${lines.join('\n')}\n`;
}
