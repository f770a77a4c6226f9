/**
 * A next step for the API errors people meet most, added to the error before it is rendered:
 * which listener holds a port, what to do at the quota, a busy load balancer, bad credentials.
 */
import { ApiError, english } from '../core/errors.js';
import { type Message, message, type Text } from '../core/i18n.js';
import { API_HINTS } from './api-hints.messages.js';
import type { ClbClient } from '../api/client.js';
import { describeListeners, describeLoadBalancers } from '../api/clb.js';
import { say, type Language } from '../core/i18n.js';
import { USAGE_TEXTS } from '../core/usage-texts.js';
import type { GlobalOptions } from '../core/context.js';
import { suggestCommand } from './command-line.js';
import { portsInTheWay, type PortHolder } from '../model/ports.js';
import type { CreateListenerRequest } from '../model/fields.js';
import { describePortConflict } from './port-conflicts.js';

const STATIC_HINTS: Record<string, Text> = {
  'AuthFailure.SignatureFailure': API_HINTS['AuthFailure.SignatureFailure'],
  'AuthFailure.SecretIdNotFound': API_HINTS['AuthFailure.SecretIdNotFound'],
  'AuthFailure.SignatureExpire': API_HINTS['AuthFailure.SignatureExpire'],
  'AuthFailure.TokenFailure': API_HINTS['AuthFailure.TokenFailure'],
  'AuthFailure.UnauthorizedOperation': API_HINTS['AuthFailure.UnauthorizedOperation'],
  LimitExceeded: API_HINTS.LimitExceeded,
  'InvalidParameter.LBIdNotFound': API_HINTS['InvalidParameter.LBIdNotFound'],
  RequestLimitExceeded: API_HINTS.RequestLimitExceeded,
};

export interface HintContext {
  globals: Partial<GlobalOptions>;
  client?: ClbClient;
  loadBalancerId?: string;
  /** The create that was refused, for PortCheckFailed: which of its ports are held, and by whom. */
  request?: Pick<CreateListenerRequest, 'Ports' | 'Protocol' | 'EndPort' | 'ListenerNames'>;
  /** The create ran with --if-not-exists (listeners as asked are kept, so never suggested). */
  ifNotExists?: boolean;
  action?: string;
  /** The run's language, for the hints written in the catalogue. */
  language?: Language;
}

/** Hints that depend on what the command was doing. */
function contextualHint(error: ApiError, context: HintContext): Message | undefined {
  const list = context.loadBalancerId ? suggestCommand(context.globals, 'list', '--lb', context.loadBalancerId) : undefined;
  if (error.code === 'InvalidParameter.ListenerIdNotFound' && list) return message(API_HINTS.seeListeners, { command: list });
  if (error.code === 'FailedOperation.ResourceInOperating') return busyHint(error, context);
  // DeleteLoadBalancerListeners documents no ListenerIdNotFound: an unknown id is plain InvalidParameter.
  if (error.action.startsWith('Delete') && error.code === 'InvalidParameter' && list) {
    return message(API_HINTS.checkIds, { command: list });
  }
  if (error.action === 'DescribeTaskStatus' && error.code.startsWith('InvalidParameter')) {
    return message(API_HINTS.taskIdRegion);
  }
  return undefined;
}

/** A task id (a RequestId: a UUID) named in the API's message, when there is one. */
const TASK_ID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/**
 * The load balancer was still busy after the client's retries: the task in the way, when the API
 * named it, can be waited for; otherwise say what may be holding it.
 */
function busyHint(error: ApiError, context: HintContext): Message {
  const lb = context.loadBalancerId ?? API_HINTS.theLoadBalancer;
  const task = TASK_ID.exec(error.apiMessage)?.[0];
  if (task) return message(API_HINTS.busyWithTask, { lb, task, command: suggestCommand(context.globals, 'wait', task) });
  return message(API_HINTS.busy, { lb });
}

export async function addHint(error: unknown, context: HintContext): Promise<unknown> {
  if (!(error instanceof ApiError) || error.hint) return error;
  const staticHint =
    STATIC_HINTS[error.code] ?? (error.code.startsWith('RequestLimitExceeded') ? STATIC_HINTS.RequestLimitExceeded : undefined);
  const hint = staticHint ? message(staticHint) : contextualHint(error, context);
  if (hint) return error.with({ hint });
  if (error.code === 'InvalidParameter.PortCheckFailed' && context.client && context.loadBalancerId && context.request) {
    return error.with({ hint: await describePortHolders(context.client, context.loadBalancerId, context.request, context) });
  }
  // CreateListener answers an unknown load balancer with plain InvalidParameter (docs/api/create-listener.md).
  if (error.code === 'InvalidParameter' && error.action === 'CreateListener' && context.client && context.loadBalancerId) {
    const hint = await unknownLoadBalancerHint(context.client, context.loadBalancerId, context.language ?? 'en');
    if (hint) return error.with({ hint });
  }
  return error;
}

/** At most this many of the account's load balancers are named in the hint. */
const LOAD_BALANCERS_NAMED = 5;

/**
 * When the load balancer does not exist in this region (one DescribeLoadBalancers read, after the
 * refusal), the ones that do: a mistyped id, or an example's id against the emulator, is then
 * plain. Undefined when it exists (the refusal is about something else) or the reads fail.
 */
async function unknownLoadBalancerHint(client: ClbClient, loadBalancerId: string, language: Language): Promise<string | undefined> {
  try {
    const named = await describeLoadBalancers(client, { LoadBalancerIds: [loadBalancerId] });
    if ((named.TotalCount ?? named.LoadBalancerSet?.length ?? 0) > 0) return undefined;
    const some = await describeLoadBalancers(client, { Limit: LOAD_BALANCERS_NAMED });
    const ids = (some.LoadBalancerSet ?? []).map((lb) => lb.LoadBalancerId).filter((id): id is string => typeof id === 'string');
    const region = client.region;
    if (ids.length === 0) return say(language, USAGE_TEXTS.noLoadBalancers, { id: loadBalancerId, region });
    const more = (some.TotalCount ?? ids.length) > ids.length ? ', …' : '';
    return say(language, USAGE_TEXTS.unknownLoadBalancer, { id: loadBalancerId, region, ids: `${ids.join(', ')}${more}` });
  } catch {
    return undefined;
  }
}

/** PortCheckFailed: the listeners read again, to name the holders and the one fix that fits. */
async function describePortHolders(
  client: ClbClient,
  loadBalancerId: string,
  request: NonNullable<HintContext['request']>,
  { globals, ifNotExists }: HintContext,
): Promise<string> {
  const fallback = english(
    message(API_HINTS.portInUse, { lb: loadBalancerId, command: suggestCommand(globals, 'list', '--lb', loadBalancerId) }),
  );
  try {
    const { Listeners } = await describeListeners(client, { LoadBalancerId: loadBalancerId });
    const inTheWay = portsInTheWay(request, (Listeners ?? []) as PortHolder[]);
    if (inTheWay.length === 0) return fallback;
    const { summary, hint } = describePortConflict(loadBalancerId, request.EndPort, inTheWay, globals, ifNotExists ? { ifNotExists } : {});
    return `${summary}: ${hint}`;
  } catch {
    return fallback;
  }
}
