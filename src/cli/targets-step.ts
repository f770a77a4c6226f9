/**
 * Binding, unbinding and re-weighting targets, and waiting for their health: shared by `create
 * --target`, `target add` and `apply`. Writes on one load balancer go one at a time, at most 20
 * targets a call (docs/api/targets.md), each followed as a task. An answer that was lost is read
 * back with DescribeTargets, never sent again.
 */
import { parseSeconds } from './seconds.js';
import type { ClbClient } from '../api/client.js';
import type { ApiTarget, TargetPlace } from '../api/targets.js';
import type { CliContext, GlobalOptions } from '../core/context.js';
import { CliError, InterruptedError } from '../core/errors.js';
import { say, type Language, type Text } from '../core/i18n.js';
import { UnhealthyTargetsError, type UnhealthyTarget } from '../core/target-errors.js';
import { DEFAULT_WEIGHT, targetKey, type TargetInput } from '../model/target-fields.js';
import { formatElapsed, MARK, type Progress } from '../ui/progress.js';
import { suggestCommand } from './command-line.js';
import { followTask } from './follow-task.js';
import { answerWasLost, readUntilWritten } from './reconcile.js';
import { TARGET_STEP_TEXT as T } from './target-text.js';

export interface TargetRun {
  client: ClbClient;
  ctx: CliContext;
  globals: GlobalOptions;
  progress: Progress;
  /** How long to wait for one task. */
  timeoutMs: number;
}

/** A place targets are bound to, with how people call it (`lbl-… (TCP 80)`). */
export interface NamedPlace extends TargetPlace {
  label: string;
}

/** A target as read back: identity and weight. */
export interface BoundTarget extends TargetInput {
  Weight: number;
}

const language = (run: { ctx: CliContext }): Language => run.ctx.language ?? 'en';
const words = (run: { ctx: CliContext }, text: Text, params?: Record<string, string | number>) => say(language(run), text, params);

export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The API form of a target: exactly the fields given. */
export function apiTarget(target: TargetInput): ApiTarget {
  return {
    ...(target.InstanceId ? { InstanceId: target.InstanceId } : {}),
    ...(target.EniIp ? { EniIp: target.EniIp } : {}),
    Port: target.Port,
    ...(target.Weight !== undefined ? { Weight: target.Weight } : {}),
  };
}

/** What DescribeTargets lists as one target, in the Target's own terms. */
function fromBackend(backend: {
  Type?: string | null;
  InstanceId?: string | null;
  Port: number;
  Weight?: number | null;
  PrivateIpAddresses?: string[] | null;
}): BoundTarget {
  // A CVM is known by its InstanceId; any other kind (ENI, CCN, …) by its private IP, as it was bound.
  const cvm = backend.Type ? backend.Type === 'CVM' : Boolean(backend.InstanceId);
  const instance = cvm && backend.InstanceId ? backend.InstanceId : undefined;
  return {
    ...(instance ? { InstanceId: instance } : { EniIp: backend.PrivateIpAddresses?.[0] ?? '' }),
    Port: backend.Port,
    Weight: backend.Weight ?? DEFAULT_WEIGHT,
  };
}

/** The targets bound to each of `listenerIds` (and its rules, keyed `listener/location`), read with DescribeTargets. */
export async function readBound(
  client: ClbClient,
  loadBalancerId: string,
  listenerIds: readonly string[] | undefined,
  signal?: AbortSignal,
): Promise<Map<string, BoundTarget[]>> {
  const { describeTargets } = await import('../api/targets.js');
  const out = new Map<string, BoundTarget[]>();
  const batches = listenerIds ? chunks(listenerIds, 20) : [undefined];
  for (const batch of batches) {
    const answer = await describeTargets(
      client,
      { LoadBalancerId: loadBalancerId, ...(batch ? { ListenerIds: [...batch] } : {}) },
      { signal },
    );
    for (const listener of answer.Listeners ?? []) {
      out.set(listener.ListenerId, (listener.Targets ?? []).map(fromBackend));
      for (const rule of listener.Rules ?? []) {
        const targets = (rule.Targets ?? []).map(fromBackend);
        out.set(`${listener.ListenerId}/${rule.LocationId}`, targets);
        out.set(ruleKey(listener.ListenerId, rule.Domain ?? '', rule.Url ?? ''), targets);
      }
    }
  }
  return out;
}

/** The key of a rule's targets in readBound's answer, by its domain and URL. */
export function ruleKey(listenerId: string, domain: string, url: string): string {
  return `${listenerId}|${domain}|${url}`;
}

export function placeKey(place: TargetPlace): string {
  if (place.LocationId) return `${place.ListenerId}/${place.LocationId}`;
  if (place.Domain !== undefined) return ruleKey(place.ListenerId, place.Domain, place.Url ?? '');
  return place.ListenerId;
}

async function boundAt(client: ClbClient, place: TargetPlace, signal?: AbortSignal): Promise<BoundTarget[]> {
  const read = await readBound(client, place.LoadBalancerId, [place.ListenerId], signal);
  return read.get(placeKey(place)) ?? [];
}

type Action = 'RegisterTargets' | 'DeregisterTargets' | 'ModifyTargetWeight';

/**
 * One write and its task. A lost answer: DescribeTargets is read until `done` says the change is
 * there (then it counts as made), or the time is up (then the error says it was not sent again).
 */
async function write(
  run: TargetRun,
  action: Action,
  place: NamedPlace,
  send: () => Promise<{ RequestId: string }>,
  done: (bound: readonly BoundTarget[]) => boolean,
  label: string,
): Promise<void> {
  const { ctx, progress } = run;
  if (ctx.signal.aborted) throw InterruptedError.beforeSending();
  let accepted: { RequestId: string };
  try {
    accepted = await send();
  } catch (error) {
    if (!answerWasLost(error)) throw error;
    progress.start(words(run, T.checkingLost, { place: place.label }));
    const found = await readUntilWritten(
      run.client.clock,
      async () => done(await boundAt(run.client, place)),
      run.ctx.signal,
      run.timeoutMs,
    );
    progress.stop();
    const reason = error instanceof Error ? error.message : String(error);
    if (found) {
      progress.warn(words(run, T.lostFound, { action, reason, place: place.label }));
      return;
    }
    throw error instanceof CliError ? error.with({ hint: words(run, T.lostNotFound, { action, place: place.label }) }) : error;
  }
  await followTask(run.client, accepted.RequestId, {
    timeoutMs: run.timeoutMs,
    signal: ctx.signal,
    progress,
    label,
    globals: run.globals,
    accepted: { action, listenerIds: [place.ListenerId] },
  });
}

const has = (bound: readonly BoundTarget[], target: TargetInput) => bound.some((b) => targetKey(b) === targetKey(target));

/**
 * Registers `targets` (none of them bound yet) in chunks of at most 20. `onChunk` hears each chunk
 * once it is bound, so a caller that fails half-way knows what was done.
 */
export async function registerInChunks(
  run: TargetRun,
  place: NamedPlace,
  targets: readonly TargetInput[],
  onChunk: (bound: readonly TargetInput[]) => void = () => {},
): Promise<void> {
  const { registerTargets, TARGETS_PER_CALL } = await import('../api/targets.js');
  const parts = chunks(targets, TARGETS_PER_CALL);
  for (const [i, chunk] of parts.entries()) {
    const label =
      parts.length === 1
        ? words(run, T.binding, { count: chunk.length, place: place.label })
        : words(run, T.bindingChunk, {
            from: i * TARGETS_PER_CALL + 1,
            to: i * TARGETS_PER_CALL + chunk.length,
            count: targets.length,
            place: place.label,
          });
    run.progress.start(label);
    await write(
      run,
      'RegisterTargets',
      place,
      () => registerTargets(run.client, place, chunk.map(apiTarget), { signal: run.ctx.signal }),
      (bound) => chunk.every((t) => has(bound, t)),
      label,
    );
    onChunk(chunk);
  }
}

/** Deregisters `targets` (bound now) in chunks of at most 20. */
export async function deregisterInChunks(
  run: TargetRun,
  place: NamedPlace,
  targets: readonly TargetInput[],
  onChunk: (gone: readonly TargetInput[]) => void = () => {},
): Promise<void> {
  const { deregisterTargets, TARGETS_PER_CALL } = await import('../api/targets.js');
  for (const chunk of chunks(targets, TARGETS_PER_CALL)) {
    const label = words(run, T.unbinding, { count: chunk.length, place: place.label });
    run.progress.start(label);
    await write(
      run,
      'DeregisterTargets',
      place,
      () => deregisterTargets(run.client, place, chunk.map(apiTarget), { signal: run.ctx.signal }),
      (bound) => chunk.every((t) => !has(bound, t)),
      label,
    );
    onChunk(chunk);
  }
}

/** Sets each target's Weight (ModifyTargetWeight, each target carrying its own), 20 a call. */
export async function reweightInChunks(
  run: TargetRun,
  place: NamedPlace,
  targets: readonly BoundTarget[],
  onChunk: (changed: readonly TargetInput[]) => void = () => {},
): Promise<void> {
  const { modifyTargetWeight, TARGETS_PER_CALL } = await import('../api/targets.js');
  for (const chunk of chunks(targets, TARGETS_PER_CALL)) {
    const label = words(run, T.reweighting, { count: chunk.length, place: place.label });
    run.progress.start(label);
    await write(
      run,
      'ModifyTargetWeight',
      place,
      () =>
        modifyTargetWeight(
          run.client,
          place,
          chunk.map((t) => ({ ...apiTarget(t), Weight: t.Weight })),
          { signal: run.ctx.signal },
        ),
      (bound) => chunk.every((t) => bound.some((b) => targetKey(b) === targetKey(t) && b.Weight === t.Weight)),
      label,
    );
    onChunk(chunk);
  }
}

// ---- health --------------------------------------------------------------------------------

export interface HealthWatch extends NamedPlace {
  targets: readonly TargetInput[];
}

export const DEFAULT_HEALTH_TIMEOUT_SECONDS = 300;

/** `--wait-healthy[=SECONDS]`: true (the flag alone) is the default; a value must be a whole number of seconds > 0. */
export function healthTimeoutMs(value: string | boolean | undefined, flag: string, language: Language = 'en'): number | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return DEFAULT_HEALTH_TIMEOUT_SECONDS * 1000;
  // A duration, as every timeout takes one: `120`, `90s`, `5m`.
  return parseSeconds(value, flag, { min: 1, max: 86400, language }) * 1000;
}

interface HealthRow {
  watch: HealthWatch;
  target: TargetInput;
  health: string;
}

async function readHealth(client: ClbClient, watches: readonly HealthWatch[], signal: AbortSignal): Promise<HealthRow[]> {
  const { describeTargetHealth } = await import('../api/targets.js');
  const rows: HealthRow[] = [];
  const lbs = [...new Set(watches.map((w) => w.LoadBalancerId))];
  for (const batch of chunks(lbs, 30)) {
    const listenerIds = [...new Set(watches.filter((w) => batch.includes(w.LoadBalancerId)).map((w) => w.ListenerId))];
    const answer = await describeTargetHealth(client, { LoadBalancerIds: batch, ListenerIds: listenerIds }, { signal });
    for (const watch of watches.filter((w) => batch.includes(w.LoadBalancerId))) {
      const listener = answer.LoadBalancers?.find((lb) => lb.LoadBalancerId === watch.LoadBalancerId)?.Listeners?.find(
        (l) => l.ListenerId === watch.ListenerId,
      );
      const rules = (listener?.Rules ?? []).filter((r) =>
        watch.LocationId
          ? r.LocationId === watch.LocationId
          : watch.Domain !== undefined
            ? r.Domain === watch.Domain && r.Url === watch.Url
            : true,
      );
      const reported = rules.flatMap((r) => r.Targets ?? []);
      for (const target of watch.targets) {
        const found = reported.find(
          (h) => h.Port === target.Port && (target.InstanceId ? h.TargetId === target.InstanceId : h.IP === target.EniIp),
        );
        const health = !found ? 'missing' : found.HealthStatus ? 'Alive' : (found.HealthStatusDetail ?? 'Unknown');
        rows.push({ watch, target, health });
      }
    }
  }
  return rows;
}

/**
 * Polls DescribeTargetHealth until every watched target is healthy, or `timeoutMs` has passed on
 * the run's clock (then UnhealthyTargetsError lists the others). At a terminal the spinner counts;
 * in CI, a line per listener (or rule) as it turns healthy. Ctrl-C ends the wait at once.
 */
export async function waitHealthy(run: Omit<TargetRun, 'timeoutMs'>, watches: readonly HealthWatch[], timeoutMs: number): Promise<void> {
  const { client, ctx, progress } = run;
  const count = watches.reduce((n, w) => n + w.targets.length, 0);
  if (count === 0) return;
  const clock = client.clock;
  const started = clock.now();
  const deadline = started + timeoutMs;
  const announced = new Set<HealthWatch>();
  progress.start(words(run, T.waitingHealth, { count }));
  let rows: HealthRow[] = [];
  for (let delay = 1000; ; delay = Math.min(delay * 2, 5000)) {
    try {
      rows = await readHealth(client, watches, ctx.signal);
    } catch (error) {
      if (error instanceof InterruptedError || ctx.signal.aborted) throw error;
      // A failed read says nothing about health; the wait goes on to its end.
    }
    const healthy = rows.filter((r) => r.health === 'Alive').length;
    for (const watch of watches) {
      if (announced.has(watch)) continue;
      const mine = rows.filter((r) => r.watch === watch);
      if (mine.length === watch.targets.length && mine.every((r) => r.health === 'Alive')) {
        announced.add(watch);
        progress.info(`${MARK.done} ${words(run, T.listenerHealthy, { place: watch.label, count: watch.targets.length })}`);
      }
    }
    if (rows.length === count && healthy === count) {
      progress.succeed(words(run, T.allHealthy, { count, elapsed: formatElapsed(clock.now() - started) }));
      return;
    }
    progress.update(words(run, T.waitingHealthProgress, { healthy, count, elapsed: formatElapsed(clock.now() - started) }));
    const remaining = deadline - clock.now();
    if (remaining <= 0) break;
    try {
      await clock.sleep(Math.min(delay, remaining), ctx.signal);
    } catch (error) {
      progress.fail();
      if (!ctx.signal.aborted) throw error;
      throw new InterruptedError(undefined, {
        message: words(run, T.healthInterrupted),
        details: { ListenerIds: [...new Set(watches.map((w) => w.ListenerId))] },
      });
    }
  }
  progress.fail();
  const lines: string[] = [];
  const unhealthy: UnhealthyTarget[] = watches.flatMap((watch) =>
    watch.targets
      .map((target) => ({ target, health: rows.find((r) => r.watch === watch && r.target === target)?.health ?? 'missing' }))
      .filter((r) => r.health !== 'Alive')
      .map((r) => {
        lines.push(words(run, T.healthStatus, { target: targetKey(r.target), place: watch.label, health: r.health }));
        return {
          LoadBalancerId: watch.LoadBalancerId,
          ListenerId: watch.ListenerId,
          ...(watch.LocationId ? { LocationId: watch.LocationId } : {}),
          ...(watch.Domain !== undefined ? { Domain: watch.Domain, Url: watch.Url ?? '' } : {}),
          Target: r.target.InstanceId ?? r.target.EniIp ?? '',
          Port: r.target.Port,
          Health: r.health,
        };
      }),
  );
  const list = lines.join('; ');
  const first = watches[0]!;
  throw new UnhealthyTargetsError(words(run, T.unhealthy, { count: unhealthy.length, seconds: Math.round(timeoutMs / 1000), list }), {
    hint: words(run, T.unhealthyHint, { command: suggestCommand(run.globals, 'list', '--lb', first.LoadBalancerId, '--health') }),
    unhealthy,
    listenerIds: [...new Set(watches.map((w) => w.ListenerId))],
  });
}
