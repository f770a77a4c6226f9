/**
 * Shell completions generated from the commander program: `completionScript(program, shell)`
 * is what `clb-listener completion <shell>` prints and what completions/ holds.
 */
import type { Command } from 'commander';
import { completionSpec } from './model.js';
import { bashScript } from './bash.js';
import { zshScript } from './zsh.js';
import { fishScript } from './fish.js';
import type { Shell } from './shells.js';

export { SHELLS, COMPLETION_FILES, type Shell } from './shells.js';

const WRITERS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;

export function completionScript(program: Command, shell: Shell): string {
  return WRITERS[shell](completionSpec(program));
}
