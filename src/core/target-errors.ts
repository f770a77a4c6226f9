/**
 * Failures of the target steps. `src/cli/exit-codes.ts` gives each its own exit code, which no
 * failure before sending can have:
 * - TargetsIncompleteError: the listener exists, but its targets were not (all) bound; the ids
 *   are kept, and the error says what was done, what was not, and the command that finishes;
 * - UnhealthyTargetsError: everything was bound, but the health wait ran out with targets that
 *   were not healthy; it lists them.
 */
import { CliError } from './errors.js';

export class TargetsIncompleteError extends CliError {
  constructor(message: string, options: { hint: string; cause?: unknown; listenerIds: string[]; taskId?: string }) {
    super(message, {
      hint: options.hint,
      cause: options.cause,
      details: { ListenerIds: options.listenerIds, ...(options.taskId ? { TaskId: options.taskId } : {}) },
    });
  }
}

export interface UnhealthyTarget {
  LoadBalancerId: string;
  ListenerId: string;
  LocationId?: string;
  /** A rule named by its domain and URL. */
  Domain?: string;
  Url?: string;
  /** InstanceId or EniIp. */
  Target: string;
  Port: number;
  /** Alive, Dead, Unknown, Close, or `missing` when the health answer does not list it. */
  Health: string;
}

export class UnhealthyTargetsError extends CliError {
  readonly unhealthy: readonly UnhealthyTarget[];
  constructor(message: string, options: { hint: string; unhealthy: UnhealthyTarget[]; listenerIds: string[] }) {
    super(message, { hint: options.hint, details: { ListenerIds: options.listenerIds } });
    this.unhealthy = options.unhealthy;
  }
}
