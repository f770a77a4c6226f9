/**
 * What to say when requested ports are held already: which port, by which listener (id, protocol,
 * name), and the one fix that fits. `--if-not-exists` fits only when the holder is the listener
 * asked for (same protocol, ports and name); otherwise another port, or deleting the holder with
 * the exact command. One wording for a refusal before sending and for the API's PortCheckFailed.
 */
import type { GlobalOptions } from '../core/context.js';
import { describeHolder, portLabel, type PortHolder, type PortInTheWay } from '../model/ports.js';
import { suggestCommand } from './command-line.js';
import { type Language, render, say } from '../core/i18n.js';
import { CONFLICTS } from './port-conflicts.messages.js';

export interface PortConflictText {
  /** `port 8001 on lb-x is held by lbl-a (TCP, "web")`. */
  summary: string;
  hint: string;
}

export function describePortConflict(
  loadBalancerId: string,
  endPort: number | null | undefined,
  inTheWay: readonly PortInTheWay<PortHolder>[],
  globals: Partial<GlobalOptions>,
  options: { ifNotExists?: boolean; language?: Language } = {},
): PortConflictText {
  const language = options.language ?? 'en';
  // `lbl-a (TCP, "web")`, and why it is not the listener asked for when it is not.
  const holder = (c: PortInTheWay<PortHolder>) => {
    const why = c.unlikeText ? render(language, c.unlikeText) : c.unlike;
    return why ? say(language, CONFLICTS.holderUnlike, { holder: describeHolder(c.holder), why }) : describeHolder(c.holder);
  };
  const summary =
    inTheWay.length === 1
      ? say(language, CONFLICTS.heldOne, { port: portLabel(inTheWay[0]!.port, endPort), lb: loadBalancerId, holder: holder(inTheWay[0]!) })
      : say(language, CONFLICTS.heldMany, {
          lb: loadBalancerId,
          holders: inTheWay.map((c) => say(language, CONFLICTS.portBy, { port: portLabel(c.port, endPort), holder: holder(c) })).join('; '),
        });
  // With --if-not-exists the listeners as asked are kept already: only the others are in the way.
  const asked = options.ifNotExists ? [] : inTheWay.filter((c) => c.asked);
  const others = [...new Map(inTheWay.filter((c) => options.ifNotExists || !c.asked).map((c) => [c.holder.ListenerId, c.holder])).values()];
  const remove = suggestCommand(globals, 'delete', '--lb', loadBalancerId, '--listener-id', others.map((l) => l.ListenerId).join(','));
  let hint: string;
  if (others.length === 0) {
    hint = say(language, CONFLICTS.askedFor, { count: asked.length });
  } else if (asked.length === 0) {
    hint = say(language, CONFLICTS.pickOrDelete, { ports: inTheWay.length, count: others.length, command: remove });
  } else {
    const kept = asked.map((c) => c.holder.ListenerId).join(', ');
    hint = say(language, CONFLICTS.notAsked, {
      ids: others.map((l) => l.ListenerId).join(', '),
      count: others.length,
      command: remove,
      kept,
    });
  }
  return { summary, hint };
}
