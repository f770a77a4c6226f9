/**
 * The emulator's STS (version 2018-08-13): `AssumeRole` and `AssumeRoleWithWebIdentity` hand out
 * temporary keys that the emulator then accepts for CLB calls, so role and OIDC credentials can
 * be tested offline. The emulator has no CAM: any well-formed role ARN can be assumed, and a web
 * identity token is checked for its shape and expiry, not its issuer's signature.
 *
 * Codes (from the STS reference's lists): MissingParameter for an absent required parameter,
 * InvalidParameter.ParamError for a malformed RoleArn or RoleSessionName,
 * InvalidParameter.OverTimeError for DurationSeconds outside 1..43200,
 * InvalidParameter.WebIdentityTokenError for a token that is not a JWT or has expired.
 */
import { randomInt } from 'node:crypto';
import type { ActionContext, ActionHandler } from './actions.js';
import { ApiFault } from './api-error.js';
import { newSecretId, newSecretKey } from './ids.js';
import { checkShape, requireFields, type Shape } from './params.js';
import type { EmulatorKey } from './types.js';
import type { STS_ACTIONS_SERVED } from './catalog.js';

export { STS_VERSION } from './catalog.js';
/** What STS hands out when the request does not say. */
const DEFAULT_DURATION_SECONDS = 7200;
const MAX_DURATION_SECONDS = 43200;
/** `qcs::cam::uin/<account>:role/<id>` or `…:roleName/<name>`, service roles included. */
const ROLE_ARN = /^qcs::cam::uin\/\d+:role(Name)?\/[^\s]+$/;
const SESSION_NAME = /^[\w+=,.@-]{2,128}$/;
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

type StsContext = Pick<ActionContext, 'clock' | 'issueKey'>;

const paramError = (message: string) => new ApiFault('InvalidParameter.ParamError', message);

function newSessionToken(): string {
  let out = '';
  for (let i = 0; i < 160; i++) out += TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)];
  return out;
}

function checkRole(roleArn: string, sessionName: string): void {
  if (!ROLE_ARN.test(roleArn)) {
    throw paramError(`RoleArn "${roleArn}" is not a role ARN (qcs::cam::uin/<account>:roleName/<name> or …:role/<id>).`);
  }
  if (!SESSION_NAME.test(sessionName)) {
    throw paramError('RoleSessionName must be 2 to 128 characters of letters, digits and =,.@_-+.');
  }
}

function durationOf(value: number | undefined): number {
  const seconds = value ?? DEFAULT_DURATION_SECONDS;
  if (seconds < 1 || seconds > MAX_DURATION_SECONDS) {
    throw new ApiFault('InvalidParameter.OverTimeError', `DurationSeconds must be from 1 to ${MAX_DURATION_SECONDS}, got ${seconds}.`);
  }
  return seconds;
}

/** Issues, registers and describes a key pair acting as the role for `seconds`. */
function credentialsFor(roleArn: string, sessionName: string, seconds: number, ctx: StsContext): Record<string, unknown> {
  const expiresAt = Math.floor(ctx.clock() / 1000) * 1000 + seconds * 1000;
  const key: EmulatorKey = {
    secretId: newSecretId(),
    secretKey: newSecretKey(),
    token: newSessionToken(),
    expiresAt,
    identity: `${roleArn} (session ${sessionName})`,
  };
  ctx.issueKey(key);
  return {
    Credentials: { Token: key.token, TmpSecretId: key.secretId, TmpSecretKey: key.secretKey },
    ExpiredTime: expiresAt / 1000,
    Expiration: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

const ASSUME_ROLE_SHAPE: Shape = {
  RoleArn: 'string',
  RoleSessionName: 'string',
  DurationSeconds: 'integer',
  Policy: 'string',
  ExternalId: 'string',
  Tags: { array: { object: { Key: 'string', Value: 'string' } } },
  SourceIdentity: 'string',
  SerialNumber: 'string',
  TokenCode: 'string',
};

const WEB_IDENTITY_SHAPE: Shape = {
  ProviderId: 'string',
  WebIdentityToken: 'string',
  RoleArn: 'string',
  RoleSessionName: 'string',
  DurationSeconds: 'integer',
};

function assumeRole(body: Record<string, unknown>, ctx: StsContext): Record<string, unknown> {
  const input = checkShape<{ RoleArn: string; RoleSessionName: string; DurationSeconds?: number }>(body, ASSUME_ROLE_SHAPE);
  requireFields(body, ['RoleArn', 'RoleSessionName']);
  checkRole(input.RoleArn, input.RoleSessionName);
  return credentialsFor(input.RoleArn, input.RoleSessionName, durationOf(input.DurationSeconds), ctx);
}

/** The token's claims when it has the JWT shape (three base64url parts, a JSON object in the middle). */
function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    return claims !== null && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function assumeRoleWithWebIdentity(body: Record<string, unknown>, ctx: StsContext): Record<string, unknown> {
  const input = checkShape<{
    ProviderId: string;
    WebIdentityToken: string;
    RoleArn: string;
    RoleSessionName: string;
    DurationSeconds?: number;
  }>(body, WEB_IDENTITY_SHAPE);
  requireFields(body, ['ProviderId', 'WebIdentityToken', 'RoleArn', 'RoleSessionName']);
  if (!input.ProviderId.trim()) throw paramError('ProviderId must not be empty.');
  checkRole(input.RoleArn, input.RoleSessionName);
  const claims = jwtClaims(input.WebIdentityToken);
  if (!claims) throw new ApiFault('InvalidParameter.WebIdentityTokenError', 'WebIdentityToken is not a JWT (header.payload.signature).');
  if (typeof claims.exp === 'number' && claims.exp * 1000 < ctx.clock()) {
    throw new ApiFault('InvalidParameter.WebIdentityTokenError', 'WebIdentityToken has expired.');
  }
  return credentialsFor(input.RoleArn, input.RoleSessionName, durationOf(input.DurationSeconds), ctx);
}

export const STS_ACTIONS: Readonly<Record<(typeof STS_ACTIONS_SERVED)[number], ActionHandler>> = {
  AssumeRole: assumeRole,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
};

/** Actions the real STS serves without a signature (`Authorization: SKIP`). */
export const UNSIGNED_ACTIONS: ReadonlySet<string> = new Set(['AssumeRoleWithWebIdentity']);
