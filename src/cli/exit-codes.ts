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
import type { Text } from '../core/i18n.js';
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

/** The table printed in `--help` and docs/design.md. */
export const EXIT_CODE_HELP: readonly [number, Text][] = [
  [0, { en: 'success', zh: '成功' }],
  [
    1,
    {
      en: 'the API rejected the request (its Code and RequestId are printed), a listener is in the way, or some apply changes failed',
      zh: 'API 拒绝了请求（会打印其 Code 和 RequestId）、有监听器占用，或 apply 的部分变更失败',
    },
  ],
  [2, { en: 'usage or validation error; nothing was sent', zh: '用法或校验错误；未发送任何请求' }],
  [3, { en: 'credentials missing or refused (AuthFailure.*)', zh: '凭据缺失或被拒绝（AuthFailure.*）' }],
  [4, { en: 'the task ran and failed (its Message is printed)', zh: '任务已运行但失败（会打印其 Message）' }],
  [
    5,
    {
      en: 'gave up waiting; the task may still finish (resume with clb-listener wait <id>)',
      zh: '放弃等待；任务仍可能完成（用 clb-listener wait <id> 继续）',
    },
  ],
  [6, { en: 'network failure after retries; outcome unknown', zh: '重试后网络仍失败；结果未知' }],
  [
    7,
    {
      en: 'the write was accepted, but its outcome could not be confirmed or printed (ids and clb-listener wait <id> on stderr)',
      zh: '写操作已被接受，但无法确认或打印其结果（ID 和 clb-listener wait <id> 打印在标准错误输出）',
    },
  ],
  [
    8,
    {
      en: 'the listener was created, but its forwarding rules were not (all); its id and the command that finishes are on stderr',
      zh: '监听器已创建，但其转发规则未能（全部）创建；其 ID 和完成余下工作的命令打印在标准错误输出',
    },
  ],
  [
    9,
    {
      en: 'the listener exists, but its targets were not (all) bound; its id and the command that finishes are on stderr',
      zh: '监听器已存在，但其后端未能（全部）绑定；其 ID 和完成余下工作的命令打印在标准错误输出',
    },
  ],
  [10, { en: 'apply --plan --detailed-exitcode: changes are pending', zh: 'apply --plan --detailed-exitcode：有待执行的变更' }],
  [
    11,
    {
      en: '--wait-healthy gave up: the targets were bound, but some did not report healthy in time (listed on stderr)',
      zh: '--wait-healthy 放弃等待：后端已绑定，但部分未在时限内报告健康（列在标准错误输出）',
    },
  ],
  [
    129,
    {
      en: 'SIGHUP (terminal closed); what was left running is printed, as for Ctrl-C',
      zh: 'SIGHUP（终端已关闭）；与 Ctrl-C 一样打印仍在运行的内容',
    },
  ],
  [130, { en: 'interrupted (Ctrl-C); the RequestId, if any, is printed', zh: '已中断（Ctrl-C）；如有 RequestId 会打印出来' }],
  [
    143,
    {
      en: 'SIGTERM (e.g. a cancelled CI job); what was left running is printed, as for Ctrl-C',
      zh: 'SIGTERM（例如 CI 任务被取消）；与 Ctrl-C 一样打印仍在运行的内容',
    },
  ],
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
