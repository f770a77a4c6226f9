/**
 * The reply schemas of every action this tool calls, in zod's tree-shakable form (zod/mini): a
 * malformed answer becomes a clear error naming the action and the field. Loaded only when a reply
 * is to be checked (src/api/clb.ts and ssl.ts import it lazily), so validation, dry runs and
 * `--help` never load zod, and a create loads 30 KB of it rather than the whole 290 KB library.
 */
import { array, boolean, config, int, literal, looseObject, minLength, nullish, number, string, union } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// English messages (zod/mini loads no locale by itself). Schemas are interpreted, not compiled
// into specialised functions on first use: that pays only over many parses, and a run makes few.
config(en());
config({ jitless: true });

const RequestId = string().check(minLength(1));

/** RuleOutput: one forwarding rule of an HTTP/HTTPS listener, as DescribeListeners returns it. */
export const RuleOutput = looseObject({
  LocationId: string(),
  Domain: nullish(string()),
  Domains: nullish(array(string())),
  Url: nullish(string()),
  DefaultServer: nullish(boolean()),
  Http2: nullish(boolean()),
  QuicStatus: nullish(string()),
  Scheduler: nullish(string()),
  ForwardType: nullish(string()),
  SessionExpireTime: nullish(number().check(int())),
});

export const Listener = looseObject({
  ListenerId: string(),
  Rules: nullish(array(RuleOutput)),
  Protocol: string(),
  Port: number().check(int()),
  ListenerName: nullish(string()),
  EndPort: nullish(number().check(int())),
  CreateTime: nullish(string()),
});

export const LoadBalancer = looseObject({
  LoadBalancerId: string(),
  LoadBalancerName: nullish(string()),
  /** OPEN (public) or INTERNAL. */
  LoadBalancerType: nullish(string()),
  LoadBalancerVips: nullish(array(string())),
  /** 1 = CLB, 0 = classic CLB. */
  Forward: nullish(number().check(int())),
});

export const CreateListener = looseObject({ ListenerIds: array(string()), RequestId });

export const DescribeTaskStatus = looseObject({
  Status: union([literal(0), literal(1), literal(2)]),
  Message: nullish(string()),
  LoadBalancerIds: nullish(array(string())),
  RequestId,
});

export const DescribeListeners = looseObject({
  Listeners: nullish(array(Listener)),
  TotalCount: nullish(number().check(int())),
  RequestId,
});

export const DeleteLoadBalancerListeners = looseObject({ RequestId });

export const ModifyListener = looseObject({ RequestId });

export const CreateRule = looseObject({ LocationIds: array(string()), RequestId });

/** ModifyRule, DeleteRule and ModifyDomainAttributes answer only their RequestId (the task's id). */
export const RuleTask = looseObject({ RequestId });

export const DescribeLoadBalancers = looseObject({
  LoadBalancerSet: nullish(array(LoadBalancer)),
  TotalCount: nullish(number().check(int())),
  RequestId,
});

// The SSL certificate service (src/api/ssl.ts).
export const Certificate = looseObject({
  CertificateId: string(),
  /** `SVR` (server) or `CA` (client CA). */
  CertificateType: nullish(string()),
  Domain: nullish(string()),
  Alias: nullish(string()),
  SubjectAltName: nullish(array(string())),
  /** e.g. `RSA`, `ECC`, `SM2`. */
  EncryptAlgorithm: nullish(string()),
  CertBeginTime: nullish(string()),
  /** `YYYY-MM-DD HH:mm:ss`, UTC+8. */
  CertEndTime: nullish(string()),
  /** 1 approved, 3 expired, others pending or revoked (docs/api/ssl-certificates.md). */
  Status: nullish(number().check(int())),
  Deployable: nullish(boolean()),
});

export const DescribeCertificates = looseObject({
  Certificates: nullish(array(Certificate)),
  TotalCount: nullish(number().check(int())),
  RequestId,
});

// Targets (src/api/targets.ts).

/** Backend: one target as DescribeTargets lists it. */
export const Backend = looseObject({
  Type: nullish(string()),
  InstanceId: nullish(string()),
  Port: number().check(int()),
  Weight: nullish(number().check(int())),
  PrivateIpAddresses: nullish(array(string())),
  InstanceName: nullish(string()),
  EniId: nullish(string()),
});

export const RuleTargets = looseObject({
  LocationId: string(),
  Domain: nullish(string()),
  Url: nullish(string()),
  Targets: nullish(array(Backend)),
});

export const ListenerBackend = looseObject({
  ListenerId: string(),
  Protocol: nullish(string()),
  Port: nullish(number().check(int())),
  Targets: nullish(array(Backend)),
  Rules: nullish(array(RuleTargets)),
});

export const DescribeTargets = looseObject({ Listeners: nullish(array(ListenerBackend)), RequestId });

export const TargetHealth = looseObject({
  IP: nullish(string()),
  Port: number().check(int()),
  HealthStatus: nullish(boolean()),
  TargetId: nullish(string()),
  HealthStatusDetail: nullish(string()),
  Weight: nullish(number().check(int())),
});

export const DescribeTargetHealth = looseObject({
  LoadBalancers: nullish(
    array(
      looseObject({
        LoadBalancerId: string(),
        Listeners: nullish(
          array(
            looseObject({
              ListenerId: string(),
              Protocol: nullish(string()),
              Port: nullish(number().check(int())),
              Rules: nullish(
                array(
                  looseObject({
                    LocationId: nullish(string()),
                    Domain: nullish(string()),
                    Url: nullish(string()),
                    Targets: nullish(array(TargetHealth)),
                  }),
                ),
              ),
            }),
          ),
        ),
      }),
    ),
  ),
  RequestId,
});

/** RegisterTargets, DeregisterTargets, ModifyTargetWeight and ModifyTargetPort answer only their RequestId (the task's id). */
export const TargetTask = looseObject({ RequestId });
