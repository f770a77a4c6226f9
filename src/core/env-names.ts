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
  /** `false` sends requests without the client-side rules (like --no-validate). */
  validate: 'CLB_LISTENER_VALIDATE',
} as const;
