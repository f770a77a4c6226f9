/**
 * How a plan and an apply's outcome are shown: the plan as a readable list (text), as rows
 * (table) or as data (json); the outcome as a summary table or data. Pure: views in, strings out.
 */
import type { ResultView } from '../../../ui/output.js';
import type { FieldChange } from '../../../model/compare.js';
import { portLabel } from '../../../model/ports.js';
import type { ItemResult } from './execute.js';
import { summarize, type Plan, type PlanAction, type PlanItem } from './plan.js';
import type { Palette } from '../../../ui/color.js';
import { displayWidth, padEndWidth } from '../../../core/width.js';

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

export function summaryLine(plan: Plan): string {
  const s = summarize(plan);
  const parts = [
    `${s.create} to create${s.create ? ` (${s.requests.CreateListener} CreateListener)` : ''}`,
    `${s.update} to update`,
    `${s.delete} to delete`,
    `${s.unchanged} unchanged`,
  ];
  if (s.conflict) parts.push(`${s.conflict} conflict${s.conflict === 1 ? '' : 's'}`);
  return `Plan: ${parts.join(', ')}.`;
}

const uncoloured = (text: string) => text;

/**
 * How each action is coloured in the text plan, as terraform colours its plan: what is created
 * green, changed yellow, deleted red; a conflict red, an unchanged listener dim. The palette is
 * plain when colour is off (NO_COLOR, --no-color, stdout not a terminal).
 */
function actionColour(action: PlanAction, paint: Palette | undefined): (text: string) => string {
  if (!paint) return uncoloured;
  return { create: paint.green, update: paint.yellow, delete: paint.red, conflict: paint.red, unchanged: paint.dim }[action];
}

/** `--plan`: text like a diff (coloured with `paint`), a table, or the plan as data. */
export function planView(plan: Plan, paint?: Palette): ResultView {
  const lines: string[] = [];
  for (const lb of plan.loadBalancers) {
    const items = plan.items.filter((item) => item.loadBalancerId === lb);
    lines.push(lb);
    const width = Math.max(...items.map((item) => displayWidth(what(item))));
    for (const item of items) {
      const id = item.listenerId ? `  ${item.listenerId}` : '';
      const source = item.where ? `  (${item.where})` : '';
      const colour = actionColour(item.action, paint);
      lines.push(`  ${colour(`${SIGN[item.action]} ${item.action.padEnd(9)}`)} ${padEndWidth(what(item), width)}${id}${source}`);
      if (item.action === 'update') for (const change of item.changes) lines.push(`        ${changeLine(change)}`);
      if (item.reason) lines.push(`        ${item.reason}`);
      for (const note of item.notes) lines.push(`        note: ${note}`);
    }
  }
  lines.push(summaryLine(plan));
  const s = summarize(plan);
  return {
    json: {
      Changes: plan.items.map(itemJson),
      Summary: { Create: s.create, Update: s.update, Delete: s.delete, Unchanged: s.unchanged, Conflict: s.conflict },
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
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : padEndWidth(cell, widths[i]!)))
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
      r.detail && r.result !== 'ok' ? `${r.result}: ${r.detail}` : r.result,
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
