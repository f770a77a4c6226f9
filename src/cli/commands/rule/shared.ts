/** What the `rule` commands share: their flags, and finding the listener they are about. */
import type { ClbClient } from '../../../api/client.js';
import type { CliContext } from '../../../core/context.js';
import { ConflictError, UsageError } from '../../../core/errors.js';
import { say } from '../../../core/i18n.js';
import type { Protocol } from '../../../model/fields.js';
import { checkListenerIds, checkLoadBalancerId } from '../../../model/ids.js';
import type { ExistingRule } from '../../../model/rule-rules.js';
import { RULE_TEXT as T } from '../../rule-text.js';

export interface RuleFlags {
  lb: string;
  listenerId?: string;
  port?: string;
  rule?: string[];
  ifNotExists?: boolean;
  ifExists?: boolean;
  locationId?: string[];
  domain?: string;
  url?: string;
  newDefaultDomain?: string;
  dryRun?: boolean;
  waitTimeout?: string;
}

/** The listener as the flags name it, checked before any request. */
export interface ListenerRef {
  LoadBalancerId: string;
  ListenerId?: string;
  Port?: number;
  warnings: string[];
}

export function listenerRef(flags: RuleFlags, ctx: CliContext): ListenerRef {
  const language = ctx.language ?? 'en';
  const lb = checkLoadBalancerId(flags.lb, '--lb');
  const warnings = lb.warning ? [lb.warning] : [];
  if (flags.listenerId !== undefined && flags.port !== undefined) throw new UsageError(say(language, T.listenerTwice), '--port');
  if (flags.listenerId !== undefined) {
    const checked = checkListenerIds(flags.listenerId, '--listener-id', 1);
    return { LoadBalancerId: lb.value, ListenerId: checked.ids[0]!, warnings: [...warnings, ...checked.warnings] };
  }
  if (flags.port !== undefined) {
    const text = flags.port.trim();
    const port = Number(text);
    if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw new UsageError(say(language, T.badPort, { value: flags.port }), '--port');
    return { LoadBalancerId: lb.value, Port: port, warnings };
  }
  throw new UsageError(say(language, T.listenerNeeded), '--listener-id');
}

export interface FoundListener {
  ListenerId: string;
  Protocol: Protocol;
  Port: number;
  SniSwitch: number;
  Rules: (ExistingRule & Record<string, unknown>)[];
}

/** Reads the listener the flags name; refuses one that is not there or has no rules (not HTTP/HTTPS). */
export async function findListener(client: ClbClient, ref: ListenerRef, ctx: CliContext): Promise<FoundListener> {
  const language = ctx.language ?? 'en';
  const { describeListeners } = await import('../../../api/clb.js');
  const listed = await describeListeners(
    client,
    { LoadBalancerId: ref.LoadBalancerId, ...(ref.ListenerId ? { ListenerIds: [ref.ListenerId] } : { Port: ref.Port! }) },
    { signal: ctx.signal },
  );
  const listener = (listed.Listeners ?? []).find((l) => (ref.ListenerId ? l.ListenerId === ref.ListenerId : l.Port === ref.Port));
  if (!listener) {
    const which = ref.ListenerId ?? say(language, T.onPort, { port: ref.Port! });
    throw new ConflictError(say(language, T.noListener, { which, lb: ref.LoadBalancerId }));
  }
  if (listener.Protocol !== 'HTTP' && listener.Protocol !== 'HTTPS') {
    throw new ConflictError(say(language, T.notLayer7, { listener: listener.ListenerId, protocol: listener.Protocol }));
  }
  return {
    ListenerId: listener.ListenerId,
    Protocol: listener.Protocol,
    Port: listener.Port,
    SniSwitch: typeof listener.SniSwitch === 'number' ? listener.SniSwitch : 0,
    Rules: (listener.Rules ?? []) as FoundListener['Rules'],
  };
}
