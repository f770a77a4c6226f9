/**
 * The health-check defaults a listener's and a forwarding rule's health checks share
 * (docs/api/modify-listener.md and docs/api/rules.md, "Defaults"). `healthDefault` (listeners)
 * and `ruleHealthDefault` (rules) add what differs: `CheckType`, and `CheckPort` or
 * `ExtendedCode`. Pure.
 */
const SHARED_HEALTH_DEFAULTS: Readonly<Record<string, unknown>> = {
  HealthSwitch: 1,
  TimeOut: 2,
  IntervalTime: 5,
  HealthNum: 3,
  UnHealthNum: 3,
  HttpCode: 31,
  HttpCheckMethod: 'HEAD',
  SourceIpType: 0,
};

/** A health-check field's default common to listeners and rules; undefined when not shared. */
export function sharedHealthDefault(field: string): unknown {
  return Object.hasOwn(SHARED_HEALTH_DEFAULTS, field) ? SHARED_HEALTH_DEFAULTS[field] : undefined;
}
