/**
 * Progress on stderr while the tool works. On a terminal an ora spinner with the elapsed time;
 * elsewhere (CI, pipes, files) a few plain lines and no control characters; with -q nothing.
 * stdout is never touched here: it carries data only.
 */
import type { CliContext, GlobalOptions } from '../core/context.js';
import { colorEnabled, palette } from './color.js';
import { printableLine } from '../core/printable.js';
import { asciiOnly } from '../core/ascii.js';

/**
 * The marks of a finished step, the same with or without a terminal: ora's spinner and the
 * prompts' answered questions print these two, so the plain lines (CI, pipes) do too.
 */
export const MARK = { done: '✔', failed: '✖' } as const;

export interface Progress {
  /** A new phase, e.g. "Creating 2 TCP listeners on lb-…". */
  start(text: string): void;
  /** The same phase, updated (e.g. poll count and elapsed time); plain mode prints none of these. */
  update(text: string): void;
  succeed(text: string): void;
  fail(text?: string): void;
  /** A note that always shows (unless -q), e.g. a certificate expiry warning. */
  warn(text: string): void;
  info(text: string): void;
  stop(): void;
}

type Spinner = {
  start(text?: string): Spinner;
  text: string;
  stopAndPersist(options: { symbol: string; text: string }): Spinner;
  stop(): Spinner;
  isSpinning: boolean;
};

export async function createProgress(ctx: CliContext, globals: Partial<GlobalOptions>): Promise<Progress> {
  const terminal = ctx.stderr.isTTY === true && ctx.env.CI !== 'true' && ctx.env.TERM !== 'dumb';
  // With -o json off a terminal, stderr is for a machine too: only errors (as JSON) and warnings.
  const quiet = globals.quiet === true || (globals.output === 'json' && !terminal);
  const color = await palette(colorEnabled(ctx.stderr, ctx.env, globals.color !== false));
  const line = (text: string) => void (!quiet && ctx.stderr.write(`${text}\n`));
  // What comes from outside (names, paths, certificate subjects) is shown escaped, never obeyed.
  const p = printableLine;
  const warnLine = (text: string) => void (globals.quiet !== true && ctx.stderr.write(`${color.yellow('warning:')} ${p(text)}\n`));
  const useSpinner = !quiet && terminal;
  if (!useSpinner) {
    return {
      start: (text) => line(p(text)),
      update: () => {},
      succeed: (text) => line(`${color.green(MARK.done)} ${p(text)}`),
      fail: (text) => text && line(`${color.red(MARK.failed)} ${p(text)}`),
      warn: warnLine,
      info: (text) => line(p(text)),
      stop: () => {},
    };
  }
  const { default: ora } = await import('ora');
  const spinner: Spinner = ora({
    stream: ctx.stderr as unknown as NodeJS.WritableStream,
    color: 'cyan',
    // A locale that is not UTF-8 cannot show the Braille dots.
    ...(asciiOnly(ctx.env) && { spinner: 'line' as const }),
    isEnabled: true,
    // Keep stdin alone: Ctrl-C must reach our own handler, which prints the RequestId.
    discardStdin: false,
  });
  const pause = (print: () => void) => {
    const spinning = spinner.isSpinning;
    const text = spinner.text;
    if (spinning) spinner.stop();
    print();
    if (spinning) spinner.start(text);
  };
  return {
    start: (text) => void spinner.start(p(text)),
    update: (text) => {
      spinner.text = p(text);
    },
    succeed: (text) => void spinner.stopAndPersist({ symbol: color.green(MARK.done), text: p(text) }),
    fail: (text) => void (text ? spinner.stopAndPersist({ symbol: color.red(MARK.failed), text: p(text) }) : spinner.stop()),
    warn: (text) => pause(() => line(`${color.yellow('warning:')} ${p(text)}`)),
    info: (text) => pause(() => line(p(text))),
    stop: () => void spinner.stop(),
  };
}

export function formatElapsed(ms: number): string {
  return ms < 60000
    ? `${(ms / 1000).toFixed(1)}s`
    : `${Math.floor(ms / 60000)}m${String(Math.round((ms % 60000) / 1000)).padStart(2, '0')}s`;
}
