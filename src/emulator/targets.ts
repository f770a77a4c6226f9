/**
 * The emulator's backends: the instances it knows (the CVMs a target may name), the targets bound
 * to each listener (layer 4) or forwarding rule (layer 7), and their health. Its own reading of
 * the API (docs/emulator.md, "Targets"), independent of the CLI's model.
 *
 * Like a created listener, a registered target is listed from the start and removed again when
 * its task fails; a deregistered one stays listed until its task succeeds; a new weight or port
 * shows once its task succeeds.
 */

/** A CVM the emulator knows: what RegisterTargets may name by InstanceId. */
export interface InstanceRecord {
  InstanceId: string;
  InstanceName: string;
  PrivateIp: string;
}

/** One target bound to a listener (LocationId null) or to a rule of an HTTP/HTTPS listener, as the state shows it. */
export interface TargetView {
  LoadBalancerId: string;
  ListenerId: string;
  LocationId: string | null;
  InstanceId: string | null;
  EniIp: string | null;
  Port: number;
  Weight: number;
}

/** A bound target as the emulator keeps it. */
export interface BoundTarget extends TargetView {
  /** Emulator clock, ms: when it was bound (health starts counting from here). */
  boundAt: number;
  RegisteredTime: string;
}

export const INSTANCE_ID = /^ins-[a-z0-9]{8}$/;

/** The instances an emulator knows unless told otherwise (--instances): ins-emu00001 … ins-emu00008. */
export const DEFAULT_INSTANCES = Array.from({ length: 8 }, (_, i) => `ins-emu${String(i + 1).padStart(5, '0')}`);

export function seedInstance(id: string, index: number): InstanceRecord {
  const n = index + 1;
  // 10.0.0.0/8: private addresses, as a VPC's instances have.
  return { InstanceId: id, InstanceName: `emulator-cvm-${n}`, PrivateIp: `10.0.${Math.floor(n / 250)}.${(n % 250) + 1}` };
}

/** The identity of a target on one listener or rule: (InstanceId or EniIp, Port). */
export function targetKey(t: { InstanceId?: string | null; EniIp?: string | null; Port: number }): string {
  return `${t.InstanceId ?? `ip:${t.EniIp}`}:${t.Port}`;
}

/**
 * The instances, the bound targets, and which of them the control surface marked unhealthy (an
 * InstanceId or IP alone: every port; with `:Port`: that one).
 */
export class TargetBook {
  readonly instances = new Map<string, InstanceRecord>();
  private bound: BoundTarget[] = [];
  private readonly unhealthy = new Set<string>();

  setInstances(ids: readonly string[]): void {
    this.instances.clear();
    for (const [i, id] of ids.entries()) this.instances.set(id, seedInstance(id, i));
  }

  /** The targets of one listener (and rule: null for the listener's own). */
  on(listenerId: string, locationId: string | null): BoundTarget[] {
    return this.bound.filter((t) => t.ListenerId === listenerId && t.LocationId === locationId);
  }

  ofListener(listenerId: string): BoundTarget[] {
    return this.bound.filter((t) => t.ListenerId === listenerId);
  }

  all(): BoundTarget[] {
    return [...this.bound];
  }

  add(targets: readonly BoundTarget[]): void {
    this.bound.push(...targets);
  }

  remove(targets: readonly BoundTarget[]): void {
    const gone = new Set(targets);
    this.bound = this.bound.filter((t) => !gone.has(t));
  }

  /** Drops what no longer has a listener (or rule) to be bound to. */
  prune(exists: (t: BoundTarget) => boolean): void {
    this.bound = this.bound.filter(exists);
  }

  privateIp(t: Pick<BoundTarget, 'InstanceId' | 'EniIp'>): string {
    return t.EniIp ?? this.instances.get(t.InstanceId ?? '')?.PrivateIp ?? '';
  }

  /** `who` is an InstanceId or an IP; `port` narrows it to one port. */
  markUnhealthy(who: string, port: number | undefined, unhealthy: boolean): void {
    const key = port === undefined ? who : `${who}:${port}`;
    if (unhealthy) this.unhealthy.add(key);
    else this.unhealthy.delete(key);
  }

  /** Alive after `delayMs` on the emulator's clock; Dead when marked; Unknown before. */
  health(t: BoundTarget, now: number, delayMs: number): 'Alive' | 'Dead' | 'Unknown' {
    const names = [t.InstanceId, t.EniIp ?? this.privateIp(t)].filter((n): n is string => Boolean(n));
    if (names.some((n) => this.unhealthy.has(n) || this.unhealthy.has(`${n}:${t.Port}`))) return 'Dead';
    return now - t.boundAt >= delayMs ? 'Alive' : 'Unknown';
  }

  unhealthyMarks(): string[] {
    return [...this.unhealthy];
  }

  reset(): void {
    this.bound = [];
    this.unhealthy.clear();
  }
}
