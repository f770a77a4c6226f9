/**
 * The CLB actions the emulator implements. Each takes the parsed JSON body and returns the
 * Response fields (the gateway adds RequestId), or throws an ApiFault.
 *
 * Writes are asynchronous like the real API: they return at once with a task keyed by their
 * RequestId, and lock the load balancer (FailedOperation.ResourceInOperating) until it ends.
 */
import { ApiFault, fault } from './api-error.js';
import { newListenerId } from './ids.js';
import { apiListener, buildListeners, portSpan, transportOf } from './listeners.js';
import { checkShape, requireFields, type Shape } from './params.js';
import { normalizeProtocol, PROTOCOLS, validateCreateListener, type CreateListenerInput } from './rules.js';
import type { Store, TaskEffect } from './state.js';
import { formatCreateTime } from './time.js';
import type { FaultQueue } from './faults.js';
import type { EmulatorKey, ListenerView, RuntimeConfig } from './types.js';
import { modifyPatch, parseModifyListener } from './modify.js';
import type { CLB_ACTIONS, CLB_RULE_ACTIONS, CLB_TARGET_ACTIONS } from './catalog.js';

export interface ActionContext {
  store: Store;
  config: RuntimeConfig;
  faults: FaultQueue;
  /** This request's RequestId, which is also the TaskId of any task it starts. */
  requestId: string;
  clock: () => number;
  /** Adds a key pair the emulator then accepts (STS's temporary keys). */
  issueKey: (key: EmulatorKey) => void;
}

type Body = Record<string, unknown>;
export type ActionHandler = (body: Body, ctx: ActionContext) => Record<string, unknown>;

const DEFAULT_TASK_FAILURE = 'The task failed (fault injected by the emulator).';

export function loadBalancer(ctx: ActionContext, id: string): void {
  if (!ctx.store.loadBalancers.has(id)) {
    throw new ApiFault('InvalidParameter.LBIdNotFound', `The load balancer ${id} does not exist in this region.`);
  }
}

export function notBusy(ctx: ActionContext, loadBalancerId: string): void {
  const running = ctx.store.runningTaskOn(loadBalancerId);
  if (running) {
    throw new ApiFault(
      'FailedOperation.ResourceInOperating',
      `The load balancer ${loadBalancerId} is being operated on by task ${running.TaskId}; try again later.`,
    );
  }
}

export function startTask(ctx: ActionContext, action: string, loadBalancerId: string, effect: TaskEffect): void {
  const injected = ctx.faults.takeTask(action);
  ctx.store.addTask({
    TaskId: ctx.requestId,
    Action: action,
    LoadBalancerId: loadBalancerId,
    delayMs: ctx.config.taskDelayMs,
    hang: injected?.kind === 'taskHang',
    failWith: injected?.kind === 'taskFail' ? (injected.message ?? DEFAULT_TASK_FAILURE) : null,
    effect,
  });
}

function maxCount(name: string, values: readonly unknown[] | undefined, max: number): void {
  if (values && values.length > max) throw fault.length(`\`${name}\` may hold at most ${max} items, got ${values.length}.`);
}

/** Case-insensitive, like Protocol in CreateListener. */
function protocolFilter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const protocol = normalizeProtocol(value);
  if (!protocol) throw fault.value(`The value of \`Protocol\` must be one of ${PROTOCOLS.join(', ')}.`);
  return protocol;
}

// ---- CreateListener ----------------------------------------------------------------------

function checkPortsFree(input: CreateListenerInput, listeners: readonly ListenerView[]): void {
  const transport = transportOf(input.Protocol);
  const existing = listeners.filter((l) => transportOf(l.Protocol) === transport);
  for (const port of input.Ports) {
    const [start, end] = portSpan({ Port: port, EndPort: input.EndPort });
    const holder = existing.find((l) => {
      const [from, to] = portSpan(l);
      return start <= to && from <= end;
    });
    if (holder) {
      throw new ApiFault(
        'InvalidParameter.PortCheckFailed',
        `Port ${port}/${transport.toUpperCase()} is already used by listener ${holder.ListenerId} (${holder.Protocol}:${holder.Port}) on ${input.LoadBalancerId}.`,
      );
    }
  }
}

const createListener: ActionHandler = (body, ctx) => {
  const input = validateCreateListener(body);
  loadBalancer(ctx, input.LoadBalancerId);
  notBusy(ctx, input.LoadBalancerId);
  const listeners = ctx.store.listenersOf(input.LoadBalancerId);
  checkPortsFree(input, listeners);
  if (listeners.length + input.Ports.length > ctx.config.listenerQuota) {
    throw new ApiFault(
      'LimitExceeded',
      `The load balancer ${input.LoadBalancerId} has ${listeners.length} listeners; ${input.Ports.length} more would exceed its quota of ${ctx.config.listenerQuota}.`,
    );
  }
  const taken = new Set(ctx.store.allListeners().map((l) => l.ListenerId));
  const listenerIds = input.Ports.map(() => {
    let id = newListenerId();
    while (taken.has(id)) id = newListenerId();
    taken.add(id);
    return id;
  });
  ctx.store.addListeners(
    buildListeners(input, {
      loadBalancerId: input.LoadBalancerId,
      listenerIds,
      createTime: formatCreateTime(ctx.clock()),
      taskId: ctx.requestId,
      request: body,
      isCaCert: (id) => ctx.store.certificates.some((c) => c.CertificateId === id && c.CertificateType === 'CA'),
    }),
  );
  startTask(ctx, 'CreateListener', input.LoadBalancerId, { kind: 'create', listenerIds });
  return { ListenerIds: listenerIds };
};

// ---- ModifyListener ----------------------------------------------------------------------

const modifyListener: ActionHandler = (body, ctx) => {
  const input = parseModifyListener(body);
  // ModifyListener documents no LBIdNotFound/ListenerIdNotFound: unknown ids are InvalidParameter.
  if (!ctx.store.loadBalancers.has(input.LoadBalancerId)) {
    throw new ApiFault('InvalidParameter', `The load balancer ${input.LoadBalancerId} does not exist in this region.`);
  }
  const listener = ctx.store.listenersOf(input.LoadBalancerId).find((l) => l.ListenerId === input.ListenerId);
  if (!listener) throw new ApiFault('InvalidParameter', `The listener ${input.ListenerId} does not exist on ${input.LoadBalancerId}.`);
  const patch = modifyPatch(input, listener);
  notBusy(ctx, input.LoadBalancerId);
  startTask(ctx, 'ModifyListener', input.LoadBalancerId, { kind: 'modify', listenerId: input.ListenerId, patch });
  return {};
};

// ---- DescribeListeners -------------------------------------------------------------------

interface DescribeListenersInput {
  LoadBalancerId: string;
  ListenerIds?: string[];
  Protocol?: string;
  Port?: number;
}

const DESCRIBE_LISTENERS_SHAPE: Shape = { LoadBalancerId: 'string', ListenerIds: { array: 'string' }, Protocol: 'string', Port: 'integer' };

const describeListeners: ActionHandler = (body, ctx) => {
  const input = checkShape<DescribeListenersInput>(body, DESCRIBE_LISTENERS_SHAPE);
  requireFields(body, ['LoadBalancerId']);
  maxCount('ListenerIds', input.ListenerIds, 100);
  const protocol = protocolFilter(input.Protocol);
  if (input.Port !== undefined && (input.Port < 1 || input.Port > 65535)) throw fault.range('Port', '1–65535');
  loadBalancer(ctx, input.LoadBalancerId);
  const listeners = ctx.store
    .listenersOf(input.LoadBalancerId)
    .filter((l) => !input.ListenerIds || input.ListenerIds.includes(l.ListenerId))
    .filter((l) => !protocol || l.Protocol === protocol)
    .filter((l) => input.Port === undefined || l.Port === input.Port);
  return { Listeners: listeners.map(apiListener), TotalCount: listeners.length };
};

// ---- DeleteLoadBalancerListeners / DeleteListener ----------------------------------------

/** Shared by both deletes: checks the ids belong to the LB, locks it, and starts the task. */
function deleteListeners(ctx: ActionContext, action: string, loadBalancerId: string, ids: readonly string[] | undefined): void {
  loadBalancer(ctx, loadBalancerId);
  const present = ctx.store.listenersOf(loadBalancerId).map((l) => l.ListenerId);
  const missing = ids?.filter((id) => !present.includes(id)) ?? [];
  if (missing.length > 0) {
    throw new ApiFault('InvalidParameter.ListenerIdNotFound', `Listener(s) ${missing.join(', ')} not found on ${loadBalancerId}.`);
  }
  notBusy(ctx, loadBalancerId);
  // Omitted (or empty) ListenerIds means every listener of the load balancer, as in the real API.
  const targets = ids && ids.length > 0 ? [...new Set(ids)] : present;
  startTask(ctx, action, loadBalancerId, { kind: 'delete', listenerIds: targets });
}

const deleteLoadBalancerListeners: ActionHandler = (body, ctx) => {
  const input = checkShape<{ LoadBalancerId: string; ListenerIds?: string[] }>(body, {
    LoadBalancerId: 'string',
    ListenerIds: { array: 'string' },
  });
  requireFields(body, ['LoadBalancerId']);
  maxCount('ListenerIds', input.ListenerIds, 20);
  deleteListeners(ctx, 'DeleteLoadBalancerListeners', input.LoadBalancerId, input.ListenerIds);
  return {};
};

const deleteListener: ActionHandler = (body, ctx) => {
  const input = checkShape<{ LoadBalancerId: string; ListenerId: string }>(body, { LoadBalancerId: 'string', ListenerId: 'string' });
  requireFields(body, ['LoadBalancerId', 'ListenerId']);
  deleteListeners(ctx, 'DeleteListener', input.LoadBalancerId, [input.ListenerId]);
  return {};
};

// ---- DescribeLoadBalancers ---------------------------------------------------------------

interface DescribeLoadBalancersInput {
  LoadBalancerIds?: string[];
  LoadBalancerType?: string;
  Forward?: number;
  LoadBalancerName?: string;
  LoadBalancerVips?: string[];
  VpcId?: string;
  SearchKey?: string;
  Offset?: number;
  Limit?: number;
}

/** The documented inputs; the ones not modelled (backends, projects, zones…) are accepted and ignored. */
const DESCRIBE_LOAD_BALANCERS_SHAPE: Shape = {
  LoadBalancerIds: { array: 'string' },
  LoadBalancerType: 'string',
  Forward: 'integer',
  LoadBalancerName: 'string',
  Domain: 'string',
  LoadBalancerVips: { array: 'string' },
  BackendPublicIps: { array: 'string' },
  BackendPrivateIps: { array: 'string' },
  Offset: 'integer',
  Limit: 'integer',
  OrderBy: 'string',
  OrderType: 'integer',
  SearchKey: 'string',
  ProjectId: 'integer',
  WithRs: 'integer',
  VpcId: 'string',
  SecurityGroup: 'string',
  MasterZone: 'string',
  Filters: { array: { object: { Name: 'string', Values: { array: 'string' } } } },
  AdditionalFields: { array: 'string' },
};

const describeLoadBalancers: ActionHandler = (body, ctx) => {
  const input = checkShape<DescribeLoadBalancersInput>(body, DESCRIBE_LOAD_BALANCERS_SHAPE);
  maxCount('LoadBalancerIds', input.LoadBalancerIds, 20);
  if (input.Offset !== undefined && input.Offset < 0) throw fault.range('Offset', '>= 0');
  if (input.Limit !== undefined && (input.Limit < 1 || input.Limit > 100)) throw fault.range('Limit', '1–100');
  // SearchKey: a fuzzy match on the name or a VIP (the documented domain match has no domains to match here).
  const key = input.SearchKey?.toLowerCase();
  const matching = [...ctx.store.loadBalancers.values()].filter(
    (lb) =>
      (key === undefined || [lb.LoadBalancerName, ...lb.LoadBalancerVips].some((s) => s.toLowerCase().includes(key))) &&
      (!input.LoadBalancerIds || input.LoadBalancerIds.includes(lb.LoadBalancerId)) &&
      (input.LoadBalancerType === undefined || lb.LoadBalancerType === input.LoadBalancerType) &&
      (input.Forward === undefined || lb.Forward === input.Forward) &&
      (input.LoadBalancerName === undefined || lb.LoadBalancerName.includes(input.LoadBalancerName)) &&
      (input.LoadBalancerVips === undefined || lb.LoadBalancerVips.some((vip) => input.LoadBalancerVips!.includes(vip))) &&
      (input.VpcId === undefined || lb.VpcId === input.VpcId),
  );
  const offset = input.Offset ?? 0;
  return { TotalCount: matching.length, LoadBalancerSet: matching.slice(offset, offset + (input.Limit ?? 20)) };
};

// ---- DescribeTaskStatus ------------------------------------------------------------------

const describeTaskStatus: ActionHandler = (body, ctx) => {
  const input = checkShape<{ TaskId?: string; DealName?: string }>(body, { TaskId: 'string', DealName: 'string' });
  if (input.TaskId === undefined && input.DealName === undefined) throw fault.missing('TaskId');
  if (input.TaskId !== undefined && input.DealName !== undefined)
    throw new ApiFault('InvalidParameter', 'Give exactly one of `TaskId` and `DealName`.');
  // The emulator sells nothing, so no order (DealName) ever exists.
  const task = input.TaskId !== undefined ? ctx.store.task(input.TaskId) : undefined;
  if (!task) {
    const what = input.TaskId !== undefined ? `TaskId ${input.TaskId}` : `DealName ${input.DealName}`;
    throw new ApiFault('InvalidParameter', `${what} does not exist (a TaskId is the RequestId an asynchronous API returned).`);
  }
  return { Status: task.Status, Message: task.Message, LoadBalancerIds: [task.LoadBalancerId] };
};

/** The listener actions; the forwarding-rule ones are in rule-actions.ts, the backend ones in target-actions.ts. */
export const ACTIONS: Readonly<
  Record<Exclude<(typeof CLB_ACTIONS)[number], (typeof CLB_RULE_ACTIONS)[number] | (typeof CLB_TARGET_ACTIONS)[number]>, ActionHandler>
> = {
  CreateListener: createListener,
  ModifyListener: modifyListener,
  DescribeListeners: describeListeners,
  DeleteLoadBalancerListeners: deleteLoadBalancerListeners,
  DeleteListener: deleteListener,
  DescribeLoadBalancers: describeLoadBalancers,
  DescribeTaskStatus: describeTaskStatus,
};
