/**
 * Parse, run, and the single top-level catch: every failure is rendered once, on stderr, and
 * mapped to its exit code here and nowhere else.
 */
import { CommanderError } from 'commander';
import { buildProgram, usageErrorFromCommander } from './program.js';
import { defaultContext, type CliContext, type GlobalOptions } from '../core/context.js';
import { ExitCode, exitCodeFor } from './exit-codes.js';
import { renderError } from '../ui/render-error.js';
import { SecretRegistry } from '../core/secrets.js';

function exitQuietlyOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(ExitCode.Success);
  throw error;
}

export async function main(argv: readonly string[], overrides: Partial<CliContext> = {}): Promise<number> {
  const interrupt = new AbortController();
  const onSigint = (): void => {
    // The first Ctrl-C lets the running command stop cleanly and say what it left running;
    // a second one means "now".
    if (interrupt.signal.aborted) process.exit(ExitCode.Interrupted);
    interrupt.abort();
  };
  if (!overrides.signal) process.on('SIGINT', onSigint);
  // `clb-listener … | head -1` closes the pipe early: that is the reader's choice, not a crash.
  if (!overrides.stdout) process.stdout.on('error', exitQuietlyOnClosedPipe);
  const ctx: CliContext = { ...defaultContext(interrupt.signal), ...overrides };
  if (!overrides.secrets) ctx.secrets = new SecretRegistry(ctx.env);
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.Success;
  } catch (error) {
    let failure = error;
    if (error instanceof CommanderError) {
      // --help and --version end this way too, successfully.
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
        return ExitCode.Success;
      }
      failure = usageErrorFromCommander(error, program, argv);
    }
    const globals = program.opts<GlobalOptions>();
    await renderError(failure, { ctx, globals, secrets: ctx.secrets.list() });
    return exitCodeFor(failure);
  } finally {
    process.off('SIGINT', onSigint);
  }
}
