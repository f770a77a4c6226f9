/**
 * What to say when requested ports are held already: which port, by which listener (id, protocol,
 * name), and the one fix that fits. `--if-not-exists` fits only when the holder is the listener
 * asked for (same protocol, ports and name); otherwise another port, or deleting the holder with
 * the exact command. One wording for a refusal before sending and for the API's PortCheckFailed.
 */
import type { GlobalOptions } from '../core/context.js';
import { describeHolder, portLabel, type PortHolder, type PortInTheWay } from '../model/ports.js';
import { suggestCommand } from './command-line.js';

export interface PortConflictText {
  /** `port 8001 on lb-x is held by lbl-a (TCP, "web")`. */
  summary: string;
  hint: string;
}

const them = (n: number, one: string, many: string) => (n === 1 ? one : many);

export function describePortConflict(
  loadBalancerId: string,
  endPort: number | null | undefined,
  inTheWay: readonly PortInTheWay<PortHolder>[],
  globals: Partial<GlobalOptions>,
  options: { ifNotExists?: boolean } = {},
): PortConflictText {
  // `lbl-a (TCP, "web")`, and why it is not the listener asked for when it is not.
  const holder = (c: PortInTheWay<PortHolder>) => `${describeHolder(c.holder)}${c.unlike ? `, ${c.unlike}` : ''}`;
  const summary =
    inTheWay.length === 1
      ? `port ${portLabel(inTheWay[0]!.port, endPort)} on ${loadBalancerId} is held by ${holder(inTheWay[0]!)}`
      : `ports on ${loadBalancerId} are held: ${inTheWay.map((c) => `${portLabel(c.port, endPort)} by ${holder(c)}`).join('; ')}`;
  // With --if-not-exists the listeners as asked are kept already: only the others are in the way.
  const asked = options.ifNotExists ? [] : inTheWay.filter((c) => c.asked);
  const others = [...new Map(inTheWay.filter((c) => options.ifNotExists || !c.asked).map((c) => [c.holder.ListenerId, c.holder])).values()];
  const remove = suggestCommand(globals, 'delete', '--lb', loadBalancerId, '--listener-id', others.map((l) => l.ListenerId).join(','));
  let hint: string;
  if (others.length === 0) {
    hint =
      `${them(asked.length, 'it is the listener', 'they are the listeners')} asked for: add --if-not-exists to keep ` +
      `${them(asked.length, 'it', 'them')} and create only the missing ports`;
  } else if (asked.length === 0) {
    hint = `pick ${them(inTheWay.length, 'another port', 'other ports')}, or delete the ${them(others.length, 'listener', 'listeners')} in the way first: ${remove}`;
  } else {
    const kept = asked.map((c) => c.holder.ListenerId).join(', ');
    hint =
      `${others.map((l) => l.ListenerId).join(', ')} ${them(others.length, 'is not the listener', 'are not the listeners')} asked for: pick other ports, ` +
      `or delete ${them(others.length, 'it', 'them')} first (${remove}) and add --if-not-exists to keep ${kept}`;
  }
  return { summary, hint };
}
