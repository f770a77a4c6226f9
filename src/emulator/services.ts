/**
 * The services the emulator answers on its one endpoint. The real API tells them apart by host
 * (`clb.tencentcloudapi.com`, `ssl.tencentcloudapi.com`, …); on loopback there is only one host,
 * so a request is routed by its X-TC-Version, which no two emulated services share, and its
 * credential scope must then name that service. Adding a service is one entry here.
 */
import { API_VERSION } from '../api/constants.js';
import { ACTIONS, type ActionHandler } from './actions.js';
import { SSL_ACTIONS, SSL_VERSION } from './certificates.js';
import { RULE_ACTIONS } from './rule-actions.js';
import { STS_ACTIONS, STS_VERSION } from './sts.js';
import { TARGET_ACTIONS } from './target-actions.js';

export interface ServiceSpec {
  /** The service name in the credential scope, e.g. `clb`. */
  name: string;
  version: string;
  actions: Readonly<Record<string, ActionHandler>>;
  /**
   * Whether X-TC-Region must be present and be the emulator's region. The SSL certificate
   * service is not regional: its actions take no region.
   */
  regional: boolean;
}

export const SERVICES: readonly ServiceSpec[] = [
  { name: 'clb', version: API_VERSION, actions: { ...ACTIONS, ...RULE_ACTIONS, ...TARGET_ACTIONS }, regional: true },
  { name: 'ssl', version: SSL_VERSION, actions: SSL_ACTIONS, regional: false },
  // STS is global: its requests carry a region (the SDKs send ap-guangzhou or TKE_REGION), any will do.
  { name: 'sts', version: STS_VERSION, actions: STS_ACTIONS, regional: false },
];

/** The service a version belongs to, or undefined for a version no emulated service has. */
export function serviceForVersion(version: string): ServiceSpec | undefined {
  return SERVICES.find((s) => s.version === version);
}

/** `clb 2018-03-17, ssl 2019-12-05`, for messages. */
export function describeServices(): string {
  return SERVICES.map((s) => `${s.name} ${s.version}`).join(', ');
}
