/** Whether a person is there to answer a prompt. A leaf module: cheap to import anywhere. */
import type { CliContext } from '../core/context.js';

/** `CI` set to anything but empty, 0 or false, as CI services do. */
export function isCi(env: Record<string, string | undefined>): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** Prompts only where a person can answer: both ends a terminal, and not a CI job. */
export function canPrompt(ctx: CliContext): boolean {
  return ctx.stdin.isTTY === true && ctx.stdout.isTTY === true && !isCi(ctx.env);
}
