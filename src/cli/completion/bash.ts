/**
 * The bash completion script, written from the completion model. Plain `case` tables and no
 * associative arrays, so it also runs in the bash 3.2 macOS ships; no dependency on the
 * bash-completion package.
 */
import { allCommands, flagsOf, pathKey, posixQuote, type CompletionSpec } from './model.js';

const sq = posixQuote;

function functionPrefix(bin: string): string {
  return `_${bin.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** `case` arms: `pattern|pattern) body ;;`, wrapped so long lists stay readable. */
function arm(patterns: string[], body: string): string {
  const lines: string[] = [];
  let line = '    ';
  for (const [i, pattern] of patterns.entries()) {
    const piece = pattern + (i < patterns.length - 1 ? '|' : ')');
    if (line.length + piece.length > 110 && line.trim()) {
      lines.push(`${line}\\`);
      line = '    ';
    }
    line += piece;
  }
  lines.push(`${line} ${body} ;;`);
  return lines.join('\n');
}

export function bashScript(spec: CompletionSpec): string {
  const fn = functionPrefix(spec.bin);
  const reply = `${fn}_reply`;
  const commands = allCommands(spec.root);

  const subcommandArms = commands
    .filter((c) => c.commands.length)
    .map((c) => arm([sq(pathKey(c))], `${reply}=${sq(c.commands.flatMap((s) => [s.name, ...s.aliases]).join(' '))}`));

  const optionArms = commands.map((c) => {
    const longs = c.options.map((o) => o.long).filter((f): f is string => Boolean(f));
    const shorts = c.options.map((o) => o.short).filter((f): f is string => Boolean(f));
    return arm([sq(pathKey(c))], `${reply}=${sq([...longs, ...shorts].join(' '))}`);
  });

  const arityArms: string[] = [];
  const valueArms: string[] = [];
  const fileArms: string[] = [];
  for (const command of commands) {
    const key = pathKey(command);
    for (const arity of ['required', 'optional'] as const) {
      const flags = command.options.filter((o) => o.arity === arity).flatMap(flagsOf);
      if (flags.length)
        arityArms.push(
          arm(
            flags.map((f) => sq(`${key}|${f}`)),
            `${reply}=${arity}`,
          ),
        );
    }
    for (const option of command.options) {
      if (option.values?.length)
        valueArms.push(
          arm(
            flagsOf(option).map((f) => sq(`${key}|${f}`)),
            `${reply}=${sq(option.values.join(' '))}`,
          ),
        );
    }
    const fileFlags = command.options.filter((o) => o.files).flatMap(flagsOf);
    if (fileFlags.length)
      fileArms.push(
        arm(
          fileFlags.map((f) => sq(`${key}|${f}`)),
          'return 2',
        ),
      );
  }

  const argArms: string[] = [];
  for (const command of commands.filter((c) => !c.commands.length)) {
    const key = pathKey(command);
    // Positions that complete alike share an arm (`configure set`: every key position).
    const byBody = new Map<string, string[]>();
    for (const [index, argument] of command.args.entries()) {
      const pattern = argument.variadic ? `${sq(`${key}|`)}*` : sq(`${key}|${index}`);
      const body = argument.values?.length ? `${reply}=${sq(argument.values.join(' '))}` : argument.files ? 'return 2' : 'return 1';
      byBody.set(body, [...(byBody.get(body) ?? []), pattern]);
    }
    for (const [body, patterns] of byBody) argArms.push(arm(patterns, body));
  }

  return `# bash completion for ${spec.bin}                                -*- shell-script -*-
#
# Generated from the command definitions by \`${spec.bin} completion bash\`; do not edit.
# (In the source tree, \`npm run completions\` rewrites completions/.)
#
# Install, either:
#   mkdir -p ~/.local/share/bash-completion/completions
#   ${spec.bin} completion bash > ~/.local/share/bash-completion/completions/${spec.bin}
# or, in ~/.bashrc:
#   source <(${spec.bin} completion bash)

# The subcommands of a command path ("" is the root).
${fn}_commands() {
  case "$1" in
${subcommandArms.join('\n')}
    *) ${reply}='' ;;
  esac
}

# The options valid at a command path (its own and its parents').
${fn}_options() {
  case "$1" in
${optionArms.join('\n')}
    *) ${reply}='' ;;
  esac
}

# Whether "path|option" takes a value: required, optional or none.
${fn}_arity() {
  case "$1|$2" in
${arityArms.join('\n')}
    *) ${reply}=none ;;
  esac
}

# The values of "path|option": 0 with ${reply} set, 2 for file names, 1 for nothing known.
${fn}_values() {
  case "$1|$2" in
${valueArms.join('\n')}
${fileArms.join('\n')}
    *) return 1 ;;
  esac
}

# Positional argument N (from 0) of a path: 0 with ${reply} set, 1 nothing to offer,
# 2 file names, 3 no such argument (offer the options instead).
${fn}_args() {
  case "$1|$2" in
${argArms.join('\n')}
    *) return 3 ;;
  esac
}

# The arity of a word that starts with "-": a long option, or bundled short flags (-qo);
# ${fn}_flag is set to the flag that takes the value.
${fn}_word_arity() {
  local path=$1 word=$2 i
  ${fn}_flag=$word
  if [[ $word == --* || \${#word} -le 2 ]]; then
    ${fn}_arity "$path" "$word"
    return
  fi
  for ((i = 1; i < \${#word}; i++)); do
    ${fn}_flag=-\${word:i:1}
    ${fn}_arity "$path" "$${fn}_flag"
    if [[ $${reply} != none ]]; then
      # The rest of the word is this flag's value, unless it is the last letter.
      (( i < \${#word} - 1 )) && ${reply}=none
      return
    fi
  done
}

${fn}_words() {
  local IFS=$' \\t\\n'
  COMPREPLY=($(compgen -W "$1" -- "$2"))
}

${fn}_files() {
  compopt -o filenames 2>/dev/null
  local IFS=$'\\n'
  COMPREPLY=($(compgen -f -- "$1"))
}

# Completes the value of option $2 at path $1, for the text $3.
${fn}_value() {
  ${fn}_values "$1" "$2"
  case $? in
    0) ${fn}_words "$${reply}" "$3" ;;
    2) ${fn}_files "$3" ;;
  esac
}

${fn}() {
  local i word cur path='' npos=0 expect='' maybe='' glue=0 dashdash=0 ${fn}_flag='' ${reply}=''
  local -a words=()
  COMPREPLY=()

  # bash splits "--output=json" at the "=" (COMP_WORDBREAKS); join such words back.
  for ((i = 0; i <= COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if (( glue )); then
      words[\${#words[@]}-1]+=$word
      glue=0
    elif [[ $word == '=' && \${#words[@]} -gt 1 && \${words[\${#words[@]}-1]} == --?* && \${words[\${#words[@]}-1]} != *=* ]]; then
      words[\${#words[@]}-1]+='='
      glue=1
    else
      words+=("$word")
    fi
  done
  local cword=$(( \${#words[@]} - 1 ))
  cur=\${words[cword]}

  for ((i = 1; i < cword; i++)); do
    word=\${words[i]}
    if [[ -n $expect ]]; then
      expect=''
      continue
    fi
    if (( dashdash )) || [[ $word != -* || $word == - ]]; then
      ${fn}_commands "$path"
      if (( ! dashdash && npos == 0 )) && [[ " $${reply} " == *" $word "* ]]; then
        path=\${path:+$path }$word
      else
        npos=$(( npos + 1 ))
      fi
      continue
    fi
    case $word in
      --) dashdash=1 ;;
      --*=*) ;;
      *)
        ${fn}_word_arity "$path" "$word"
        case $${reply} in
          required) expect=$${fn}_flag ;;
          optional)
            # commander takes the next word as the value unless it looks like an option.
            if (( i + 1 < cword )) && [[ \${words[i+1]} != -* ]]; then
              i=$(( i + 1 ))
            elif (( i + 1 == cword )); then
              maybe=$${fn}_flag
            fi
            ;;
        esac
        ;;
    esac
  done

  if [[ -n $expect ]]; then
    ${fn}_value "$path" "$expect" "$cur"
    return 0
  fi
  if (( ! dashdash )) && [[ $cur == --*=* ]]; then
    local option=\${cur%%=*}
    ${fn}_value "$path" "$option" "\${cur#*=}"
    # If "=" was not a word break, the whole word is replaced: keep "--option=".
    if [[ \${COMP_WORDS[COMP_CWORD]} == *=* && \${COMP_WORDS[COMP_CWORD]} != '=' ]]; then
      for ((i = 0; i < \${#COMPREPLY[@]}; i++)); do COMPREPLY[i]="$option=\${COMPREPLY[i]}"; done
    fi
    return 0
  fi
  if (( ! dashdash )) && [[ $cur == -* ]]; then
    ${fn}_options "$path"
    ${fn}_words "$${reply}" "$cur"
    return 0
  fi
  if [[ -n $maybe ]] && ${fn}_values "$path" "$maybe"; then
    ${fn}_words "$${reply}" "$cur"
    return 0
  fi
  ${fn}_commands "$path"
  if (( npos == 0 )) && [[ -n $${reply} ]]; then
    ${fn}_words "$${reply}" "$cur"
    return 0
  fi
  ${fn}_args "$path" "$npos"
  case $? in
    0) ${fn}_words "$${reply}" "$cur" ;;
    2) ${fn}_files "$cur" ;;
    3) ${fn}_options "$path"; ${fn}_words "$${reply}" "$cur" ;;
  esac
  return 0
}

complete -F ${fn} ${spec.bin}
`;
}
