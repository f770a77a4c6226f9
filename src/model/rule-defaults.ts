/**
 * The API's defaults for a forwarding rule's settings (docs/api/rules.md, "Defaults"): what a rule
 * gets when CreateRule leaves a field out. `export` leaves a value out when it equals its
 * default, and the comparison of rules (`apply`, `rule modify`) takes the default where the API
 * reports nothing (null), so a field the API does not report never shows as a change. Pure.
 */
import { sharedHealthDefault } from './health-defaults.js';

/** A rule-level or domain-level field's default; undefined when none is documented. */
export function ruleDefault(field: string): unknown {
  switch (field) {
    case 'SessionExpireTime':
      return 0;
    case 'Scheduler':
      return 'WRR';
    case 'ForwardType':
      return 'HTTP';
    case 'TargetType':
      return 'NODE';
    case 'CookieName':
      return '';
    case 'DefaultServer':
    case 'Http2':
    case 'Quic':
      return false;
    default:
      return undefined;
  }
}

/**
 * A rule's health-check default; undefined when none is documented. `CheckType` defaults to HTTP
 * on HTTP listeners; on HTTPS listeners to the protocol the rule forwards with (HTTP or HTTPS).
 */
export function ruleHealthDefault(field: string, protocol: string, forwardType: string): unknown {
  switch (field) {
    case 'ExtendedCode':
      return '12';
    case 'CheckType':
      if (protocol === 'HTTP') return 'HTTP';
      if (protocol === 'HTTPS' && (forwardType === 'HTTP' || forwardType === 'HTTPS')) return forwardType;
      return undefined;
    default:
      return sharedHealthDefault(field);
  }
}
