/**
 * A target (a backend bound to a listener or a forwarding rule; the API's `Target`) as data, in
 * the style of the CreateListener field table (fields.ts): one entry per field the CLI takes. The
 * `--target` parser, the type check and the apply file's `Targets:` entries derive from it; what
 * values a field may take is in target-rules.ts, each limit with its source (docs/api/targets.md).
 */
import type { FieldSpec, ObjectOf } from './fields.js';

// biome-ignore format: one field a line keeps the table readable as a table
const TARGET_TABLE = [
  { api: 'InstanceId', kind: 'string', help: 'the CVM instance (its primary private IP); or EniIp', example: 'ins-1a2b3c4d' },
  { api: 'EniIp', kind: 'string', help: 'an ENI or other private IP; or InstanceId', example: '10.0.0.12' },
  { api: 'Port', kind: 'integer', required: true, help: 'the port the backend listens on', example: 8080 },
  { api: 'Weight', kind: 'integer', help: 'forwarding weight 0–100 (the API\'s default: 10)', example: 10 },
] as const satisfies readonly FieldSpec[];

export const TARGET_FIELDS: readonly FieldSpec[] = TARGET_TABLE;

/** One target as sent in RegisterTargets' `Targets`. */
export type TargetInput = ObjectOf<typeof TARGET_TABLE>;

/** The weight the API gives a target registered without one. */
export const DEFAULT_WEIGHT = 10;

/** Protocols whose listeners take targets themselves; HTTP and HTTPS bind them to rules. */
export const LAYER4_PROTOCOLS = ['TCP', 'UDP', 'TCP_SSL', 'QUIC'] as const;

/** A target's identity on one listener or rule: (InstanceId or EniIp, Port). */
export function targetKey(target: { InstanceId?: string | null; EniIp?: string | null; Port: number }): string {
  return `${target.InstanceId || target.EniIp}:${target.Port}`;
}

/** How people write a target: `ins-…:8080`, `10.0.0.5:8080`, `[2001:db8::5]:8080`, with `:weight` when given. */
export function targetLabel(target: { InstanceId?: string | null; EniIp?: string | null; Port: number; Weight?: number | null }): string {
  const host = target.InstanceId || (target.EniIp?.includes(':') ? `[${target.EniIp}]` : target.EniIp);
  return `${host}:${target.Port}${target.Weight !== undefined && target.Weight !== null ? `:${target.Weight}` : ''}`;
}
