/** Identifiers in the shapes the real API uses, from a CSPRNG so they never collide in practice. */
import { randomInt, randomUUID } from 'node:crypto';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(length: number, alphabet: string = LOWER_ALNUM): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export const newRequestId = (): string => randomUUID();
export const newListenerId = (): string => `lbl-${randomString(8)}`;
export const newLocationId = (): string => `loc-${randomString(8)}`;
/** Uploaded certificates get an id, as the real API stores them in the SSL certificate service. */
export const newCertId = (): string => randomString(8, MIXED_ALNUM);
export const newSecretId = (): string => `AKID${randomString(32, MIXED_ALNUM)}`;
export const newSecretKey = (): string => randomString(32, MIXED_ALNUM);

/**
 * A load balancer id to seed: `lb-` and letters or digits. Real ids have 8 lower-case ones, but no
 * source makes that a rule (ids such as `lb-12f60e5` appear in the official examples), so the
 * emulator serves any such id a client may send.
 */
export const LOAD_BALANCER_ID = /^lb-[A-Za-z0-9]{1,60}$/;
export const REGION = /^[a-z]+-[a-z0-9-]+$/;
