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
import { say, type Language } from '../../../core/i18n.js';
import { CONFIGURE } from './configure.messages.js';
import { HELP } from '../../help.messages.js';

/** The notes under configure's help, wrapped at the width help is shown at. */
function secretNote(language: Language, width: number): string {
  const prose = paragraph(say(language, CONFIGURE.secretNote), width);
  return `${prose}\n  printf %s "$SECRET_KEY" | clb-listener configure set secretKey -\n`;
}

function filesNote(language: Language, width: number): string {
  return `${paragraph(say(language, CONFIGURE.filesNote), width)}\n`;
}

function keysHelp(language: Language, width: number): string {
  return twoColumns(
    PROFILE_KEYS.map((k) => [k.name, say(language, k.help)]),
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
  const language = ctx.language ?? 'en';
  const keys = PROFILE_KEYS.map((k) => k.name).join(', ');
  const configure = program
    .command('configure')
    .description(say(language, HELP.configure))
    .addHelpText('after', () => `\n${filesNote(language, helpWidth(ctx.stdout))}\n${secretNote(language, helpWidth(ctx.stdout))}`)
    .action(action((body, globals) => body.runInteractive(ctx, globals)));

  configure
    .command('set')
    .usage('KEY VALUE [KEY VALUE…]')
    .argument('<key-value...>', say(language, CONFIGURE.setArgument))
    .description(say(language, CONFIGURE.setDescription))
    .addHelpText(
      'after',
      () =>
        `\n${say(language, CONFIGURE.keysHeading)}\n${keysHelp(language, helpWidth(ctx.stdout))}\n\n${secretNote(language, helpWidth(ctx.stdout))}`,
    )
    .action(action((body, globals, [pairs]) => body.runSet(ctx, globals, pairs as string[])));

  configure
    .command('unset')
    .usage('KEY [KEY…]')
    .argument('<key...>', say(language, CONFIGURE.unsetArgument, { keys }))
    .description(say(language, CONFIGURE.unsetDescription))
    .addHelpText(
      'after',
      `\n${say(language, HELP.examples)}\n  clb-listener configure unset role-arn role-session-name\n  clb-listener configure unset token --profile ci\n`,
    )
    .action(action((body, globals, [keys]) => body.runUnset(ctx, globals, keys as string[])));

  configure
    .command('get')
    .argument('<key>', say(language, CONFIGURE.getArgument, { keys }))
    .description(say(language, CONFIGURE.getDescription))
    .action(action((body, globals, [key]) => body.runGet(ctx, globals, key as string)));

  configure
    .command('list')
    .description(say(language, CONFIGURE.listDescription))
    .action(action((body, globals) => body.runList(ctx, globals)));

  configure
    .command('show')
    .description(say(language, CONFIGURE.showDescription))
    .action(async (_options: unknown, command: Command) => {
      const { runWhoami } = await import('../whoami/run.js');
      await runWhoami(ctx, command.optsWithGlobals<GlobalOptions>());
    });
};
