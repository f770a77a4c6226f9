/**
 * Step 4 of the chain: temporary keys of the CVM instance role, from the instance metadata
 * service. Off-cloud the first request fails within a second (refused, unresolvable or timed out),
 * so trying it costs nothing noticeable. node:http rather than fetch: the service is plain HTTP
 * on a link-local name, and http gives a socket timeout that covers the connect.
 */
import { CredentialsError, InterruptedError } from '../core/errors.js';
import { registerCredentials, type CredentialSource, type Credentials } from './credentials.js';
import type { SecretRegistry } from '../core/secrets.js';
import { ENV } from '../core/env-names.js';

const DEFAULT_METADATA_URL = 'http://metadata.tencentyun.com/latest/meta-data';
/** Off-cloud this is the whole cost of trying the step. */
const PROBE_TIMEOUT_MS = 1000;
/** On-cloud the service answers in milliseconds; this only bounds a sick one. */
const FETCH_TIMEOUT_MS = 3000;
/** Re-fetch this long before ExpiredTime, so a request signed now is still valid when it lands. */
export const REFRESH_MARGIN_MS = 60_000;
/** The answers are a role name or a small JSON object; anything bigger is not the metadata service. */
const MAX_BODY_BYTES = 64 * 1024;

function metadataBaseUrl(env: Record<string, string | undefined>): string {
  return (env[ENV.metadataUrl]?.trim() || DEFAULT_METADATA_URL).replace(/\/+$/, '');
}

interface HttpAnswer {
  status: number;
  body: string;
}

async function getText(url: string, timeoutMs: number, signal?: AbortSignal): Promise<HttpAnswer> {
  // Loaded here, only when the instance role is tried, and as CommonJS: importing node:http up
  // front costs every run, and on Node 24 its ES module view loads Node's built-in fetch too.
  const { get: httpGet } = process.getBuiltinModule('node:http');
  // The socket timeout covers connect and silence; the deadline covers a slow DNS lookup as well.
  const deadline = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { agent: false, timeout: timeoutMs, signal: combined }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) request.destroy(new Error('metadata answer too large'));
        else chunks.push(chunk);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

/** The name of the role bound to this instance, or undefined when there is no metadata service or no role. */
async function probeCvmRole(baseUrl: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    const answer = await getText(`${baseUrl}/cam/security-credentials/`, PROBE_TIMEOUT_MS, signal);
    if (answer.status !== 200) return undefined;
    return answer.body
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find(Boolean);
  } catch {
    if (signal?.aborted) throw new InterruptedError();
    return undefined;
  }
}

function parseRoleCredentials(body: string, role: string): Credentials {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(body) as Record<string, unknown>;
  } catch {
    // Not quoted: the body may hold the temporary key.
    throw new CredentialsError(`the metadata service sent unreadable credentials for CVM role "${role}"`);
  }
  const { TmpSecretId, TmpSecretKey, Token, ExpiredTime, Expiration, Code } = data;
  if (Code !== 'Success' || typeof TmpSecretId !== 'string' || typeof TmpSecretKey !== 'string' || !TmpSecretId || !TmpSecretKey) {
    throw new CredentialsError(
      `the metadata service refused credentials for CVM role "${role}" (Code: ${typeof Code === 'string' ? Code : 'missing'})`,
      {
        hint: 'check that the role is still bound to this instance (CVM console → Instance → Bind role)',
      },
    );
  }
  const expiresAt =
    typeof ExpiredTime === 'number' ? ExpiredTime * 1000 : typeof Expiration === 'string' ? Date.parse(Expiration) || undefined : undefined;
  return {
    secretId: TmpSecretId,
    secretKey: TmpSecretKey,
    ...(typeof Token === 'string' && Token ? { token: Token } : {}),
    ...(expiresAt ? { expiresAt } : {}),
  };
}

/**
 * The role's temporary keys, fetched on first use and re-fetched within REFRESH_MARGIN_MS of
 * their expiry, so a long wait keeps signing with valid keys. Concurrent callers share one fetch.
 */
export class CvmRoleSource implements CredentialSource {
  readonly kind = 'cvm-role' as const;
  readonly describe: string;
  private cached: Credentials | undefined;
  private pending: Promise<Credentials> | undefined;

  constructor(
    private readonly baseUrl: string,
    readonly role: string,
    private readonly now: () => number,
    private readonly secrets: SecretRegistry,
    via?: string,
  ) {
    this.describe = `CVM role ${role} (instance metadata${via ? `, ${via}` : ''})`;
  }

  private fresh(credentials: Credentials | undefined): credentials is Credentials {
    // No known expiry: ask again each time rather than risk signing with dead keys.
    return !!credentials?.expiresAt && credentials.expiresAt - this.now() > REFRESH_MARGIN_MS;
  }

  async get(signal?: AbortSignal): Promise<Credentials> {
    if (this.fresh(this.cached)) return this.cached;
    this.pending ??= this.fetch(signal).finally(() => {
      this.pending = undefined;
    });
    try {
      this.cached = await this.pending;
    } catch (error) {
      // A failed refresh is no reason to drop keys that are still valid for a while.
      if (this.cached?.expiresAt && this.cached.expiresAt > this.now()) return this.cached;
      throw error;
    }
    return this.cached;
  }

  private async fetch(signal?: AbortSignal): Promise<Credentials> {
    let answer: HttpAnswer;
    try {
      answer = await getText(`${this.baseUrl}/cam/security-credentials/${encodeURIComponent(this.role)}`, FETCH_TIMEOUT_MS, signal);
    } catch (error) {
      if (signal?.aborted) throw new InterruptedError();
      throw new CredentialsError(`could not fetch credentials of CVM role "${this.role}": ${(error as Error).message}`, { cause: error });
    }
    if (answer.status !== 200) {
      throw new CredentialsError(`the metadata service answered HTTP ${answer.status} for CVM role "${this.role}"`);
    }
    return registerCredentials(parseRoleCredentials(answer.body, this.role), this.secrets);
  }
}

/** The role's source when this machine has one, else undefined (quickly, off-cloud). */
export async function cvmRoleSource(options: {
  env: Record<string, string | undefined>;
  now: () => number;
  secrets: SecretRegistry;
  signal?: AbortSignal;
  via?: string;
}): Promise<CvmRoleSource | undefined> {
  const baseUrl = metadataBaseUrl(options.env);
  const role = await probeCvmRole(baseUrl, options.signal);
  return role ? new CvmRoleSource(baseUrl, role, options.now, options.secrets, options.via) : undefined;
}
