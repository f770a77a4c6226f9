/**
 * After a write whose answer was lost (the connection dropped after the request was written, a
 * 5xx, an answer that is not JSON, the request timeout, Ctrl-C after sending), the write may or
 * may not have happened. CreateListener has no client token, so it is never sent again; instead
 * DescribeListeners is read, with retries, for a bounded time, to see whether the listeners are
 * there (docs/reconcile.md).
 *
 * A listener that was already on the port before the request is never taken for ours: the caller
 * passes what DescribeListeners showed just before sending, and only listeners absent from it can
 * be the request's. Without that snapshot, the listener's CreateTime must not be earlier than the
 * moment the request left (less a small allowance for clocks and the API's one-second resolution).
 */
import type { ClbClient } from '../api/client.js';
import type { Clock } from '../core/clock.js';
import { describeListeners } from '../api/clb.js';
import { ApiError, InterruptedError, NetworkError, TaskFailedError, type Words } from '../core/errors.js';
import type { CreateListenerRequest } from '../model/fields.js';
import { describeHolder, holderOf, portLabel, type PortHolder } from '../model/ports.js';
import { message, render, type Message, type Param, type Text } from '../core/i18n.js';
import { RECONCILE } from './reconcile.messages.js';

/** How much earlier than the request a listener's CreateTime may be and still be the request's. */
export const CREATE_TIME_ALLOWANCE_MS = 5000;
/** The longest the reads go on, unless the caller's wait is shorter. */
export const RECONCILE_TIMEOUT_MS = 10_000;
/**
 * CreateListener's listeners are listed while its task runs, and a task that fails removes them
 * again; no read says whether the load balancer is still busy with it. So listeners found are
 * read once more after this long since the request left, longer than a create task usually runs
 * (docs/api/tasks-and-limits.md), and taken as created only if they are still there.
 */
export const SETTLE_MS = 5000;
const READ_BUDGET_MS = 3000;

export interface ReportedListener extends PortHolder {
  CreateTime?: string | null;
  [field: string]: unknown;
}

/**
 * A create whose answer was lost, whose listeners were listed and then removed: its task failed
 * (exit 4, as for any failed task). Its id was in the lost answer, so none is named.
 */
export class LostTaskFailedError extends TaskFailedError {
  constructor(reason: Param, checked: Words, list: string) {
    const lost = message(RECONCILE.lostNothingCreated, { reason, checked: bothLanguages(checked) });
    super('', render('en', lost), { message: lost, hint: message(RECONCILE.seeWhatIsThere, { command: list }) });
  }
}

/** A write's failure that leaves its outcome unknown: the request may have been carried out. */
export function answerWasLost(error: unknown): boolean {
  if (error instanceof NetworkError) return error.mayHaveApplied;
  if (error instanceof InterruptedError) return !error.notSent;
  // An internal error may come after the change was made.
  return error instanceof ApiError && error.isInternalError;
}

/** `YYYY-MM-DD HH:mm:ss` in China Standard Time (UTC+8), as the API writes CreateTime. */
export function parseCreateTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h! - 8, mi!, s!);
}

export interface MatchedListener {
  ListenerId: string;
  Port: number;
  ListenerName: string | null;
}

export interface Match {
  /** One per requested port, in order, when every port has the request's listener. */
  listeners?: MatchedListener[];
  /** Why not, port by port: missing, or held by a listener that is not the request's (in English). */
  problems: string[];
  /** The same, as catalogue messages. */
  problemTexts: Message[];
}

/**
 * Whether `listeners` (a DescribeListeners answer) hold, on every port of the request, a listener
 * with its protocol and name that this request can have made. Pure.
 */
export function matchCreated(
  request: CreateListenerRequest,
  listeners: readonly ReportedListener[],
  context: { before?: readonly PortHolder[]; sentAt: number },
): Match {
  const matched: MatchedListener[] = [];
  const problemTexts: Message[] = [];
  let where = '';
  const problem = (text: Text, params: Record<string, string>) => problemTexts.push(message(text, { port: where, ...params }));
  const known = context.before ? new Set(context.before.map((l) => l.ListenerId)) : undefined;
  for (const [index, port] of request.Ports.entries()) {
    const name = request.ListenerNames?.[index];
    where = portLabel(port, request.EndPort);
    const holder = holderOf(listeners, request.Protocol, port, request.EndPort);
    if (!holder) {
      problem(RECONCILE.noListener, {});
      continue;
    }
    const sameShape =
      holder.Protocol.toUpperCase() === request.Protocol &&
      holder.Port === port &&
      (holder.EndPort ?? 0) === (request.EndPort ?? 0) &&
      (name === undefined || (holder.ListenerName ?? '') === name);
    if (!sameShape) {
      const params = { holder: describeHolder(holder), protocol: request.Protocol };
      if (name) problem(RECONCILE.heldNotNamed, { ...params, name });
      else problem(RECONCILE.heldNot, params);
      continue;
    }
    if (known) {
      if (known.has(holder.ListenerId)) {
        problem(RECONCILE.heldBefore, { holder: describeHolder(holder) });
        continue;
      }
    } else {
      const created = parseCreateTime(holder.CreateTime);
      if (created === undefined || created < context.sentAt - CREATE_TIME_ALLOWANCE_MS) {
        if (holder.CreateTime) problem(RECONCILE.heldCreatedAt, { holder: describeHolder(holder), time: holder.CreateTime });
        else problem(RECONCILE.heldCreatedUnknown, { holder: describeHolder(holder) });
        continue;
      }
    }
    matched.push({ ListenerId: holder.ListenerId, Port: port, ListenerName: holder.ListenerName || null });
  }
  const problems = problemTexts.map((text) => render('en', text));
  return problems.length === 0 ? { listeners: matched, problems, problemTexts } : { problems, problemTexts };
}

export interface ReconcileOptions {
  client: ClbClient;
  request: CreateListenerRequest;
  /** DescribeListeners just before sending; undefined when that read failed. */
  before?: readonly PortHolder[];
  /** When the request left (ms since the epoch, the caller's clock). */
  sentAt: number;
  timeoutMs: number;
  /** Default: the client's. */
  clock?: Clock;
  signal?: AbortSignal;
  /** How long after `sentAt` found listeners are read again (default SETTLE_MS). */
  settleMs?: number;
}

export type ReconcileOutcome =
  /** `settled`: still listed once the task should be over (false: found, but the time ran out first). */
  | { found: true; listeners: MatchedListener[]; reads: number; settled: boolean }
  /** `vanished`: the listeners were listed, then were gone: their task failed. */
  | { found: false; reads: number; checked: string; checkedText: Message; vanished?: boolean };

/**
 * Reads DescribeListeners until the request's listeners show up and are still there once their
 * task should be over (SETTLE_MS after the request left), or the time is up.
 */
export async function reconcileCreate(options: ReconcileOptions): Promise<ReconcileOutcome> {
  const { client, request } = options;
  const clock = options.clock ?? client.clock;
  const now = () => clock.now();
  const started = now();
  const deadline = started + options.timeoutMs;
  const settleAt = options.sentAt + (options.settleMs ?? SETTLE_MS);
  let reads = 0;
  let last: Message | Text = message(RECONCILE.couldNotRead);
  let seen: MatchedListener[] | undefined;
  for (let delay = 500; ; delay = Math.min(delay * 2, 4000)) {
    if (options.signal?.aborted) break;
    reads++;
    try {
      // Each read gets a few seconds even near the deadline: a read cut short answers nothing.
      const readDeadline = clock.timeoutSignal(Math.round(Math.max(READ_BUDGET_MS, deadline - now())));
      const answer = await describeListeners(
        client,
        { LoadBalancerId: request.LoadBalancerId },
        { signal: options.signal ? AbortSignal.any([options.signal, readDeadline]) : readDeadline },
      );
      const match = matchCreated(request, (answer.Listeners ?? []) as ReportedListener[], options);
      if (match.listeners) {
        // Still (or first) listed once their task should be over: created.
        if (now() >= settleAt) return { found: true, listeners: match.listeners, reads, settled: true };
        seen = match.listeners;
        last = joined(match.problemTexts);
      } else if (seen) {
        const seconds = Math.max(0, Math.round((now() - started) / 1000));
        const checkedText = message(RECONCILE.vanished, {
          lb: request.LoadBalancerId,
          reads,
          seconds,
          problems: joined(match.problemTexts),
        });
        return { found: false, vanished: true, reads, checked: render('en', checkedText), checkedText };
      } else last = joined(match.problemTexts);
    } catch (error) {
      if (options.signal?.aborted) break;
      last = message(RECONCILE.readFailed, { reason: error instanceof Error ? error.message : String(error) });
    }
    const remaining = deadline - now();
    if (remaining <= 0) break;
    // Once found, the next read is when their task should be over.
    const pause = seen ? Math.max(1, Math.min(settleAt - now(), remaining)) : Math.min(delay, remaining);
    try {
      await clock.sleep(pause, options.signal);
    } catch {
      break;
    }
  }
  if (seen) return { found: true, listeners: seen, reads, settled: false };
  const seconds = Math.max(0, Math.round((now() - started) / 1000));
  const checkedText = message(RECONCILE.checked, {
    lb: request.LoadBalancerId,
    reads,
    seconds,
    last: 'text' in last ? bothLanguages(last) : last,
  });
  return { found: false, reads, checked: render('en', checkedText), checkedText };
}

/**
 * After a write whose answer was lost: reads until `check` says the write happened, or the time
 * is up (RECONCILE_TIMEOUT_MS, at most `capMs`; 5 s once interrupted, and then the reads no longer
 * hear the signal). A failed read says nothing; it is tried again.
 */
export async function readUntilWritten(
  clock: Clock,
  check: () => Promise<boolean>,
  signal: AbortSignal,
  capMs = Number.POSITIVE_INFINITY,
): Promise<boolean> {
  const interrupted = signal.aborted;
  const listen = interrupted ? undefined : signal;
  const deadline = clock.now() + Math.min(capMs, interrupted ? 5000 : RECONCILE_TIMEOUT_MS);
  for (let delay = 500; ; delay = Math.min(delay * 2, 4000)) {
    try {
      if (await check()) return true;
    } catch {
      // Try again.
    }
    const remaining = deadline - clock.now();
    if (remaining <= 0 || listen?.aborted) return false;
    try {
      await clock.sleep(Math.min(delay, remaining), listen);
    } catch {
      return false;
    }
  }
}

/** A message (or a sentence already in both languages) as one placeholder's value, in both languages. */
export function bothLanguages(words: Words | Text): Text {
  if (typeof words === 'string') return { en: words, zh: words };
  if ('text' in words) return { en: render('en', words), zh: render('zh', words) };
  return words;
}

/** The problems found, one after the other, as each language separates them. */
function joined(problems: readonly Message[]): Text {
  return { en: problems.map((p) => render('en', p)).join('; '), zh: problems.map((p) => render('zh', p)).join('；') };
}
