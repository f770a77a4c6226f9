/**
 * Parse, run, and the single top-level catch: every failure is rendered once, on stderr, and
 * mapped to its exit code here and nowhere else. This module is the bundle's entry, so it
 * imports only what every run needs; commander and the commands load once a run needs them.
 */
import { defaultContext, type CliContext, type GlobalOptions } from '../core/context.js';
import { ExitCode, exitCodeFor, SIGNAL_EXIT_CODES, type HandledSignal } from './exit-codes.js';
import { SecretRegistry } from '../core/secrets.js';
import { ExitStatus, InterruptedError, UsageError } from '../core/errors.js';
import { repairedArgument } from '../core/utf8.js';
import { UTF8 } from '../core/utf8.messages.js';
import { message } from '../core/i18n.js';
import { VERSION } from '../core/version.js';
import { releaseTerminalAtExit } from '../core/hang-up.js';
import { asciiOnly, toAscii } from '../core/ascii.js';

/** Makes `stream` write text through `toAscii`; returns how to undo it. */
function writeAscii(stream: CliContext['stderr']): () => void {
  const write = stream.write;
  stream.write = function (this: unknown, chunk: unknown, ...rest: unknown[]) {
    return (write as (...args: unknown[]) => boolean).call(this, typeof chunk === 'string' ? toAscii(chunk) : chunk, ...rest);
  } as typeof stream.write;
  return () => {
    stream.write = write;
  };
}

/**
 * stdout errors: a closed pipe (`| head -1`) is the reader's choice and ends the run quietly; any
 * other failure (a full disk) reaches the writer through its callback and is reported there, so the
 * event itself must not crash the process.
 */
function onStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(ExitCode.Success);
}

/** After SIGHUP the terminal is gone, and writing to it fails (EIO): nothing more can be said there. */
function ignoreStderrError(): void {}

/**
 * The -o/--output a command line asks for, read from the words themselves: a usage error found
 * while parsing may come before commander has reached `-o json`, and a script that asked for JSON
 * errors must get one anyway.
 */
function outputAskedFor(argv: readonly string[]): Partial<GlobalOptions> {
  let output: GlobalOptions['output'] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') break;
    let value: string | undefined;
    if (word === '-o' || word === '--output') value = argv[++i];
    else if (word.startsWith('--output=')) value = word.slice('--output='.length);
    else if (/^-o[a-z]/.test(word)) value = word.slice(2);
    const format = value?.toLowerCase();
    if (format === 'json' || format === 'text' || format === 'table') output = format;
  }
  return output ? { output } : {};
}

const HANDLED_SIGNALS = Object.keys(SIGNAL_EXIT_CODES) as HandledSignal[];

/** `clb-listener --version` alone: the answer needs no parser. */
function isVersionOnly(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
}

export async function main(argv: readonly string[], overrides: Partial<CliContext> = {}): Promise<number> {
  const interrupt = new AbortController();
  const onSignal = (name: HandledSignal): void => {
    // The first signal lets the running command stop cleanly and say what it left running (the
    // RequestId, the ids, how to resume); a second one means "now".
    if (name === 'SIGHUP') releaseTerminalAtExit();
    if (interrupt.signal.aborted) process.exit(SIGNAL_EXIT_CODES[name]);
    interrupt.abort(name);
  };
  const handlers = HANDLED_SIGNALS.map((name) => [name, () => onSignal(name)] as const);
  if (!overrides.signal) for (const [name, handler] of handlers) process.on(name, handler);
  if (!overrides.stdout) process.stdout.on('error', onStdoutError);
  if (!overrides.stderr) process.stderr.on('error', ignoreStderrError);
  const ctx: CliContext = { ...defaultContext(interrupt.signal), ...overrides };
  if (!overrides.secrets) ctx.secrets = new SecretRegistry(ctx.env);
  // A locale that is not UTF-8: what is written for people (stderr) uses ASCII stand-ins for ✔, –, → …
  // (-o json errors are data, and stay byte for byte what they are in any locale).
  const restoreStderr = asciiOnly(ctx.env) && outputAskedFor(argv).output !== 'json' ? writeAscii(ctx.stderr) : undefined;
  try {
    if (isVersionOnly(argv)) {
      ctx.stdout.write(`${VERSION}\n`);
      return ExitCode.Success;
    }
    const { buildProgram, isCommanderExit, unknownHelpTopic, usageErrorFromCommander, runLanguage } = await import('./program.js');
    if (!overrides.language) ctx.language = runLanguage(argv, ctx).language;
    const program = buildProgram(ctx);
    try {
      // Bytes that were not UTF-8 reach argv as U+FFFD: refused, never sent as if typed.
      const repaired = repairedArgument(argv);
      if (repaired) {
        throw new UsageError(message(UTF8.notUtf8, { what: repaired.name, offset: repaired.offset }), undefined, {
          hint: message(UTF8.argvNotUtf8),
        });
      }
      // `clb-listener` alone asks what there is: the help, on stdout, and success (as git and gh do).
      const words = argv.length === 0 ? ['--help'] : argv;
      const topic = unknownHelpTopic(program, words, ctx.language ?? 'en');
      if (topic) throw topic;
      await program.parseAsync(words, { from: 'user' });
      return ExitCode.Success;
    } catch (error) {
      // An outcome with its own exit code, not a failure: nothing to render.
      if (error instanceof ExitStatus) return error.code;
      let failure = error;
      const exit = isCommanderExit(error);
      // --help and --version end this way too, successfully.
      if (exit === 'success') return ExitCode.Success;
      if (exit === 'usage') failure = usageErrorFromCommander(error as Error, program, argv);
      // A terminal that hung up while a question was open says so itself, before (or without) SIGHUP.
      const signal = ctx.signal.aborted ? ctx.signal.reason : (failure as { signal?: unknown } | undefined)?.signal;
      if (failure instanceof InterruptedError && (signal === 'SIGTERM' || signal === 'SIGHUP')) {
        failure = failure.bySignal(signal);
      }
      const { renderError } = await import('../ui/render-error.js');
      await renderError(failure, {
        ctx,
        globals: { ...program.opts<GlobalOptions>(), ...outputAskedFor(argv) },
        secrets: ctx.secrets.list(),
      });
      const code = exitCodeFor(failure, signal);
      if (signal === 'SIGHUP' && !overrides.stdin) releaseTerminalAtExit();
      return code;
    }
  } finally {
    restoreStderr?.();
    // The stdout handler stays: a closed pipe may only be noticed after main has returned.
    if (!overrides.signal) for (const [name, handler] of handlers) process.off(name, handler);
  }
}
