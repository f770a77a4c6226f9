/** The global flags and the context, as the settings resolver takes them: one place builds it for every command. */
import type { CliContext, GlobalOptions } from '../core/context.js';
import type { SettingsInput } from '../config/index.js';
import { wireLogger } from '../ui/debug-log.js';
import { printableLine } from '../core/printable.js';
import { render } from '../core/i18n.js';
import type { Words } from '../core/errors.js';

export function settingsInput(globals: Partial<GlobalOptions>, ctx: CliContext): SettingsInput {
  return {
    env: ctx.env,
    secrets: ctx.secrets,
    // An empty --profile is passed on so it is refused, not read as "the default profile".
    ...(globals.profile !== undefined ? { profile: globals.profile } : {}),
    ...(globals.region ? { region: globals.region } : {}),
    ...(globals.endpoint ? { endpoint: globals.endpoint } : {}),
    ...(globals.language ? { language: globals.language } : {}),
    now: () => ctx.now(),
    clock: ctx,
    signal: ctx.signal,
    warn: (words: Words) =>
      void (
        !globals.quiet && ctx.stderr.write(`${printableLine(typeof words === 'string' ? words : render(ctx.language ?? 'en', words))}\n`)
      ),
    // The STS calls a role needs show in the wire log like the API's own.
    ...(globals.debug ? { onWire: wireLogger(ctx.stderr, () => ctx.secrets.list()) } : {}),
    ...(ctx.systemCredentialsFile ? { systemCredentialsFile: ctx.systemCredentialsFile } : {}),
  };
}
