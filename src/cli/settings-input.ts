/** The global flags and the context, as the settings resolver takes them: one place builds it for every command. */
import type { CliContext, GlobalOptions } from '../core/context.js';
import type { SettingsInput } from '../config/index.js';

export function settingsInput(globals: Partial<GlobalOptions>, ctx: CliContext): SettingsInput {
  return {
    env: ctx.env,
    secrets: ctx.secrets,
    ...(globals.profile ? { profile: globals.profile } : {}),
    ...(globals.region ? { region: globals.region } : {}),
    ...(globals.endpoint ? { endpoint: globals.endpoint } : {}),
    ...(globals.language ? { language: globals.language } : {}),
    now: ctx.now,
    signal: ctx.signal,
    warn: (message: string) => void (!globals.quiet && ctx.stderr.write(`${message}\n`)),
  };
}
