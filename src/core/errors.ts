/**
 * The few error classes every failure becomes. Each carries what a person needs to act on it
 * (the API's Code and RequestId, the flag at fault, a hint); `src/cli/exit-codes.ts` alone maps
 * them to exit codes.
 */

import { scrubPrivateKeys } from './secrets.js';

/** What a failure leaves behind that a person or script may need: a running task, created ids. */
export interface FailureDetails {
  TaskId?: string;
  ListenerIds?: string[];
  /** Forwarding rules an accepted CreateRule made, when what followed it failed or was interrupted. */
  LocationIds?: string[];
}

export abstract class CliError extends Error {
  /** One extra line telling the person what to do next. */
  hint?: string;
  details: FailureDetails = {};
  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options?.hint) this.hint = options.hint;
  }
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
  /** The rule's id (README, "Validation rules"), `type` for a value of the wrong type. */
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
  constructor(message: string, where?: string, options?: { hint?: string; cause?: unknown; problems?: readonly Problem[] }) {
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
    super(`${action} failed: ${code}: ${apiMessage}`, options);
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
  ) {
    super(`task ${requestId} failed: ${taskMessage || 'no reason given'}`);
  }
}

/** The deadline passed while the task was still running; it may still finish. */
export class WaitTimeoutError extends CliError {
  constructor(
    readonly requestId: string,
    readonly waitedMs: number,
  ) {
    super(`gave up waiting for task ${requestId} after ${Math.round(waitedMs / 1000)}s; it may still finish`, {
      hint: `resume with: clb-listener wait ${requestId}`,
    });
  }
}

/** The transport failed (after any safe retries), or the reply could not be understood: outcome unknown. */
export class NetworkError extends CliError {
  readonly requestId: string | undefined;
  /** A write that may have reached the API: it must not be resent blindly, only checked. */
  readonly mayHaveApplied: boolean;
  constructor(
    message: string,
    readonly action: string,
    options?: { hint?: string; cause?: unknown; requestId?: string; mayHaveApplied?: boolean },
  ) {
    super(message, options);
    this.requestId = options?.requestId;
    this.mayHaveApplied = options?.mayHaveApplied ?? false;
  }
}

/** Ctrl-C, SIGTERM, SIGHUP, or an aborted signal. */
export class InterruptedError extends CliError {
  /** Set when the interruption came before the request was handed to the network: nothing was sent. */
  notSent = false;
  constructor(readonly requestId?: string) {
    super(requestId ? `interrupted while waiting for task ${requestId}` : 'interrupted');
    if (requestId) this.hint = `the task keeps running; follow it with: clb-listener wait ${requestId}`;
  }
  /** An interruption before anything went out: says so, so nobody goes looking for a half-done change. */
  static beforeSending(what = 'interrupted'): InterruptedError {
    const error = new InterruptedError();
    error.message = `${what}; nothing was sent`;
    error.notSent = true;
    return error;
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
    message: string,
    options: { hint: string; cause?: unknown; listenerIds?: string[] },
  ) {
    super(message, { hint: options.hint, cause: options.cause });
    if (requestId) this.details.TaskId = requestId;
    if (options.listenerIds) this.details.ListenerIds = options.listenerIds;
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
