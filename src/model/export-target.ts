/**
 * The targets bound to a layer-4 listener or to a forwarding rule, as DescribeTargets reports
 * them → the `Targets:` of its entry (or rule) in an apply file, as apply reads them: InstanceId
 * or EniIp, Port, and Weight only when it is not the API's default (10). Apply compares a target
 * by its identity (InstanceId or EniIp, Port) and weight, so what is written is what it compares.
 * Pure: no I/O.
 */
import { DEFAULT_WEIGHT, targetKey, type TargetInput } from './target-fields.js';

/** One bound target, as read back (its weight always known). */
export interface ReadTarget {
  InstanceId?: string;
  EniIp?: string;
  Port: number;
  Weight: number;
}

export function exportTargets(bound: readonly ReadTarget[]): TargetInput[] {
  const seen = new Set<string>();
  const out: TargetInput[] = [];
  for (const target of bound) {
    const key = targetKey(target);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      ...(target.InstanceId ? { InstanceId: target.InstanceId } : { EniIp: target.EniIp ?? '' }),
      Port: target.Port,
      ...(target.Weight !== DEFAULT_WEIGHT ? { Weight: target.Weight } : {}),
    });
  }
  return out;
}
