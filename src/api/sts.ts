/**
 * The two STS (version 2018-08-13) calls that turn configuration into a role's temporary keys:
 * `AssumeRole`, TC3-signed with the caller's own keys (credential scope service `sts`), and
 * `AssumeRoleWithWebIdentity`, sent unsigned (`Authorization: SKIP`) as the SDKs send it. Same
 * transport rules as the CLB client: https anywhere, http only to loopback, the environment's
 * proxy. Every failure is a CredentialsError: without these keys nothing can be sent.
 */
import type { Dispatcher } from 'undici';
import type { Clock } from '../core/clock.js';
import type { Credentials } from '../core/credentials.js';
import { CredentialsError, InterruptedError } from '../core/errors.js';
import { loadUndici, makeDispatcher, REQUEST_CLIENT, type WireEvent } from './client.js';
import { parseEndpoint } from './endpoint.js';
import { proxyFor } from './proxy.js';
import { sign } from './signer.js';

export const STS_VERSION = '2018-08-13';
export const STS_SERVICE = 'sts';
export const STS_HOST = 'sts.tencentcloudapi.com';
/** What tccli and the SDKs ask for. */
export const DEFAULT_DURATION_SECONDS = 7200;
/** tccli and the SDKs send AssumeRole to this region unless told otherwise. */
export const STS_DEFAULT_REGION = 'ap-guangzhou';
const TIMEOUT_MS = 15_000;
/** One more try after a failure that cannot have issued anything twice that matters. */
const RETRY_DELAY_MS = 300;

export interface StsOptions {
  /** `https://sts.tencentcloudapi.com`, a bare host, or `http://` + loopback (the emulator). */
  endpoint: string;
  region: string;
  /** Where the proxy variables are read from. */
  env: Record<string, string | undefined>;
  /** Timestamps and the pause before a retry. */
  clock: Clock;
  onWire?: (event: WireEvent) => void;
  signal?: AbortSignal;
}

export interface AssumeRoleParams {
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds: number;
}

export interface WebIdentityParams extends AssumeRoleParams {
  ProviderId: string;
  WebIdentityToken: string;
}

interface Answer {
  status: number;
  text: string;
}

/** The keys STS returned, with their expiry; registered as secrets by the caller before anything prints. */
export type IssuedCredentials = Credentials & { token: string; expiresAt: number };

async function post(options: StsOptions, action: string, body: string, headers: Record<string, string>, attempt: number): Promise<Answer> {
  const url = parseEndpoint(options.endpoint, 'the STS endpoint');
  const undici = await loadUndici();
  const dispatcher: Dispatcher = makeDispatcher(undici, proxyFor(url, options.env), { requestTimeoutMs: TIMEOUT_MS });
  const target = `${url.origin}/`;
  options.onWire?.({ type: 'request', action, attempt, url: target, headers, body });
  const started = options.clock.now();
  const deadline = AbortSignal.timeout(TIMEOUT_MS);
  try {
    const response = await dispatcher.request({
      origin: url.origin,
      path: '/',
      method: 'POST',
      headers,
      body,
      signal: options.signal ? AbortSignal.any([options.signal, deadline]) : deadline,
    });
    const text = await response.body.text();
    return { status: response.statusCode, text };
  } catch (error) {
    if (options.signal?.aborted) throw new InterruptedError();
    const detail = deadline.aborted ? `no answer within ${TIMEOUT_MS / 1000} s` : error instanceof Error ? error.message : String(error);
    options.onWire?.({ type: 'error', action, attempt, ms: options.clock.now() - started, error: detail });
    throw Object.assign(new Error(detail), { transport: true });
  } finally {
    await dispatcher.close();
  }
}

function headersFor(action: string, options: StsOptions, host: string, timestampSeconds: number): Record<string, string> {
  return {
    Host: host,
    'Content-Type': 'application/json',
    'X-TC-Action': action,
    'X-TC-Version': STS_VERSION,
    'X-TC-Timestamp': String(timestampSeconds),
    'X-TC-Region': options.region,
    'X-TC-RequestClient': REQUEST_CLIENT,
  };
}

function parseIssued(action: string, status: number, text: string): IssuedCredentials {
  if (status !== 200) throw new Error(`the STS endpoint answered HTTP ${status}`);
  let response: Record<string, unknown> | undefined;
  try {
    response = (JSON.parse(text) as { Response?: Record<string, unknown> }).Response;
  } catch {
    // Not quoted: the text may hold the keys it failed to describe.
    throw new Error(`the ${action} answer is not JSON`);
  }
  if (!response || typeof response !== 'object') throw new Error(`the ${action} answer has no Response object`);
  const error = response.Error as { Code?: unknown; Message?: unknown } | undefined;
  if (error && typeof error === 'object') {
    const requestId = typeof response.RequestId === 'string' ? ` (RequestId ${response.RequestId})` : '';
    throw Object.assign(new Error(`${String(error.Code)}: ${String(error.Message ?? '')}${requestId}`), { code: String(error.Code) });
  }
  const credentials = response.Credentials as { TmpSecretId?: unknown; TmpSecretKey?: unknown; Token?: unknown } | undefined;
  const expiredTime = response.ExpiredTime;
  if (
    typeof credentials?.TmpSecretId !== 'string' ||
    typeof credentials.TmpSecretKey !== 'string' ||
    typeof credentials.Token !== 'string' ||
    typeof expiredTime !== 'number'
  ) {
    throw new Error(`the ${action} answer lacks Credentials or ExpiredTime`);
  }
  return {
    secretId: credentials.TmpSecretId,
    secretKey: credentials.TmpSecretKey,
    token: credentials.Token,
    expiresAt: expiredTime * 1000,
  };
}

/** Worth one more try: the connection failed, STS was busy or broke; never a refusal. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  if ((error as { transport?: boolean }).transport) return true;
  if (code) return code.startsWith('RequestLimitExceeded') || code.startsWith('InternalError');
  return /HTTP 5\d\d/.test((error as Error).message);
}

async function call(
  options: StsOptions,
  action: 'AssumeRole' | 'AssumeRoleWithWebIdentity',
  params: object,
  signWith: Credentials | undefined,
  registerSecrets: (issued: IssuedCredentials) => void,
): Promise<IssuedCredentials> {
  const body = JSON.stringify(params);
  const url = parseEndpoint(options.endpoint, 'the STS endpoint');
  for (let attempt = 1; ; attempt++) {
    const timestampSeconds = Math.floor(options.clock.now() / 1000);
    const headers = headersFor(action, options, url.host, timestampSeconds);
    if (signWith) {
      if (signWith.token) headers['X-TC-Token'] = signWith.token;
      headers.Authorization = sign({
        method: 'POST',
        headers,
        payload: body,
        secretId: signWith.secretId,
        secretKey: signWith.secretKey,
        service: STS_SERVICE,
        timestampSeconds,
      }).authorization;
    } else {
      headers.Authorization = 'SKIP';
    }
    const started = options.clock.now();
    try {
      const answer = await post(options, action, body, headers, attempt);
      let issued: IssuedCredentials | undefined;
      let failure: unknown;
      try {
        issued = parseIssued(action, answer.status, answer.text);
      } catch (error) {
        failure = error;
      }
      // The answer holds the new keys: they are secrets before the debug log may show it.
      if (issued) registerSecrets(issued);
      options.onWire?.({ type: 'response', action, attempt, status: answer.status, ms: options.clock.now() - started, body: answer.text });
      if (!issued) throw failure;
      return issued;
    } catch (error) {
      if (error instanceof InterruptedError) throw error;
      if (attempt < 2 && isTransient(error)) {
        options.onWire?.({ type: 'retry', action, attempt, reason: (error as Error).message, delayMs: RETRY_DELAY_MS });
        try {
          await options.clock.sleep(RETRY_DELAY_MS, options.signal);
        } catch {
          throw new InterruptedError();
        }
        continue;
      }
      throw new CredentialsError(`${action} at ${url.origin} failed: ${(error as Error).message}`, {
        cause: error,
        hint: hintFor((error as { code?: string }).code, action),
      });
    }
  }
}

function hintFor(code: string | undefined, action: string): string {
  if (code?.startsWith('AuthFailure')) {
    return action === 'AssumeRole'
      ? 'the keys used to assume the role were refused; check them with: clb-listener whoami'
      : 'check the TKE OIDC settings of this pod';
  }
  if (code === 'ResourceNotFound.RoleNotFound' || code === 'InternalError.GetRoleError') return 'check the role ARN';
  if (code === 'UnauthorizedOperation') return "the caller may not assume this role: check the role's trust policy";
  if (code?.startsWith('InvalidParameter')) return 'check the role ARN and session name (2-128 of letters, digits and =,.@_-)';
  return `check the STS endpoint and your network (the endpoint is set by sts.endpoint in the profile or CLB_LISTENER_STS_ENDPOINT)`;
}

/** AssumeRole signed with `base`: the role's keys. */
export function assumeRole(
  options: StsOptions,
  base: Credentials,
  params: AssumeRoleParams,
  registerSecrets: (issued: IssuedCredentials) => void,
): Promise<IssuedCredentials> {
  return call(options, 'AssumeRole', params, base, registerSecrets);
}

/** AssumeRoleWithWebIdentity, unsigned: the OIDC token is the proof. */
export function assumeRoleWithWebIdentity(
  options: StsOptions,
  params: WebIdentityParams,
  registerSecrets: (issued: IssuedCredentials) => void,
): Promise<IssuedCredentials> {
  return call(options, 'AssumeRoleWithWebIdentity', params, undefined, registerSecrets);
}
