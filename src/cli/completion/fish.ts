/**
 * The fish completion script, written from the completion model: `complete` lines guarded by a
 * helper that works out which (sub)command the command line is in, skipping option values.
 */
import { allCommands, flagsOf, pathKey, type CompletionOption, type CompletionSpec } from './model.js';

const sq = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function functionPrefix(bin: string): string {
  return `__${bin.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

function optionLine(bin: string, condition: string, option: CompletionOption): string {
  const parts = ['complete', '-c', bin, '-n', sq(condition)];
  if (option.long) parts.push('-l', option.long.replace(/^--/, ''));
  if (option.short) parts.push('-s', option.short.replace(/^-/, ''));
  if (option.arity === 'required') {
    parts.push('-r');
    parts.push(option.files ? '-F' : '-f');
    if (option.values?.length) parts.push('-a', sq(option.values.join(' ')));
  }
  if (option.description) parts.push('-d', sq(option.description));
  const lines = [parts.join(' ')];
  if (option.arity === 'optional' && option.values?.length) {
    // fish has no optional option arguments: offer the values in the word after the flag.
    const after = `${condition}; and ${functionPrefix(bin)}_after ${flagsOf(option).join(' ')}`;
    lines.push(`complete -c ${bin} -n ${sq(after)} -f -a ${sq(option.values.join(' '))}`);
  }
  return lines.join('\n');
}

export function fishScript(spec: CompletionSpec): string {
  const fn = functionPrefix(spec.bin);
  const bin = spec.bin;
  const commands = allCommands(spec.root);

  const subcommandCases = commands
    .filter((c) => c.commands.length)
    .map(
      (c) =>
        `        case ${sq(pathKey(c))}\n            printf '%s\\n' ${c.commands
          .flatMap((s) => [s.name, ...s.aliases])
          .map(sq)
          .join(' ')}`,
    );

  const arityCases: string[] = [];
  for (const command of commands) {
    for (const arity of ['required', 'optional'] as const) {
      const flags = command.options.filter((o) => o.arity === arity).flatMap(flagsOf);
      if (flags.length)
        arityCases.push(`        case ${flags.map((f) => sq(`${pathKey(command)}|${f}`)).join(' ')}\n            echo ${arity}`);
    }
  }

  const lines: string[] = [];
  for (const command of commands) {
    const condition = `${fn}_at ${sq(pathKey(command))}`;
    lines.push('', `# ${[bin, ...command.path].join(' ')}`);
    for (const sub of command.commands) {
      for (const name of [sub.name, ...sub.aliases]) {
        lines.push(`complete -c ${bin} -n ${sq(`${condition} 0`)} -f -a ${sq(name)} -d ${sq(sub.description)}`);
      }
    }
    for (const option of command.options) lines.push(optionLine(bin, condition, option));
    if (!command.commands.length) {
      for (const [index, argument] of command.args.entries()) {
        const at = `${fn}_at ${sq(pathKey(command))} ${argument.variadic ? `${index}+` : index}`;
        if (argument.values?.length) lines.push(`complete -c ${bin} -n ${sq(at)} -f -a ${sq(argument.values.join(' '))}`);
        else if (argument.files) lines.push(`complete -c ${bin} -n ${sq(at)} -F`);
      }
    }
  }

  return `# fish completion for ${bin}.
# Generated from the command definitions by \`${bin} completion fish\`; do not edit.
# (In the source tree, \`npm run completions\` rewrites completions/.)
#
# Install:
#   mkdir -p ~/.config/fish/completions && ${bin} completion fish > ~/.config/fish/completions/${bin}.fish

# The subcommands of a command path ("" is the root), one a line.
function ${fn}_commands
    switch $argv[1]
${subcommandCases.join('\n')}
    end
end

# Whether "path|option" takes a value: prints required or optional, or nothing.
function ${fn}_arity
    switch "$argv[1]|$argv[2]"
${arityCases.join('\n')}
    end
end

# Prints the command path of the command line so far (e.g. "configure set") and, on a second
# line, how many positional arguments follow it.
function ${fn}_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path ''
    set -l npos 0
    set -l skip 0
    set -l dashdash 0
    set -l count (count $tokens)
    for i in (seq 1 $count)
        set -l tok $tokens[$i]
        if test $skip -gt 0
            set skip (math $skip - 1)
            continue
        end
        if test $dashdash -eq 0; and string match -q -- '-?*' $tok
            if test $tok = '--'
                set dashdash 1
                continue
            end
            string match -q -- '--*=*' $tok; and continue
            set -l flag $tok
            if not string match -q -- '--*' $tok; and test (string length -- $tok) -gt 2
                # Bundled short flags (-qo): the last one may take the next word.
                set flag -(string sub -s -1 -- $tok)
            end
            switch (${fn}_arity "$path" $flag)
                case required
                    set skip 1
                case optional
                    set -l next (math $i + 1)
                    if test $next -le $count; and not string match -q -- '-*' $tokens[$next]
                        set skip 1
                    end
            end
            continue
        end
        if test $npos -eq 0; and test $dashdash -eq 0; and contains -- $tok (${fn}_commands "$path")
            set path (string trim -- "$path $tok")
        else
            set npos (math $npos + 1)
        end
    end
    printf '%s\\n' "$path" $npos
end

# True when the command line is at command path $argv[1]; with $argv[2], also at positional
# argument N (from 0), or N or later with "N+".
function ${fn}_at
    set -l state (${fn}_state)
    test "$state[1]" = "$argv[1]"; or return 1
    set -q argv[2]; or return 0
    if string match -q -- '*+' $argv[2]
        test $state[2] -ge (string replace '+' '' -- $argv[2])
    else
        test $state[2] -eq $argv[2]
    end
end

# True when the word before the cursor is one of $argv.
function ${fn}_after
    set -l tokens (commandline -opc)
    test (count $tokens) -gt 1; and contains -- $tokens[-1] $argv
end

# No file names unless an option or argument asks for them.
complete -c ${bin} -f
${lines.join('\n')}
`;
}
