/**
 * Options a command adds only when it runs. `create` has a flag for every field of the request,
 * generated from the field table and the rules' help texts: building them, and loading the rule
 * tables they describe, is most of the cost of building the program. A run that dispatches to
 * another command (`list`, `wait`…) or stops at the root (`--help`, a usage error) needs none of
 * it, so the command registers a loader here, and the program adds what it returns just before
 * commander dispatches to the command (its `preSubcommand` hook, which `parseAsync` awaits).
 * `clb-listener help create` dispatches the same way. Code that reads the whole program without
 * parsing (the completion generator) calls addAllDeferredOptions() first.
 */
import type { Command, Option } from 'commander';
import { guardAddedOptions } from './option-guard.js';

const LOADERS = new WeakMap<Command, () => Promise<Option[]>>();

/** Registers options that `command` gets when it is dispatched to, ahead of the ones it has. */
export function deferOptions(command: Command, load: () => Promise<Option[]>): void {
  LOADERS.set(command, load);
}

/** Adds the options deferred for `command`, once; they go first, where the command lists them in its help. */
export async function addDeferredOptions(command: Command): Promise<void> {
  const load = LOADERS.get(command);
  if (!load) return;
  LOADERS.delete(command);
  const options = await load();
  const before = command.options.length;
  for (const option of options) command.addOption(option);
  // commander's list of options, in the order help shows them (typed readonly; commander reads it afresh).
  const list = command.options as Option[];
  list.unshift(...list.splice(before));
  guardAddedOptions(command, options);
}

/** Adds every deferred option of `program` and its subcommands: the whole program, as if each command ran. */
export async function addAllDeferredOptions(program: Command): Promise<void> {
  await addDeferredOptions(program);
  for (const command of program.commands) await addAllDeferredOptions(command);
}
