/** The single place that turns a failure into an exit code (docs/design.md). */
import {
  AcceptedError,
  ApiError,
  ConflictError,
  ExitStatus,
  PartialFailureError,
  CredentialsError,
  InterruptedError,
  NetworkError,
  TaskFailedError,
  UsageError,
  WaitTimeoutError,
} from '../core/errors.js';
import { RulesIncompleteError } from '../core/rule-errors.js';
import { TargetsIncompleteError, UnhealthyTargetsError } from '../core/target-errors.js';

export const ExitCode = {
  Success: 0,
  ApiRejected: 1,
  Usage: 2,
  Credentials: 3,
  TaskFailed: 4,
  WaitTimeout: 5,
  Network: 6,
  Accepted: 7,
  /** The listener was created, but its forwarding rules were not (all): the id and the command that finishes are printed. */
  RulesIncomplete: 8,
  /** The listener exists, but its targets were not (all) bound: its id, what was done and the command that finishes are printed. */
  TargetsIncomplete: 9,
  /** `apply --plan --detailed-exitcode`: the plan has changes (Terraform uses 2, which is taken here). */
  ChangesPending: 10,
  /** The targets were bound, but the health wait ran out: the targets that are not healthy are listed. */
  TargetsUnhealthy: 11,
  HangUp: 129,
  Interrupted: 130,
  Terminated: 143,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The signals handled like Ctrl-C, and the shell's 128 + signal number convention for each. */
export const SIGNAL_EXIT_CODES = { SIGINT: ExitCode.Interrupted, SIGTERM: ExitCode.Terminated, SIGHUP: ExitCode.HangUp } as const;
export type HandledSignal = keyof typeof SIGNAL_EXIT_CODES;

export function isHandledSignal(value: unknown): value is HandledSignal {
  return typeof value === 'string' && Object.hasOwn(SIGNAL_EXIT_CODES, value);
}

/** The table printed in `--help` and the README. */
export const EXIT_CODE_HELP: readonly [number, string][] = [
  [0, 'success'],
  [1, 'the API rejected the request (its Code and RequestId are printed), a listener is in the way, or some apply changes failed'],
  [2, 'usage or validation error; nothing was sent'],
  [3, 'credentials missing or refused (AuthFailure.*)'],
  [4, 'the task ran and failed (its Message is printed)'],
  [5, 'gave up waiting; the task may still finish (resume with clb-listener wait <id>)'],
  [6, 'network failure after retries; outcome unknown'],
  [7, 'the write was accepted, but its outcome could not be confirmed or printed (ids and clb-listener wait <id> on stderr)'],
  [8, 'the listener was created, but its forwarding rules were not (all); its id and the command that finishes are on stderr'],
  [9, 'the listener exists, but its targets were not (all) bound; its id and the command that finishes are on stderr'],
  [10, 'apply --plan --detailed-exitcode: changes are pending'],
  [11, '--wait-healthy gave up: the targets were bound, but some did not report healthy in time (listed on stderr)'],
  [129, 'SIGHUP (terminal closed); what was left running is printed, as for Ctrl-C'],
  [130, 'interrupted (Ctrl-C); the RequestId, if any, is printed'],
  [143, 'SIGTERM (e.g. a cancelled CI job); what was left running is printed, as for Ctrl-C'],
];

/** `interruptedBy` is the signal that ended the run, when one did (SIGINT if unknown). */
export function exitCodeFor(error: unknown, interruptedBy?: unknown): ExitCodeValue {
  if (error instanceof UsageError) return ExitCode.Usage;
  if (error instanceof RulesIncompleteError) return ExitCode.RulesIncomplete;
  if (error instanceof TargetsIncompleteError) return ExitCode.TargetsIncomplete;
  if (error instanceof UnhealthyTargetsError) return ExitCode.TargetsUnhealthy;
  if (error instanceof AcceptedError) return ExitCode.Accepted;
  if (error instanceof CredentialsError) return ExitCode.Credentials;
  if (error instanceof ApiError) return error.isAuthFailure ? ExitCode.Credentials : ExitCode.ApiRejected;
  if (error instanceof ConflictError || error instanceof PartialFailureError) return ExitCode.ApiRejected;
  if (error instanceof ExitStatus) return error.code as ExitCodeValue;
  if (error instanceof TaskFailedError) return ExitCode.TaskFailed;
  if (error instanceof WaitTimeoutError) return ExitCode.WaitTimeout;
  if (error instanceof NetworkError) return ExitCode.Network;
  if (error instanceof InterruptedError) return isHandledSignal(interruptedBy) ? SIGNAL_EXIT_CODES[interruptedBy] : ExitCode.Interrupted;
  // Anything else is a bug in this tool; 1 keeps `set -e` scripts honest.
  return ExitCode.ApiRejected;
}
