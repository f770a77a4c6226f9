/**
 * `Targets:` in an apply file: the set of targets each TCP/UDP/TCP_SSL/QUIC listener converges
 * to. A target's identity is (InstanceId or EniIp, Port). Against what DescribeTargets shows:
 * missing targets are registered (20 a call), a different weight is one ModifyTargetWeight (20
 * targets a call, each with its weight), and bound targets the file does not list are
 * deregistered only with --prune, and only when the listener is inside the file's `prune:` scope
 * (targets-prune.ts: a controller's listener keeps its targets). An entry without `Targets:`
 * leaves its listener's targets alone.
 * Target writes run after the listener writes, one at a time per load balancer.
 */
import type { ClbClient } from '../../../api/client.js';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { InterruptedError, PartialFailureError, UsageError } from '../../../core/errors.js';
import { say, type Language, type Text } from '../../../core/i18n.js';
import type { DesiredListener } from '../../../model/listener-file.js';
import { portLabel } from '../../../model/ports.js';
import { DEFAULT_WEIGHT, targetKey, targetLabel, type TargetInput } from '../../../model/target-fields.js';
import type { ResultView } from '../../../ui/output.js';
import { MARK, type Progress } from '../../../ui/progress.js';
import { APPLY_TARGET_TEXT as A, TARGET_STEP_TEXT as S } from '../../target-text.js';
import { ruleKey, type BoundTarget, type HealthWatch, type NamedPlace } from '../../targets-step.js';
import type { ItemResult } from './execute.js';
import type { Plan, PlanItem } from './plan.js';
import type { PruneScope } from '../../../model/prune-scope.js';
import { keptTargetsText, targetPruneVerdict } from './targets-prune.js';

export type TargetAction = 'register' | 'reweight' | 'deregister';

/** A forwarding rule, by domain and URL (the API binds to it so, whether or not it exists yet). */
export interface RulePlace {
  Domain: string;
  Url: string;
}

export interface TargetChange {
  action: TargetAction;
  item: PlanItem;
  /** The rule the target is bound to (HTTP/HTTPS); absent for a listener's own. */
  rule?: RulePlace;
  target: TargetInput;
  /** For reweight: the weight now. */
  oldWeight?: number;
  /** The weight after the change (register, reweight). */
  weight?: number;
  /** For deregister: why it is inside the prune scope. */
  reason?: string;
}

export interface TargetPlan {
  changes: TargetChange[];
  unchanged: number;
  /** Bound targets the file does not list, kept because --prune was not given. */
  kept: number;
  /** With --prune: bound targets the file does not list, kept because their listener is outside the prune scope. */
  keptOutOfScope: number;
  /** Of those, the ones kept for a controller's name mark on their listener. */
  keptMarked: number;
  /** The listeners and rules whose targets the file gives (for the health wait). */
  managed: { item: PlanItem; rule?: RulePlace; targets: TargetInput[] }[];
}

const TARGETS_PER_CALL = 20;
const calls = (n: number) => Math.ceil(n / TARGETS_PER_CALL);

/** The listeners the file gives `Targets:` for that exist now, per load balancer. */
export function listenersToRead(plan: Plan, desired: readonly DesiredListener[]): Map<string, string[]> {
  const withTargets = new Set(desired.filter((d) => d.targets || d.ruleTargets?.length).map((d) => d.request));
  const out = new Map<string, string[]>();
  for (const item of plan.items) {
    if (!item.desired || !withTargets.has(item.desired) || !item.listenerId || item.action === 'conflict') continue;
    out.set(item.loadBalancerId, [...(out.get(item.loadBalancerId) ?? []), item.listenerId]);
  }
  return out;
}

/** What each listener the file gives targets for needs: pure, so --plan shows what apply does. */
export function planTargets(
  plan: Plan,
  desired: readonly DesiredListener[],
  bound: ReadonlyMap<string, ReadonlyMap<string, readonly BoundTarget[]>>,
  options: {
    prune: boolean;
    scope?: PruneScope;
    language?: Language;
    /** The name each listener has now, by listener id (the scope judges a listener by it, as for rules). */
    names?: ReadonlyMap<string, string | null>;
  },
): TargetPlan {
  const byRequest = new Map(desired.map((d) => [d.request, d]));
  const out: TargetPlan = { changes: [], unchanged: 0, kept: 0, keptOutOfScope: 0, keptMarked: 0, managed: [] };
  for (const item of plan.items) {
    const entry = item.desired ? byRequest.get(item.desired) : undefined;
    if (!entry || item.action === 'conflict' || item.action === 'delete') continue;
    const sets: { rule?: RulePlace; targets: TargetInput[] }[] = [
      ...(entry.targets ? [{ targets: entry.targets }] : []),
      ...(entry.ruleTargets ?? []).map((r) => ({ rule: { Domain: r.Domain, Url: r.Url }, targets: r.targets })),
    ];
    const name = (item.listenerId ? options.names?.get(item.listenerId) : undefined) || item.name;
    const verdict = options.prune
      ? targetPruneVerdict(options.scope, { name, port: item.port, endPort: item.endPort }, options.language ?? 'en')
      : undefined;
    for (const { rule, targets: wanted } of sets) {
      out.managed.push({ item, ...(rule ? { rule } : {}), targets: wanted });
      const key = item.listenerId ? (rule ? ruleKey(item.listenerId, rule.Domain, rule.Url) : item.listenerId) : undefined;
      const now = key ? (bound.get(item.loadBalancerId)?.get(key) ?? []) : [];
      const at = rule ? { rule } : {};
      for (const target of wanted) {
        const weight = target.Weight ?? DEFAULT_WEIGHT;
        const there = now.find((b) => targetKey(b) === targetKey(target));
        if (!there) out.changes.push({ action: 'register', item, ...at, target, weight });
        else if (there.Weight !== weight) out.changes.push({ action: 'reweight', item, ...at, target, oldWeight: there.Weight, weight });
        else out.unchanged++;
      }
      for (const there of now) {
        if (wanted.some((t) => targetKey(t) === targetKey(there))) continue;
        if (!verdict) out.kept++;
        else if (verdict.inScope) out.changes.push({ action: 'deregister', item, ...at, target: there, reason: verdict.reason });
        else {
          out.keptOutOfScope++;
          if (verdict.controller) out.keptMarked++;
        }
      }
    }
  }
  return out;
}

/** Which listener or rule a change is on: changes with the same key go out together. */
function setKey(change: { item: PlanItem; rule?: RulePlace }): string {
  const id = `${change.item.loadBalancerId}#${change.item.where}#${change.item.port}`;
  return change.rule ? `${id}|${change.rule.Domain}|${change.rule.Url}` : id;
}

export function targetCounts(tp: TargetPlan) {
  const count = (action: TargetAction) => tp.changes.filter((c) => c.action === action);
  const perListener = (action: TargetAction) => {
    const groups = new Map<string, number>();
    for (const c of count(action)) groups.set(setKey(c), (groups.get(setKey(c)) ?? 0) + 1);
    return [...groups.values()].reduce((n, size) => n + calls(size), 0);
  };
  return {
    register: count('register').length,
    reweight: count('reweight').length,
    deregister: count('deregister').length,
    unchanged: tp.unchanged,
    requests: {
      RegisterTargets: perListener('register'),
      ModifyTargetWeight: perListener('reweight'),
      DeregisterTargets: perListener('deregister'),
    },
  };
}

function words(language: Language, text: Text, params?: Record<string, string | number>): string {
  return say(language, text, params);
}

function verb(language: Language, action: TargetAction): string {
  return words(language, action === 'register' ? A.register : action === 'reweight' ? A.reweight : A.deregister);
}

function listenerLabel(item: PlanItem, language: Language, rule?: RulePlace): string {
  const listener = `${item.listenerId ?? words(language, A.newListener)} (${item.protocol} ${portLabel(item.port, item.endPort)})`;
  return rule ? `${listener} ${rule.Domain}${rule.Url}` : listener;
}

function changeDetail(change: TargetChange, language: Language): string {
  const target = targetLabel({ ...change.target, Weight: null });
  if (change.action === 'reweight') return `${target} ${change.oldWeight} → ${change.weight}`;
  if (change.action === 'register') return words(language, A.withWeight, { target, weight: change.weight ?? DEFAULT_WEIGHT });
  return target;
}

const SIGN: Record<TargetAction, string> = { register: '+', reweight: '~', deregister: '-' };

export function targetSummaryLine(tp: TargetPlan, language: Language): string {
  const c = targetCounts(tp);
  return words(language, A.summary, {
    register: c.register,
    registerCalls: c.requests.RegisterTargets,
    reweight: c.reweight,
    reweightCalls: c.requests.ModifyTargetWeight,
    deregister: c.deregister,
    deregisterCalls: c.requests.DeregisterTargets,
    unchanged: c.unchanged,
  });
}

function changeJson(change: TargetChange) {
  return {
    Action: change.action,
    LoadBalancerId: change.item.loadBalancerId,
    ListenerId: change.item.listenerId,
    Protocol: change.item.protocol,
    Port: change.item.port,
    Source: change.item.where,
    ...(change.rule ? { Domain: change.rule.Domain, Url: change.rule.Url } : {}),
    ...(change.target.InstanceId ? { InstanceId: change.target.InstanceId } : {}),
    ...(change.target.EniIp ? { EniIp: change.target.EniIp } : {}),
    TargetPort: change.target.Port,
    ...(change.oldWeight !== undefined ? { OldWeight: change.oldWeight } : {}),
    ...(change.weight !== undefined ? { Weight: change.weight } : {}),
    ...(change.reason !== undefined ? { Reason: change.reason } : {}),
  };
}

/** The plan's view with the target changes: a block before the summary line, rows, and data. */
export function withTargetPlan(view: ResultView, tp: TargetPlan, language: Language): ResultView {
  if (tp.managed.length === 0 && tp.changes.length === 0) return view;
  const keptOutside = keptTargetsText(tp.keptOutOfScope, tp.keptMarked, language);
  const lines: string[] = [];
  const sets = [...new Set(tp.changes.map(setKey))];
  if (sets.length > 0) lines.push(words(language, A.section));
  for (const key of sets) {
    const changes = tp.changes.filter((c) => setKey(c) === key);
    const { item, rule } = changes[0]!;
    lines.push(`  ${listenerLabel(item, language, rule)}  (${item.where})`);
    for (const change of changes) {
      lines.push(`    ${SIGN[change.action]} ${verb(language, change.action).padEnd(10)} ${changeDetail(change, language)}`);
    }
    const reason = changes.find((c) => c.reason)?.reason;
    if (reason) lines.push(`      ${reason}`);
  }
  if (tp.kept > 0) lines.push(`  ${words(language, A.keptNotListed, { count: tp.kept })}`);
  if (keptOutside) lines.push(`  ${keptOutside}`);
  const text = [...view.text.slice(0, -1), ...lines, ...view.text.slice(-1), targetSummaryLine(tp, language)];
  const json = view.json as Record<string, unknown>;
  const c = targetCounts(tp);
  return {
    ...view,
    text,
    json: {
      ...json,
      TargetChanges: tp.changes.map(changeJson),
      TargetSummary: {
        Register: c.register,
        Reweight: c.reweight,
        Deregister: c.deregister,
        Unchanged: c.unchanged,
        KeptNotListed: tp.kept,
        KeptOutsideScope: tp.keptOutOfScope,
      },
      Requests: { ...(json.Requests as object), ...c.requests },
    },
    ...(view.table
      ? {
          table: [
            ...view.table,
            ...tp.changes.map((change) => [
              verb(language, change.action),
              change.item.loadBalancerId,
              change.item.protocol,
              portLabel(change.item.port, change.item.endPort),
              change.item.name ?? '',
              change.item.listenerId ?? '',
              changeDetail(change, language),
            ]),
          ],
        }
      : {}),
  };
}

function placeLabel(listenerId: string, item: PlanItem, rule: RulePlace | undefined, language: Language): string {
  const listener = say(language, S.placeListener, {
    listener: listenerId,
    protocol: item.protocol,
    port: portLabel(item.port, item.endPort),
  });
  return rule ? say(language, S.placeRule, { listener, rule: `${rule.Domain}${rule.Url}` }) : listener;
}

/** Deregistrations need a yes: --yes, or an answer at a terminal. */
export async function confirmDeregister(ctx: CliContext, tp: TargetPlan, yes: boolean | undefined): Promise<void> {
  const gone = tp.changes.filter((c) => c.action === 'deregister');
  if (gone.length === 0 || yes) return;
  const language = ctx.language ?? 'en';
  const list = gone.map((c) =>
    words(language, A.targetOn, { target: targetLabel({ ...c.target, Weight: null }), listener: c.item.listenerId ?? '' }),
  );
  const { canPrompt } = await import('../../../ui/terminal.js');
  if (!canPrompt(ctx)) {
    throw new UsageError(words(language, A.confirmDeregister, { count: gone.length, list: list.join(', ') }), '--prune', {
      hint: words(language, A.confirmDeregisterHint),
    });
  }
  const { createAsker } = await import('../../../ui/interactive/asker.js');
  const asker = await createAsker(ctx);
  ctx.stdout.write(`${list.map((l) => `  - ${l}`).join('\n')}\n`);
  const ok = await asker.confirm({ message: words(language, A.confirmDeregisterAsk, { count: gone.length }), default: false });
  if (!ok) throw InterruptedError.beforeSending('cancelled');
}

export interface TargetResult {
  status: ItemResult['status'];
  detail?: string;
}

/**
 * Carries out the target changes, after the listener writes: per load balancer one write at a
 * time (all load balancers at once). A listener whose own write did not succeed gets none; after
 * a failure on a load balancer its remaining target writes are not tried.
 */
export async function executeTargets(
  tp: TargetPlan,
  listenerResults: ReadonlyMap<PlanItem, ItemResult>,
  run: { client: ClbClient; ctx: CliContext; globals: GlobalOptions; progress: Progress; timeoutMs: number },
): Promise<Map<TargetChange, TargetResult>> {
  const step = await import('../../targets-step.js');
  const language = run.ctx.language ?? 'en';
  const results = new Map<TargetChange, TargetResult>();
  const lbs = [...new Set(tp.changes.map((c) => c.item.loadBalancerId))];
  await Promise.all(
    lbs.map(async (lb) => {
      let stopped = false;
      const tally: Record<string, number> = {};
      for (const key of [...new Set(tp.changes.filter((c) => c.item.loadBalancerId === lb).map(setKey))]) {
        const mine = tp.changes.filter((c) => setKey(c) === key);
        const { item, rule } = mine[0]!;
        const listenerResult = listenerResults.get(item);
        const listenerId = listenerResult?.listenerId ?? item.listenerId;
        const ready = item.action === 'unchanged' || listenerResult?.status === 'done';
        if (stopped || !ready || !listenerId || run.ctx.signal.aborted) {
          for (const c of mine) {
            results.set(c, { status: 'not tried', ...(!ready ? { detail: words(language, A.listenerNotReady) } : {}) });
          }
          continue;
        }
        const place: NamedPlace = {
          LoadBalancerId: lb,
          ListenerId: listenerId,
          ...(rule ? { Domain: rule.Domain, Url: rule.Url } : {}),
          label: placeLabel(listenerId, item, rule, language),
        };
        const mark = (changes: readonly TargetChange[], done: readonly TargetInput[]) => {
          for (const c of changes) if (done.some((t) => targetKey(t) === targetKey(c.target))) results.set(c, { status: 'done' });
        };
        const phases: [TargetAction, (changes: TargetChange[]) => Promise<void>][] = [
          [
            'register',
            (changes) =>
              step.registerInChunks(
                run,
                place,
                changes.map((c) => ({ ...c.target, Weight: c.weight! })),
                (done) => mark(changes, done),
              ),
          ],
          [
            'reweight',
            (changes) =>
              step.reweightInChunks(
                run,
                place,
                changes.map((c) => ({ ...c.target, Weight: c.weight! })),
                (done) => mark(changes, done),
              ),
          ],
          [
            'deregister',
            (changes) =>
              step.deregisterInChunks(
                run,
                place,
                changes.map((c) => c.target),
                (done) => mark(changes, done),
              ),
          ],
        ];
        for (const [action, send] of phases) {
          const changes = mine.filter((c) => c.action === action);
          if (changes.length === 0 || stopped) continue;
          try {
            await send(changes);
            tally[action] = (tally[action] ?? 0) + changes.length;
          } catch (error) {
            stopped = true;
            const detail = error instanceof Error ? error.message : String(error);
            const unknown = error instanceof InterruptedError || (error as { mayHaveApplied?: boolean }).mayHaveApplied === true;
            for (const c of changes) if (!results.has(c)) results.set(c, { status: unknown ? 'unknown' : 'failed', detail });
          }
        }
        for (const c of mine) if (!results.has(c)) results.set(c, { status: 'not tried' });
      }
      const done = Object.entries(tally)
        .map(
          ([action, n]) =>
            `${n} ${words(language, action === 'register' ? A.registered : action === 'reweight' ? A.reweighted : A.deregistered)}`,
        )
        .join(', ');
      run.progress.info(`${stopped ? MARK.failed : MARK.done} ${words(language, A.targetsDone, { loadBalancer: lb, tally: done || '0' })}`);
    }),
  );
  return results;
}

/** The outcome's view with each target change and how it went. */
export function withTargetOutcome(
  view: ResultView,
  tp: TargetPlan,
  results: ReadonlyMap<TargetChange, TargetResult>,
  listenerResults: ReadonlyMap<PlanItem, ItemResult>,
  language: Language,
): ResultView {
  if (tp.changes.length === 0) return view;
  const rows = tp.changes.map((change) => {
    const result = results.get(change);
    const listenerId = listenerResults.get(change.item)?.listenerId ?? change.item.listenerId;
    return {
      change: { ...change, item: { ...change.item, listenerId } },
      result: result?.status === 'done' ? 'ok' : (result?.status ?? 'not tried'),
      detail: result?.detail ?? '',
    };
  });
  const json = view.json as Record<string, unknown>;
  return {
    ...view,
    json: {
      ...json,
      Targets: rows.map((r) => ({ ...changeJson(r.change), Result: r.result, ...(r.detail ? { Detail: r.detail } : {}) })),
    },
    text: [
      ...view.text,
      ...rows.map((r) =>
        `${r.change.item.loadBalancerId}  ${r.change.item.listenerId ?? ''}  ${verb(language, r.change.action)}  ${changeDetail(r.change, language)}  ${r.result}${r.detail && r.result !== 'ok' ? `: ${r.detail}` : ''}`.trimEnd(),
      ),
    ],
    ...(view.table
      ? {
          table: [
            ...view.table,
            ...rows.map((r) => [
              r.change.item.loadBalancerId,
              r.change.item.protocol,
              portLabel(r.change.item.port, r.change.item.endPort),
              changeDetail(r.change, language),
              r.change.item.listenerId ?? '',
              verb(language, r.change.action),
              r.detail && r.result !== 'ok' ? `${r.result}: ${r.detail}` : r.result,
            ]),
          ],
        }
      : {}),
  };
}

/** Some target changes did not succeed; the summary (stdout) says which. */
export class TargetChangesFailedError extends PartialFailureError {}

export function targetFailure(results: ReadonlyMap<TargetChange, TargetResult>, language: Language): TargetChangesFailedError | undefined {
  const failed = [...results.values()].filter((r) => r.status !== 'done');
  if (failed.length === 0) return undefined;
  return new TargetChangesFailedError(
    words(language, A.failedSummary, { count: failed.length, first: failed.find((r) => r.detail)?.detail ?? failed[0]!.status }),
    { hint: words(language, A.failedHint) },
  );
}

/** The health watch of every listener whose targets the file gives, once apply has run. */
export function healthWatches(tp: TargetPlan, listenerResults: ReadonlyMap<PlanItem, ItemResult>, language: Language): HealthWatch[] {
  return tp.managed.flatMap(({ item, rule, targets }) => {
    const listenerId = listenerResults.get(item)?.listenerId ?? item.listenerId;
    if (!listenerId || targets.length === 0) return [];
    return [
      {
        LoadBalancerId: item.loadBalancerId,
        ListenerId: listenerId,
        ...(rule ? { Domain: rule.Domain, Url: rule.Url } : {}),
        label: placeLabel(listenerId, item, rule, language),
        targets,
      },
    ];
  });
}
