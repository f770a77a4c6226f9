/**
 * The three kinds of question interactive mode asks, over @inquirer/prompts (loaded only here,
 * only for `-i`), on the context's streams so tests can drive them. Ctrl-C, Esc and an aborted
 * context signal all end a question the same way: a PromptCancelledError (exit 130).
 */
import { Writable } from 'node:stream';
import type { CliContext, OutStream } from '../../core/context.js';
import { InterruptedError } from '../../core/errors.js';
import { asciiOnly, toAscii } from '../../core/ascii.js';
import { colorEnabled } from '../color.js';

/** Interrupted before anything was sent: exit 130 and a plain one-line message, no stack. */
export class PromptCancelledError extends InterruptedError {
  constructor() {
    super();
    this.message = 'cancelled, nothing sent';
    // Keeps `-o json` errors' Code "Interrupted", like every other interruption.
    this.name = 'InterruptedError';
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
  Object.defineProperty(stream, 'columns', { get: () => out.columns ?? 80 });
  Object.defineProperty(stream, 'isTTY', { get: () => out.isTTY === true });
  return stream;
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

  async function ask<T>(start: (context: PromptContext) => Promise<T>): Promise<T> {
    if (ctx.signal.aborted) throw new PromptCancelledError();
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(ctx.signal.reason);
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    // readline decodes a lone ESC (after its short escape-sequence timeout) as the key "escape".
    const onKeypress = (_text: unknown, key?: { name?: string }): void => {
      if (key?.name === 'escape') controller.abort(new Error('escape'));
    };
    const pending = start({ input: ctx.stdin, output: promptOutput(ctx.stdout, look), signal: controller.signal });
    ctx.stdin.on('keypress', onKeypress);
    try {
      return await pending;
    } catch (error) {
      if (isPromptCancel(error)) throw new PromptCancelledError();
      throw error;
    } finally {
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
        prompts.confirm({ message: config.message, ...(config.default !== undefined ? { default: config.default } : {}) }, context),
      ),
  };
}
