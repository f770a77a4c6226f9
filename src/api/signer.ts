/**
 * TC3-HMAC-SHA256, the TencentCloud API 3.0 signature, as pure functions named after the
 * steps of the specification. Nothing here reads the clock, the environment or the network:
 * the timestamp and every header value are passed in, so each step can be checked against
 * the vendor's worked example on its own.
 */
import { createHash, createHmac } from 'node:crypto';

export const ALGORITHM = 'TC3-HMAC-SHA256';
const TERMINATOR = 'tc3_request';

/** The two headers every TC3 signature must cover. */
export const DEFAULT_SIGNED_HEADERS: readonly string[] = ['content-type', 'host'];

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Uint8Array, message: string): Buffer {
  return createHmac('sha256', key).update(message, 'utf8').digest();
}

/** Step 1.6: lower-case hex SHA-256 of the exact body bytes. */
export function hashedRequestPayload(payload: string | Uint8Array): string {
  return sha256Hex(payload);
}

export interface CanonicalHeaders {
  /** `key:value\n` lines, sorted by key. */
  canonicalHeaders: string;
  /** Lower-case keys joined with `;`. */
  signedHeaders: string;
}

/**
 * Step 1.4/1.5: the canonical header block and the SignedHeaders list. Keys and values are
 * lower-cased and trimmed, as the specification says; a header named for signing but absent
 * from `headers` is an error, because signing a value we do not send can never verify.
 */
export function canonicalizeHeaders(headers: Record<string, string>, names: readonly string[] = DEFAULT_SIGNED_HEADERS): CanonicalHeaders {
  const byLowerName = new Map<string, string>();
  for (const [key, value] of Object.entries(headers)) byLowerName.set(key.trim().toLowerCase(), value);
  const keys = [...new Set(names.map((n) => n.trim().toLowerCase()))].sort();
  const lines = keys.map((key) => {
    const value = byLowerName.get(key);
    if (value === undefined) throw new Error(`cannot sign header "${key}": it is not among the headers sent`);
    return `${key}:${value.trim().toLowerCase()}\n`;
  });
  return { canonicalHeaders: lines.join(''), signedHeaders: keys.join(';') };
}

export interface CanonicalRequestInput {
  method: string;
  /** Always `/` for API 3.0. */
  uri?: string;
  /** Empty for POST. */
  query?: string;
  headers: Record<string, string>;
  signedHeaderNames?: readonly string[];
  payload: string | Uint8Array;
}

/** Step 1: the six parts joined with `\n`, no trailing newline. */
export function canonicalRequest(input: CanonicalRequestInput): { canonicalRequest: string; signedHeaders: string } {
  const { canonicalHeaders, signedHeaders } = canonicalizeHeaders(input.headers, input.signedHeaderNames);
  const text = [
    input.method.toUpperCase(),
    input.uri ?? '/',
    input.query ?? '',
    canonicalHeaders,
    signedHeaders,
    hashedRequestPayload(input.payload),
  ].join('\n');
  return { canonicalRequest: text, signedHeaders };
}

/** The UTC calendar date of a Unix timestamp; never local time. */
export function utcDate(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

/** The product name is the first label of the endpoint host: `clb` for `clb.ap-guangzhou.tencentcloudapi.com`. */
export function serviceFromHost(host: string): string {
  return host.split('.')[0] ?? host;
}

/** Step 2: `<date>/<service>/tc3_request`. */
export function credentialScope(date: string, service: string): string {
  return `${date}/${service}/${TERMINATOR}`;
}

/** Step 2: the four lines that are signed. */
export function stringToSign(timestampSeconds: number, scope: string, canonicalRequestText: string): string {
  return [ALGORITHM, String(timestampSeconds), scope, sha256Hex(canonicalRequestText)].join('\n');
}

export interface SigningKeys {
  secretDate: Buffer;
  secretService: Buffer;
  secretSigning: Buffer;
}

/** Step 3: the derived keys; intermediate keys are raw bytes, not hex. */
export function deriveSigningKeys(secretKey: string, date: string, service: string): SigningKeys {
  const secretDate = hmac(`TC3${secretKey}`, date);
  const secretService = hmac(secretDate, service);
  const secretSigning = hmac(secretService, TERMINATOR);
  return { secretDate, secretService, secretSigning };
}

/** Step 3: lower-case hex HMAC of the string to sign. */
export function signature(secretSigning: Uint8Array, stringToSignText: string): string {
  return createHmac('sha256', secretSigning).update(stringToSignText, 'utf8').digest('hex');
}

/** Step 4: the Authorization header value. */
export function authorization(secretId: string, scope: string, signedHeaders: string, signatureHex: string): string {
  return `${ALGORITHM} Credential=${secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signatureHex}`;
}

export interface SignInput extends CanonicalRequestInput {
  secretId: string;
  secretKey: string;
  service: string;
  timestampSeconds: number;
}

export interface SignResult {
  authorization: string;
  signature: string;
  signedHeaders: string;
  credentialScope: string;
  canonicalRequest: string;
  stringToSign: string;
}

/** All the steps together. */
export function sign(input: SignInput): SignResult {
  const { canonicalRequest: canonical, signedHeaders } = canonicalRequest(input);
  const date = utcDate(input.timestampSeconds);
  const scope = credentialScope(date, input.service);
  const toSign = stringToSign(input.timestampSeconds, scope, canonical);
  const { secretSigning } = deriveSigningKeys(input.secretKey, date, input.service);
  const sig = signature(secretSigning, toSign);
  return {
    authorization: authorization(input.secretId, scope, signedHeaders, sig),
    signature: sig,
    signedHeaders,
    credentialScope: scope,
    canonicalRequest: canonical,
    stringToSign: toSign,
  };
}

export interface ParsedAuthorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** The inverse of `authorization`, for a server that verifies requests; undefined when malformed. */
export function parseAuthorization(header: string): ParsedAuthorization | undefined {
  const match =
    /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/,\s]+)\/tc3_request, ?SignedHeaders=([a-z0-9;_-]+), ?Signature=([0-9a-f]{64})$/.exec(
      header.trim(),
    );
  if (!match) return undefined;
  const [, secretId, date, service, signed, sig] = match as unknown as [string, string, string, string, string, string];
  return { secretId, date, service, signedHeaders: signed.split(';'), signature: sig };
}
