/**
 * Progress on stderr while the tool works. On a terminal an ora spinner with the elapsed time;
 * elsewhere (CI, pipes, files) a few plain lines and no control characters; with -q nothing.
 * stdout is never touched here: it carries data only.
 */
import type { CliContext, GlobalOptions } from '../core/context.js';
import { colorEnabled, palette } from './color.js';
import { printableLine } from '../core/printable.js';
import { redact } from '../core/errors.js';
import { type Language, say } from '../core/i18n.js';
import { ERRORS } from '../core/errors.messages.js';
import { displayWidth, truncateWidth } from '../core/width.js';
import { asciiOnly } from '../core/ascii.js';

/**
 * The marks of a finished step, the same with or without a terminal: ora's spinner and the
 * prompts' answered questions print these two, so the plain lines (CI, pipes) do too.
 */
export const MARK = { done: '✔', failed: '✖' } as const;

export interface Progress {
  /** The run's language, for what callers put on the line. */
  language: Language;
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
  const language = ctx.language ?? 'en';
  const line = (text: string) => void (!quiet && ctx.stderr.write(`${text}\n`));
  // What comes from outside (names, paths, certificate subjects) is shown escaped, never obeyed.
  const p = (text: string) => printableLine(redact(text, ctx.secrets.list()));
  const warning = say(language, ERRORS.warningLabel);
  const warningLabel = `${color.yellow(warning)}${warning.endsWith('：') ? '' : ' '}`;
  const warnLine = (text: string) => void (globals.quiet !== true && ctx.stderr.write(`${warningLabel}${p(text)}\n`));
  // A terminal that reports no width (0 columns under `script`, `docker run -t` as it starts)
  // gets plain lines: a spinner redraws by counting lines in columns.
  const useSpinner = !quiet && terminal && hasWidth(ctx.stderr.columns);
  if (!useSpinner) {
    return {
      language,
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
    stream: withWidth(ctx.stderr) as unknown as NodeJS.WritableStream,
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
  // The line being redrawn stays on one terminal row (a Chinese character takes two columns):
  // a line that wraps cannot be erased by the next frame.
  const fit = (text: string) => {
    const columns = (ctx.stderr.columns ?? 0) - 3;
    return columns > 10 && displayWidth(text) > columns ? truncateWidth(text, columns) : text;
  };
  return {
    language,
    start: (text) => void spinner.start(fit(p(text))),
    update: (text) => {
      spinner.text = fit(p(text));
    },
    succeed: (text) => void spinner.stopAndPersist({ symbol: color.green(MARK.done), text: p(text) }),
    fail: (text) => void (text ? spinner.stopAndPersist({ symbol: color.red(MARK.failed), text: p(text) }) : spinner.stop()),
    warn: (text) => pause(() => line(`${warningLabel}${p(text)}`)),
    info: (text) => pause(() => line(p(text))),
    stop: () => void spinner.stop(),
  };
}

/** Whether a stream's reported width is one a line count can be divided by. */
function hasWidth(columns: number | undefined): boolean {
  return typeof columns === 'number' && Number.isFinite(columns) && columns > 0;
}

/**
 * The stream as the spinner sees it: always some width. ora divides by the column count, so a
 * terminal that shrinks to 0 columns while it spins would make it clear lines without end.
 */
function withWidth<T extends object>(stream: T): T {
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'columns') {
        const columns = (target as { columns?: number }).columns;
        return hasWidth(columns) ? columns : 80;
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function formatElapsed(ms: number): string {
  return ms < 60000
    ? `${(ms / 1000).toFixed(1)}s`
    : `${Math.floor(ms / 60000)}m${String(Math.round((ms % 60000) / 1000)).padStart(2, '0')}s`;
}
