/**
 * Everything the emulator remembers: load balancers, listeners, asynchronous tasks and the log of
 * API requests. Tasks settle lazily against the injectable clock (so a test that moves the clock
 * sees them finish), with a real timer per task only to announce the change (state file) without
 * waiting for the next request.
 */
import { formatCreateTime } from './time.js';
import { TargetBook } from './targets.js';
import type { CertificateRecord, ListenerView, LoadBalancerRecord, RequestLogEntry, TaskView } from './types.js';

/** What a task does to the store when it ends. */
export type TaskEffect =
  /** The listeners exist from the start; a failed task removes them again. */
  | { kind: 'create'; listenerIds: string[] }
  /** The listeners stay listed until the task succeeds. */
  | { kind: 'delete'; listenerIds: string[] }
  /** The listener keeps its old settings until the task succeeds; then `patch` is merged into it. */
  | { kind: 'modify'; listenerId: string; patch: Record<string, unknown> }
  /** A change to bound targets (target-actions.ts): `commit` runs when the task succeeds, `rollback` when it fails. */
  | { kind: 'targets'; commit?: () => void; rollback?: () => void }
  /** A change to a listener's forwarding rules: `commit` runs when the task succeeds, `rollback` when it fails. */
  | { kind: 'rules'; commit?: () => void; rollback?: () => void };

interface TaskRecord {
  TaskId: string;
  Action: string;
  LoadBalancerId: string;
  Status: 0 | 1 | 2;
  Message: string | null;
  /** Emulator-clock time it ends; null = never (a `taskHang` fault). */
  dueAt: number | null;
  /** How it will end. */
  failWith: string | null;
  effect: TaskEffect;
}

export interface NewTask {
  TaskId: string;
  Action: string;
  LoadBalancerId: string;
  delayMs: number;
  hang: boolean;
  failWith: string | null;
  effect: TaskEffect;
}

/** Enough for a long CI run; the counts stay exact beyond it. */
const REQUEST_LOG_LIMIT = 10_000;

export function seedLoadBalancer(id: string, index: number, createdAtMs: number): LoadBalancerRecord {
  const n = index + 1;
  return {
    LoadBalancerId: id,
    LoadBalancerName: `emulator-lb-${n}`,
    LoadBalancerType: 'OPEN',
    Forward: 1,
    // 203.0.113.0/24 is TEST-NET-3: documentation addresses that route nowhere.
    LoadBalancerVips: [`203.0.113.${(n % 254) + 1}`],
    Status: 1,
    VpcId: `vpc-emu${String(n).padStart(5, '0')}`,
    AddressIPVersion: 'ipv4',
    CreateTime: formatCreateTime(createdAtMs),
  };
}

export class Store {
  readonly loadBalancers = new Map<string, LoadBalancerRecord>();
  /** The SSL certificate service's certificates (DescribeCertificates); kept by reset, like the load balancers. */
  readonly certificates: CertificateRecord[] = [];
  /** The instances it knows and the targets bound to listeners and rules (targets.ts). */
  readonly targets = new TargetBook();
  private readonly listeners = new Map<string, ListenerView>();
  private readonly tasks = new Map<string, TaskRecord>();
  private requests: RequestLogEntry[] = [];
  private readonly counts = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly clock: () => number,
    /** Called after every change to load balancers or listeners. */
    private readonly onChange: () => void = () => {},
    /** Real timers announce a task's end; off when the caller moves the clock itself. */
    private readonly wake = true,
  ) {}

  // ---- load balancers and listeners -------------------------------------------------------

  addLoadBalancer(lb: LoadBalancerRecord): void {
    this.loadBalancers.set(lb.LoadBalancerId, lb);
  }

  listenersOf(loadBalancerId: string): ListenerView[] {
    this.settle();
    return [...this.listeners.values()].filter((l) => l.LoadBalancerId === loadBalancerId);
  }

  allListeners(): ListenerView[] {
    this.settle();
    return [...this.listeners.values()];
  }

  /** Restores listeners from a state file; no task, no change notification. */
  restoreListeners(listeners: readonly ListenerView[]): void {
    for (const listener of listeners) this.listeners.set(listener.ListenerId, listener);
  }

  addListeners(listeners: readonly ListenerView[]): void {
    for (const listener of listeners) this.listeners.set(listener.ListenerId, listener);
    this.onChange();
  }

  // ---- tasks -------------------------------------------------------------------------------

  addTask(task: NewTask): void {
    const now = this.clock();
    this.tasks.set(task.TaskId, {
      TaskId: task.TaskId,
      Action: task.Action,
      LoadBalancerId: task.LoadBalancerId,
      Status: 2,
      Message: null,
      dueAt: task.hang ? null : now + task.delayMs,
      failWith: task.failWith,
      effect: task.effect,
    });
    if (!task.hang && this.wake) this.wakeAt(task.delayMs);
    this.settle();
  }

  /**
   * Ends a running task now (every running task without an id), as it was set to end: a task
   * failure still fails; a hung task succeeds. Returns the tasks ended; unknown id → undefined.
   */
  finishTasks(taskId?: string): TaskView[] | undefined {
    const now = this.clock();
    if (taskId !== undefined && !this.tasks.has(taskId)) return undefined;
    const chosen = taskId === undefined ? [...this.tasks.values()] : [this.tasks.get(taskId)!];
    const running = chosen.filter((task) => task.Status === 2);
    for (const task of running) task.dueAt = now;
    this.settle();
    return running.map(taskView);
  }

  task(taskId: string): TaskView | undefined {
    this.settle();
    const task = this.tasks.get(taskId);
    return task && taskView(task);
  }

  /** The task still running on a load balancer, which locks it against further writes. */
  runningTaskOn(loadBalancerId: string): TaskView | undefined {
    this.settle();
    for (const task of this.tasks.values()) if (task.Status === 2 && task.LoadBalancerId === loadBalancerId) return taskView(task);
    return undefined;
  }

  allTasks(): TaskView[] {
    this.settle();
    return [...this.tasks.values()].map(taskView);
  }

  /** Ends every task whose time has come and applies what it does to the store. */
  settle(): void {
    const now = this.clock();
    let changed = false;
    for (const task of this.tasks.values()) {
      if (task.Status !== 2 || task.dueAt === null || task.dueAt > now) continue;
      const failed = task.failWith !== null;
      task.Status = failed ? 1 : 0;
      task.Message = task.failWith;
      if (task.effect.kind === 'targets') {
        const change = failed ? task.effect.rollback : task.effect.commit;
        change?.();
        changed ||= change !== undefined;
        continue;
      }
      if (task.effect.kind === 'rules') {
        (failed ? task.effect.rollback : task.effect.commit)?.();
        changed = true;
        continue;
      }
      if (task.effect.kind === 'modify') {
        const listener = this.listeners.get(task.effect.listenerId);
        if (!failed && listener) {
          Object.assign(listener, task.effect.patch);
          changed = true;
        }
        continue;
      }
      const removes = (task.effect.kind === 'create') === failed;
      if (removes) for (const id of task.effect.listenerIds) changed = this.listeners.delete(id) || changed;
    }
    if (changed) this.onChange();
  }

  private wakeAt(delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.settle();
    }, delayMs + 5);
    timer.unref();
    this.timers.add(timer);
  }

  // ---- request log -------------------------------------------------------------------------

  logRequest(entry: RequestLogEntry): void {
    this.counts.set(entry.action, (this.counts.get(entry.action) ?? 0) + 1);
    this.requests.push(entry);
    if (this.requests.length > REQUEST_LOG_LIMIT) this.requests = this.requests.slice(-REQUEST_LOG_LIMIT / 2);
  }

  requestLog(): { requests: RequestLogEntry[]; counts: Record<string, number> } {
    return { requests: [...this.requests], counts: Object.fromEntries(this.counts) };
  }

  /** Forgets listeners, tasks and the request log; keeps the load balancers. */
  reset(): void {
    this.dispose();
    this.listeners.clear();
    this.targets.reset();
    this.tasks.clear();
    this.requests = [];
    this.counts.clear();
    this.onChange();
  }

  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

function taskView(task: TaskRecord): TaskView {
  return { TaskId: task.TaskId, Action: task.Action, LoadBalancerId: task.LoadBalancerId, Status: task.Status, Message: task.Message };
}
