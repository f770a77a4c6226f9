/**
 * `create --target`: the targets are read and checked with the listener's request before anything
 * is sent, and bound once the listener exists (targets-step.ts). A failure after the listener was
 * made keeps its id and says how to finish (TargetsIncompleteError, exit 9); `--wait-healthy`
 * then waits for their health (UnhealthyTargetsError, exit 11).
 */
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { CliError, InterruptedError, UsageError } from '../../../core/errors.js';
import { say, type Language } from '../../../core/i18n.js';
import { TargetsIncompleteError } from '../../../core/target-errors.js';
import type { CreateListenerRequest } from '../../../model/fields.js';
import type { CreateFlags } from '../../../model/flags.js';
import { LAYER4_PROTOCOLS, targetKey, targetLabel, type TargetInput } from '../../../model/target-fields.js';
import { readTargetFlags } from '../../../model/target-input.js';
import { TARGET_MESSAGES } from '../../../model/target-messages.js';
import type { ClbClient } from '../../../api/client.js';
import type { Progress } from '../../../ui/progress.js';
import { suggestCommand } from '../../command-line.js';
import { TARGET_STEP_TEXT as T } from '../../target-text.js';
import type { HealthWatch, NamedPlace, TargetRun } from '../../targets-step.js';

export interface CreateTargets {
  targets: TargetInput[];
  warnings: string[];
  /** Each --target as typed, for the command that finishes an unfinished job. */
  raws: string[];
  /** --wait-healthy: how long to wait for health. */
  healthMs?: number;
}

/** A target as the result shows it, under its listener. */
export interface ResultTarget {
  ListenerId: string;
  /** A forwarding rule's targets: the rule. */
  LocationId?: string;
  InstanceId?: string;
  EniIp?: string;
  Port: number;
  Weight: number | null;
}

/** The --target values, checked against the listener they are for; undefined without --target. */
export async function prepareTargets(
  flags: CreateFlags,
  request: CreateListenerRequest,
  ctx: CliContext,
  validate: boolean,
  /** Whether a --rule carries Targets (then --wait-healthy waits for those). */
  ruleTargets = false,
): Promise<CreateTargets | undefined> {
  const language: Language = ctx.language ?? 'en';
  const raws = flags.target ?? [];
  const { healthTimeoutMs } = await import('../../targets-step.js');
  const healthMs = healthTimeoutMs(flags.waitHealthy, '--wait-healthy', language);
  if (raws.length === 0) {
    if (healthMs !== undefined && !ruleTargets) throw new UsageError(say(language, T.waitHealthyNeedsTargets), '--wait-healthy');
    return healthMs !== undefined ? { targets: [], warnings: [], raws: [], healthMs } : undefined;
  }
  if (flags.wait === false) throw new UsageError(say(language, T.noWaitWithTargets), '--no-wait');
  const protocol = typeof request.Protocol === 'string' ? request.Protocol : '';
  if (!(LAYER4_PROTOCOLS as readonly string[]).includes(protocol)) {
    throw new UsageError(say(language, TARGET_MESSAGES.flagNotForProtocol, { flag: '--target', protocol }), '--target');
  }
  const read = readTargetFlags(raws, { language, validate });
  return { ...read, raws, ...(healthMs !== undefined ? { healthMs } : {}) };
}

/** Stand-ins of the result's targets, for checking --query before sending. */
export function sampleTargets(listenerIds: readonly string[], prepared: CreateTargets): ResultTarget[] {
  return listenerIds.flatMap((id) => prepared.targets.map((t) => resultTarget(id, t)));
}

function resultTarget(listenerId: string, target: TargetInput): ResultTarget {
  return {
    ListenerId: listenerId,
    ...(target.InstanceId ? { InstanceId: target.InstanceId } : {}),
    ...(target.EniIp ? { EniIp: target.EniIp } : {}),
    Port: target.Port,
    Weight: target.Weight ?? 10,
  };
}

export interface BindRun {
  ctx: CliContext;
  globals: GlobalOptions;
  progress: Progress;
  timeoutMs: number;
}

/** What a binding run keeps: the targets step (loaded only here), and what was bound and is to be watched. */
async function startBinding(client: ClbClient, run: BindRun) {
  return {
    step: await import('../../targets-step.js'),
    language: (run.ctx.language ?? 'en') as Language,
    targetRun: { client, ...run },
    results: [] as ResultTarget[],
    done: [] as string[],
    watches: [] as HealthWatch[],
  };
}

/** Registers what the place lacks (each chunk bound is noted in `done` under `id`), and says so. */
async function bindMissing(
  step: typeof import('../../targets-step.js'),
  run: TargetRun,
  place: NamedPlace,
  missing: readonly TargetInput[],
  id: string,
  done: string[],
): Promise<void> {
  const language: Language = run.ctx.language ?? 'en';
  if (missing.length > 0) {
    await step.registerInChunks(run, place, missing, (chunk) => done.push(...chunk.map((t) => `${id} ${targetLabel(t)}`)));
    run.progress.succeed(say(language, T.bound, { count: missing.length, place: place.label }));
  } else run.progress.succeed(say(language, T.alreadyBound, { place: place.label }));
}

/**
 * Binds the targets to each listener this run made or kept (a kept one is read first, and only
 * what it lacks is registered), then waits for health when asked. Whatever stops the binding, the
 * error names the listeners, what was done, and the command that finishes.
 */
export async function bindTargetsOn(
  client: ClbClient,
  request: CreateListenerRequest,
  listeners: readonly { ListenerId: string; Port: number; Action?: 'created' | 'existing' }[],
  prepared: CreateTargets,
  run: BindRun,
): Promise<ResultTarget[]> {
  const { step, language, targetRun, results, done, watches } = await startBinding(client, run);
  for (const [i, listener] of listeners.entries()) {
    const place: NamedPlace = {
      LoadBalancerId: request.LoadBalancerId,
      ListenerId: listener.ListenerId,
      label: say(language, T.placeListener, { listener: listener.ListenerId, protocol: request.Protocol, port: listener.Port }),
    };
    try {
      let missing = prepared.targets;
      if (listener.Action === 'existing') {
        const bound =
          (await step.readBound(client, request.LoadBalancerId, [listener.ListenerId], run.ctx.signal)).get(listener.ListenerId) ?? [];
        missing = prepared.targets.filter((t) => !bound.some((b) => targetKey(b) === targetKey(t)));
        for (const t of prepared.targets) {
          const there = bound.find((b) => targetKey(b) === targetKey(t));
          if (there && t.Weight !== undefined && there.Weight !== t.Weight) {
            run.progress.warn(say(language, T.boundOtherWeight, { target: targetLabel(t), place: place.label, weight: there.Weight }));
          }
        }
      }
      await bindMissing(step, targetRun, place, missing, listener.ListenerId, done);
    } catch (error) {
      throw unfinished(error, request, listeners.slice(i), listeners, prepared, done, run);
    }
    results.push(...prepared.targets.map((t) => resultTarget(listener.ListenerId, t)));
    watches.push({ ...place, targets: prepared.targets });
  }
  if (prepared.healthMs !== undefined) await step.waitHealthy(targetRun, watches, prepared.healthMs);
  return results;
}

function unfinished(
  error: unknown,
  request: CreateListenerRequest,
  pending: readonly { ListenerId: string }[],
  all: readonly { ListenerId: string }[],
  prepared: CreateTargets,
  done: readonly string[],
  run: BindRun,
): CliError {
  const language: Language = run.ctx.language ?? 'en';
  const ids = all.map((l) => l.ListenerId);
  const command = targetAddCommand(
    run.globals,
    request.LoadBalancerId,
    pending.map((l) => ({ ListenerId: l.ListenerId, targets: prepared.raws })),
  );
  const doneText = [`CreateListener (${ids.join(', ')})`, ...done].join(', ');
  const notDone = pending.map((l) => `${l.ListenerId}: ${prepared.targets.map(targetLabel).join(' ')}`).join('; ');
  const hint = say(language, T.targetsIncompleteHint, { done: doneText, notDone: notDone || say(language, T.nothing), command });
  return incomplete(error, language, pending[0]?.ListenerId ?? ids[0] ?? '', ids, hint);
}

/** The commands that finish a binding: one `target add` a place (a rule by --location-id), joined by &&. */
function targetAddCommand(
  globals: GlobalOptions,
  lb: string,
  places: readonly { ListenerId: string; LocationId?: string; targets: readonly string[] }[],
): string {
  return places
    .map((p) =>
      suggestCommand(
        globals,
        'target',
        'add',
        '--lb',
        lb,
        '--listener-id',
        p.ListenerId,
        ...(p.LocationId !== undefined ? ['--location-id', p.LocationId] : []),
        ...p.targets.flatMap((t) => ['--target', t]),
      ),
    )
    .join(' && ');
}

/** The error of a binding that stopped: exit 9 naming the listener, or Ctrl-C's own, with the ids and the hint. */
function incomplete(error: unknown, language: Language, listener: string, ids: string[], hint: string): CliError {
  // Ctrl-C keeps its own exit code; the ids and the way to finish are still said.
  if (error instanceof InterruptedError) return error.with({ hint, details: { ListenerIds: ids } });
  const reason = error instanceof Error ? error.message : String(error);
  const taskId = error instanceof CliError ? error.details.TaskId : undefined;
  return new TargetsIncompleteError(say(language, T.targetsIncomplete, { listener, reason }), {
    hint,
    cause: error,
    listenerIds: ids,
    ...(taskId ? { taskId } : {}),
  });
}

/** A forwarding rule as create made (or kept) it: where its targets go. */
export interface MadeRule {
  ListenerId: string;
  Domain: string;
  Url: string;
  LocationId: string;
  Action?: 'created' | 'existing';
}

/**
 * `Targets` given in `--rule`: bound to each rule once it exists (by its LocationId), a kept
 * rule's read first so only what it lacks is registered. `targetsOf(rule)` gives the targets the
 * --rule that made it carried. The errors are those of bindTargetsOn: exit 9 with the command that
 * finishes (target add --location-id).
 */
export async function bindRuleTargets(
  client: ClbClient,
  request: Pick<CreateListenerRequest, 'LoadBalancerId' | 'Protocol' | 'Ports'>,
  rules: readonly MadeRule[],
  targetsOf: (rule: MadeRule) => readonly TargetInput[] | undefined,
  run: BindRun & { healthMs?: number },
): Promise<ResultTarget[]> {
  const { step, language, targetRun, results, done, watches } = await startBinding(client, run);
  const withTargets = rules.filter((r) => (targetsOf(r) ?? []).length > 0);
  for (const [i, rule] of withTargets.entries()) {
    const targets = [...(targetsOf(rule) ?? [])];
    const listener = say(language, T.placeListener, {
      listener: rule.ListenerId,
      protocol: request.Protocol,
      port: request.Ports[0] ?? '',
    });
    const place: NamedPlace = {
      LoadBalancerId: request.LoadBalancerId,
      ListenerId: rule.ListenerId,
      LocationId: rule.LocationId,
      label: say(language, T.placeRule, { listener, rule: `${rule.Domain}${rule.Url} (${rule.LocationId})` }),
    };
    try {
      let missing = targets;
      if (rule.Action === 'existing') {
        const bound =
          (await step.readBound(client, request.LoadBalancerId, [rule.ListenerId], run.ctx.signal)).get(step.placeKey(place)) ?? [];
        missing = targets.filter((t) => !bound.some((b) => targetKey(b) === targetKey(t)));
      }
      await bindMissing(step, targetRun, place, missing, rule.LocationId, done);
    } catch (error) {
      const pending = withTargets.slice(i);
      const command = targetAddCommand(
        run.globals,
        request.LoadBalancerId,
        pending.map((r) => ({ ListenerId: r.ListenerId, LocationId: r.LocationId, targets: (targetsOf(r) ?? []).map(targetLabel) })),
      );
      const ids = [...new Set(rules.map((r) => r.ListenerId))];
      const hint = say(language, T.targetsIncompleteHint, {
        done: [`CreateListener, CreateRule (${ids.join(', ')})`, ...done].join(', '),
        notDone: pending.map((r) => `${r.LocationId}: ${(targetsOf(r) ?? []).map(targetLabel).join(' ')}`).join('; '),
        command,
      });
      throw incomplete(error, language, rule.ListenerId, ids, hint);
    }
    results.push(...targets.map((t) => ({ ...resultTarget(rule.ListenerId, t), LocationId: rule.LocationId })));
    watches.push({ ...place, targets });
  }
  if (run.healthMs !== undefined) await step.waitHealthy(targetRun, watches, run.healthMs);
  return results;
}

/** The RegisterTargets requests a dry run shows after CreateListener (and CreateRule). */
export function dryRunTargets(
  request: CreateListenerRequest,
  sets: readonly { LocationId?: string; targets: readonly TargetInput[] }[],
  placeholder: { listener: string; location: string },
): { action: string; body: object }[] {
  return sets.flatMap((set) => {
    const bodies: { action: string; body: object }[] = [];
    for (let i = 0; i < set.targets.length; i += 20) {
      bodies.push({
        action: 'RegisterTargets',
        body: {
          LoadBalancerId: request.LoadBalancerId,
          ListenerId: placeholder.listener,
          ...(set.LocationId !== undefined ? { LocationId: placeholder.location } : {}),
          Targets: set.targets.slice(i, i + 20),
        },
      });
    }
    return bodies;
  });
}
