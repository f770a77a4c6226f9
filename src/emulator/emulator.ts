/**
 * The emulator without HTTP: settings, keys, store, faults and rate limiter wired together. The
 * server hands it API and control requests; tests in the same process may also call it directly.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';
import { KeyRing } from './auth.js';
import { loadCertificatesFile, seedCertificates } from './certificates.js';
import { checkInstanceIds, checkLoadBalancerIds, checkRegion, checkRuntimeConfig, DEFAULTS } from './config.js';
import { DEFAULT_INSTANCES } from './targets.js';
import type { ControlTarget } from './control.js';
import { FaultQueue } from './faults.js';
import { handleApiRequest, type ApiAnswer, type ApiRequest } from './gateway.js';
import { newSecretId, newSecretKey } from './ids.js';
import { loadStateFile, saveStateFile } from './persist.js';
import { RateLimiter } from './rate-limit.js';
import { seedLoadBalancer, Store } from './state.js';
import type {
  EmulatorKey,
  EmulatorOptions,
  EmulatorState,
  FaultRule,
  RequestLogEntry,
  RuntimeConfig,
  TaskView,
  TransportFaultKind,
} from './types.js';

export class Emulator implements ControlTarget {
  readonly region: string;
  readonly primaryKey: EmulatorKey;
  readonly config: RuntimeConfig;
  readonly store: Store;
  private readonly keys = new KeyRing();
  private readonly faults = new FaultQueue();
  private readonly limiter: RateLimiter;
  private readonly baseClock: () => number;
  /** The latency fault's pause, on the emulator's clock. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.region = checkRegion(options.region ?? DEFAULTS.region);
    this.config = {
      taskDelayMs: DEFAULTS.taskDelayMs,
      rateLimit: DEFAULTS.rateLimit,
      listenerQuota: DEFAULTS.listenerQuota,
      clockOffsetMs: 0,
      acceptSdkForms: DEFAULTS.acceptSdkForms,
      targetHealthDelayMs: DEFAULTS.targetHealthDelayMs,
      ...checkRuntimeConfig({
        taskDelayMs: options.taskDelayMs,
        rateLimit: options.rateLimit,
        listenerQuota: options.listenerQuota,
        acceptSdkForms: options.acceptSdkForms,
        targetHealthDelayMs: options.targetHealthDelayMs,
      }),
    };
    this.baseClock = options.clock ? () => options.clock!.now() : (options.now ?? Date.now);
    this.sleep = options.clock ? (ms, signal) => options.clock!.sleep(ms, signal) : (ms, signal) => sleepFor(ms, undefined, { signal });
    this.primaryKey = {
      secretId: options.secretId ?? newSecretId(),
      secretKey: options.secretKey ?? newSecretKey(),
      ...(options.token !== undefined && { token: options.token }),
    };
    for (const key of [this.primaryKey, ...(options.extraKeys ?? [])]) this.keys.add(key);
    this.limiter = new RateLimiter(() => this.config.rateLimit, this.clock);
    this.store = new Store(this.clock, () => this.save(), !options.clock);
    this.store.targets.setInstances(options.instances ? checkInstanceIds(options.instances) : DEFAULT_INSTANCES);
    this.load();
  }

  /** The emulator's notion of now: the injected clock plus any offset set through the control surface. */
  readonly clock = (): number => this.baseClock() + this.config.clockOffsetMs;

  get loadBalancerIds(): string[] {
    return [...this.store.loadBalancers.keys()];
  }

  /** State file first (what a previous run left), then any seeded ids it does not already have. */
  private load(): void {
    const { stateFile } = this.options;
    const saved = stateFile ? loadStateFile(stateFile) : undefined;
    for (const lb of saved?.loadBalancers ?? []) this.store.addLoadBalancer(lb);
    this.store.restoreListeners(saved?.listeners ?? []);
    this.store.targets.add(saved?.targets ?? []);
    const seeds = this.options.loadBalancers ? checkLoadBalancerIds(this.options.loadBalancers) : saved ? [] : [...DEFAULTS.loadBalancers];
    const now = this.clock();
    for (const id of seeds) {
      if (!this.store.loadBalancers.has(id)) this.store.addLoadBalancer(seedLoadBalancer(id, this.store.loadBalancers.size, now));
    }
    // The file's certificates replace seeded ones with the same id.
    const loaded = this.options.certificatesFile ? loadCertificatesFile(this.options.certificatesFile, now) : [];
    const loadedIds = new Set(loaded.map((c) => c.CertificateId));
    this.store.certificates.push(...seedCertificates(now).filter((c) => !loadedIds.has(c.CertificateId)), ...loaded);
    this.save();
  }

  save(): void {
    const { stateFile } = this.options;
    if (!stateFile) return;
    saveStateFile(stateFile, {
      version: 1,
      loadBalancers: [...this.store.loadBalancers.values()],
      listeners: this.store.allListeners(),
      targets: this.store.targets.all(),
    });
  }

  /** Answers one API request and logs it. */
  api(request: ApiRequest): ApiAnswer {
    return handleApiRequest(request, {
      store: this.store,
      keys: this.keys,
      faults: this.faults,
      limiter: this.limiter,
      config: this.config,
      region: this.region,
      clock: this.clock,
    });
  }

  log(entry: Omit<RequestLogEntry, 'at'>, fault?: TransportFaultKind): void {
    const full: RequestLogEntry = { ...entry, at: this.clock(), ...(fault && { fault }) };
    this.store.logRequest(full);
    this.options.onRequest?.(full);
  }

  takeTransportFault(action: string): (FaultRule & { kind: TransportFaultKind }) | undefined {
    return this.faults.takeTransport(action);
  }

  // ---- ControlTarget -------------------------------------------------------------------

  snapshot(): EmulatorState {
    const { requests, counts } = this.store.requestLog();
    return {
      loadBalancers: [...this.store.loadBalancers.values()],
      listeners: this.store.allListeners(),
      targets: this.boundTargets(),
      tasks: this.store.allTasks(),
      requests,
      counts,
      config: { ...this.config },
      faults: this.faults.list(),
    };
  }

  /** The bound targets whose listener still exists, in the shape the state snapshot shows. */
  private boundTargets(): NonNullable<EmulatorState['targets']> {
    const listeners = new Set(this.store.allListeners().map((l) => l.ListenerId));
    return this.store.targets
      .all()
      .filter((t) => listeners.has(t.ListenerId))
      .map(({ LoadBalancerId, ListenerId, LocationId, InstanceId, EniIp, Port, Weight }) => ({
        LoadBalancerId,
        ListenerId,
        LocationId,
        InstanceId,
        EniIp,
        Port,
        Weight,
      }));
  }

  faultRules(): FaultRule[] {
    return this.faults.list();
  }

  addFaults(rules: FaultRule[]): void {
    this.faults.add(rules);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  reset(): void {
    this.faults.clear();
    this.limiter.reset();
    this.store.reset();
  }

  configure(config: Partial<RuntimeConfig>): RuntimeConfig {
    Object.assign(this.config, checkRuntimeConfig(config as Record<string, unknown>));
    return { ...this.config };
  }

  addKey(key: EmulatorKey): void {
    this.keys.add(key);
  }

  /** Moves the emulator's clock forward (it adds to the offset) and ends the tasks now due; returns the new now. */
  advanceClock(ms: number): number {
    this.config.clockOffsetMs += ms;
    this.store.settle();
    return this.clock();
  }

  finishTasks(taskId?: string): TaskView[] | undefined {
    return this.store.finishTasks(taskId);
  }

  setTargetHealth(target: string, port: number | undefined, healthy: boolean): void {
    this.store.targets.markUnhealthy(target, port, !healthy);
  }

  dispose(): void {
    this.store.dispose();
    this.save();
  }
}
