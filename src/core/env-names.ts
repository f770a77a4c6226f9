/**
 * The names of every environment variable this tool reads, so hints and help text quote the
 * same names the code uses. A leaf module: anything may import it without pulling the chain in.
 */
export const ENV = {
  secretId: 'TENCENTCLOUD_SECRET_ID',
  secretKey: 'TENCENTCLOUD_SECRET_KEY',
  /** The Node SDK's name first, then tccli's, then the older STS-era name. */
  tokens: ['TENCENTCLOUD_SESSION_TOKEN', 'TENCENTCLOUD_TOKEN', 'TENCENTCLOUD_SECURITY_TOKEN'],
  region: 'TENCENTCLOUD_REGION',
  profile: 'TCCLI_PROFILE',
  credentialsFile: 'TENCENTCLOUD_CREDENTIALS_FILE',
  metadataUrl: 'CLB_LISTENER_METADATA_URL',
  /** The language of messages and of the API (`zh-CN`, `en-US`, or a locale), after --language. */
  language: 'CLB_LISTENER_LANG',
  /** `false` sends requests without the client-side rules (like --no-validate). */
  validate: 'CLB_LISTENER_VALIDATE',
  /** tccli's role pair (tccli needs both; here the ARN alone is enough). */
  roleArn: 'TENCENTCLOUD_ROLE_ARN',
  roleSessionName: 'TENCENTCLOUD_ROLE_SESSION_NAME',
  /** TKE's OIDC variables: all four set, or none is used. */
  tke: {
    region: 'TKE_REGION',
    providerId: 'TKE_PROVIDER_ID',
    tokenFile: 'TKE_WEB_IDENTITY_TOKEN_FILE',
    roleArn: 'TKE_ROLE_ARN',
  },
  /** Ours: the CLB endpoint, between `--endpoint` and the profile's `clb.endpoint` (the emulator prints it). */
  endpoint: 'CLB_LISTENER_ENDPOINT',
  /** Ours: the STS endpoint, like tccli's `sts.endpoint` profile setting. */
  stsEndpoint: 'CLB_LISTENER_STS_ENDPOINT',
} as const;
