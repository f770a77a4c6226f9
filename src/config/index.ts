/**
 * Where credentials, region and endpoint come from. This first version reads the environment
 * only; profiles, the SDK's INI file and the CVM role extend the chain behind the same interface.
 */
import { CredentialsError, UsageError } from '../api/errors.js';
import { registerSecret } from '../ui/secrets.js';

export interface Credentials {
  secretId: string;
  secretKey: string;
  token?: string;
  /** Milliseconds since the epoch, for temporary credentials. */
  expiresAt?: number;
}

export interface CredentialSource {
  /** Where the credentials came from, for `whoami` and --debug (never the secret). */
  describe: string;
  /** Cached; temporary credentials are refreshed before they expire. */
  get(signal?: AbortSignal): Promise<Credentials>;
}

export interface ResolvedSettings {
  credentials: CredentialSource;
  region: string;
  regionSource: string;
  endpoint: string;
  endpointSource: string;
  language?: 'zh-CN' | 'en-US';
}

export interface SettingsInput {
  env: Record<string, string | undefined>;
  home?: string;
  /** An explicit --profile. */
  profile?: string;
  region?: string;
  endpoint?: string;
  now?: () => number;
}

export const DEFAULT_ENDPOINT = 'https://clb.tencentcloudapi.com';

export const MISSING_CREDENTIALS_HINT =
  'set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY (and TENCENTCLOUD_SESSION_TOKEN for temporary keys)';

function fromEnvironment(env: Record<string, string | undefined>): CredentialSource | undefined {
  const secretId = env.TENCENTCLOUD_SECRET_ID?.trim();
  const secretKey = env.TENCENTCLOUD_SECRET_KEY?.trim();
  if (!secretId || !secretKey) return undefined;
  const token = env.TENCENTCLOUD_SESSION_TOKEN || env.TENCENTCLOUD_TOKEN || env.TENCENTCLOUD_SECURITY_TOKEN || undefined;
  registerSecret(secretKey);
  registerSecret(token);
  const credentials: Credentials = { secretId, secretKey, ...(token ? { token } : {}) };
  return { describe: 'environment (TENCENTCLOUD_SECRET_ID)', get: async () => credentials };
}

export function resolveRegion(input: SettingsInput): { region: string; source: string } {
  if (input.region) return { region: input.region, source: '--region' };
  if (input.env.TENCENTCLOUD_REGION) return { region: input.env.TENCENTCLOUD_REGION, source: 'TENCENTCLOUD_REGION' };
  throw new UsageError('no region given', '--region', {
    hint: 'pass --region ap-guangzhou, set TENCENTCLOUD_REGION, or set one in the profile (clb-listener configure set region ap-guangzhou)',
  });
}

export async function resolveSettings(input: SettingsInput): Promise<ResolvedSettings> {
  const { region, source: regionSource } = resolveRegion(input);
  const credentials = fromEnvironment(input.env);
  if (!credentials) throw new CredentialsError('no credentials found', { hint: MISSING_CREDENTIALS_HINT });
  const endpoint = input.endpoint ?? DEFAULT_ENDPOINT;
  return { credentials, region, regionSource, endpoint, endpointSource: input.endpoint ? '--endpoint' : 'default' };
}
