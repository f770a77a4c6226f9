/** The single place that turns a failure into an exit code (docs/design.md). */
import {
  ApiError,
  CredentialsError,
  InterruptedError,
  NetworkError,
  TaskFailedError,
  UsageError,
  WaitTimeoutError,
} from '../core/errors.js';

export const ExitCode = {
  Success: 0,
  ApiRejected: 1,
  Usage: 2,
  Credentials: 3,
  TaskFailed: 4,
  WaitTimeout: 5,
  Network: 6,
  Interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The table printed in `--help` and the README. */
export const EXIT_CODE_HELP: readonly [number, string][] = [
  [0, 'success'],
  [1, 'the API rejected the request (its Code and RequestId are printed)'],
  [2, 'usage or validation error; nothing was sent'],
  [3, 'credentials missing or refused (AuthFailure.*)'],
  [4, 'the task ran and failed (its Message is printed)'],
  [5, 'gave up waiting; the task may still finish (resume with clb-listener wait <id>)'],
  [6, 'network failure after retries; outcome unknown'],
  [130, 'interrupted (Ctrl-C); the RequestId, if any, is printed'],
];

export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof UsageError) return ExitCode.Usage;
  if (error instanceof CredentialsError) return ExitCode.Credentials;
  if (error instanceof ApiError) return error.isAuthFailure ? ExitCode.Credentials : ExitCode.ApiRejected;
  if (error instanceof TaskFailedError) return ExitCode.TaskFailed;
  if (error instanceof WaitTimeoutError) return ExitCode.WaitTimeout;
  if (error instanceof NetworkError) return ExitCode.Network;
  if (error instanceof InterruptedError) return ExitCode.Interrupted;
  // Anything else is a bug in this tool; 1 keeps `set -e` scripts honest.
  return ExitCode.ApiRejected;
}
