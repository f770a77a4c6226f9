/**
 * Defaults and validation of the emulator's settings, shared by `startEmulator`, the
 * `emulator` command and the `/__emulator/config` control endpoint so all three accept the same
 * values with the same messages.
 */
import { isIP } from 'node:net';
import { isLoopbackHost } from '../api/endpoint.js';
import { LOAD_BALANCER_ID, REGION } from './ids.js';
import type { RuntimeConfig } from './types.js';
import { DEFAULT_REGION } from './catalog.js';
import { INSTANCE_ID } from './targets.js';

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 0,
  region: DEFAULT_REGION,
  loadBalancers: ['lb-emu00001', 'lb-emu00002', 'lb-emu00003'],
  taskDelayMs: 1000,
  rateLimit: 20,
  listenerQuota: 50,
  acceptSdkForms: false,
  /** How long a newly bound target reports Unknown before Alive (DescribeTargetHealth). */
  targetHealthDelayMs: 2000,
} as const;

/** A setting the emulator cannot start (or be reconfigured) with. */
export class EmulatorConfigError extends Error {
  constructor(
    message: string,
    /** The command-line flag it corresponds to, for the CLI's usage error. */
    readonly flag?: string,
  ) {
    super(message);
    this.name = 'EmulatorConfigError';
  }
}

/**
 * Loopback only, ever: the emulator accepts any signature made with keys it printed, so it must
 * not be reachable from another machine. `localhost` is bound as 127.0.0.1 so the printed
 * endpoint does not depend on how the name resolves.
 */
export function loopbackHost(host: string): string {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return '127.0.0.1';
  if (isIP(bare) && isLoopbackHost(bare)) return bare;
  throw new EmulatorConfigError(`--host must be a loopback address (127.0.0.0/8, ::1 or localhost), not "${host}"`, '--host');
}

export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && isLoopbackHost(address);
}

function integer(name: string, flag: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `${min}–${max}`;
    throw new EmulatorConfigError(`${name} must be an integer ${range}, got ${JSON.stringify(value)}`, flag);
  }
  return value;
}

export function checkPort(value: unknown): number {
  return integer('port', '--port', value, 0, 65535);
}

export function checkRegion(value: string): string {
  if (!REGION.test(value)) throw new EmulatorConfigError(`region must look like ap-guangzhou, got "${value}"`, '--region');
  return value;
}

export function checkInstanceIds(ids: readonly string[]): string[] {
  if (ids.length === 0) throw new EmulatorConfigError('at least one instance id is needed', '--instances');
  for (const id of ids) {
    if (!INSTANCE_ID.test(id)) {
      throw new EmulatorConfigError(
        `instance ids look like ins- followed by 8 letters or digits (ins-xxxxxxxx), got "${id}"`,
        '--instances',
      );
    }
  }
  return [...new Set(ids)];
}

export function checkLoadBalancerIds(ids: readonly string[]): string[] {
  if (ids.length === 0) throw new EmulatorConfigError('at least one load balancer id is needed', '--load-balancers');
  for (const id of ids) {
    if (!LOAD_BALANCER_ID.test(id)) {
      throw new EmulatorConfigError(
        `load balancer ids look like lb- followed by letters or digits (lb-xxxxxxxx), got "${id}"`,
        '--load-balancers',
      );
    }
  }
  return [...new Set(ids)];
}

/** Validates a partial runtime configuration (from options or the control surface). */
export function checkRuntimeConfig(input: Record<string, unknown>): Partial<RuntimeConfig> {
  const known = new Set(['taskDelayMs', 'rateLimit', 'listenerQuota', 'clockOffsetMs', 'acceptSdkForms', 'targetHealthDelayMs']);
  const unknown = Object.keys(input).find((key) => !known.has(key));
  if (unknown) throw new EmulatorConfigError(`unknown setting "${unknown}" (known: ${[...known].join(', ')})`);
  const out: Partial<RuntimeConfig> = {};
  if (input.taskDelayMs !== undefined) out.taskDelayMs = integer('taskDelayMs', '--task-delay', input.taskDelayMs, 0);
  if (input.rateLimit !== undefined) out.rateLimit = integer('rateLimit', '--rate-limit', input.rateLimit, 1);
  if (input.listenerQuota !== undefined) out.listenerQuota = integer('listenerQuota', '--listener-quota', input.listenerQuota, 1);
  if (input.clockOffsetMs !== undefined)
    out.clockOffsetMs = integer('clockOffsetMs', '--clock-offset', input.clockOffsetMs, Number.MIN_SAFE_INTEGER);
  if (input.targetHealthDelayMs !== undefined) {
    out.targetHealthDelayMs = integer('targetHealthDelayMs', '--target-health-delay', input.targetHealthDelayMs, 0);
  }
  if (input.acceptSdkForms !== undefined) {
    if (typeof input.acceptSdkForms !== 'boolean') {
      throw new EmulatorConfigError(
        `acceptSdkForms must be true or false, got ${JSON.stringify(input.acceptSdkForms)}`,
        '--accept-sdk-forms',
      );
    }
    out.acceptSdkForms = input.acceptSdkForms;
  }
  return out;
}
