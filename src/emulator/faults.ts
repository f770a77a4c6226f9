/**
 * Fault injection. Rules queue up in the order they were added; each matching request (or, for
 * the task kinds, each matching task as it is created) uses up the first rule that fits.
 */
import type { FaultKind, FaultRule, TaskFaultKind, TransportFaultKind } from './types.js';
import { isPlainObject } from '../core/json.js';

const TRANSPORT_KINDS: readonly TransportFaultKind[] = ['latency', 'http5xx', 'drop', 'malformed', 'hang', 'apiError'];
const TASK_KINDS: readonly TaskFaultKind[] = ['taskFail', 'taskHang'];
const RULE_FIELDS = new Set(['action', 'kind', 'times', 'latencyMs', 'status', 'message', 'processed', 'code']);

interface QueuedRule {
  rule: FaultRule;
  /** -1 = forever. */
  remaining: number;
}

/** Checks one rule from the control surface; throws an Error whose message says what is wrong. */
export function parseFaultRule(value: unknown, index: number): FaultRule {
  const at = `rules[${index}]`;
  if (!isPlainObject(value)) throw new Error(`${at} must be an object`);
  const rule = value as Record<string, unknown>;
  const unknown = Object.keys(rule).find((key) => !RULE_FIELDS.has(key));
  if (unknown) throw new Error(`${at}.${unknown} is not a fault rule field`);
  const kinds: readonly string[] = [...TRANSPORT_KINDS, ...TASK_KINDS];
  if (typeof rule.kind !== 'string' || !kinds.includes(rule.kind)) throw new Error(`${at}.kind must be one of ${kinds.join(', ')}`);
  if (rule.action !== undefined && typeof rule.action !== 'string') throw new Error(`${at}.action must be a string`);
  if (rule.times !== undefined && !(rule.times === -1 || (Number.isInteger(rule.times) && (rule.times as number) >= 1))) {
    throw new Error(`${at}.times must be a positive integer or -1 (forever)`);
  }
  if (rule.latencyMs !== undefined && !(Number.isInteger(rule.latencyMs) && (rule.latencyMs as number) >= 0)) {
    throw new Error(`${at}.latencyMs must be a non-negative integer`);
  }
  if (rule.status !== undefined && !(Number.isInteger(rule.status) && (rule.status as number) >= 400 && (rule.status as number) <= 599)) {
    throw new Error(`${at}.status must be an HTTP status from 400 to 599`);
  }
  if (rule.message !== undefined && typeof rule.message !== 'string') throw new Error(`${at}.message must be a string`);
  if (rule.code !== undefined && (typeof rule.code !== 'string' || !/^[A-Za-z]+(\.[A-Za-z0-9]+)*$/.test(rule.code))) {
    throw new Error(`${at}.code must be an API error code such as InternalError or AuthFailure.TokenFailure`);
  }
  if (rule.kind === 'apiError' && rule.code === undefined) throw new Error(`${at}.code is required for kind apiError`);
  if (rule.processed !== undefined && typeof rule.processed !== 'boolean') throw new Error(`${at}.processed must be a boolean`);
  return rule as unknown as FaultRule;
}

export class FaultQueue {
  private queue: QueuedRule[] = [];

  add(rules: readonly FaultRule[]): void {
    for (const rule of rules) this.queue.push({ rule: { ...rule }, remaining: rule.times ?? 1 });
  }

  clear(): void {
    this.queue = [];
  }

  /** The rules not yet used up, with `times` showing what is left. */
  list(): FaultRule[] {
    return this.queue.map(({ rule, remaining }) => ({ ...rule, times: remaining }));
  }

  /** Uses up the first transport rule matching a request for `action`. */
  takeTransport(action: string): (FaultRule & { kind: TransportFaultKind }) | undefined {
    return this.take(action, TRANSPORT_KINDS) as (FaultRule & { kind: TransportFaultKind }) | undefined;
  }

  /** Uses up the first task rule matching a task created by `action`. */
  takeTask(action: string): FaultRule | undefined {
    return this.take(action, TASK_KINDS);
  }

  private take(action: string, kinds: readonly FaultKind[]): FaultRule | undefined {
    const index = this.queue.findIndex(({ rule }) => kinds.includes(rule.kind) && (rule.action === undefined || rule.action === action));
    const entry = this.queue[index];
    if (!entry) return undefined;
    if (entry.remaining > 0 && --entry.remaining === 0) this.queue.splice(index, 1);
    return entry.rule;
  }
}
