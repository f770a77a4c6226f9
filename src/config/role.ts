/**
 * Credentials that are a role's temporary keys from STS: tccli's `role-arn` (a profile's
 * `role-arn`/`role-session-name`, or TENCENTCLOUD_ROLE_ARN/TENCENTCLOUD_ROLE_SESSION_NAME) through
 * AssumeRole signed with the other keys the chain finds, and TKE's OIDC variables through
 * AssumeRoleWithWebIdentity. The keys are kept in memory for the run and fetched again shortly
 * before they expire; nothing is cached on disk. docs/credentials.md tells the whole story.
 */
import { readFileSync } from 'node:fs';
import { CredentialsError, UsageError, type Words } from '../core/errors.js';
import { ENV } from '../core/env-names.js';
import type { SecretRegistry } from '../core/secrets.js';
import type { AssumedRole, Credentials, CredentialSource } from '../core/credentials.js';
import type { Clock } from '../core/clock.js';
import type { WireEvent } from '../api/client.js';
import { isFinancialRegion, parseEndpoint, regionalEndpoint } from '../api/endpoint.js';
import {
  assumeRole,
  assumeRoleWithWebIdentity,
  DEFAULT_DURATION_SECONDS,
  STS_DEFAULT_REGION,
  type IssuedCredentials,
  type StsOptions,
} from '../api/sts.js';
import { REFRESH_MARGIN_MS } from './cvm-role.js';
import { registerCredentials } from './credentials.js';
import { profileValue, type TccliProfile } from './tccli.js';
import { message } from '../core/i18n.js';
import { CONFIG_WARNINGS } from './warnings.messages.js';

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

/** A role to assume, and where the setting came from. */
export interface RoleSetting {
  arn: string;
  /** Absent: a name is made up (clb-listener-<ms>), as the Go SDK does. */
  sessionName?: string;
  source: string;
}

/**
 * A role ARN or session name holding a space, a line break or a control character names no role:
 * refused before STS is asked (and before it could reach a log or a header).
 */
function checkRoleText(setting: RoleSetting, arnLabel: string, sessionLabel: string): RoleSetting {
  for (const [label, text] of [
    [arnLabel, setting.arn],
    [sessionLabel, setting.sessionName],
  ] as const) {
    if (text !== undefined && /[^\x21-\x7e]/.test(text)) {
      throw new UsageError(`${label} "${text}" holds a space, a line break or a control character; nothing was sent`, undefined, {
        hint: 'a role ARN looks like qcs::cam::uin/<account>:roleName/<name>; a session name is 2-128 of letters, digits and =,.@_-',
      });
    }
  }
  return setting;
}

/**
 * TENCENTCLOUD_ROLE_ARN with TENCENTCLOUD_ROLE_SESSION_NAME. tccli uses the pair only when both
 * are set; here the ARN alone is enough (a session name is made up), and a session name alone is
 * ignored with a warning.
 */
export function roleFromEnvironment(env: Env, warn: (message: Words) => void): RoleSetting | undefined {
  const arn = value(env, ENV.roleArn);
  const sessionName = value(env, ENV.roleSessionName);
  if (!arn) {
    if (sessionName) warn(message(CONFIG_WARNINGS.sessionNameWithoutArnEnv, { name: ENV.roleSessionName, arn: ENV.roleArn }));
    return undefined;
  }
  return checkRoleText({ arn, ...(sessionName ? { sessionName } : {}), source: ENV.roleArn }, ENV.roleArn, ENV.roleSessionName);
}

export function roleFromProfile(profile: TccliProfile, warn: (message: Words) => void): RoleSetting | undefined {
  const arn = profileValue(profile, 'role-arn');
  const sessionName = profileValue(profile, 'role-session-name');
  if (!arn) {
    if (sessionName) warn(message(CONFIG_WARNINGS.sessionNameWithoutArnProfile, { file: profile.paths.credential }));
    return undefined;
  }
  return checkRoleText(
    { arn, ...(sessionName ? { sessionName } : {}), source: `profile ${profile.name} (${profile.paths.credential})` },
    `role-arn in ${profile.paths.credential}`,
    `role-session-name in ${profile.paths.credential}`,
  );
}

export interface TkeSetting {
  region: string;
  providerId: string;
  tokenFile: string;
  roleArn: string;
}

const TKE_NAMES = [ENV.tke.region, ENV.tke.providerId, ENV.tke.tokenFile, ENV.tke.roleArn] as const;

/** All four TKE variables, or undefined (with a warning when only some are set: they do nothing then). */
export function tkeFromEnvironment(env: Env, warn: (message: Words) => void): TkeSetting | undefined {
  const [region, providerId, tokenFile, roleArn] = TKE_NAMES.map((name) => value(env, name));
  if (region && providerId && tokenFile && roleArn) return { region, providerId, tokenFile, roleArn };
  const set = TKE_NAMES.filter((name) => value(env, name));
  if (set.length > 0) {
    const missing = TKE_NAMES.filter((name) => !value(env, name));
    warn(
      message(CONFIG_WARNINGS.tkeIncomplete, {
        names: TKE_NAMES.join(', '),
        missing: missing.join(', '),
        count: missing.length,
        set: set.join(', '),
        setCount: set.length,
      }),
    );
  }
  return undefined;
}

/**
 * Where STS is: CLB_LISTENER_STS_ENDPOINT, then the profile's `sts.endpoint` (tccli's setting),
 * then `sts.<region>.tencentcloudapi.com` for a financial region, then `sts.tencentcloudapi.com`.
 * https, or http only to loopback (the emulator), as for the CLB endpoint.
 */
export function stsEndpointFor(env: Env, profile: TccliProfile, region: string | undefined): { endpoint: string; source: string } {
  const fromEnv = value(env, ENV.stsEndpoint);
  if (fromEnv) return { endpoint: parseEndpoint(fromEnv, ENV.stsEndpoint).origin, source: ENV.stsEndpoint };
  const fromProfile = profileValue(profile, 'sts.endpoint');
  if (fromProfile) {
    return {
      endpoint: parseEndpoint(fromProfile, 'sts.endpoint').origin,
      source: `profile ${profile.name} (sts.endpoint in ${profile.paths.configure})`,
    };
  }
  return {
    endpoint: regionalEndpoint('sts', region),
    source: isFinancialRegion(region) ? `financial region ${region}` : 'default',
  };
}

export interface StsContext {
  env: Env;
  clock: Clock;
  secrets: SecretRegistry;
  onWire?: (event: WireEvent) => void;
}

function defaultSessionName(now: () => number): string {
  return `clb-listener-${now()}`;
}

/**
 * Temporary keys from STS, fetched on first use and again within REFRESH_MARGIN_MS of expiry;
 * concurrent callers share one fetch; a failed refresh keeps keys that are still valid.
 */
class StsSource implements CredentialSource {
  private cached: IssuedCredentials | undefined;
  private pending: Promise<IssuedCredentials> | undefined;

  constructor(
    readonly kind: 'role-arn' | 'tke-oidc',
    readonly describe: string,
    readonly assumedRole: AssumedRole,
    private readonly now: () => number,
    private readonly fetch: (signal?: AbortSignal) => Promise<IssuedCredentials>,
  ) {}

  async get(signal?: AbortSignal): Promise<Credentials> {
    if (this.cached && this.cached.expiresAt - this.now() > REFRESH_MARGIN_MS) return this.cached;
    this.pending ??= this.fetch(signal).finally(() => {
      this.pending = undefined;
    });
    try {
      this.cached = await this.pending;
    } catch (error) {
      if (this.cached && this.cached.expiresAt > this.now()) return this.cached;
      throw error;
    }
    return this.cached;
  }
}

function stsOptions(context: StsContext, endpoint: string, region: string, signal?: AbortSignal): StsOptions {
  return {
    endpoint,
    region,
    env: context.env,
    clock: context.clock,
    ...(context.onWire ? { onWire: context.onWire } : {}),
    ...(signal ? { signal } : {}),
  };
}

const register = (secrets: SecretRegistry) => (issued: IssuedCredentials) => void registerCredentials(issued, secrets);

/** The role's keys through AssumeRole, signed with `base`'s keys. */
export function roleArnSource(
  setting: RoleSetting,
  base: CredentialSource,
  sts: { endpoint: string; source: string },
  runRegion: string | undefined,
  context: StsContext,
): CredentialSource {
  const sessionName = setting.sessionName ?? defaultSessionName(() => context.clock.now());
  // tccli and the SDKs ask ap-guangzhou; a financial region's STS is asked for that region.
  const region = isFinancialRegion(runRegion) ? runRegion : STS_DEFAULT_REGION;
  const assumed: AssumedRole = {
    arn: setting.arn,
    sessionName,
    action: 'AssumeRole',
    stsEndpoint: sts.endpoint,
    stsEndpointSource: sts.source,
    source: setting.source,
  };
  const describe = `role ${setting.arn} (session ${sessionName}, from ${setting.source}), assumed at ${sts.endpoint} with ${base.describe}`;
  return new StsSource(
    'role-arn',
    describe,
    assumed,
    () => context.clock.now(),
    async (signal) =>
      assumeRole(
        stsOptions(context, sts.endpoint, region, signal),
        await base.get(signal),
        { RoleArn: setting.arn, RoleSessionName: sessionName, DurationSeconds: DEFAULT_DURATION_SECONDS },
        register(context.secrets),
      ),
  );
}

function readWebIdentityToken(path: string, secrets: SecretRegistry): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new CredentialsError(
      `cannot read the web identity token ${path} (${ENV.tke.tokenFile}): ${code === 'ENOENT' ? 'no such file' : code}`,
      {
        hint: "in a TKE pod the file is mounted by the OIDC webhook; check the pod's service account and its volume",
      },
    );
  }
  // A JWT holds no whitespace; a newline an editor added would only make STS refuse it.
  const token = text.trim();
  if (!token) throw new CredentialsError(`the web identity token file ${path} (${ENV.tke.tokenFile}) is empty`);
  secrets.add(token);
  return token;
}

/** The TKE pod's role through AssumeRoleWithWebIdentity: the token file is read on every fetch, as it is rotated. */
export function tkeOidcSource(setting: TkeSetting, sts: { endpoint: string; source: string }, context: StsContext): CredentialSource {
  const sessionName = defaultSessionName(() => context.clock.now());
  const assumed: AssumedRole = {
    arn: setting.roleArn,
    sessionName,
    action: 'AssumeRoleWithWebIdentity',
    stsEndpoint: sts.endpoint,
    stsEndpointSource: sts.source,
    source: ENV.tke.roleArn,
  };
  const describe = `role ${setting.roleArn} (session ${sessionName}) through TKE OIDC (${ENV.tke.roleArn}, provider ${setting.providerId}), assumed at ${sts.endpoint}`;
  return new StsSource(
    'tke-oidc',
    describe,
    assumed,
    () => context.clock.now(),
    (signal) =>
      assumeRoleWithWebIdentity(
        stsOptions(context, sts.endpoint, setting.region, signal),
        {
          ProviderId: setting.providerId,
          WebIdentityToken: readWebIdentityToken(setting.tokenFile, context.secrets),
          RoleArn: setting.roleArn,
          RoleSessionName: sessionName,
          DurationSeconds: DEFAULT_DURATION_SECONDS,
        },
        register(context.secrets),
      ),
  );
}
