/**
 * The zsh completion script (`_clb-listener`), written from the completion model: one
 * `_arguments` function per command, `_describe` for subcommands. Works both from $fpath
 * (autoloaded by compinit) and sourced after compinit.
 */
import {
  allCommands,
  flagsOf,
  posixQuote,
  type CompletionArgument,
  type CompletionCommand,
  type CompletionOption,
  type CompletionSpec,
} from './model.js';

const sq = posixQuote;

/** Text inside an `_arguments` `[description]` or a `:message:`. */
const escapeSpec = (text: string): string => text.replace(/([\\[\]:])/g, '\\$1');
/** A word inside an `_arguments` `(value value)` action. */
const escapeValue = (text: string): string => text.replace(/([\\()\s:'"])/g, '\\$1');

function functionName(spec: CompletionSpec, command: CompletionCommand): string {
  return [`_${spec.bin}`, ...command.path.map((p) => p.replace(/[^A-Za-z0-9_-]/g, '_'))].join('_');
}

function action(values: readonly string[] | undefined, files: boolean | undefined): string {
  if (values?.length) return `(${values.map(escapeValue).join(' ')})`;
  if (files) return '_files';
  // A single space: nothing to complete, but the message is shown.
  return ' ';
}

function optionSpecs(option: CompletionOption): string[] {
  const flags = flagsOf(option);
  const exclusive = flags.length > 1 && !option.repeatable ? `(${flags.join(' ')})` : '';
  const repeat = option.repeatable ? '*' : '';
  const description = `[${escapeSpec(option.description)}]`;
  const argument =
    option.arity === 'none'
      ? ''
      : `${option.arity === 'optional' ? '::' : ':'}${escapeSpec(option.valueName)}:${action(option.values, option.files)}`;
  return flags.map((flag) => sq(`${exclusive}${repeat}${flag}${description}${argument}`));
}

function argumentSpec(argument: CompletionArgument, index: number): string {
  const message = escapeSpec(argument.name);
  const position = argument.variadic ? '*' : String(index + 1);
  const optional = argument.required || argument.variadic ? ':' : '::';
  return sq(`${position}${optional}${message}:${action(argument.values, argument.files)}`);
}

function commandFunction(spec: CompletionSpec, command: CompletionCommand): string {
  const name = functionName(spec, command);
  const specs = command.options.flatMap(optionSpecs);
  const lines = (items: string[]) => items.map((s) => `    ${s} \\`).join('\n');
  if (!command.commands.length) {
    const args = command.args.map(argumentSpec);
    const all = [...specs, ...args];
    return `${name}() {
  _arguments -s -S \\
${lines(all).replace(/ \\$/, '')}
}`;
  }
  const label = [spec.bin, ...command.path].join(' ');
  const entries = command.commands.flatMap((c) =>
    [c.name, ...c.aliases].map((n) => `        ${sq(`${n.replace(/:/g, '\\:')}:${c.description}`)}`),
  );
  const arms = command.commands.map((c) => `    ${[c.name, ...c.aliases].join('|')}) ${functionName(spec, c)} && ret=0 ;;`);
  return `${name}() {
  local curcontext="$curcontext" state state_descr line ret=1
  typeset -A opt_args
  _arguments -C -s -S \\
${lines(specs)}
    ': :->command' \\
    '*:: :->args' && ret=0
  case $state in
    command)
      local -a commands
      commands=(
${entries.join('\n')}
      )
      _describe -t commands ${sq(`${label} command`)} commands && ret=0
      ;;
    args)
      curcontext="\${curcontext%:*:*}:${[spec.bin, ...command.path].join('-')}-$line[1]:"
      case $line[1] in
${arms.map((a) => `  ${a}`).join('\n')}
      esac
      ;;
  esac
  return ret
}`;
}

export function zshScript(spec: CompletionSpec): string {
  const root = functionName(spec, spec.root);
  const functions = allCommands(spec.root).map((c) => commandFunction(spec, c));
  return `#compdef ${spec.bin}
#
# zsh completion for ${spec.bin}.
# Generated from the command definitions by \`${spec.bin} completion zsh\`; do not edit.
# (In the source tree, \`npm run completions\` rewrites completions/.)
#
# Install, either: put this file, named _${spec.bin}, in a directory of $fpath before compinit runs:
#   mkdir -p ~/.zfunc && ${spec.bin} completion zsh > ~/.zfunc/_${spec.bin}    # and in ~/.zshrc: fpath=(~/.zfunc $fpath)
# or, in ~/.zshrc after compinit:
#   source <(${spec.bin} completion zsh)

${functions.join('\n\n')}

if [[ \${funcstack[1]} == ${root} ]]; then
  # Autoloaded from $fpath: this file is the body of ${root}.
  ${root} "$@"
else
  compdef ${root} ${spec.bin}
fi
`;
}
