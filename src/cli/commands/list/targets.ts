/**
 * `list --targets` / `--health`: each listener's targets (DescribeTargets, one call for the load
 * balancer) and, with --health, their health (DescribeTargetHealth). A TCP/UDP/TCP_SSL/QUIC
 * listener's targets are its own; an HTTP/HTTPS listener's are under its rules.
 */
import type { ClbClient } from '../../../api/client.js';
import { say, type Language } from '../../../core/i18n.js';
import { targetKey } from '../../../model/target-fields.js';
import type { ResultView } from '../../../ui/output.js';
import { TARGET_COMMAND_TEXT as T } from '../../target-text.js';

export interface ListedTarget {
  InstanceId?: string;
  EniIp?: string;
  Port: number;
  Weight: number;
  /** With --health: Alive, Dead, Unknown, Close (HealthStatusDetail), or `missing` when not reported. */
  Health?: string;
}

/** Targets by `listenerId` (its own) and `listenerId/locationId` (a rule's). */
export type TargetsByPlace = Map<string, ListedTarget[]>;

export async function readListTargets(
  client: ClbClient,
  loadBalancerId: string,
  listenerIds: readonly string[],
  health: boolean,
  signal: AbortSignal,
): Promise<TargetsByPlace> {
  const { readBound } = await import('../../targets-step.js');
  const bound = await readBound(client, loadBalancerId, listenerIds.length > 0 ? listenerIds : undefined, signal);
  const out: TargetsByPlace = new Map();
  for (const [place, targets] of bound)
    out.set(
      place,
      targets.map((t) => ({ ...t })),
    );
  if (!health || listenerIds.length === 0) return out;
  const { describeTargetHealth } = await import('../../../api/targets.js');
  const answer = await describeTargetHealth(client, { LoadBalancerIds: [loadBalancerId], ListenerIds: [...listenerIds] }, { signal });
  for (const listener of answer.LoadBalancers?.find((lb) => lb.LoadBalancerId === loadBalancerId)?.Listeners ?? []) {
    for (const rule of listener.Rules ?? []) {
      const candidates = [out.get(`${listener.ListenerId}/${rule.LocationId}`), out.get(listener.ListenerId)].filter(
        (list): list is ListedTarget[] => list !== undefined,
      );
      for (const h of rule.Targets ?? []) {
        for (const list of candidates) {
          const target = list.find((t) => t.Port === h.Port && (t.InstanceId ? t.InstanceId === h.TargetId : t.EniIp === h.IP));
          if (target) target.Health = h.HealthStatus ? 'Alive' : (h.HealthStatusDetail ?? 'Unknown');
        }
      }
    }
  }
  for (const list of out.values()) for (const t of list) t.Health ??= 'missing';
  return out;
}

const cell = (t: ListedTarget) => `${targetKey(t)}(${t.Weight}${t.Health ? ` ${t.Health}` : ''})`;
const line = (t: ListedTarget, indent: string) =>
  [`${indent}${t.InstanceId ?? t.EniIp}`, String(t.Port), String(t.Weight), ...(t.Health ? [t.Health] : [])].join('\t');

interface ListedListener {
  ListenerId: string;
  Rules?: readonly { LocationId: string }[] | null;
}

/** The list's view with targets: under each listener (and rule) in JSON, indented lines in text, a column in the table. */
export function withListTargets(
  view: ResultView,
  listeners: readonly ListedListener[],
  targets: TargetsByPlace,
  language: Language,
): ResultView {
  const json = view.json as { Listeners: Record<string, unknown>[] };
  const ownOf = (l: ListedListener) => targets.get(l.ListenerId) ?? [];
  const rulesOf = (l: ListedListener) =>
    (l.Rules ?? []).map((r) => ({ LocationId: r.LocationId, targets: targets.get(`${l.ListenerId}/${r.LocationId}`) ?? [] }));
  // Each listener's targets follow its own block (the listener's line and its indented rule lines).
  const text: string[] = [];
  let pending: string[] = [];
  for (const row of view.text) {
    const listener = listeners.find((l) => row.startsWith(`${l.ListenerId}\t`));
    if (listener) {
      text.push(...pending);
      pending = [
        ...ownOf(listener).map((t) => line(t, '  ')),
        ...rulesOf(listener).flatMap((rule) => rule.targets.map((t) => line(t, `  ${rule.LocationId} `))),
      ];
    }
    text.push(row);
  }
  text.push(...pending);
  const table = view.table
    ? [
        [...view.table[0]!, say(language, T.headTarget)],
        ...view.table.slice(1).map((row, i) => {
          const l = listeners[i];
          const all = l ? [...ownOf(l), ...rulesOf(l).flatMap((r) => r.targets)] : [];
          return [...row, all.map(cell).join(' ')];
        }),
      ]
    : undefined;
  return {
    ...view,
    text,
    json: {
      ...json,
      Listeners: json.Listeners.map((l, i) => {
        const listener = listeners[i]!;
        const rules = Array.isArray(l.Rules)
          ? (l.Rules as Record<string, unknown>[]).map((r) => ({
              ...r,
              Targets: targets.get(`${listener.ListenerId}/${String(r.LocationId)}`) ?? [],
            }))
          : undefined;
        return { ...l, ...(rules ? { Rules: rules } : { Targets: ownOf(listener) }) };
      }),
    },
    ...(table ? { table } : {}),
  };
}
