/**
 * How a plan and an apply's outcome are shown: the plan as a readable list (text), as rows
 * (table) or as data (json); the outcome as a summary table or data. Pure: views in, strings out.
 */
import type { ResultView } from '../../../ui/output.js';
import type { FieldChange } from '../../../model/compare.js';
import { portLabel } from '../../../model/ports.js';
import type { ItemResult } from './execute.js';
import { summarize, type Plan, type PlanAction, type PlanItem } from './plan.js';
import { type Language, type Message, render, say } from '../../../core/i18n.js';
import { displayWidth, padEndWidth } from '../../../core/width.js';
import { HEADERS } from '../../../ui/table.messages.js';
import { APPLY } from './apply.messages.js';
import type { Palette } from '../../../ui/color.js';

const SIGN: Record<PlanAction, string> = { create: '+', update: '~', unchanged: '=', conflict: '!', delete: '-' };

export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
}

function changeLine(change: FieldChange, language: Language = 'en'): string {
  const shown = (value: unknown) => (value === null || value === undefined ? say(language, APPLY.none) : showValue(value));
  const params = { field: change.path, old: shown(change.old), new: shown(change.new) };
  return say(language, change.modifiable ? APPLY.change : APPLY.changeNotInPlace, params);
}

/** A conflict's reason in `language` (`-o json` keeps the English one). */
export function reasonOf(item: PlanItem, language: Language): string | null {
  return item.reasonText ? render(language, item.reasonText) : item.reason;
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

/** `3 listeners kept outside the prune scope (2 for a controller's name mark)`, or nothing when --prune keeps nothing. */
function keptText(plan: Plan, language: Language, lb?: string): string | undefined {
  const kept = plan.kept.filter((k) => lb === undefined || k.loadBalancerId === lb);
  if (kept.length === 0) return undefined;
  const marked = kept.filter((k) => k.controller).length;
  const text = kept.length === 1 ? (marked ? APPLY.keptOneMarked : APPLY.keptOne) : marked ? APPLY.keptManyMarked : APPLY.keptMany;
  return say(language, text, { count: kept.length, marked });
}

const SUMMARIES = {
  plain: [APPLY.summary, APPLY.summaryConflict, APPLY.summaryConflicts],
  requests: [APPLY.summaryRequests, APPLY.summaryRequestsConflict, APPLY.summaryRequestsConflicts],
} as const;

export function summaryLine(plan: Plan, language: Language = 'en'): string {
  const s = summarize(plan);
  const texts = s.create ? SUMMARIES.requests : SUMMARIES.plain;
  const text = texts[Math.min(s.conflict, 2)]!;
  const { create, update, delete: remove, unchanged, conflict } = s;
  const keptLine = keptText(plan, language);
  const kept = keptLine ? say(language, APPLY.keptSuffix, { kept: keptLine }) : '';
  return say(language, text, { create, update, delete: remove, unchanged, conflict, requests: s.requests.CreateListener, kept });
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
export function planView(plan: Plan, language: Language = 'en', paint?: Palette): ResultView {
  const colours = new Map<number, { prefix: string; colour: (text: string) => string }>();
  const lines: string[] = [];
  const action = (item: PlanItem) => say(language, APPLY[item.action]);
  const byLb = new Map<string, PlanItem[]>(plan.loadBalancers.map((lb) => [lb, []]));
  for (const item of plan.items) byLb.get(item.loadBalancerId)?.push(item);
  for (const [lb, items] of byLb) {
    lines.push(lb);
    const width = items.reduce((most, item) => Math.max(most, displayWidth(what(item))), 0);
    for (const item of items) {
      const id = item.listenerId ? `  ${item.listenerId}` : '';
      const source = item.where ? `  (${item.where})` : '';
      const prefix = `  ${SIGN[item.action]} ${padEndWidth(action(item), 9)}`;
      // Coloured once the line is escaped (printResult): a name can never bring a sequence of its own.
      if (paint) colours.set(lines.length, { prefix, colour: actionColour(item.action, paint) });
      lines.push(`${prefix} ${padEndWidth(what(item), width)}${id}${source}`);
      if (item.action === 'update') for (const change of item.changes) lines.push(`        ${changeLine(change, language)}`);
      if (item.reason) lines.push(`        ${reasonOf(item, language)}`);
      const notes = item.noteTexts?.map((text) => render(language, text)) ?? item.notes;
      for (const note of notes) lines.push(`        ${say(language, APPLY.note, { note })}`);
    }
    const kept = keptText(plan, language, lb);
    if (kept) lines.push(`  ${kept}`);
  }
  lines.push(summaryLine(plan, language));
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
    decorate: (line, index) => {
      const coloured = colours.get(index);
      return coloured && line.startsWith(coloured.prefix)
        ? `  ${coloured.colour(coloured.prefix.slice(2))}${line.slice(coloured.prefix.length)}`
        : line;
    },
    table: [
      [say(language, APPLY.headerAction), ...listenerHeaders(language), say(language, APPLY.headerDetail)],
      ...plan.items.map((item) => [
        action(item),
        ...listenerCells(item, item.listenerId),
        item.action === 'update' ? item.changes.map((change) => changeLine(change, language)).join('; ') : (reasonOf(item, language) ?? ''),
      ]),
    ],
  };
}

/** The columns that name a listener, in the plan's table and in the outcome's. */
function listenerHeaders(language: Language): string[] {
  return [
    say(language, APPLY.headerLoadBalancer),
    say(language, HEADERS.protocol),
    say(language, HEADERS.port),
    say(language, HEADERS.name),
    say(language, HEADERS.listenerId),
  ];
}

function listenerCells(item: PlanItem, listenerId: string | null | undefined): string[] {
  return [item.loadBalancerId, item.protocol, portLabel(item.port, item.endPort), item.name ?? '', listenerId ?? ''];
}

const PAST: Record<PlanAction, string> = {
  create: 'created',
  update: 'updated',
  unchanged: 'unchanged',
  conflict: 'conflict',
  delete: 'deleted',
};

/** What became of one item: its action when done, else the status. */
function resultOf(
  item: PlanItem,
  result: ItemResult | undefined,
): { action: string; result: string; detail: string; detailText?: Message } {
  if (item.action === 'unchanged') return { action: 'unchanged', result: 'ok', detail: '' };
  if (!result) return { action: item.action, result: 'not tried', detail: '' };
  const said = { detail: result.detail ?? '', ...(result.detailText ? { detailText: result.detailText } : {}) };
  if (result.status === 'done') return { action: PAST[item.action], result: 'ok', ...said };
  return { action: item.action, result: result.status, ...said };
}

function aligned(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => rows.reduce((most, r) => Math.max(most, displayWidth(r[i] ?? '')), 0));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : padEndWidth(cell, widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** After apply: one row per listener, what was done and how it went. */
/** An outcome's action or result word (JSON keeps the English word) in `language`. */
const WORDS: Record<string, keyof typeof APPLY> = {
  create: 'create',
  update: 'update',
  unchanged: 'unchanged',
  conflict: 'conflict',
  delete: 'delete',
  created: 'created',
  updated: 'updated',
  deleted: 'deleted',
  ok: 'ok',
  'not tried': 'notTried',
  failed: 'failed',
  unknown: 'unknown',
};
const word = (language: Language, value: string) => (WORDS[value] ? say(language, APPLY[WORDS[value]!]) : value);

export function outcomeView(plan: Plan, results: ReadonlyMap<PlanItem, ItemResult>, language: Language = 'en'): ResultView {
  const rows = plan.items.map((item) => {
    const result = results.get(item);
    const shown = resultOf(item, result);
    return { item, listenerId: result?.listenerId ?? item.listenerId, ...shown };
  });
  const table = [
    [...listenerHeaders(language), say(language, APPLY.headerAction), say(language, APPLY.headerResult)],
    ...rows.map((r) => [
      ...listenerCells(r.item, r.listenerId),
      word(language, r.action),
      // A detail beside ok says how a lost answer was settled.
      r.detail ? `${word(language, r.result)}: ${r.detailText ? render(language, r.detailText) : r.detail}` : word(language, r.result),
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
