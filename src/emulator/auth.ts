/**
 * Signature verification, using the project's own signer functions for TC3 and the emulator's
 * own reading of the v1 scheme (docs/emulator.md). Recomputes the signature from what actually
 * arrived: the exact body bytes, the headers the Authorization header says were signed, and the
 * Host header both as received and without its port, because clients differ (the official Node
 * SDK signs the URL's hostname, others sign `host:port`).
 *
 * The credential scope's service must be the one addressed (`clb`, `ssl`, `sts`), or the first
 * label of the Host header: the official Node SDK takes the service from the endpoint's first
 * label, so pointed at `127.0.0.1:PORT` it signs for service `127`.
 *
 * Codes: missing/unparseable header, or a SignedHeaders list without content-type and host →
 * AuthFailure.InvalidAuthorization; unknown SecretId → AuthFailure.SecretIdNotFound; timestamp
 * more than 300 s from the emulator's clock → AuthFailure.SignatureExpire; a scope whose service
 * is neither of the above or whose date is not the timestamp's UTC date, a signed header that was
 * not sent, or a wrong signature → AuthFailure.SignatureFailure; a wrong, missing or expired token
 * for a key that requires one → AuthFailure.TokenFailure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  canonicalRequest,
  credentialScope,
  deriveSigningKeys,
  parseAuthorization,
  serviceFromHost,
  signature,
  stringToSign,
  utcDate,
} from '../api/signer.js';
import { ApiFault } from './api-error.js';
import type { EmulatorKey } from './types.js';

const MAX_SKEW_SECONDS = 300;
/** What TC3 hashes instead of the body when the client sends `X-TC-Content-SHA256: UNSIGNED-PAYLOAD`. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export class KeyRing {
  private readonly keys = new Map<string, EmulatorKey>();

  add(key: EmulatorKey): void {
    this.keys.set(key.secretId, { ...key });
  }

  get(secretId: string): EmulatorKey | undefined {
    return this.keys.get(secretId);
  }
}

export interface ReceivedRequest {
  method: string;
  /** Path and query as received; the canonical URI and query string come from it. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The already-validated X-TC-Timestamp. */
  timestamp: number;
}

const fail = (suffix: string, message: string) => new ApiFault(`AuthFailure.${suffix}`, message);

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** `host:port` and `host`, handling `[::1]:port` too. */
function hostCandidates(host: string): string[] {
  const withoutPort = host.replace(/:\d+$/, '');
  return withoutPort === host ? [host] : [host, withoutPort];
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The key for `secretId`, after the clock-skew check every signature form shares. */
function knownKey(keys: KeyRing, secretId: string, timestamp: number, nowMs: number): EmulatorKey {
  const key = keys.get(secretId);
  if (!key) throw fail('SecretIdNotFound', `The SecretId ${secretId} is not found; check it for typos and stray whitespace.`);
  const skew = Math.abs(nowMs / 1000 - timestamp);
  if (skew > MAX_SKEW_SECONDS) {
    throw fail(
      'SignatureExpire',
      `The timestamp ${timestamp} is ${Math.round(skew)} s away from server time; the limit is ${MAX_SKEW_SECONDS} s.`,
    );
  }
  return key;
}

/** Temporary keys need their token, and stop working when they expire. */
function checkToken(key: EmulatorKey, token: string | undefined, nowMs: number): void {
  if (key.token === undefined) return;
  if (token !== key.token) throw fail('TokenFailure', 'The session token is missing or does not match these temporary credentials.');
  if (key.expiresAt !== undefined && nowMs > key.expiresAt) throw fail('TokenFailure', 'These temporary credentials have expired.');
}

export interface Tc3Options {
  /** The service addressed (`clb`, `ssl`, `sts`): the name its real host would give. */
  service: string;
  /** The client sent `X-TC-Content-SHA256: UNSIGNED-PAYLOAD`: the literal is hashed, not the body. */
  unsignedPayload?: boolean;
}

/** Throws an AuthFailure.* ApiFault unless the request is TC3-signed by a known, valid key; returns the key. */
export function verifyRequest(req: ReceivedRequest, keys: KeyRing, nowMs: number, options: Tc3Options): EmulatorKey {
  const header = headerText(req.headers.authorization);
  if (!header) throw fail('InvalidAuthorization', 'The Authorization header is missing.');
  const parsed = parseAuthorization(header);
  if (!parsed) {
    throw fail(
      'InvalidAuthorization',
      'The Authorization header is malformed; expected "TC3-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…".',
    );
  }
  if (!parsed.signedHeaders.includes('content-type') || !parsed.signedHeaders.includes('host')) {
    throw fail('InvalidAuthorization', 'SignedHeaders must include content-type and host.');
  }
  const key = knownKey(keys, parsed.secretId, req.timestamp, nowMs);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    const text = headerText(value);
    if (text !== undefined) headers[name] = text;
  }
  const hostLabel = serviceFromHost(headers.host ?? '');
  if (parsed.service !== options.service && parsed.service !== hostLabel) {
    throw fail('SignatureFailure', `The credential scope names service "${parsed.service}"; this API is "${options.service}".`);
  }
  const date = utcDate(req.timestamp);
  if (parsed.date !== date) {
    throw fail('SignatureFailure', `The credential scope date ${parsed.date} is not the UTC date ${date} of X-TC-Timestamp.`);
  }

  const url = new URL(req.url, 'http://emulator.invalid');
  const { secretSigning } = deriveSigningKeys(key.secretKey, date, parsed.service);
  const scope = credentialScope(date, parsed.service);
  const matches = hostCandidates(headers.host ?? '').some((host) => {
    let canonical: string;
    try {
      ({ canonicalRequest: canonical } = canonicalRequest({
        method: req.method,
        uri: url.pathname,
        query: url.search.slice(1),
        headers: { ...headers, host },
        signedHeaderNames: parsed.signedHeaders,
        payload: options.unsignedPayload ? UNSIGNED_PAYLOAD : req.body,
      }));
    } catch {
      return false; // a header listed in SignedHeaders was not sent
    }
    return sameText(signature(secretSigning, stringToSign(req.timestamp, scope, canonical)), parsed.signature);
  });
  if (!matches) {
    throw fail(
      'SignatureFailure',
      'The request signature does not match; check the SecretKey and the signing steps (headers, body bytes, host).',
    );
  }
  checkToken(key, headerText(req.headers['x-tc-token']), nowMs);
  return key;
}

export interface V1Request {
  method: string;
  /** The Host header as received. */
  host: string;
  path: string;
  /** Every parameter of the query or form body, decoded, Signature included. */
  params: Readonly<Record<string, string>>;
  /** The already-validated Timestamp parameter. */
  timestamp: number;
}

const V1_HASHES: Readonly<Record<string, string>> = { HmacSHA1: 'sha1', HmacSHA256: 'sha256' };

/**
 * The v1 string to sign: method, host, path, `?`, then every parameter but Signature as `k=v`
 * (raw values, keys in byte order) joined with `&`.
 */
export function v1StringToSign(method: string, host: string, path: string, params: Readonly<Record<string, string>>): string {
  const pairs = Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${name}=${params[name]}`);
  return `${method.toUpperCase()}${host}${path}?${pairs.join('&')}`;
}

/** Throws an AuthFailure.* ApiFault unless the v1 (HmacSHA1/HmacSHA256) signature verifies; returns the key. */
export function verifyV1Request(req: V1Request, keys: KeyRing, nowMs: number): EmulatorKey {
  const { SecretId: secretId, Signature: given } = req.params;
  if (!secretId || !given) throw fail('InvalidAuthorization', 'A v1-signed request needs the SecretId and Signature parameters.');
  const method = req.params.SignatureMethod ?? 'HmacSHA1';
  const hash = Object.hasOwn(V1_HASHES, method) ? V1_HASHES[method] : undefined;
  if (!hash) throw fail('InvalidAuthorization', `SignatureMethod must be HmacSHA1 or HmacSHA256, not "${method}".`);
  const key = knownKey(keys, secretId, req.timestamp, nowMs);
  const matches = hostCandidates(req.host).some((host) => {
    const expected = createHmac(hash, key.secretKey)
      .update(v1StringToSign(req.method, host, req.path, req.params), 'utf8')
      .digest('base64');
    return sameText(expected, given);
  });
  if (!matches) {
    throw fail(
      'SignatureFailure',
      'The request signature does not match; check the SecretKey and the v1 signing steps (sorted raw parameters, host, path).',
    );
  }
  checkToken(key, req.params.Token, nowMs);
  return key;
}
