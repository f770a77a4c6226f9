/**
 * The tool's own secrets never leave in a request body. A credentials file given as input by
 * mistake (`--certificate CertId=file://~/.tccli/default.credential`) would otherwise put the
 * SecretKey or the session token into the body, signed and sent. Checked where every request is
 * signed, against the keys that sign it, so it holds for every command and credential source.
 */
import type { Credentials } from '../core/credentials.js';
import { UsageError } from '../core/errors.js';
import { message, type Text } from '../core/i18n.js';
import { NETWORK } from './network.messages.js';

/** Shorter values could be ordinary words of a body (a real SecretKey has 32 characters). */
const MIN_CHECKED_LENGTH = 12;

/** Where in a JSON body a text occurs: `Certificate.CertId`, or undefined. */
function pathOf(body: string, needle: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const stack: { value: unknown; path: string }[] = [{ value: parsed, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes(needle)) return path || undefined;
    } else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) stack.push({ value: item, path: `${path}[${i}]` });
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes(needle)) return path ? `${path}.<a key>` : '<a key>';
        stack.push({ value: item, path: path ? `${path}.${key}` : key });
      }
    }
  }
  return undefined;
}

/** Refuses (exit 2, nothing sent) a body holding the SecretKey or session token that signs it. */
export function refuseOwnSecrets(action: string, body: string, credentials: Credentials): void {
  const parts: [readonly [Text, Text], string | undefined][] = [
    [[NETWORK.ownSecretKey, NETWORK.ownSecretKeyAt], credentials.secretKey],
    [[NETWORK.ownToken, NETWORK.ownTokenAt], credentials.token],
  ];
  for (const [[said, saidAt], secret] of parts) {
    if (!secret || secret.length < MIN_CHECKED_LENGTH) continue;
    // As JSON writes it: a key with a quote or a backslash is escaped in the body.
    const written = JSON.stringify(secret).slice(1, -1);
    if (!body.includes(secret) && !body.includes(written)) continue;
    const where = pathOf(body, secret);
    throw new UsageError(where ? message(saidAt, { action, path: where }) : message(said, { action }), undefined, {
      hint: message(NETWORK.ownSecretHint),
    });
  }
}
