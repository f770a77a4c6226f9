/**
 * The backend actions: RegisterTargets, DeregisterTargets, ModifyTargetWeight and
 * ModifyTargetPort (asynchronous, as tasks that lock the load balancer), DescribeTargets and
 * DescribeTargetHealth. The emulator's own reading of the API (docs/emulator.md, "Targets").
 */
import { isIP } from 'node:net';
import { ApiFault, fault } from './api-error.js';
import { loadBalancer, notBusy, startTask, type ActionContext, type ActionHandler } from './actions.js';
import { checkShape, requireFields, type Shape } from './params.js';
import { formatCreateTime } from './time.js';
import { targetKey, type BoundTarget } from './targets.js';
import type { ListenerView } from './types.js';
import type { CLB_TARGET_ACTIONS } from './catalog.js';

/** At most this many targets in one RegisterTargets or DeregisterTargets call (the SDK's Targets field). */
export const TARGETS_PER_CALL = 20;

interface TargetInput {
  Port: number;
  Type?: string;
  InstanceId?: string;
  EniIp?: string;
  Weight?: number;
  Tag?: string;
}

interface TargetWrite {
  LoadBalancerId: string;
  ListenerId: string;
  Targets: TargetInput[];
  LocationId?: string;
  Domain?: string;
  Url?: string;
  Weight?: number;
  NewPort?: number;
}

const TARGET_SHAPE: Shape = { Port: 'integer', Type: 'string', InstanceId: 'string', EniIp: 'string', Weight: 'integer', Tag: 'string' };
const WRITE_SHAPE: Shape = {
  LoadBalancerId: 'string',
  ListenerId: 'string',
  Targets: { array: { object: TARGET_SHAPE } },
  LocationId: 'string',
  Domain: 'string',
  Url: 'string',
};

const L7 = new Set(['HTTP', 'HTTPS']);

interface RuleView {
  LocationId: string;
  Domain: string;
  Url: string;
}

/** An HTTP/HTTPS listener's forwarding rules: they live on the listener as `Rules` (DescribeListeners' shape). */
function rulesOf(listener: ListenerView): RuleView[] {
  const rules = Array.isArray(listener.Rules) ? (listener.Rules as Record<string, unknown>[]) : [];
  return rules.map((r) => ({ LocationId: String(r.LocationId), Domain: String(r.Domain ?? ''), Url: String(r.Url ?? '') }));
}

function listenerOf(ctx: ActionContext, input: TargetWrite): ListenerView {
  loadBalancer(ctx, input.LoadBalancerId);
  const listener = ctx.store.listenersOf(input.LoadBalancerId).find((l) => l.ListenerId === input.ListenerId);
  if (!listener)
    throw new ApiFault(
      'InvalidParameter.ListenerIdNotFound',
      `The listener ${input.ListenerId} does not exist on ${input.LoadBalancerId}.`,
    );
  return listener;
}

/** null for a layer-4 listener (its targets are its own); the rule's LocationId for HTTP/HTTPS. */
function ruleOf(listener: ListenerView, input: TargetWrite): string | null {
  if (!L7.has(listener.Protocol)) return null;
  if (input.LocationId === undefined && (input.Domain === undefined || input.Url === undefined)) {
    throw new ApiFault(
      'InvalidParameter',
      `The listener ${listener.ListenerId} is ${listener.Protocol}: give \`LocationId\`, or \`Domain\` and \`Url\`, to name its rule.`,
    );
  }
  const rules = rulesOf(listener);
  const found =
    input.LocationId !== undefined
      ? rules.find((r) => r.LocationId === input.LocationId)
      : rules.find((r) => r.Domain === input.Domain && r.Url === input.Url);
  if (!found) {
    const which = input.LocationId ?? `${input.Domain}${input.Url}`;
    throw new ApiFault('InvalidParameter.LocationNotFound', `No forwarding rule ${which} on listener ${listener.ListenerId}.`);
  }
  return found.LocationId;
}

function checkTargets(ctx: ActionContext, targets: readonly TargetInput[], limit: number | undefined): void {
  if (targets.length === 0) throw fault.missing('Targets', 'give at least one target');
  if (limit !== undefined && targets.length > limit) {
    throw fault.length(`\`Targets\` may hold at most ${limit} items, got ${targets.length}.`);
  }
  const seen = new Set<string>();
  for (const [i, t] of targets.entries()) {
    const at = `Targets.${i}`;
    if (t.Port === undefined) throw fault.missing(`${at}.Port`);
    if (t.Port < 1 || t.Port > 65535) throw fault.range(`${at}.Port`, '1–65535');
    if (t.Weight !== undefined && (t.Weight < 0 || t.Weight > 100)) throw fault.range(`${at}.Weight`, '0–100');
    if ((t.InstanceId === undefined) === (t.EniIp === undefined)) {
      throw new ApiFault('InvalidParameter', `\`${at}\` must give exactly one of \`InstanceId\` and \`EniIp\`.`);
    }
    if (t.InstanceId !== undefined && !ctx.store.targets.instances.has(t.InstanceId)) {
      throw new ApiFault('InvalidParameter', `The instance ${t.InstanceId} (\`${at}.InstanceId\`) does not exist in this region.`);
    }
    if (t.EniIp !== undefined && isIP(t.EniIp) === 0) throw fault.format(`${at}.EniIp`, 'an IP address');
    const key = targetKey(t);
    if (seen.has(key)) throw new ApiFault('InvalidParameter', `\`${at}\` repeats the target ${key}.`);
    seen.add(key);
  }
}

function parseWrite(body: Record<string, unknown>, extra: Shape, limit: number | undefined, ctx: ActionContext): TargetWrite {
  const input = checkShape<TargetWrite>(body, { ...WRITE_SHAPE, ...extra });
  requireFields(body, ['LoadBalancerId', 'ListenerId', 'Targets']);
  checkTargets(ctx, input.Targets, limit);
  return input;
}

/** The bound target each input names; refuses one that is not bound there. */
function boundOnes(ctx: ActionContext, input: TargetWrite, listenerId: string, locationId: string | null): BoundTarget[] {
  const bound = ctx.store.targets.on(listenerId, locationId);
  return input.Targets.map((t, i) => {
    const found = bound.find((b) => targetKey(b) === targetKey(t));
    if (!found) throw new ApiFault('InvalidParameter', `\`Targets.${i}\` (${targetKey(t)}) is not bound to ${locationId ?? listenerId}.`);
    return found;
  });
}

const registerTargets: ActionHandler = (body, ctx) => {
  const input = parseWrite(body, {}, TARGETS_PER_CALL, ctx);
  const listener = listenerOf(ctx, input);
  const locationId = ruleOf(listener, input);
  const bound = new Set(ctx.store.targets.on(listener.ListenerId, locationId).map(targetKey));
  for (const [i, t] of input.Targets.entries()) {
    if (bound.has(targetKey(t)))
      throw new ApiFault(
        'InvalidParameter',
        `\`Targets.${i}\` (${targetKey(t)}) is already bound to ${locationId ?? listener.ListenerId}.`,
      );
  }
  notBusy(ctx, input.LoadBalancerId);
  const now = ctx.clock();
  const added: BoundTarget[] = input.Targets.map((t) => ({
    LoadBalancerId: input.LoadBalancerId,
    ListenerId: listener.ListenerId,
    LocationId: locationId,
    InstanceId: t.InstanceId ?? null,
    EniIp: t.EniIp ?? null,
    Port: t.Port,
    Weight: t.Weight ?? 10,
    boundAt: now,
    RegisteredTime: formatCreateTime(now),
  }));
  ctx.store.targets.add(added);
  startTask(ctx, 'RegisterTargets', input.LoadBalancerId, {
    kind: 'targets',
    // Bound from the start; the success changes nothing more, but is when the state file is written.
    commit: () => {},
    rollback: () => ctx.store.targets.remove(added),
  });
  return {};
};

const deregisterTargets: ActionHandler = (body, ctx) => {
  const input = parseWrite(body, {}, TARGETS_PER_CALL, ctx);
  const listener = listenerOf(ctx, input);
  const locationId = ruleOf(listener, input);
  const gone = boundOnes(ctx, input, listener.ListenerId, locationId);
  notBusy(ctx, input.LoadBalancerId);
  startTask(ctx, 'DeregisterTargets', input.LoadBalancerId, { kind: 'targets', commit: () => ctx.store.targets.remove(gone) });
  return {};
};

const modifyTargetWeight: ActionHandler = (body, ctx) => {
  const input = parseWrite(body, { Weight: 'integer' }, undefined, ctx);
  if (input.Weight !== undefined && (input.Weight < 0 || input.Weight > 100)) throw fault.range('Weight', '0–100');
  const listener = listenerOf(ctx, input);
  const locationId = ruleOf(listener, input);
  const found = boundOnes(ctx, input, listener.ListenerId, locationId);
  const weights = input.Targets.map((t, i) => {
    const weight = t.Weight ?? input.Weight;
    if (weight === undefined) throw fault.missing(`Targets.${i}.Weight`, 'or `Weight` for every target');
    return weight;
  });
  notBusy(ctx, input.LoadBalancerId);
  startTask(ctx, 'ModifyTargetWeight', input.LoadBalancerId, {
    kind: 'targets',
    commit: () => {
      for (const [i, target] of found.entries()) target.Weight = weights[i]!;
    },
  });
  return {};
};

const modifyTargetPort: ActionHandler = (body, ctx) => {
  const input = parseWrite(body, { NewPort: 'integer' }, undefined, ctx);
  requireFields(body, ['NewPort']);
  const newPort = input.NewPort!;
  if (newPort < 1 || newPort > 65535) throw fault.range('NewPort', '1–65535');
  const listener = listenerOf(ctx, input);
  const locationId = ruleOf(listener, input);
  const found = boundOnes(ctx, input, listener.ListenerId, locationId);
  const taken = new Set(ctx.store.targets.on(listener.ListenerId, locationId).map(targetKey));
  for (const t of found) {
    if (taken.has(targetKey({ ...t, Port: newPort }))) {
      throw new ApiFault(
        'InvalidParameter',
        `${targetKey({ ...t, Port: newPort })} is already bound to ${locationId ?? listener.ListenerId}.`,
      );
    }
  }
  notBusy(ctx, input.LoadBalancerId);
  startTask(ctx, 'ModifyTargetPort', input.LoadBalancerId, {
    kind: 'targets',
    commit: () => {
      for (const target of found) target.Port = newPort;
    },
  });
  return {};
};

// ---- reads ----------------------------------------------------------------------------------

function backend(ctx: ActionContext, t: BoundTarget): Record<string, unknown> {
  const instance = t.InstanceId ? ctx.store.targets.instances.get(t.InstanceId) : undefined;
  return {
    Type: t.InstanceId ? 'CVM' : 'ENI',
    InstanceId: t.InstanceId ?? '',
    Port: t.Port,
    Weight: t.Weight,
    PublicIpAddresses: [],
    PrivateIpAddresses: [ctx.store.targets.privateIp(t)],
    InstanceName: instance?.InstanceName ?? '',
    RegisteredTime: t.RegisteredTime,
    EniId: null,
    Tag: '',
    Zone: null,
  };
}

interface DescribeTargetsInput {
  LoadBalancerId: string;
  ListenerIds?: string[];
  Protocol?: string;
  Port?: number;
  Filters?: { Name: string; Values: string[] }[];
}

const describeTargets: ActionHandler = (body, ctx) => {
  const input = checkShape<DescribeTargetsInput>(body, {
    LoadBalancerId: 'string',
    ListenerIds: { array: 'string' },
    Protocol: 'string',
    Port: 'integer',
    Filters: { array: { object: { Name: 'string', Values: { array: 'string' } } } },
  });
  requireFields(body, ['LoadBalancerId']);
  if (input.ListenerIds && input.ListenerIds.length > 20)
    throw fault.length(`\`ListenerIds\` may hold at most 20 items, got ${input.ListenerIds.length}.`);
  loadBalancer(ctx, input.LoadBalancerId);
  const byLocation = input.Filters?.find((f) => f.Name === 'location-id')?.Values;
  const byIp = input.Filters?.find((f) => f.Name === 'private-ip-address')?.Values;
  const keep = (t: BoundTarget) =>
    (!byLocation || (t.LocationId !== null && byLocation.includes(t.LocationId))) &&
    (!byIp || byIp.includes(ctx.store.targets.privateIp(t)));
  const listeners = ctx.store
    .listenersOf(input.LoadBalancerId)
    .filter((l) => !input.ListenerIds || input.ListenerIds.includes(l.ListenerId))
    .filter((l) => input.Protocol === undefined || l.Protocol === input.Protocol.toUpperCase())
    .filter((l) => input.Port === undefined || l.Port === input.Port);
  return {
    Listeners: listeners.map((l) => {
      const head = { ListenerId: l.ListenerId, Protocol: l.Protocol, Port: l.Port, EndPort: typeof l.EndPort === 'number' ? l.EndPort : 0 };
      if (!L7.has(l.Protocol))
        return {
          ...head,
          Targets: ctx.store.targets
            .on(l.ListenerId, null)
            .filter(keep)
            .map((t) => backend(ctx, t)),
          Rules: null,
        };
      const rules = rulesOf(l).map((r) => ({
        ...r,
        Targets: ctx.store.targets
          .on(l.ListenerId, r.LocationId)
          .filter(keep)
          .map((t) => backend(ctx, t)),
        FunctionTargets: [],
      }));
      return { ...head, Targets: null, Rules: rules };
    }),
  };
};

const describeTargetHealth: ActionHandler = (body, ctx) => {
  const input = checkShape<{ LoadBalancerIds: string[]; ListenerIds?: string[]; LocationIds?: string[] }>(body, {
    LoadBalancerIds: { array: 'string' },
    ListenerIds: { array: 'string' },
    LocationIds: { array: 'string' },
  });
  requireFields(body, ['LoadBalancerIds']);
  if (input.LoadBalancerIds.length > 30)
    throw fault.length(`\`LoadBalancerIds\` may hold at most 30 items, got ${input.LoadBalancerIds.length}.`);
  for (const id of input.LoadBalancerIds) loadBalancer(ctx, id);
  const now = ctx.clock();
  const health = (t: BoundTarget) => {
    const detail = ctx.store.targets.health(t, now, ctx.config.targetHealthDelayMs);
    return {
      IP: ctx.store.targets.privateIp(t),
      Port: t.Port,
      HealthStatus: detail === 'Alive',
      TargetId: t.InstanceId ?? ctx.store.targets.privateIp(t),
      HealthStatusDetail: detail,
      HealthStatusDetial: detail,
      TargetGroupId: null,
      Weight: t.Weight,
    };
  };
  return {
    LoadBalancers: input.LoadBalancerIds.map((lbId) => ({
      LoadBalancerId: lbId,
      LoadBalancerName: ctx.store.loadBalancers.get(lbId)!.LoadBalancerName,
      Listeners: ctx.store
        .listenersOf(lbId)
        .filter((l) => !input.ListenerIds || input.ListenerIds.includes(l.ListenerId))
        .map((l) => {
          // A layer-4 listener answers with one entry whose LocationId is the listener's own id.
          const rules = L7.has(l.Protocol) ? rulesOf(l) : [{ LocationId: l.ListenerId, Domain: null, Url: null }];
          return {
            ListenerId: l.ListenerId,
            ListenerName: l.ListenerName,
            Protocol: l.Protocol,
            Port: l.Port,
            Rules: rules
              .filter((r) => !input.LocationIds || input.LocationIds.includes(r.LocationId))
              .map((r) => ({
                ...r,
                RuleId: null,
                Targets: ctx.store.targets.on(l.ListenerId, L7.has(l.Protocol) ? r.LocationId : null).map(health),
              })),
          };
        }),
    })),
  };
};

export const TARGET_ACTIONS: Readonly<Record<(typeof CLB_TARGET_ACTIONS)[number], ActionHandler>> = {
  RegisterTargets: registerTargets,
  DeregisterTargets: deregisterTargets,
  ModifyTargetWeight: modifyTargetWeight,
  ModifyTargetPort: modifyTargetPort,
  DescribeTargets: describeTargets,
  DescribeTargetHealth: describeTargetHealth,
};
