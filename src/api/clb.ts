/**
 * The CLB actions this tool uses, typed. Replies are parsed with zod so a malformed answer becomes
 * a clear error naming the action and the field, never a crash deep in the caller.
 */
import type * as z from 'zod/mini';
import type * as Replies from './replies.js';
import { isReadOnlyAction, type ApiResponse, type CallOptions, type ClbClient } from './client.js';
import { NetworkError, UsageError } from '../core/errors.js';
import { message } from '../core/i18n.js';
import { NETWORK } from './network.messages.js';
import type { CreateListenerRequest } from '../model/fields.js';

type ReplyName = {
  [K in keyof typeof Replies]: (typeof Replies)[K] extends z.ZodMiniType ? K : never;
}[keyof typeof Replies];

/** An action's reply schema, loaded (with zod) when the first reply is to be checked. */
export const reply =
  <K extends ReplyName>(name: K) =>
  async (): Promise<(typeof Replies)[K]> =>
    (await import('./replies.js'))[name];

export type CreateListenerResult = z.infer<typeof Replies.CreateListener>;
export type TaskStatusResult = z.infer<typeof Replies.DescribeTaskStatus>;
export type ListenerSummary = z.infer<typeof Replies.Listener>;
export type DescribeListenersResult = z.infer<typeof Replies.DescribeListeners>;
export type DescribeLoadBalancersResult = z.infer<typeof Replies.DescribeLoadBalancers>;
export type LoadBalancerSummary = z.infer<typeof Replies.LoadBalancer>;
export type RuleSummary = z.infer<typeof Replies.RuleOutput>;
export type CreateRuleResult = z.infer<typeof Replies.CreateRule>;

function parseReply<T>(schema: z.ZodMiniType<T>, action: string, reply: ApiResponse): T {
  const parsed = schema.safeParse(reply);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the response';
  throw new NetworkError(message(NETWORK.unexpectedResponse, { action, where, issue: issue?.message ?? 'invalid' }), action, {
    requestId: reply.RequestId,
    hint: message(NETWORK.notClbApi),
    // The write was answered, so it may have been applied, whatever the answer looked like.
    mayHaveApplied: !isReadOnlyAction(action),
  });
}

/** Calls an action and checks its reply against `schema`, which loads while the request is out. */
export async function invoke<T>(
  client: ClbClient,
  schema: () => Promise<z.ZodMiniType<T>>,
  action: string,
  params: object,
  options?: CallOptions,
): Promise<T> {
  const loading = schema();
  // A failure to load is reported once the reply is in, so the request's own outcome comes first.
  loading.catch(() => {});
  const answer = await client.call(action, params, options);
  return parseReply(await loading, action, answer);
}

/**
 * Asynchronous: the listeners are usable once DescribeTaskStatus(RequestId) reports 0. Takes the
 * request the model typed and validated (with --no-validate it may carry fields newer than the model).
 */
export function createListener(client: ClbClient, params: CreateListenerRequest, options?: CallOptions): Promise<CreateListenerResult> {
  return invoke(client, reply('CreateListener'), 'CreateListener', params, options);
}

/**
 * Asynchronous, like CreateListener: the change is made once DescribeTaskStatus(RequestId)
 * reports 0. `params` holds LoadBalancerId, ListenerId and the fields to change (docs/api/modify-listener.md).
 */
export function modifyListener(client: ClbClient, params: object, options?: CallOptions): Promise<{ RequestId: string }> {
  return invoke(client, reply('ModifyListener'), 'ModifyListener', params, options);
}

export function describeTaskStatus(client: ClbClient, taskId: string, options?: CallOptions): Promise<TaskStatusResult> {
  return invoke(client, reply('DescribeTaskStatus'), 'DescribeTaskStatus', { TaskId: taskId }, options);
}

export interface ListenerFilter {
  LoadBalancerId: string;
  ListenerIds?: string[];
  Protocol?: string;
  Port?: number;
}

export function describeListeners(client: ClbClient, filter: ListenerFilter, options?: CallOptions): Promise<DescribeListenersResult> {
  return invoke(client, reply('DescribeListeners'), 'DescribeListeners', filter, options);
}

/**
 * Asynchronous. Refuses an empty id list: the API reads a missing list as "delete every
 * listener of this load balancer", which no caller of this function ever means.
 */
export function deleteLoadBalancerListeners(
  client: ClbClient,
  loadBalancerId: string,
  listenerIds: readonly string[],
  options?: CallOptions,
): Promise<{ RequestId: string }> {
  if (listenerIds.length === 0) {
    throw new UsageError(message(NETWORK.emptyListenerIds), '--listener-id');
  }
  return invoke(
    client,
    reply('DeleteLoadBalancerListeners'),
    'DeleteLoadBalancerListeners',
    { LoadBalancerId: loadBalancerId, ListenerIds: [...listenerIds] },
    options,
  );
}

export function describeLoadBalancers(
  client: ClbClient,
  filter: { LoadBalancerIds?: string[]; SearchKey?: string; Offset?: number; Limit?: number } = {},
  options?: CallOptions,
): Promise<DescribeLoadBalancersResult> {
  return invoke(client, reply('DescribeLoadBalancers'), 'DescribeLoadBalancers', filter, options);
}

// ---- forwarding rules of HTTP/HTTPS listeners (docs/api/rules.md) ---------------------------

/** The listener a rule write is about. */
export interface RuleTarget {
  LoadBalancerId: string;
  ListenerId: string;
}

/**
 * Asynchronous: the rules are usable once DescribeTaskStatus(RequestId) reports 0. One call may
 * carry several rules; LocationIds come back in the order of `rules`.
 */
export function createRule(
  client: ClbClient,
  target: RuleTarget,
  rules: readonly object[],
  options?: CallOptions,
): Promise<CreateRuleResult> {
  return invoke(client, reply('CreateRule'), 'CreateRule', { ...target, Rules: [...rules] }, options);
}

/** Asynchronous. `changes`: Url, HealthCheck, Scheduler, SessionExpireTime, ForwardType, CookieName… */
export function modifyRule(
  client: ClbClient,
  target: RuleTarget & { LocationId: string },
  changes: object,
  options?: CallOptions,
): Promise<{ RequestId: string }> {
  return invoke(client, reply('RuleTask'), 'ModifyRule', { ...target, ...changes }, options);
}

/**
 * Asynchronous. Refuses an empty id list: without ids the API would go by Domain and Url, which
 * this call never sends.
 */
export function deleteRules(
  client: ClbClient,
  target: RuleTarget,
  locationIds: readonly string[],
  extra: { NewDefaultServerDomain?: string } = {},
  options?: CallOptions,
): Promise<{ RequestId: string }> {
  if (locationIds.length === 0) throw new UsageError(message(NETWORK.emptyRuleIds), '--location-id');
  return invoke(client, reply('RuleTask'), 'DeleteRule', { ...target, LocationIds: [...locationIds], ...extra }, options);
}

/** Asynchronous. Domain-level settings of every rule of `Domain`: certificate, Http2, Quic, DefaultServer, the domain's name. */
export function modifyDomainAttributes(
  client: ClbClient,
  target: RuleTarget & { Domain: string },
  changes: object,
  options?: CallOptions,
): Promise<{ RequestId: string }> {
  return invoke(client, reply('RuleTask'), 'ModifyDomainAttributes', { ...target, ...changes }, options);
}
