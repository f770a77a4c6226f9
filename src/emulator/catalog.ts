/**
 * What the emulator serves, written once: each service with its version and actions, and the
 * control surface. The action and control handlers are typed against these names (a handler
 * missing or extra does not compile), `clb-listener emulator --help` prints them, and a test holds
 * docs/emulator.md to the same lists. A leaf module with no handlers in it, so the
 * help can print it without loading the emulator.
 */
import { API_VERSION } from '../api/constants.js';

/** The backend actions (target-actions.ts). */
export const CLB_TARGET_ACTIONS = [
  'RegisterTargets',
  'DeregisterTargets',
  'ModifyTargetWeight',
  'ModifyTargetPort',
  'DescribeTargets',
  'DescribeTargetHealth',
] as const;
/** The layer-7 forwarding-rule actions (rule-actions.ts). */
export const CLB_RULE_ACTIONS = ['CreateRule', 'ModifyRule', 'DeleteRule', 'ModifyDomainAttributes'] as const;

export const CLB_ACTIONS = [
  'CreateListener',
  'ModifyListener',
  'DescribeListeners',
  'DeleteLoadBalancerListeners',
  'DeleteListener',
  'DescribeLoadBalancers',
  'DescribeTaskStatus',
  ...CLB_TARGET_ACTIONS,
  ...CLB_RULE_ACTIONS,
] as const;
export const SSL_ACTIONS_SERVED = ['DescribeCertificates'] as const;
export const STS_ACTIONS_SERVED = ['AssumeRole', 'AssumeRoleWithWebIdentity'] as const;

/** The region served when none is given (the CLB API page's examples use it). */
export const DEFAULT_REGION = 'ap-guangzhou';

export const SSL_VERSION = '2019-12-05';
export const STS_VERSION = '2018-08-13';

export interface ServiceEntry {
  /** The service name in the credential scope, e.g. `clb`. */
  name: string;
  /** How people call it. */
  title: string;
  version: string;
  actions: readonly string[];
  /** What it is for, in a few words. */
  note: string;
}

export const SERVICE_CATALOG: readonly ServiceEntry[] = [
  { name: 'clb', title: 'CLB', version: API_VERSION, actions: CLB_ACTIONS, note: 'with state; writes run as tasks' },
  {
    name: 'ssl',
    title: 'SSL certificates',
    version: SSL_VERSION,
    actions: SSL_ACTIONS_SERVED,
    note: 'seeded certificates, plus --certificates',
  },
  { name: 'sts', title: 'STS', version: STS_VERSION, actions: STS_ACTIONS_SERVED, note: 'temporary keys the emulator then accepts' },
];

export type ControlMethod = 'GET' | 'POST' | 'DELETE';

export interface ControlEntry {
  /** Under /__emulator/. */
  path: string;
  methods: readonly ControlMethod[];
  /** An example body, for the methods that take one. */
  body?: string;
  does: string;
}

export const CONTROL_CATALOG = [
  { path: 'state', methods: ['GET'], does: 'load balancers, listeners, tasks, the request log, counts, config, faults' },
  {
    path: 'faults',
    methods: ['GET', 'POST', 'DELETE'],
    body: '{"rules": [{"kind": "http5xx", "action": "CreateListener", "times": 1}]}',
    does: 'list, add or clear injected faults',
  },
  { path: 'reset', methods: ['POST'], does: 'clear listeners, tasks, faults and the request log' },
  {
    path: 'config',
    methods: ['POST'],
    body: '{"taskDelayMs": 0, "rateLimit": 5, "listenerQuota": 3, "clockOffsetMs": 0, "acceptSdkForms": true, "targetHealthDelayMs": 0}',
    does: 'change settings live',
  },
  { path: 'keys', methods: ['POST'], body: '{"secretId": "…", "secretKey": "…", "token": "…"}', does: 'accept another key pair' },
  { path: 'clock', methods: ['POST'], body: '{"advanceMs": 60000}', does: "move the emulator's clock forward" },
  { path: 'tasks/finish', methods: ['POST'], body: '{"TaskId": "…"}', does: 'end a running task now (every one without TaskId)' },
  {
    path: 'targets/health',
    methods: ['POST'],
    body: '{"Target": "ins-emu00001", "Port": 8080, "Healthy": false}',
    does: 'mark an instance or IP (on one port, or all) unhealthy, or healthy again',
  },
] as const satisfies readonly ControlEntry[];

export type ControlPath = (typeof CONTROL_CATALOG)[number]['path'];
