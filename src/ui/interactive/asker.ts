/**
 * The three kinds of question interactive mode asks, over @inquirer/prompts (loaded only here,
 * only for `-i`), on the context's streams so tests can drive them. Ctrl-C, Esc and an aborted
 * context signal all end a question the same way: a PromptCancelledError (exit 130).
 */
import { Writable } from 'node:stream';
import type { CliContext, OutStream } from '../../core/context.js';
import { InterruptedError } from '../../core/errors.js';
import { say } from '../../core/i18n.js';
import { ASK } from './interactive.messages.js';
import { asciiOnly, toAscii } from '../../core/ascii.js';
import { colorEnabled } from '../color.js';

/** Interrupted before anything was sent: exit 130 and a plain one-line message, no stack. */
export class PromptCancelledError extends InterruptedError {
  constructor() {
    // The name keeps `-o json` errors' Code "Interrupted", like every other interruption.
    super(undefined, { message: 'cancelled, nothing sent', name: 'InterruptedError' });
  }
}

/**
 * The terminal went away while a question was open (its input ended, or it refused a change of
 * mode): a hang-up, whether or not SIGHUP has arrived yet. Exit 129, like SIGHUP.
 */
export class TerminalHangUpError extends PromptCancelledError {
  /** main maps it as it maps the signal. */
  readonly signal = 'SIGHUP';
  constructor() {
    super();
    this.message = 'the terminal hung up; cancelled, nothing sent';
  }
}

type TerminalInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/**
 * While a question is open: notices a hang-up of the terminal, and keeps readline's change of
 * mode on a terminal that is gone from crashing the process. tty's setRawMode reports EIO as an
 * 'error' event, which readline passes on to its interface, where nothing listens (Node then
 * dies on an uncaught error); here the failure is kept and counts as the hang-up.
 */
function watchTerminal(stdin: TerminalInput, onHangUp: () => void): { hungUp(): boolean; stop(): void } {
  let gone = false;
  const hangUp = () => {
    if (gone) return;
    gone = true;
    onHangUp();
  };
  // In raw mode Ctrl-D is a key, not the end: input ends only when the terminal does.
  const onEnd = () => hangUp();
  stdin.on('end', onEnd);
  const setRawMode = stdin.setRawMode;
  const own = Object.hasOwn(stdin, 'setRawMode');
  const wrapped = stdin.isTTY === true && typeof setRawMode === 'function';
  if (wrapped) {
    stdin.setRawMode = function (this: TerminalInput, mode: boolean) {
      const emit = this.emit;
      this.emit = function (this: TerminalInput, event: string | symbol, ...args: unknown[]) {
        if (event !== 'error') return emit.call(this, event, ...args);
        hangUp();
        return true;
      } as typeof emit;
      try {
        return setRawMode.call(this, mode);
      } finally {
        this.emit = emit;
      }
    };
  }
  return {
    hungUp: () => gone,
    stop: () => {
      stdin.removeListener('end', onEnd);
      if (!wrapped) return;
      // A tty's method lives on its prototype: removing the wrapper uncovers it.
      if (own) stdin.setRawMode = setRawMode;
      else delete stdin.setRawMode;
    },
  };
}

/**
 * Runs one question of @inquirer/prompts with the signal it should stop on (the run's, or a
 * hang-up of the terminal): a hang-up ends it as TerminalHangUpError. For prompts asked without
 * the Asker (configure).
 */
export async function watchingTerminal<T>(ctx: CliContext, ask: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(ctx.signal.reason);
  if (ctx.signal.aborted) onAbort();
  else ctx.signal.addEventListener('abort', onAbort, { once: true });
  const terminal = watchTerminal(ctx.stdin as TerminalInput, () => controller.abort(new Error('hang-up')));
  try {
    return await ask(controller.signal);
  } catch (error) {
    if (terminal.hungUp() && !ctx.signal.aborted) throw new TerminalHangUpError();
    throw error;
  } finally {
    terminal.stop();
    ctx.signal.removeEventListener('abort', onAbort);
  }
}

export interface Choice<V> {
  value: V;
  name: string;
  description?: string;
  /** Shown after the answer instead of the name. */
  short?: string;
  /** Listed but not selectable; a string says why. */
  disabled?: boolean | string;
}

/** The choices for what has been typed so far (undefined: nothing yet); may call the API. */
export type SearchSource<V> = (term: string | undefined, options: { signal: AbortSignal }) => Promise<readonly Choice<V>[]>;

export type Validate = (value: string) => true | string | Promise<true | string>;

export interface Asker {
  input(config: { message: string; default?: string; validate?: Validate }): Promise<string>;
  select<V>(config: { message: string; choices: readonly Choice<V>[]; default?: V }): Promise<V>;
  confirm(config: { message: string; default?: boolean }): Promise<boolean>;
  /** A file path; Tab completes it from the files there (optional: without it, `input` asks). */
  path?(config: { message: string; validate: Validate }): Promise<string>;
  /** A list narrowed by what is typed; `source` answers each change of the typed text. */
  search<V>(config: { message: string; source: SearchSource<V>; pageSize?: number; default?: V }): Promise<V>;
}

type PromptContext = { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal: AbortSignal };

const CANCEL_ERRORS = new Set(['ExitPromptError', 'AbortPromptError', 'CancelPromptError']);

/** Ctrl-C (ExitPromptError), Esc or an aborted signal (AbortPromptError), or a cancelled prompt. */
export function isPromptCancel(error: unknown): boolean {
  return error instanceof Error && CANCEL_ERRORS.has(error.name);
}

/**
 * A writable that forwards to the context's stdout and ignores `end()`: inquirer ends its output
 * after every question, which must not end the real stream (or a test's).
 */
export function promptOutput(out: OutStream, options: PromptLook = {}): NodeJS.WritableStream {
  // The prompts library decides colour from the process's own environment; the run's decision
  // (--no-color, NO_COLOR in the run's env, not a terminal) is applied here, on what it writes:
  // colour codes dropped, cursor movements kept. A locale that is not UTF-8 gets ASCII symbols.
  const look = (text: string): string => {
    const plain = options.color === false ? text.replace(COLOUR_CODES, '') : text;
    return options.ascii ? toAscii(plain) : plain;
  };
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      out.write(look(typeof chunk === 'string' ? chunk : chunk.toString('utf8')));
      callback();
    },
  });
  // 0 columns (a terminal that reports no width) would leave nothing to lay a question out in.
  Object.defineProperty(stream, 'columns', { get: () => (out.columns && out.columns > 0 ? out.columns : 80) });
  Object.defineProperty(stream, 'isTTY', { get: () => out.isTTY === true });
  return stream;
}

/**
 * The prompts' own words (the key help line, yes and no, a refused choice) in the run's language;
 * nothing for English, the prompts' own.
 */
function promptWords(ctx: CliContext) {
  const language = ctx.language ?? 'en';
  if (language === 'en') return { list: {}, confirm: {} };
  const actions: Record<string, string> = { navigate: say(language, ASK.keyNavigate), select: say(language, ASK.keySelect) };
  const list = {
    theme: {
      style: {
        keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${actions[action] ?? action}`).join(' • '),
      },
      i18n: { disabledError: say(language, ASK.disabledChoice) },
    },
  };
  const yes = say(language, ASK.yes);
  const no = say(language, ASK.no);
  const confirm = { theme: { keywords: { yes, no, error: () => say(language, ASK.answerYesNo, { yes, no }) } } };
  return { list, confirm };
}

/** How prompts look: `color: false` strips colour codes; `ascii` writes ASCII symbols. */
export interface PromptLook {
  color?: boolean;
  ascii?: boolean;
}

/** SGR sequences (colours, bold, dim); cursor movements and erasing are kept. */
const COLOUR_CODES = /\u001b\[[0-9;]*m/g;

/** The look of the prompts for this run: colour as the run decides it for stdout, ASCII in a non-UTF-8 locale. */
export function promptLook(ctx: CliContext, colorFlag = true): PromptLook {
  return { color: colorEnabled(ctx.stdout, ctx.env, colorFlag), ascii: asciiOnly(ctx.env) };
}

export async function createAsker(ctx: CliContext, look: PromptLook = promptLook(ctx)): Promise<Asker> {
  const [prompts, { pathPrompt }] = await Promise.all([import('@inquirer/prompts'), import('./path-prompt.js')]);
  const words = promptWords(ctx);

  async function ask<T>(start: (context: PromptContext) => Promise<T>): Promise<T> {
    if (ctx.signal.aborted) throw new PromptCancelledError();
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(ctx.signal.reason);
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    // readline decodes a lone ESC (after its short escape-sequence timeout) as the key "escape".
    const onKeypress = (_text: unknown, key?: { name?: string }): void => {
      if (key?.name === 'escape') controller.abort(new Error('escape'));
    };
    const terminal = watchTerminal(ctx.stdin as TerminalInput, () => controller.abort(new Error('hang-up')));
    try {
      const pending = start({ input: ctx.stdin, output: promptOutput(ctx.stdout, look), signal: controller.signal });
      ctx.stdin.on('keypress', onKeypress);
      return await pending;
    } catch (error) {
      if (terminal.hungUp() && !ctx.signal.aborted) throw new TerminalHangUpError();
      if (isPromptCancel(error)) throw new PromptCancelledError();
      throw error;
    } finally {
      terminal.stop();
      ctx.stdin.removeListener('keypress', onKeypress);
      ctx.signal.removeEventListener('abort', onAbort);
    }
  }

  return {
    input: (config) =>
      ask((context) =>
        prompts.input(
          {
            message: config.message,
            ...(config.default !== undefined ? { default: config.default } : {}),
            ...(config.validate ? { validate: config.validate } : {}),
          },
          context,
        ),
      ),
    select: <V>(config: { message: string; choices: readonly Choice<V>[]; default?: V }) =>
      ask(
        (context) =>
          prompts.select<V>(
            {
              message: config.message,
              choices: config.choices.map((c) => ({
                value: c.value,
                name: c.name,
                ...(c.description ? { description: c.description } : {}),
                ...(c.short ? { short: c.short } : {}),
                ...(c.disabled !== undefined ? { disabled: c.disabled } : {}),
              })),
              loop: false,
              ...(config.default !== undefined ? { default: config.default } : {}),
              ...words.list,
            },
            context,
          ) as Promise<V>,
      ),
    search: <V>(config: { message: string; source: SearchSource<V>; pageSize?: number; default?: V }) =>
      ask(
        (context) =>
          prompts.search<V>(
            {
              message: config.message,
              source: async (term, options) =>
                (await config.source(term, options)).map((c) => ({
                  value: c.value,
                  name: c.name,
                  ...(c.description ? { description: c.description } : {}),
                  ...(c.short ? { short: c.short } : {}),
                  ...(c.disabled !== undefined ? { disabled: c.disabled } : {}),
                })),
              pageSize: config.pageSize ?? 10,
              ...(config.default !== undefined ? { default: config.default } : {}),
              ...words.list,
            },
            context,
          ) as Promise<V>,
      ),
    path: (config) =>
      ask((context) =>
        pathPrompt(
          { message: config.message, validate: config.validate, cwd: ctx.cwd, ...(ctx.env.HOME ? { home: ctx.env.HOME } : {}) },
          context,
        ),
      ),
    confirm: (config) =>
      ask((context) =>
        prompts.confirm(
          { message: config.message, ...(config.default !== undefined ? { default: config.default } : {}), ...words.confirm },
          context,
        ),
      ),
  };
}
