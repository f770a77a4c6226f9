/**
 * Carries out a plan's writes: one worker per load balancer, each sending its writes one at a
 * time and waiting for each task (a load balancer runs one task at a time), all load balancers at
 * once. Requests are paced by the process-wide limiter. A write whose answer is lost is
 * reconciled by reading, never sent again. After a failure on a load balancer its remaining
 * writes are not tried; other load balancers go on.
 */
import type { ClbClient } from '../../../api/client.js';
import { createListener, deleteLoadBalancerListeners, describeListeners, modifyListener } from '../../../api/clb.js';
import { TaskTiming, waitForTaskLearning } from '../../../api/task-timing.js';
import { ApiError, CliError, InterruptedError, TaskFailedError, WaitTimeoutError } from '../../../core/errors.js';
import { compareListener, type ReportedListener } from '../../../model/compare.js';
import type { PortHolder } from '../../../model/ports.js';
import { answerWasLost, readUntilWritten, reconcileCreate, RECONCILE_TIMEOUT_MS } from '../../reconcile.js';
import type { Operation, PlanItem, ReportedByLb } from './plan.js';
import { message as message_, render, type Message, type Params, type Text } from '../../../core/i18n.js';
import { DETAILS } from './apply-details.messages.js';

export type ItemStatus = 'done' | 'failed' | 'unknown' | 'not tried';

export interface ItemResult {
  status: ItemStatus;
  listenerId: string | null;
  /** Why it failed or is unknown; for a lost answer that was reconciled, a note (English: -o json's). */
  detail?: string;
  /** The same, as a catalogue message for the text in the run's language. */
  detailText?: Message;
}

export type ExecutionEvent =
  | { type: 'start'; loadBalancerId: string; operation: Operation }
  | { type: 'end'; loadBalancerId: string; operation: Operation; status: ItemStatus; detail?: string; detailText?: Message }
  | { type: 'done'; loadBalancerId: string; elapsedMs: number; failed: boolean };

export interface ExecuteOptions {
  client: ClbClient;
  /** Ctrl-C: no new write starts; the running one is reconciled or reported. */
  signal: AbortSignal;
  /** How long to wait for one task. */
  taskTimeoutMs: number;
  /** What DescribeListeners showed when the plan was made, per load balancer. */
  reported: ReportedByLb;
  onEvent?: (event: ExecutionEvent) => void;
}

type Outcome = { status: ItemStatus; ids?: (string | null)[]; detail?: string; detailText?: Message };

/** An outcome's detail, in English and as a message. */
function detailOf(text: Text, params: Params): { detail: string; detailText: Message } {
  const detailText = message_(text, params);
  return { detail: render('en', detailText), detailText };
}

function message(error: unknown): string {
  if (error instanceof ApiError) return `${error.code}: ${error.apiMessage}`;
  return error instanceof Error ? error.message : String(error);
}

class Worker {
  private readonly timing = { create: new TaskTiming(), modify: new TaskTiming(), delete: new TaskTiming() };

  constructor(private readonly options: ExecuteOptions) {}

  /**
   * When the API took the write on: about halfway through the round trip of the attempt that
   * was answered (the task's clock starts there), not counting any wait for the rate limiter.
   */
  private acceptedAt(lastSend: number): number {
    return (lastSend + this.options.client.clock.now()) / 2;
  }

  /** Waits for the task; what the wait's failure means for the write. */
  private async follow(kind: keyof Worker['timing'], requestId: string, acceptedAt: number): Promise<Outcome> {
    try {
      await waitForTaskLearning(this.options.client, requestId, {
        timing: this.timing[kind],
        timeoutMs: this.options.taskTimeoutMs,
        signal: this.options.signal,
        acceptedAt,
      });
      return { status: 'done' };
    } catch (error) {
      if (error instanceof TaskFailedError)
        return {
          status: 'failed',
          ...(error.taskMessage
            ? detailOf(DETAILS.taskFailed, { id: requestId, reason: error.taskMessage })
            : detailOf(DETAILS.taskFailedNoReason, { id: requestId })),
        };
      if (error instanceof WaitTimeoutError) return { status: 'unknown', ...detailOf(DETAILS.stillRunning, { id: requestId }) };
      if (error instanceof InterruptedError) return { status: 'unknown', ...detailOf(DETAILS.interrupted, { id: requestId }) };
      return { status: 'unknown', ...detailOf(DETAILS.notFollowed, { id: requestId, reason: message(error) }) };
    }
  }

  private async create(op: Extract<Operation, { kind: 'create' }>): Promise<Outcome> {
    const { client, signal } = this.options;
    const sentAt = client.clock.now();
    let lastSend = sentAt;
    const onSend = (at: number) => {
      lastSend = at;
    };
    let accepted: { ListenerIds: string[]; RequestId: string };
    try {
      accepted = await createListener(client, op.request, { signal, onSend });
    } catch (error) {
      if (!answerWasLost(error)) return { status: 'failed', detail: message(error) };
      const before = (this.options.reported.get(op.loadBalancerId) ?? []) as readonly PortHolder[];
      const outcome = await reconcileCreate({
        client,
        request: op.request,
        before,
        sentAt,
        timeoutMs: signal.aborted ? 5000 : RECONCILE_TIMEOUT_MS,
        ...(signal.aborted ? {} : { signal }),
      });
      if (outcome.found) {
        const byPort = new Map(outcome.listeners.map((l) => [l.Port, l.ListenerId]));
        const ids = op.items.map((item) => byPort.get(item.port) ?? null);
        return outcome.settled
          ? {
              status: 'done',
              ids,
              ...detailOf(DETAILS.lostFoundSettled, { reason: message(error) }),
            }
          : {
              status: 'unknown',
              ids,
              ...detailOf(DETAILS.lostListed, { reason: message(error) }),
            };
      }
      const checked = { en: outcome.checked, zh: render('zh', outcome.checkedText) };
      return { status: outcome.vanished ? 'failed' : 'unknown', ...detailOf(DETAILS.lostChecked, { reason: message(error), checked }) };
    }
    const ids = accepted.ListenerIds;
    const followed = await this.follow('create', accepted.RequestId, this.acceptedAt(lastSend));
    return { ...followed, ids };
  }

  private async modify(op: Extract<Operation, { kind: 'modify' }>): Promise<Outcome> {
    const { client, signal } = this.options;
    const item = op.items[0];
    let lastSend = client.clock.now();
    const onSend = (at: number) => {
      lastSend = at;
    };
    let accepted: { RequestId: string };
    try {
      accepted = await modifyListener(client, op.body, { signal, onSend });
    } catch (error) {
      if (!answerWasLost(error)) return { status: 'failed', detail: message(error) };
      const applied = await readUntilWritten(
        client.clock,
        async () => {
          const answer = await describeListeners(client, { LoadBalancerId: op.loadBalancerId, ListenerIds: [item.listenerId!] });
          const listener = answer.Listeners?.[0];
          return listener !== undefined && compareListener(item.desired!, listener as ReportedListener).changes.length === 0;
        },
        signal,
      );
      return applied
        ? { status: 'done', ...detailOf(DETAILS.lostChangeMade, { reason: message(error) }) }
        : { status: 'unknown', ...detailOf(DETAILS.lostChangeNotSeen, { reason: message(error) }) };
    }
    return this.follow('modify', accepted.RequestId, this.acceptedAt(lastSend));
  }

  private async delete(op: Extract<Operation, { kind: 'delete' }>): Promise<Outcome> {
    const { client, signal } = this.options;
    let lastSend = client.clock.now();
    const onSend = (at: number) => {
      lastSend = at;
    };
    let accepted: { RequestId: string };
    try {
      accepted = await deleteLoadBalancerListeners(client, op.loadBalancerId, op.listenerIds, { signal, onSend });
    } catch (error) {
      if (!answerWasLost(error)) return { status: 'failed', detail: message(error) };
      const gone = await readUntilWritten(
        client.clock,
        async () => {
          const answer = await describeListeners(client, { LoadBalancerId: op.loadBalancerId, ListenerIds: op.listenerIds });
          return (answer.Listeners ?? []).length === 0;
        },
        signal,
      );
      return gone
        ? { status: 'done', ...detailOf(DETAILS.lostGone, { reason: message(error) }) }
        : { status: 'unknown', ...detailOf(DETAILS.lostStillListed, { reason: message(error) }) };
    }
    return this.follow('delete', accepted.RequestId, this.acceptedAt(lastSend));
  }

  run(op: Operation): Promise<Outcome> {
    if (op.kind === 'create') return this.create(op);
    if (op.kind === 'modify') return this.modify(op);
    return this.delete(op);
  }
}

/** Runs every load balancer's writes; returns the result of each plan item that has a write. */
export async function execute(operations: ReadonlyMap<string, Operation[]>, options: ExecuteOptions): Promise<Map<PlanItem, ItemResult>> {
  const results = new Map<PlanItem, ItemResult>();
  // One worker, so every load balancer learns from every other's task durations.
  const worker = new Worker(options);
  const emit = (event: ExecutionEvent) => options.onEvent?.(event);
  await Promise.all(
    [...operations].map(async ([lb, ops]) => {
      const started = options.client.clock.now();
      let stopped = false;
      for (const op of ops) {
        if (stopped || options.signal.aborted) {
          for (const item of op.items) results.set(item, { status: 'not tried', listenerId: item.listenerId });
          continue;
        }
        emit({ type: 'start', loadBalancerId: lb, operation: op });
        let outcome: Outcome;
        try {
          outcome = await worker.run(op);
        } catch (error) {
          // Anything unforeseen: the write's fate is unknown, never "not sent".
          outcome = { status: 'unknown', detail: error instanceof CliError ? error.message : String(error) };
        }
        op.items.forEach((item, i) => {
          const id = outcome.ids?.[i] ?? item.listenerId;
          results.set(item, {
            status: outcome.status,
            listenerId: id,
            ...(outcome.detail ? { detail: outcome.detail } : {}),
            ...(outcome.detailText ? { detailText: outcome.detailText } : {}),
          });
        });
        emit({
          type: 'end',
          loadBalancerId: lb,
          operation: op,
          status: outcome.status,
          ...(outcome.detail ? { detail: outcome.detail } : {}),
          ...(outcome.detailText ? { detailText: outcome.detailText } : {}),
        });
        if (outcome.status !== 'done') stopped = true;
      }
      emit({ type: 'done', loadBalancerId: lb, elapsedMs: options.client.clock.now() - started, failed: stopped });
    }),
  );
  return results;
}
