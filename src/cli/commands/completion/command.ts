/**
 * `clb-listener completion <shell>`: prints the bash, zsh or fish completion script, generated
 * from this very program (the same generator writes the committed completions/ files).
 */
import { Argument, type Command } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { SHELLS, type Shell } from '../../completion/shells.js';
import { say, type Language } from '../../../core/i18n.js';
import { COMPLETION } from './completion.messages.js';
import { HELP as HELP_TEXT } from '../../help.messages.js';
import { addAllDeferredOptions } from '../../deferred-options.js';

/** The install steps and examples under the help, in the run's language (the commands stay as they are). */
const help = (language: Language): string => `
${say(language, COMPLETION.install)}
  ${say(language, COMPLETION.bash)}
  mkdir -p ~/.local/share/bash-completion/completions
  clb-listener completion bash \\
    > ~/.local/share/bash-completion/completions/clb-listener
  echo 'source <(clb-listener completion bash)' >> ~/.bashrc
  ${say(language, COMPLETION.zsh)}
  mkdir -p ~/.zfunc && clb-listener completion zsh > ~/.zfunc/_clb-listener
  echo 'fpath=(~/.zfunc $fpath); autoload -Uz compinit; compinit' >> ~/.zshrc
  ${say(language, COMPLETION.fish)}
  mkdir -p ~/.config/fish/completions
  clb-listener completion fish > ~/.config/fish/completions/clb-listener.fish

${say(language, HELP_TEXT.examples)}
  clb-listener completion bash | less
  source <(clb-listener completion zsh)
`;

/** Where each shell looks for a completion file (the HELP above): `File` in -o json. */
const INSTALL_FILES: Record<Shell, string> = {
  bash: '~/.local/share/bash-completion/completions/clb-listener',
  zsh: '~/.zfunc/_clb-listener',
  fish: '~/.config/fish/completions/clb-listener.fish',
};

export function registerCompletion(program: Command, ctx: CliContext): void {
  const language = ctx.language ?? 'en';
  program
    .command('completion')
    .description(say(language, HELP_TEXT.completion))
    .addArgument(new Argument('<shell>', say(language, COMPLETION.shell)).choices(SHELLS))
    .addHelpText('after', help(language))
    .action(async (shell: Shell, _options: unknown, command: Command) => {
      const { completionScript } = await import('../../completion/index.js');
      await addAllDeferredOptions(program);
      const script = completionScript(program, shell);
      const globals = command.optsWithGlobals<GlobalOptions>();
      if ((globals.output ?? 'text') === 'text' && !globals.query) {
        // The script itself, byte for byte (it is what `source <(…)` reads).
        ctx.stdout.write(script);
        return;
      }
      const { printResult } = await import('../../../ui/output.js');
      await printResult(ctx, globals, {
        json: { Shell: shell, File: INSTALL_FILES[shell], Script: script },
        text: [script.replace(/\n$/, '')],
        table: [
          [COMPLETION.headerShell, COMPLETION.headerFile, COMPLETION.headerLines].map((h) => say(language, h)),
          [shell, INSTALL_FILES[shell], String(script.split('\n').length - 1)],
        ],
      });
    });
}
