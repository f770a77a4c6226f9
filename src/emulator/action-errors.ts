/**
 * Which error codes each action may answer with: the codes its documentation lists (the Go SDK's
 * client.go comments and each page's error section; docs/api/create-listener.md) plus the common
 * codes every action may return. Actions throw the most precise code they can; an action whose
 * documentation does not list that code answers with the nearest documented parent instead
 * (`InvalidParameterValue.Range` → `InvalidParameterValue` for CreateListener): the gateway's one
 * error envelope applies this to every answer.
 */

/** The common error codes of API 3.0: any action may answer with these. */
const COMMON = new Set([
  'ActionOffline',
  'AuthFailure',
  'DryRunOperation',
  'FailedOperation',
  'InternalError',
  'InvalidAction',
  'InvalidParameter',
  'InvalidParameterValue',
  'InvalidRequest',
  'IpInBlacklist',
  'IpNotInWhitelist',
  'LimitExceeded',
  'MissingParameter',
  'NoSuchProduct',
  'NoSuchVersion',
  'RequestLimitExceeded',
  'RequestSizeLimitExceeded',
  'ResourceInUse',
  'ResourceInsufficient',
  'ResourceNotFound',
  'ResourceUnavailable',
  'ResponseSizeLimitExceeded',
  'ServiceUnavailable',
  'UnauthorizedOperation',
  'UnknownParameter',
  'UnsupportedOperation',
  'UnsupportedProtocol',
  'UnsupportedRegion',
]);

/** Common families whose sub-codes any action may return. */
const COMMON_FAMILIES = ['AuthFailure.', 'RequestLimitExceeded.'];

const DELETE_LISTENER = [
  'FailedOperation',
  'InternalError',
  'InvalidParameter',
  'InvalidParameter.FormatError',
  'InvalidParameterValue',
  'InvalidParameterValue.Length',
  'UnauthorizedOperation',
];

/**
 * The codes the forwarding-rule writes share (the Go SDK's comments for CreateRule, ModifyRule,
 * DeleteRule and ModifyDomainAttributes), plus ResourceInOperating, which they answer while the
 * load balancer runs another task, as the listener writes do (docs/api/rules.md).
 */
const RULE_WRITE = [
  'FailedOperation',
  'FailedOperation.ResourceInOperating',
  'InternalError',
  'InvalidParameter',
  'InvalidParameter.FormatError',
  'InvalidParameterValue',
  'InvalidParameterValue.Length',
  'MissingParameter',
  'UnauthorizedOperation',
];

/**
 * The codes the target writes share (RegisterTargets, DeregisterTargets, ModifyTargetWeight,
 * ModifyTargetPort): their listener or rule not found, the load balancer busy with another task.
 */
const TARGET_WRITE = [
  'FailedOperation',
  'FailedOperation.ResourceInOperating',
  'InternalError',
  'InvalidParameter',
  'InvalidParameter.FormatError',
  'InvalidParameter.LBIdNotFound',
  'InvalidParameter.ListenerIdNotFound',
  'InvalidParameter.LocationNotFound',
  'InvalidParameterValue',
  'InvalidParameterValue.Length',
  'LimitExceeded',
  'MissingParameter',
  'UnauthorizedOperation',
];

// biome-ignore format: one action a line
export const ACTION_ERRORS: Readonly<Record<string, readonly string[]>> = {
  CreateListener: ['FailedOperation', 'FailedOperation.ResourceInOperating', 'InternalError', 'InvalidParameter', 'InvalidParameter.FormatError', 'InvalidParameter.PortCheckFailed', 'InvalidParameterValue', 'InvalidParameterValue.Length', 'LimitExceeded', 'MissingParameter', 'ResourceInsufficient', 'UnauthorizedOperation'],
  ModifyListener: ['FailedOperation', 'FailedOperation.ResourceInOperating', 'InternalError', 'InvalidParameter', 'InvalidParameter.FormatError', 'InvalidParameterValue', 'InvalidParameterValue.Length', 'MissingParameter', 'UnauthorizedOperation'],
  DescribeListeners: ['FailedOperation', 'InternalError', 'InvalidParameter', 'InvalidParameter.FormatError', 'InvalidParameter.LBIdNotFound', 'InvalidParameter.RegionNotFound', 'InvalidParameterValue', 'InvalidParameterValue.InvalidFilter', 'InvalidParameterValue.Length', 'UnauthorizedOperation'],
  DeleteListener: DELETE_LISTENER,
  DeleteLoadBalancerListeners: [...DELETE_LISTENER, 'FailedOperation.ResourceInOperating', 'MissingParameter'],
  DescribeLoadBalancers: ['FailedOperation', 'InternalError', 'InvalidParameter', 'InvalidParameter.FormatError', 'InvalidParameter.RegionNotFound', 'InvalidParameterValue', 'InvalidParameterValue.InvalidFilter', 'InvalidParameterValue.Length', 'InvalidParameterValue.Range', 'UnauthorizedOperation', 'UnsupportedOperation'],
  CreateRule: [...RULE_WRITE, 'LimitExceeded', 'ResourceInsufficient'],
  ModifyRule: [...RULE_WRITE, 'InvalidParameter.LocationNotFound'],
  DeleteRule: [...RULE_WRITE, 'InvalidParameter.LocationNotFound'],
  ModifyDomainAttributes: RULE_WRITE,
  DescribeTaskStatus: ['FailedOperation', 'InternalError', 'InvalidParameter', 'InvalidParameter.RegionNotFound'],
  AssumeRole: ['FailedOperation.CheckMFAError', 'FailedOperation.MFATypeNotSupported', 'InternalError.DbError', 'InternalError.EncryptError', 'InternalError.GetAppIdError', 'InternalError.GetRoleError', 'InternalError.GetSeedTokenError', 'InternalError.IllegalRole', 'InternalError.PbSerializeError', 'InternalError.SystemError', 'InternalError.UnknownError', 'InvalidParameter.AccountNotAvaliable', 'InvalidParameter.ExtendStrategyOverSize', 'InvalidParameter.GrantOtherResource', 'InvalidParameter.OverLimit', 'InvalidParameter.OverTimeError', 'InvalidParameter.ParamError', 'InvalidParameter.PolicyTooLong', 'InvalidParameter.ResouceError', 'InvalidParameter.StrategyFormatError', 'InvalidParameter.StrategyInvalid', 'InvalidParameter.TempCodeNotAvaliable', 'ResourceNotFound.RoleNotFound', 'UnauthorizedOperation', 'UnsupportedOperation'],
  AssumeRoleWithWebIdentity: ['InternalError.GetRoleError', 'InternalError.SystemError', 'InternalError.UnknownError', 'InvalidParameter.OverLimit', 'InvalidParameter.ParamError', 'InvalidParameter.WebIdentityTokenError', 'RequestLimitExceeded', 'UnauthorizedOperation'],
  RegisterTargets: TARGET_WRITE,
  DeregisterTargets: TARGET_WRITE,
  ModifyTargetWeight: TARGET_WRITE,
  ModifyTargetPort: TARGET_WRITE,
  DescribeTargets: ['FailedOperation', 'InternalError', 'InvalidParameter', 'InvalidParameter.FormatError', 'InvalidParameter.LBIdNotFound', 'InvalidParameterValue', 'InvalidParameterValue.Length', 'MissingParameter', 'UnauthorizedOperation'],
  DescribeTargetHealth: ['FailedOperation', 'InternalError', 'InvalidParameter', 'InvalidParameter.FormatError', 'InvalidParameter.LBIdNotFound', 'InvalidParameterValue', 'InvalidParameterValue.Length', 'MissingParameter', 'UnauthorizedOperation'],
  DescribeCertificates: ['FailedOperation', 'FailedOperation.AuthError', 'FailedOperation.CAMAuthorizedFail', 'FailedOperation.CertificateNotFound', 'FailedOperation.InvalidParam', 'FailedOperation.NetworkError', 'FailedOperation.NoProjectPermission', 'FailedOperation.SystemError', 'InternalError', 'InternalError.BackendResponseEmpty', 'LimitExceeded.RateLimitExceeded'],
};

export function isDocumented(action: string, code: string): boolean {
  return COMMON.has(code) || COMMON_FAMILIES.some((family) => code.startsWith(family)) || (ACTION_ERRORS[action]?.includes(code) ?? false);
}

/** The code itself if the action documents it, else its nearest documented parent; unknown actions keep theirs. */
export function documentedCode(action: string, code: string): string {
  if (!Object.hasOwn(ACTION_ERRORS, action)) return code;
  let candidate = code;
  while (!isDocumented(action, candidate) && candidate.includes('.')) candidate = candidate.slice(0, candidate.lastIndexOf('.'));
  return isDocumented(action, candidate) ? candidate : 'InternalError';
}
