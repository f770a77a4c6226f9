/**
 * The few error classes every failure becomes. Each carries what a person needs to act on it
 * (the API's Code and RequestId, the flag at fault, a hint); `src/cli/exit-codes.ts` alone maps
 * them to exit codes.
 */

import { scrubPrivateKeys } from './secrets.js';
import { type Language, type Message, message as messageOf, render } from './i18n.js';
import { ERRORS } from './errors.messages.js';

/** What an error says: a plain sentence, or a catalogue message put in the run's language when printed. */
export type Words = string | Message;

/** The English sentence of `words` (an error's `message` is always English; code and logs read it). */
export function english(words: Words): string {
  return typeof words === 'string' ? words : render('en', words);
}

/** What a failure leaves behind that a person or script may need: a running task, created ids. */
export interface FailureDetails {
  TaskId?: string;
  ListenerIds?: string[];
  /** Forwarding rules an accepted CreateRule made, when what followed it failed or was interrupted. */
  LocationIds?: string[];
}

/** What every failure may carry besides its message. */
export interface CliErrorOptions {
  hint?: Words;
  cause?: unknown;
  details?: FailureDetails;
  /** The name `-o json` errors report as their Code's source (default: the class's name). */
  name?: string;
}

/** What `CliError.with` may change: the wording, the hint, what was left behind. */
export interface ErrorChanges {
  message?: Words;
  hint?: Words;
  details?: FailureDetails;
}

/**
 * An error is a value: built once with everything it says, never changed after it is thrown.
 * Code that learns more on the way out (a hint, the ids a write left behind, the signal's name)
 * throws a copy that says more: `throw error.with({ hint })`. What it says is a catalogue message
 * where one exists (`text`, `hintText`), said in the run's language when printed; `message` and
 * `hint` are always its English sentences.
 */
export abstract class CliError extends Error {
  /** One extra line telling the person what to do next. */
  readonly hint?: string;
  readonly details: Readonly<FailureDetails>;
  /** The message as a catalogue entry, said in the run's language when rendered. */
  readonly text?: Message;
  /** The hint as a catalogue entry. */
  readonly hintText?: Message;
  constructor(message: Words, options?: CliErrorOptions) {
    super(english(message), options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = options?.name ?? new.target.name;
    if (typeof message !== 'string') this.text = message;
    if (options?.hint) {
      this.hint = english(options.hint);
      if (typeof options.hint !== 'string') this.hintText = options.hint;
    }
    this.details = Object.freeze({ ...options?.details });
  }

  /**
   * A copy of this error (the same class, every field, the same stack) with `changes` made; this
   * one is left as it was. `details` are merged into the ones already there.
   */
  with(changes: ErrorChanges): this {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this)) as this;
    const set = (key: string, value: unknown) =>
      Object.defineProperty(copy, key, { value, writable: true, enumerable: key !== 'message', configurable: true });
    if (changes.message !== undefined) {
      const sentence = english(changes.message);
      set('message', sentence);
      set('text', typeof changes.message === 'string' ? undefined : changes.message);
      // The stack's first line repeats the message (what --debug shows): say the new one there too.
      const stack = this.stack;
      const frames = typeof stack === 'string' ? stack.indexOf('\n    at ') : -1;
      if (frames >= 0) set('stack', `${this.name}: ${sentence}${stack!.slice(frames)}`);
    }
    if (changes.hint !== undefined) {
      set('hint', english(changes.hint));
      set('hintText', typeof changes.hint === 'string' ? undefined : changes.hint);
    }
    if (changes.details !== undefined) set('details', Object.freeze({ ...this.details, ...changes.details }));
    return copy;
  }
}

/**
 * What an error says in `language`: its catalogue texts, unless the English sentence was changed
 * after the error was made (then the changed sentence, which is the truth).
 */
export function saidIn(language: Language, error: CliError): { message: string; hint?: string } {
  const message = error.text && render('en', error.text) === error.message ? render(language, error.text) : error.message;
  const hint = error.hintText && error.hint === render('en', error.hintText) ? render(language, error.hintText) : error.hint;
  return { message, ...(hint ? { hint } : {}) };
}

/**
 * One thing wrong with the input, when validation found several: each is one line of text output
 * and one entry of the `-o json` error's `Problems`.
 */
export interface Problem {
  /** The field as the person gave it: `--health-check TimeOut`, `listeners.yaml: listeners[2].Port`. */
  field: string;
  /** The API field path, `HealthCheck.TimeOut` (`listeners[2].HealthCheck.TimeOut` in an apply file). */
  path?: string;
  /** The value found there, when there is one (shown shortened, never a private key). */
  value?: unknown;
  /** The rule's id (docs/rules.md), `type` for a value of the wrong type. */
  rule?: string;
  /** The whole sentence, as the error line says it. */
  message: string;
  hint?: string;
}

/** Bad input: nothing was sent. */
export class UsageError extends CliError {
  /** The flag at fault, e.g. `--health-check`. */
  readonly flag?: string;
  /** Every problem found, the first being the message itself; set by validation. */
  readonly problems?: readonly Problem[];
  /** `where` may be a flag or a longer label such as `--health-check TimeOut`: its first word is the flag. */
  constructor(message: Words, where?: string, options?: CliErrorOptions & { problems?: readonly Problem[] }) {
    super(message, options);
    if (where) this.flag = where.split(' ')[0];
    if (options?.problems?.length) this.problems = options.problems;
  }
}

/** The API answered with `Response.Error`. */
export class ApiError extends CliError {
  constructor(
    readonly code: string,
    readonly apiMessage: string,
    readonly requestId: string | undefined,
    readonly action: string,
    options?: { hint?: string },
  ) {
    super(messageOf(ERRORS.apiFailed, { action, code, message: apiMessage }), options);
  }
  get isAuthFailure(): boolean {
    return this.code === 'AuthFailure' || this.code.startsWith('AuthFailure.');
  }
  /** The API failed on its side: a read may be tried again; a write may or may not have been applied. */
  get isInternalError(): boolean {
    return isInternalErrorCode(this.code);
  }
}

export function isInternalErrorCode(code: string): boolean {
  return code === 'InternalError' || code.startsWith('InternalError.');
}

/**
 * The load balancer's listeners are in the way of the request: a port is held by a listener of
 * another protocol or name, or a setting cannot be changed in place. Found by reading; nothing was
 * written.
 */
export class ConflictError extends CliError {}

/** Some of several changes did not succeed (apply); the output says which succeeded, failed, or were not tried. */
export class PartialFailureError extends CliError {}

/**
 * Ends a command with an exit code that reports an outcome, not a failure (e.g. `apply --plan
 * --detailed-exitcode`: changes are pending). Nothing is printed for it.
 */
export class ExitStatus extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'ExitStatus';
  }
}

/** No usable credentials were found, before anything was sent. */
export class CredentialsError extends CliError {}

/** DescribeTaskStatus reported Status 1. */
export class TaskFailedError extends CliError {
  constructor(
    readonly requestId: string,
    readonly taskMessage: string,
    /** A failure known otherwise than by the task's id (a lost answer): its own wording and hint. */
    options?: { message?: Words; hint?: Words },
  ) {
    super(
      options?.message ??
        (taskMessage
          ? messageOf(ERRORS.taskFailed, { id: requestId, reason: taskMessage })
          : messageOf(ERRORS.taskFailedNoReason, { id: requestId })),
      options?.hint ? { hint: options.hint } : undefined,
    );
  }
}

/** The deadline passed while the task was still running; it may still finish. */
export class WaitTimeoutError extends CliError {
  constructor(
    readonly requestId: string,
    readonly waitedMs: number,
  ) {
    super(messageOf(ERRORS.gaveUpWaiting, { id: requestId, seconds: Math.round(waitedMs / 1000) }), {
      hint: messageOf(ERRORS.resumeWith, { command: `clb-listener wait ${requestId}` }),
    });
  }
}

/** The transport failed (after any safe retries), or the reply could not be understood: outcome unknown. */
export class NetworkError extends CliError {
  readonly requestId: string | undefined;
  /** A write that may have reached the API: it must not be resent blindly, only checked. */
  readonly mayHaveApplied: boolean;
  constructor(
    message: Words,
    readonly action: string,
    options?: CliErrorOptions & { requestId?: string; mayHaveApplied?: boolean },
  ) {
    super(message, options);
    this.requestId = options?.requestId;
    this.mayHaveApplied = options?.mayHaveApplied ?? false;
  }
}

/** Ctrl-C, SIGTERM, SIGHUP, or an aborted signal. */
export class InterruptedError extends CliError {
  /** Set when the interruption came before the request was handed to the network: nothing was sent. */
  readonly notSent: boolean;
  constructor(
    readonly requestId?: string,
    options?: CliErrorOptions & { message?: Words; notSent?: boolean },
  ) {
    super(options?.message ?? (requestId ? messageOf(ERRORS.interruptedWaiting, { id: requestId }) : messageOf(ERRORS.interrupted)), {
      ...options,
      ...(requestId && !options?.hint ? { hint: messageOf(ERRORS.taskKeepsRunning, { command: `clb-listener wait ${requestId}` }) } : {}),
    });
    this.notSent = options?.notSent ?? false;
  }
  /** An interruption before anything went out: says so, so nobody goes looking for a half-done change. */
  static beforeSending(what: Words = messageOf(ERRORS.interruptedNothingSent)): InterruptedError {
    // A plain sentence says what was under way; the catalogue's say "nothing was sent" themselves.
    return new InterruptedError(undefined, { message: typeof what === 'string' ? `${what}; nothing was sent` : what, notSent: true });
  }
  /** Interrupted by a signal other than Ctrl-C (SIGTERM, SIGHUP): a copy whose message names it. */
  bySignal(signal: string): InterruptedError {
    if (!this.message.startsWith('interrupted')) return this;
    if (this.text && render('en', this.text) === this.message) {
      const text = this.text.text;
      return this.with({
        message: messageOf(
          { en: text.en.replace(/^interrupted/, 'interrupted by %{signal}'), zh: text.zh.replace(/^已中断/, '已被 %{signal} 中断') },
          { ...this.text.params, signal },
        ),
      });
    }
    return this.with({ message: this.message.replace(/^interrupted/, `interrupted by ${signal}`) });
  }
}

/**
 * A write the API accepted (it answered with a RequestId), after which this run could not confirm
 * or report what happened: a task poll that cannot go on, or a result that could not be printed.
 * The change may exist or be on its way, so this is never "nothing was sent" and never a reason to
 * send the write again: the RequestId, any ids, and the command that resumes are printed.
 */
export class AcceptedError extends CliError {
  /** `requestId` is absent when several writes were accepted (apply): the ids say what was done. */
  constructor(
    readonly requestId: string | undefined,
    message: Words,
    options: { hint: Words; cause?: unknown; listenerIds?: string[] },
  ) {
    super(message, {
      hint: options.hint,
      cause: options.cause,
      details: { ...(requestId ? { TaskId: requestId } : {}), ...(options.listenerIds ? { ListenerIds: options.listenerIds } : {}) },
    });
  }
}

const REDACTED = '<redacted>';

/**
 * Replaces every occurrence of each secret in `text`, and any private-key block (even one cut
 * short, even one never registered). Secrets shorter than four characters are skipped: replacing
 * them would mangle ordinary words without protecting anything real.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = scrubPrivateKeys(text);
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    out = out.split(secret).join(REDACTED);
  }
  return out;
}
