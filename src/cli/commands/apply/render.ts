/**
 * How a plan and an apply's outcome are shown: the plan as a readable list (text), as rows
 * (table) or as data (json); the outcome as a summary table or data. Pure: views in, strings out.
 */
import type { ResultView } from '../../../ui/output.js';
import type { FieldChange } from '../../../model/compare.js';
import { portLabel } from '../../../model/ports.js';
import type { ItemResult } from './execute.js';
import { summarize, type Plan, type PlanAction, type PlanItem } from './plan.js';

const SIGN: Record<PlanAction, string> = { create: '+', update: '~', unchanged: '=', conflict: '!', delete: '-' };

export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
}

function changeLine(change: FieldChange): string {
  return `${change.path}: ${showValue(change.old)} → ${showValue(change.new)}${change.modifiable ? '' : ' (cannot be changed in place)'}`;
}

function what(item: PlanItem): string {
  const name = item.name ? ` "${item.name}"` : '';
  return `${item.protocol} ${portLabel(item.port, item.endPort)}${name}`;
}

function changeJson(change: FieldChange) {
  return { Field: change.path, Old: change.old ?? null, New: change.new ?? null, InPlace: change.modifiable };
}

function itemJson(item: PlanItem) {
  return {
    Action: item.action,
    LoadBalancerId: item.loadBalancerId,
    Protocol: item.protocol,
    Port: item.port,
    ...(item.endPort !== null ? { EndPort: item.endPort } : {}),
    ListenerName: item.name,
    ListenerId: item.listenerId,
    Source: item.where,
    ...(item.changes.length ? { Changes: item.changes.map(changeJson) } : {}),
    ...(item.reason ? { Reason: item.reason } : {}),
    ...(item.notes.length ? { Notes: item.notes } : {}),
  };
}

/** `3 kept outside the prune scope (2 for a controller's mark)`, or nothing when --prune keeps nothing. */
function keptText(plan: Plan, lb?: string): string | undefined {
  const kept = plan.kept.filter((k) => lb === undefined || k.loadBalancerId === lb);
  if (kept.length === 0) return undefined;
  const marked = kept.filter((k) => k.controller).length;
  const plural = kept.length === 1 ? 'listener' : 'listeners';
  return `${kept.length} ${plural} kept outside the prune scope${marked ? ` (${marked} for a controller's name mark)` : ''}`;
}

export function summaryLine(plan: Plan): string {
  const s = summarize(plan);
  const parts = [
    `${s.create} to create${s.create ? ` (${s.requests.CreateListener} CreateListener)` : ''}`,
    `${s.update} to update`,
    `${s.delete} to delete`,
    `${s.unchanged} unchanged`,
  ];
  if (s.conflict) parts.push(`${s.conflict} conflict${s.conflict === 1 ? '' : 's'}`);
  const kept = keptText(plan);
  if (kept) parts.push(kept);
  return `Plan: ${parts.join(', ')}.`;
}

/** `--plan`: text like a diff, a table, or the plan as data. */
export function planView(plan: Plan): ResultView {
  const lines: string[] = [];
  const byLb = new Map<string, PlanItem[]>(plan.loadBalancers.map((lb) => [lb, []]));
  for (const item of plan.items) byLb.get(item.loadBalancerId)?.push(item);
  for (const [lb, items] of byLb) {
    lines.push(lb);
    const labels = items.map(what);
    const width = labels.reduce((most, label) => Math.max(most, label.length), 0);
    for (const [i, item] of items.entries()) {
      const id = item.listenerId ? `  ${item.listenerId}` : '';
      const source = item.where ? `  (${item.where})` : '';
      lines.push(`  ${SIGN[item.action]} ${item.action.padEnd(9)} ${labels[i]!.padEnd(width)}${id}${source}`);
      if (item.action === 'update') for (const change of item.changes) lines.push(`        ${changeLine(change)}`);
      if (item.reason) lines.push(`        ${item.reason}`);
      for (const note of item.notes) lines.push(`        note: ${note}`);
    }
    const kept = keptText(plan, lb);
    if (kept) lines.push(`  ${kept}`);
  }
  lines.push(summaryLine(plan));
  const s = summarize(plan);
  return {
    json: {
      Changes: plan.items.map(itemJson),
      Summary: {
        Create: s.create,
        Update: s.update,
        Delete: s.delete,
        Unchanged: s.unchanged,
        Conflict: s.conflict,
        KeptOutsideScope: plan.kept.length,
        KeptForControllerMark: plan.kept.filter((k) => k.controller).length,
      },
      Requests: s.requests,
    },
    text: lines,
    table: [
      ['ACTION', 'LOAD BALANCER', 'PROTOCOL', 'PORT', 'NAME', 'LISTENER ID', 'DETAIL'],
      ...plan.items.map((item) => [
        item.action,
        item.loadBalancerId,
        item.protocol,
        portLabel(item.port, item.endPort),
        item.name ?? '',
        item.listenerId ?? '',
        item.action === 'update' ? item.changes.map(changeLine).join('; ') : (item.reason ?? ''),
      ]),
    ],
  };
}

const PAST: Record<PlanAction, string> = {
  create: 'created',
  update: 'updated',
  unchanged: 'unchanged',
  conflict: 'conflict',
  delete: 'deleted',
};

/** What became of one item: its action when done, else the status. */
function resultOf(item: PlanItem, result: ItemResult | undefined): { action: string; result: string; detail: string } {
  if (item.action === 'unchanged') return { action: 'unchanged', result: 'ok', detail: '' };
  if (!result) return { action: item.action, result: 'not tried', detail: '' };
  if (result.status === 'done') return { action: PAST[item.action], result: 'ok', detail: result.detail ?? '' };
  return { action: item.action, result: result.status, detail: result.detail ?? '' };
}

function aligned(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => rows.reduce((most, r) => Math.max(most, (r[i] ?? '').length), 0));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** After apply: one row per listener, what was done and how it went. */
export function outcomeView(plan: Plan, results: ReadonlyMap<PlanItem, ItemResult>): ResultView {
  const rows = plan.items.map((item) => {
    const result = results.get(item);
    const shown = resultOf(item, result);
    return { item, listenerId: result?.listenerId ?? item.listenerId, ...shown };
  });
  const table = [
    ['LOAD BALANCER', 'PROTOCOL', 'PORT', 'NAME', 'LISTENER ID', 'ACTION', 'RESULT'],
    ...rows.map((r) => [
      r.item.loadBalancerId,
      r.item.protocol,
      portLabel(r.item.port, r.item.endPort),
      r.item.name ?? '',
      r.listenerId ?? '',
      r.action,
      // A detail beside ok says how a lost answer was settled.
      r.detail ? `${r.result}: ${r.detail}` : r.result,
    ]),
  ];
  const count = (predicate: (r: (typeof rows)[number]) => boolean) => rows.filter(predicate).length;
  return {
    json: {
      Listeners: rows.map((r) => ({
        LoadBalancerId: r.item.loadBalancerId,
        Protocol: r.item.protocol,
        Port: r.item.port,
        ...(r.item.endPort !== null ? { EndPort: r.item.endPort } : {}),
        ListenerName: r.item.name,
        ListenerId: r.listenerId,
        Action: r.action,
        Result: r.result,
        ...(r.detail ? { Detail: r.detail } : {}),
        Source: r.item.where,
      })),
      Summary: {
        Created: count((r) => r.action === 'created'),
        Updated: count((r) => r.action === 'updated'),
        Deleted: count((r) => r.action === 'deleted'),
        Unchanged: count((r) => r.action === 'unchanged'),
        Failed: count((r) => r.result === 'failed'),
        Unknown: count((r) => r.result === 'unknown'),
        NotTried: count((r) => r.result === 'not tried'),
      },
    },
    text: aligned(table),
    table,
  };
}
