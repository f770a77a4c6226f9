/**
 * The CLB actions this tool uses, typed. Replies are parsed with zod so a malformed answer becomes
 * a clear error naming the action and the field, never a crash deep in the caller.
 */
import { z } from './zod.js';
import { isReadOnlyAction, type ApiResponse, type CallOptions, type ClbClient } from './client.js';
import { NetworkError, UsageError } from '../core/errors.js';
import type { CreateListenerRequest } from '../model/fields.js';

const RequestId = z.string().min(1);

export const CreateListenerResponse = z.looseObject({ ListenerIds: z.array(z.string()), RequestId });
export const DescribeTaskStatusResponse = z.looseObject({
  Status: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  Message: z.string().nullish(),
  LoadBalancerIds: z.array(z.string()).nullish(),
  RequestId,
});

const Listener = z.looseObject({
  ListenerId: z.string(),
  Protocol: z.string(),
  Port: z.number().int(),
  ListenerName: z.string().nullish(),
  EndPort: z.number().int().nullish(),
  CreateTime: z.string().nullish(),
});
export const DescribeListenersResponse = z.looseObject({
  Listeners: z.array(Listener).nullish(),
  TotalCount: z.number().int().nullish(),
  RequestId,
});
export const DeleteLoadBalancerListenersResponse = z.looseObject({ RequestId });
const LoadBalancer = z.looseObject({
  LoadBalancerId: z.string(),
  LoadBalancerName: z.string().nullish(),
  /** OPEN (public) or INTERNAL. */
  LoadBalancerType: z.string().nullish(),
  LoadBalancerVips: z.array(z.string()).nullish(),
  /** 1 = CLB, 0 = classic CLB. */
  Forward: z.number().int().nullish(),
});
export const DescribeLoadBalancersResponse = z.looseObject({
  LoadBalancerSet: z.array(LoadBalancer).nullish(),
  TotalCount: z.number().int().nullish(),
  RequestId,
});

export type CreateListenerResult = z.infer<typeof CreateListenerResponse>;
export type TaskStatusResult = z.infer<typeof DescribeTaskStatusResponse>;
export type ListenerSummary = z.infer<typeof Listener>;
export type DescribeListenersResult = z.infer<typeof DescribeListenersResponse>;
export type DescribeLoadBalancersResult = z.infer<typeof DescribeLoadBalancersResponse>;
export type LoadBalancerSummary = z.infer<typeof LoadBalancer>;

function parseReply<T>(schema: z.ZodType<T>, action: string, reply: ApiResponse): T {
  const parsed = schema.safeParse(reply);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the response';
  throw new NetworkError(`${action}: unexpected response (${where}: ${issue?.message ?? 'invalid'})`, action, {
    requestId: reply.RequestId,
    hint: 'the endpoint may not be the CLB API; check --endpoint',
    // The write was answered, so it may have been applied, whatever the answer looked like.
    mayHaveApplied: !isReadOnlyAction(action),
  });
}

export async function invoke<T>(
  client: ClbClient,
  schema: z.ZodType<T>,
  action: string,
  params: object,
  options?: CallOptions,
): Promise<T> {
  return parseReply(schema, action, await client.call(action, params, options));
}

/**
 * Asynchronous: the listeners are usable once DescribeTaskStatus(RequestId) reports 0. Takes the
 * request the model typed and validated (with --no-validate it may carry fields newer than the model).
 */
export function createListener(client: ClbClient, params: CreateListenerRequest, options?: CallOptions): Promise<CreateListenerResult> {
  return invoke(client, CreateListenerResponse, 'CreateListener', params, options);
}

export function describeTaskStatus(client: ClbClient, taskId: string, options?: CallOptions): Promise<TaskStatusResult> {
  return invoke(client, DescribeTaskStatusResponse, 'DescribeTaskStatus', { TaskId: taskId }, options);
}

export interface ListenerFilter {
  LoadBalancerId: string;
  ListenerIds?: string[];
  Protocol?: string;
  Port?: number;
}

export function describeListeners(client: ClbClient, filter: ListenerFilter, options?: CallOptions): Promise<DescribeListenersResult> {
  return invoke(client, DescribeListenersResponse, 'DescribeListeners', filter, options);
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
    throw new UsageError('refusing to delete with an empty listener id list: the API would delete every listener', '--listener-id');
  }
  return invoke(
    client,
    DeleteLoadBalancerListenersResponse,
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
  return invoke(client, DescribeLoadBalancersResponse, 'DescribeLoadBalancers', filter, options);
}
