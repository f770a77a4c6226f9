/**
 * The backend actions, typed (docs/api/targets.md): binding targets to a listener (TCP, UDP,
 * TCP_SSL, QUIC) or to a forwarding rule of an HTTP/HTTPS listener, and reading them back with
 * their health. The writes are asynchronous: each answers a RequestId, which is the task to follow.
 */
import type * as z from 'zod/mini';
import type * as Replies from './replies.js';
import type { CallOptions, ClbClient } from './client.js';
import { invoke, reply } from './clb.js';
import { UsageError } from '../core/errors.js';
import { message } from '../core/i18n.js';
import { TARGET_CALLS } from './targets.messages.js';

/** At most this many targets in one RegisterTargets or DeregisterTargets call (the SDK's Targets field). */
export const TARGETS_PER_CALL = 20;

/** A target as the API takes it: exactly one of InstanceId and EniIp, the backend's Port, a Weight 0–100 (10 when left out). */
export interface ApiTarget {
  InstanceId?: string;
  EniIp?: string;
  Port: number;
  Weight?: number;
}

/** Where targets are bound: a listener, and for HTTP/HTTPS one of its rules (LocationId, else Domain + Url). */
export interface TargetPlace {
  LoadBalancerId: string;
  ListenerId: string;
  LocationId?: string;
  Domain?: string;
  Url?: string;
}

export type DescribeTargetsResult = z.infer<typeof Replies.DescribeTargets>;
export type ListenerBackends = z.infer<typeof Replies.ListenerBackend>;
export type BackendSummary = z.infer<typeof Replies.Backend>;
export type DescribeTargetHealthResult = z.infer<typeof Replies.DescribeTargetHealth>;
export type TargetHealthSummary = z.infer<typeof Replies.TargetHealth>;

/** Exactly the place's API fields (a caller's place may carry more, such as a label). */
function placeOf(place: TargetPlace): TargetPlace {
  return {
    LoadBalancerId: place.LoadBalancerId,
    ListenerId: place.ListenerId,
    ...(place.LocationId !== undefined ? { LocationId: place.LocationId } : {}),
    ...(place.LocationId === undefined && place.Domain !== undefined ? { Domain: place.Domain, Url: place.Url } : {}),
  };
}

function chunkOf(targets: readonly ApiTarget[], action: string): ApiTarget[] {
  if (targets.length === 0) throw new UsageError(message(TARGET_CALLS.noTargets, { action }));
  if (targets.length > TARGETS_PER_CALL)
    throw new UsageError(message(TARGET_CALLS.tooMany, { action, max: TARGETS_PER_CALL, count: targets.length }));
  return targets.map((t) => ({ ...t }));
}

/** One asynchronous target write: the place, 1–20 targets, and any further fields; answers the task's RequestId. */
function targetTask(
  client: ClbClient,
  action: string,
  place: TargetPlace,
  targets: readonly ApiTarget[],
  options?: CallOptions,
  more: object = {},
): Promise<{ RequestId: string }> {
  return invoke(client, reply('TargetTask'), action, { ...placeOf(place), Targets: chunkOf(targets, action), ...more }, options);
}

/** The targets named by identity alone (InstanceId or EniIp, Port), without their Weight. */
function identitiesOf(targets: readonly ApiTarget[]): ApiTarget[] {
  return targets.map(({ Weight: _, ...identity }) => identity);
}

/** Asynchronous. 1–20 targets; more must be split by the caller (each chunk its own task). */
export function registerTargets(
  client: ClbClient,
  place: TargetPlace,
  targets: readonly ApiTarget[],
  options?: CallOptions,
): Promise<{ RequestId: string }> {
  return targetTask(client, 'RegisterTargets', place, targets, options);
}

/** Asynchronous. 1–20 targets, named by identity (InstanceId or EniIp, Port). */
export function deregisterTargets(
  client: ClbClient,
  place: TargetPlace,
  targets: readonly ApiTarget[],
  options?: CallOptions,
): Promise<{ RequestId: string }> {
  return targetTask(client, 'DeregisterTargets', place, identitiesOf(targets), options);
}

/** Asynchronous. Each target carries its new Weight. */
export function modifyTargetWeight(
  client: ClbClient,
  place: TargetPlace,
  targets: readonly (ApiTarget & { Weight: number })[],
  options?: CallOptions,
): Promise<{ RequestId: string }> {
  return targetTask(client, 'ModifyTargetWeight', place, targets, options);
}

/** Asynchronous. Moves the targets (named by their current identity) to `newPort`. */
export function modifyTargetPort(
  client: ClbClient,
  place: TargetPlace,
  targets: readonly ApiTarget[],
  newPort: number,
  options?: CallOptions,
): Promise<{ RequestId: string }> {
  return targetTask(client, 'ModifyTargetPort', place, identitiesOf(targets), options, { NewPort: newPort });
}

/** The targets of a load balancer's listeners (at most 20 ListenerIds a call; all listeners without). */
export function describeTargets(
  client: ClbClient,
  filter: { LoadBalancerId: string; ListenerIds?: string[] },
  options?: CallOptions,
): Promise<DescribeTargetsResult> {
  return invoke(client, reply('DescribeTargets'), 'DescribeTargets', filter, options);
}

/** Health of the targets of up to 30 load balancers, narrowed to some listeners. */
export function describeTargetHealth(
  client: ClbClient,
  filter: { LoadBalancerIds: string[]; ListenerIds?: string[] },
  options?: CallOptions,
): Promise<DescribeTargetHealthResult> {
  return invoke(client, reply('DescribeTargetHealth'), 'DescribeTargetHealth', filter, options);
}
