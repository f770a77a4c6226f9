/**
 * `create --if-not-exists`: the request against the listeners already on the load balancer.
 * For each requested port: a listener of the same protocol (and name, when names are given) is
 * kept; a port held by another protocol or name is a conflict; the rest is created. Settings that
 * differ on a kept listener are reported, not changed (that is `apply`'s work). Pure.
 */
import { compareListener, type FieldChange } from '../../../model/compare.js';
import { describeHolder, holderOf, portLabel, type PortHolder } from '../../../model/ports.js';
import type { CreateListenerRequest } from '../../../model/fields.js';

export interface KeptListener {
  ListenerId: string;
  Port: number;
  ListenerName: string | null;
  /** Settings the request asks for that the listener does not have. */
  differences: FieldChange[];
}

export interface Resolution {
  kept: KeptListener[];
  /** One line per port held by a listener that is not the request's. */
  conflicts: string[];
  /** The request for the ports nobody holds; undefined when there are none. */
  remaining?: CreateListenerRequest;
}

export function resolveExisting(request: CreateListenerRequest, listeners: readonly (PortHolder & Record<string, unknown>)[]): Resolution {
  const kept: KeptListener[] = [];
  const conflicts: string[] = [];
  const ports: number[] = [];
  const names: string[] = [];
  for (const [index, port] of request.Ports.entries()) {
    const name = request.ListenerNames?.[index];
    const holder = holderOf(listeners, request.Protocol, port, request.EndPort);
    if (!holder) {
      ports.push(port);
      if (name !== undefined) names.push(name);
      continue;
    }
    const where = `port ${portLabel(port, request.EndPort)}`;
    if (holder.Protocol.toUpperCase() !== request.Protocol) {
      conflicts.push(`${where} is held by ${describeHolder(holder)}, not ${request.Protocol}`);
    } else if (holder.Port !== port || (holder.EndPort ?? 0) !== (request.EndPort ?? 0)) {
      conflicts.push(`${where} overlaps ${describeHolder(holder)} on ${portLabel(holder.Port, holder.EndPort)}`);
    } else if (name !== undefined && (holder.ListenerName ?? '') !== name) {
      conflicts.push(`${where} is held by ${describeHolder(holder)}, not named "${name}"`);
    } else {
      const single = { ...request, Ports: [port], ...(name !== undefined ? { ListenerNames: [name] } : {}) };
      // The name was matched already; every other setting asked for is compared.
      const { changes } = compareListener(single, holder);
      kept.push({ ListenerId: holder.ListenerId, Port: port, ListenerName: holder.ListenerName || null, differences: changes });
    }
  }
  const resolution: Resolution = { kept, conflicts };
  if (ports.length > 0) {
    const { ListenerNames: _names, ...rest } = request;
    resolution.remaining = { ...rest, Ports: ports, ...(names.length > 0 ? { ListenerNames: names } : {}) };
  }
  return resolution;
}

/** `Scheduler WRR → LEAST_CONN, HealthCheck.TimeOut 2 → 5`. */
export function describeChanges(changes: readonly FieldChange[]): string {
  const show = (value: unknown) =>
    value === null || value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);
  return changes.map((c) => `${c.path} ${show(c.old)} → ${show(c.new)}`).join(', ');
}
