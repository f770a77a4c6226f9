/**
 * `clb-listener completion <shell>`: prints the bash, zsh or fish completion script, generated
 * from this very program (the same generator writes the committed completions/ files).
 */
import { Argument, type Command } from 'commander';
import type { CliContext } from '../../../core/context.js';
import { SHELLS, type Shell } from '../../completion/shells.js';

const HELP = `
Install:
  # bash (needs bash-completion, or source it from ~/.bashrc)
  clb-listener completion bash > ~/.local/share/bash-completion/completions/clb-listener
  echo 'source <(clb-listener completion bash)' >> ~/.bashrc
  # zsh (a directory in $fpath, before compinit runs)
  mkdir -p ~/.zfunc && clb-listener completion zsh > ~/.zfunc/_clb-listener
  echo 'fpath=(~/.zfunc $fpath); autoload -Uz compinit; compinit' >> ~/.zshrc
  # fish
  clb-listener completion fish > ~/.config/fish/completions/clb-listener.fish

Examples:
  clb-listener completion bash | less
  source <(clb-listener completion zsh)
`;

export function registerCompletion(program: Command, ctx: CliContext): void {
  program
    .command('completion')
    .description('print the shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell: bash, zsh or fish').choices(SHELLS))
    .addHelpText('after', HELP)
    .action(async (shell: Shell) => {
      const { completionScript } = await import('../../completion/index.js');
      ctx.stdout.write(completionScript(program, shell));
    });
}
