/**
 * `clb-listener configure`: tccli-compatible profiles in ~/.tccli. Interactive with a terminal;
 * `set`, `get` and `list` for scripts. Secrets are never taken from argv (shell history, `ps`):
 * only from a masked prompt or stdin.
 */
import type { Command } from 'commander';
import type { RegisterCommand } from '../register.js';
import type { GlobalOptions } from '../../../core/context.js';
import { PROFILE_KEYS } from '../../../config/profile-keys.js';
import { helpWidth, paragraph, twoColumns } from '../../help-text.js';
import { say } from '../../../core/i18n.js';
import { HELP } from '../../help.messages.js';

/** The notes under configure's help, wrapped at the width help is shown at. */
function secretNote(width: number): string {
  const prose = paragraph(
    'No option or argument takes a secret key or token on the command line (it would end up in shell history and the process list): enter them at the masked prompt, or pipe them on stdin with "-":',
    width,
  );
  return `${prose}\n  printf %s "$SECRET_KEY" | clb-listener configure set secretKey -\n`;
}

function filesNote(width: number): string {
  return `${paragraph(
    'Profiles are tccli-compatible: ~/.tccli/<profile>.credential (secretId, secretKey, token) and ~/.tccli/<profile>.configure (_sys_param: region, output, language; clb.endpoint), mode 0600. The profile is --profile NAME, else $TCCLI_PROFILE, else "default".',
    width,
  )}\n`;
}

function keysHelp(width: number): string {
  return twoColumns(
    PROFILE_KEYS.map((k) => [k.name, k.help]),
    width,
  );
}

/** Commander passes (…arguments, options, command); every action here needs only the globals and the arguments. */
function action(run: (body: typeof import('./run.js'), globals: GlobalOptions, args: unknown[]) => Promise<void>) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    await run(await import('./run.js'), command.optsWithGlobals<GlobalOptions>(), args.slice(0, -2));
  };
}

export const registerConfigure: RegisterCommand = (program, ctx) => {
  const configure = program
    .command('configure')
    .description(say(ctx.language ?? 'en', HELP.configure))
    .addHelpText('after', () => `\n${filesNote(helpWidth(ctx.stdout))}\n${secretNote(helpWidth(ctx.stdout))}`)
    .action(action((body, globals) => body.runInteractive(ctx, globals)));

  configure
    .command('set')
    .usage('KEY VALUE [KEY VALUE…]')
    .argument('<key-value...>', 'pairs of a key and its value')
    .description('set profile values without prompting')
    .addHelpText('after', () => `\nKeys:\n${keysHelp(helpWidth(ctx.stdout))}\n\n${secretNote(helpWidth(ctx.stdout))}`)
    .action(action((body, globals, [pairs]) => body.runSet(ctx, globals, pairs as string[])));

  configure
    .command('unset')
    .usage('KEY [KEY…]')
    .argument('<key...>', `keys to remove: ${PROFILE_KEYS.map((k) => k.name).join(', ')}`)
    .description('remove values from the profile (e.g. a role-arn or a stale token)')
    .addHelpText(
      'after',
      '\nExamples:\n  clb-listener configure unset role-arn role-session-name\n  clb-listener configure unset token --profile ci\n',
    )
    .action(action((body, globals, [keys]) => body.runUnset(ctx, globals, keys as string[])));

  configure
    .command('get')
    .argument('<key>', `one of: ${PROFILE_KEYS.map((k) => k.name).join(', ')}`)
    .description('print one profile value (secrets masked)')
    .action(action((body, globals, [key]) => body.runGet(ctx, globals, key as string)));

  configure
    .command('list')
    .description('print every profile value (secrets masked)')
    .action(action((body, globals) => body.runList(ctx, globals)));

  configure
    .command('show')
    .description('same as whoami')
    .action(async (_options: unknown, command: Command) => {
      const { runWhoami } = await import('../whoami/run.js');
      await runWhoami(ctx, command.optsWithGlobals<GlobalOptions>());
    });
};
