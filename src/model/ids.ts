/**
 * The shapes of resource ids, checked before any request. No source states their format: the SDK
 * shows `lb-12345678` and `lbl-12345678`, and every id seen has 8 lower-case letters or digits
 * after the prefix. So only the prefix is required (a value without it names nothing); another
 * length or alphabet is sent with a warning (see docs/api/create-listener.md).
 */
import { UsageError } from '../core/errors.js';
import { splitList } from './coerce.js';
import { show } from './rules.js';
import { message } from '../core/i18n.js';
import { IDS } from './ids.messages.js';

export interface IdCheck {
  value: string;
  /** Said on stderr, never fatal. */
  warning?: string;
}

function checkId(value: string, flag: string, prefix: 'lb' | 'lbl'): IdCheck {
  const usual = `${prefix}-xxxxxxxx`;
  if (!new RegExp(`^${prefix}-.`).test(value)) {
    throw new UsageError(message(IDS.mustLookLike, { flag, value: show(value), usual }), flag, {
      hint: message(prefix === 'lb' ? IDS.lbPrefix : IDS.listenerPrefix),
    });
  }
  if (new RegExp(`^${prefix}-[a-z0-9]{8}$`).test(value)) return { value };
  return { value, warning: `${flag} ${show(value)} is not the usual ${usual} (8 lower-case letters or digits); it is sent as written` };
}

export function checkLoadBalancerId(value: string, flag: string): IdCheck {
  return checkId(value, flag, 'lb');
}

/** Repeated or comma-separated listener ids, de-duplicated; at least one, at most `max`. */
export function checkListenerIds(raw: unknown, flag: string, max: number): { ids: string[]; warnings: string[] } {
  const ids = [...new Set(splitList(raw))];
  if (ids.length === 0) throw new UsageError(message(IDS.atLeastOne, { flag }), flag);
  if (ids.length > max) throw new UsageError(message(IDS.atMost, { flag, max, count: ids.length }), flag);
  const warnings = ids.flatMap((id) => checkId(id, flag, 'lbl').warning ?? []);
  return { ids, warnings };
}
