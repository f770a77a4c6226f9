/**
 * A `create` whose listener exists but whose forwarding rules were not (all) made: the listener
 * id is never lost, and the error says what was done, what was not, and the command that
 * finishes the job. `src/cli/exit-codes.ts` gives it its own exit code, which no failure before
 * sending can have.
 */
import { CliError } from './errors.js';

export class RulesIncompleteError extends CliError {
  constructor(message: string, options: { hint: string; cause?: unknown; listenerIds: string[]; taskId?: string }) {
    super(message, { hint: options.hint, cause: options.cause });
    this.details.ListenerIds = options.listenerIds;
    if (options.taskId) this.details.TaskId = options.taskId;
  }
}
