/** The shapes of resource ids, checked before any request: the load balancer's comes from the field table. */
import { UsageError } from '../core/errors.js';
import { CREATE_LISTENER_FIELDS } from './fields.js';
import { splitList } from './coerce.js';

const LOAD_BALANCER_ID = CREATE_LISTENER_FIELDS.find((f) => f.api === 'LoadBalancerId')!.pattern!;
const LISTENER_ID = { regex: /^lbl-[a-z0-9]{8}$/, description: 'look like lbl-xxxxxxxx' };

export function checkLoadBalancerId(value: string, flag: string): string {
  if (!LOAD_BALANCER_ID.regex.test(value)) throw new UsageError(`${flag} ${value}: must ${LOAD_BALANCER_ID.description}`, flag);
  return value;
}

/** Repeated or comma-separated listener ids, de-duplicated; at least one, at most `max`. */
export function checkListenerIds(raw: unknown, flag: string, max: number): string[] {
  const ids = [...new Set(splitList(raw))];
  if (ids.length === 0) throw new UsageError(`${flag} needs at least one listener id`, flag);
  if (ids.length > max) throw new UsageError(`${flag}: at most ${max} listeners per call, got ${ids.length}`, flag);
  const bad = ids.find((id) => !LISTENER_ID.regex.test(id));
  if (bad) throw new UsageError(`${flag} ${bad}: must ${LISTENER_ID.description}`, flag);
  return ids;
}
