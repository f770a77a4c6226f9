/** Interactive mode: walks a person through what the flags did not give. */
import type { CliContext, GlobalOptions } from '../cli/context.js';
import type { CreateFlags } from '../cli/commands/create.js';
import type { BuildOptions, BuiltRequest } from '../model/request.js';
import { UsageError } from '../api/errors.js';

export async function interactiveCreate(_flags: CreateFlags, _globals: GlobalOptions, _ctx: CliContext, _options: BuildOptions): Promise<BuiltRequest> {
  throw new UsageError('--interactive is not available yet', '--interactive');
}
