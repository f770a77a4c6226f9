/**
 * What a request looks like when shown to a person (--dry-run, --debug): the signature and any
 * session token are replaced, and private key material, temporary keys and OIDC tokens are
 * reduced to their size.
 */
import { holdsPrivateKey } from '../model/certificates.js';
import { SECRET_FIELDS } from '../model/fields.js';

const SECRET_HEADERS = new Set(['authorization', 'x-tc-token']);
/** STS's secrets: the keys and token it issues, and the OIDC token it is given. */
const CREDENTIAL_FIELDS = new Set(['TmpSecretKey', 'Token', 'WebIdentityToken']);

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'authorization') {
      // Keep the non-secret parts (algorithm, SecretId scope, signed headers); drop the signature.
      out[name] = value.replace(/Signature=[0-9a-f]+/, 'Signature=<redacted>');
    } else {
      out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? '<redacted>' : value;
    }
  }
  return out;
}

const redacted = (text: string): string => `<redacted: ${Buffer.byteLength(text)} bytes>`;

export function redactBody(value: unknown): unknown {
  if (typeof value === 'string') return holdsPrivateKey(value) ? redacted(value) : value;
  if (Array.isArray(value)) return value.map(redactBody);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // A private key is redacted wherever it sits (redactBody of a string), not only in its fields.
    const secret = SECRET_FIELDS.has(key) || CREDENTIAL_FIELDS.has(key);
    out[key] = secret && typeof v === 'string' ? redacted(v) : redactBody(v);
  }
  return out;
}

/** A JSON body text, redacted; non-JSON text is returned as it is. */
export function redactBodyText(text: string): string {
  try {
    return JSON.stringify(redactBody(JSON.parse(text)));
  } catch {
    return text;
  }
}
