/**
 * The plan: what the file asks for against what the load balancers have, listener by listener,
 * and the requests that carry it out. Pure (no I/O), so `--plan` prints exactly what `apply`
 * then does.
 *
 * A listener is known by its load balancer, port and port space (TCP or UDP). For each one the
 * file describes:
 * - nobody on the port: **create**;
 * - a listener of the same protocol and port: **unchanged**, or **update** (ModifyListener) when
 *   settings the file gives differ; a difference ModifyListener cannot make is a **conflict**;
 * - a listener of another protocol or port range: **conflict** (delete and re-create by hand).
 * With `--prune`, listeners on the file's load balancers that it does not describe: **delete**, when
 * they are inside the file's `prune:` scope (src/model/prune-scope.ts); the others are **kept**,
 * and counted.
 */
import { compareListener, modifyListenerBody, type FieldChange, type ReportedListener } from '../../../model/compare.js';
import type { DesiredListener } from '../../../model/listener-file.js';
import { describeHolder, MAX_PORTS_PER_CREATE, portLabel, PortIndex, type PortHolder } from '../../../model/ports.js';
import type { CreateListenerRequest } from '../../../model/fields.js';
import { scopeCheck, type PruneScope } from '../../../model/prune-scope.js';
import { type Message, message, render } from '../../../core/i18n.js';
import { APPLY } from './apply.messages.js';

export type PlanAction = 'create' | 'update' | 'unchanged' | 'conflict' | 'delete';

export interface PlanItem {
  action: PlanAction;
  loadBalancerId: string;
  protocol: string;
  port: number;
  endPort: number | null;
  name: string | null;
  /** The listener on the port now (every action but create). */
  listenerId: string | null;
  /** Where the file describes it (every action but delete). */
  where: string | null;
  /** The request for this one port (every action but delete). */
  desired: CreateListenerRequest | null;
  /** For update: what changes. For a conflict: what cannot be changed in place, if that is why. */
  changes: FieldChange[];
  /** For a conflict: why, and what would have to be deleted and created again. For a delete: why it is in scope. */
  reason: string | null;
  /** The reason as a catalogue message, for the text and table views in the run's language. */
  reasonText?: Message;
  /** Settings asked for that cannot be compared (e.g. uploaded certificates). */
  notes: string[];
  /** The notes as catalogue messages, for the text view in the run's language. */
  noteTexts?: Message[];
}

/** A listener `--prune` leaves alone although the file does not describe it: outside the scope. */
export interface KeptListener {
  loadBalancerId: string;
  listenerId: string;
  reason: string;
  /** Kept for a controller's mark on its name (the controller), rather than for the scope's criteria. */
  controller?: string;
}

export interface Plan {
  /** The load balancers the file names, in file order. */
  loadBalancers: string[];
  items: PlanItem[];
  /** With --prune: the listeners not described and kept, because they are outside the prune scope. */
  kept: KeptListener[];
}

export type ReportedByLb = ReadonlyMap<string, readonly (PortHolder & ReportedListener)[]>;

function listenerName(request: CreateListenerRequest): string | null {
  return request.ListenerNames?.[0] ?? null;
}

function planOne(desired: DesiredListener, listeners: PortIndex<PortHolder & ReportedListener>): PlanItem {
  const { request } = desired;
  const port = request.Ports[0]!;
  const base = {
    loadBalancerId: request.LoadBalancerId,
    protocol: request.Protocol,
    port,
    endPort: request.EndPort ?? null,
    name: listenerName(request),
    where: desired.where,
    desired: request,
  };
  const holder = listeners.holderOf(request.Protocol, port, request.EndPort);
  if (!holder) return { ...base, action: 'create', listenerId: null, changes: [], reason: null, notes: [] };
  const said = (text: Message) => ({ reason: render('en', text), reasonText: text });
  const common = { id: holder.ListenerId, holder: describeHolder(holder), port: portLabel(port, request.EndPort) };
  if (holder.Protocol.toUpperCase() !== request.Protocol) {
    return {
      ...base,
      action: 'conflict',
      listenerId: holder.ListenerId,
      changes: [{ path: 'Protocol', old: holder.Protocol, new: request.Protocol, modifiable: false }],
      ...said(message(APPLY.reasonProtocol, common)),
      notes: [],
    };
  }
  if (holder.Port !== port || (holder.EndPort ?? 0) !== (request.EndPort ?? 0)) {
    return {
      ...base,
      action: 'conflict',
      listenerId: holder.ListenerId,
      changes: [{ path: 'Port', old: portLabel(holder.Port, holder.EndPort), new: portLabel(port, request.EndPort), modifiable: false }],
      ...said(message(APPLY.reasonPorts, { ...common, on: portLabel(holder.Port, holder.EndPort) })),
      notes: [],
    };
  }
  const { changes, notes, noteTexts } = compareListener(request, holder);
  const described = { notes, ...(noteTexts ? { noteTexts } : {}) };
  const fixed = changes.filter((c) => !c.modifiable);
  if (fixed.length > 0) {
    return {
      ...base,
      action: 'conflict',
      listenerId: holder.ListenerId,
      changes,
      ...said(message(APPLY.reasonFixed, { ...common, fields: fixed.map((c) => c.path).join(', ') })),
      ...described,
    };
  }
  return {
    ...base,
    action: changes.length > 0 ? 'update' : 'unchanged',
    listenerId: holder.ListenerId,
    changes,
    reason: null,
    ...described,
  };
}

export function buildPlan(
  desired: readonly DesiredListener[],
  reported: ReportedByLb,
  /** `scope`: the file's `prune:` block; without one, everything not described is in scope but controllers' listeners. */
  options: { prune: boolean; scope?: PruneScope },
): Plan {
  // One pass to group by load balancer, an index per load balancer: linear (n log n) in ports and listeners.
  const byLb = new Map<string, DesiredListener[]>();
  for (const d of desired) {
    let list = byLb.get(d.request.LoadBalancerId);
    if (!list) {
      list = [];
      byLb.set(d.request.LoadBalancerId, list);
    }
    list.push(d);
  }
  const loadBalancers = [...byLb.keys()];
  const items: PlanItem[] = [];
  const kept: KeptListener[] = [];
  for (const [lb, wanted] of byLb) {
    const listeners = reported.get(lb) ?? [];
    const index = new PortIndex(listeners);
    const described = new Set<string>();
    for (const d of wanted) {
      const item = planOne(d, index);
      items.push(item);
      if (item.listenerId !== null) described.add(item.listenerId);
    }
    if (!options.prune) continue;
    for (const listener of listeners) {
      if (described.has(listener.ListenerId)) continue;
      const endPort = typeof listener.EndPort === 'number' && listener.EndPort > listener.Port ? listener.EndPort : null;
      const name = listener.ListenerName || null;
      const verdict = scopeCheck(options.scope, { kind: 'listener', name, port: listener.Port, endPort });
      if (!verdict.inScope) {
        kept.push({
          loadBalancerId: lb,
          listenerId: listener.ListenerId,
          reason: verdict.reason,
          ...(verdict.controller ? { controller: verdict.controller } : {}),
        });
        continue;
      }
      items.push({
        action: 'delete',
        loadBalancerId: lb,
        protocol: listener.Protocol.toUpperCase(),
        port: listener.Port,
        endPort,
        name,
        listenerId: listener.ListenerId,
        where: null,
        desired: null,
        changes: [],
        reason: verdict.reason,
        reasonText: verdict.reasonText,
        notes: [],
      });
    }
  }
  return { loadBalancers, items, kept };
}

// ---- the requests that carry a plan out ------------------------------------------------------

/** Creates are chunked at the most ports one CreateListener takes (the `Ports.count` rule). */
export { MAX_PORTS_PER_CREATE };
/** DeleteLoadBalancerListeners takes at most 20 ids. */
export const MAX_IDS_PER_DELETE = 20;

export type Operation =
  | { kind: 'create'; loadBalancerId: string; request: CreateListenerRequest; items: PlanItem[] }
  | { kind: 'modify'; loadBalancerId: string; body: Record<string, unknown>; items: [PlanItem] }
  | { kind: 'delete'; loadBalancerId: string; listenerIds: string[]; items: PlanItem[] };

/** Every setting but the port and the name: creates that agree on it become one CreateListener. */
function groupKey(request: CreateListenerRequest): string {
  const { Ports: _ports, ListenerNames, ...settings } = request;
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
          )
        : value;
  // Named and unnamed listeners cannot share a call: ListenerNames must name every port.
  return JSON.stringify([sorted(settings), ListenerNames !== undefined]);
}

/** Every field but Ports and ListenerNames is the same value (nested objects: the same object). */
function sameSettings(a: CreateListenerRequest, b: CreateListenerRequest): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    if (key === 'Ports') continue;
    if (key === 'ListenerNames') {
      if ((x[key] === undefined) !== (y[key] === undefined)) return false;
      continue;
    }
    if (x[key] !== y[key]) return false;
  }
  return true;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * The writes a plan needs, per load balancer, in the order they run there: creates (grouped:
 * every create on a load balancer that shares all settings but port and name is one
 * CreateListener with Ports.N and ListenerNames.N), then updates, then deletes.
 */
export function operationsOf(plan: Plan): Map<string, Operation[]> {
  let out = operationsCache.get(plan);
  if (!out) {
    out = groupOperations(plan);
    operationsCache.set(plan, out);
  }
  return out;
}

/** A plan's operations are worked out once: the summary, the progress and the run share them. */
const operationsCache = new WeakMap<Plan, Map<string, Operation[]>>();

function groupOperations(plan: Plan): Map<string, Operation[]> {
  const out = new Map<string, Operation[]>();
  const byLb = new Map<string, PlanItem[]>(plan.loadBalancers.map((lb) => [lb, []]));
  for (const item of plan.items) byLb.get(item.loadBalancerId)?.push(item);
  for (const [lb, items] of byLb) {
    const ops: Operation[] = [];
    const groups = new Map<string, PlanItem[]>();
    // The ports of one file entry share its settings (the very same nested objects): the key of
    // the previous item is reused when nothing but the port and the name differ.
    let last: { request: CreateListenerRequest; key: string } | undefined;
    for (const item of items) {
      if (item.action !== 'create') continue;
      // A port range is created alone: EndPort needs exactly one port.
      let key: string;
      if (item.endPort !== null) key = `range:${item.where}`;
      else if (last && sameSettings(last.request, item.desired!)) key = last.key;
      else {
        key = groupKey(item.desired!);
        last = { request: item.desired!, key };
      }
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    for (const group of groups.values()) {
      for (const chunk of chunks(group, MAX_PORTS_PER_CREATE)) {
        const first = chunk[0]!.desired!;
        const { ListenerNames: _names, ...settings } = first;
        const names = chunk.map((item) => item.name).filter((n): n is string => n !== null);
        ops.push({
          kind: 'create',
          loadBalancerId: lb,
          request: {
            ...settings,
            Ports: chunk.map((item) => item.port),
            ...(names.length === chunk.length ? { ListenerNames: names } : {}),
          },
          items: chunk,
        });
      }
    }
    for (const item of items.filter((i) => i.action === 'update')) {
      ops.push({
        kind: 'modify',
        loadBalancerId: lb,
        body: modifyListenerBody(item.desired!, item.listenerId!, item.changes),
        items: [item],
      });
    }
    for (const chunk of chunks(
      items.filter((i) => i.action === 'delete'),
      MAX_IDS_PER_DELETE,
    )) {
      ops.push({ kind: 'delete', loadBalancerId: lb, listenerIds: chunk.map((item) => item.listenerId!), items: chunk });
    }
    if (ops.length > 0) out.set(lb, ops);
  }
  return out;
}

export interface PlanSummary {
  create: number;
  update: number;
  unchanged: number;
  conflict: number;
  delete: number;
  /** The writes apply would send, by action. */
  requests: { CreateListener: number; ModifyListener: number; DeleteLoadBalancerListeners: number };
}

export function summarize(plan: Plan): PlanSummary {
  const counts: Record<PlanAction, number> = { create: 0, update: 0, unchanged: 0, conflict: 0, delete: 0 };
  for (const item of plan.items) counts[item.action]++;
  const requests = { CreateListener: 0, ModifyListener: 0, DeleteLoadBalancerListeners: 0 };
  for (const ops of operationsOf(plan).values()) {
    for (const op of ops) {
      if (op.kind === 'create') requests.CreateListener++;
      else if (op.kind === 'modify') requests.ModifyListener++;
      else requests.DeleteLoadBalancerListeners++;
    }
  }
  return { ...counts, requests };
}

export function hasChanges(plan: Plan): boolean {
  return plan.items.some((item) => item.action === 'create' || item.action === 'update' || item.action === 'delete');
}
