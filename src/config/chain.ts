/**
 * The credential chain, in tccli's order (docs/credentials.md). First match wins:
 *   1. a profile with `use-cvm-role` (unless the environment names a role): the CVM role;
 *   2. a role: TENCENTCLOUD_ROLE_ARN (not with --profile), else the profile's `role-arn`, assumed
 *      through STS with the keys that steps 4–7 find;
 *   3. TKE OIDC: all four TKE_* variables, through AssumeRoleWithWebIdentity;
 *   4. keys in the environment (skipped with --profile, as in tccli; half a pair is a warning);
 *   5. keys in the tccli profile's `.credential` file;
 *   6. the SDKs' INI file;
 *   7. the CVM instance role.
 * A profile named by --profile or TCCLI_PROFILE must supply credentials itself: falling through
 * to another file or the instance role would quietly act as some other identity.
 */
import { shellQuote } from '../core/shell-quote.js';
import { CredentialsError, type Words } from '../core/errors.js';
import { staticSource, type CredentialSource } from './credentials.js';
import { cvmRoleSource } from './cvm-role.js';
import { credentialsFromEnvironment } from './env.js';
import { ENV } from '../core/env-names.js';
import { permissionWarning } from './files.js';
import type { SecretRegistry } from '../core/secrets.js';
import type { WireEvent } from '../api/client.js';
import { systemClock, type Clock } from '../core/clock.js';
import type { ProfileChoice } from './profile-choice.js';
import { roleArnSource, roleFromEnvironment, roleFromProfile, stsEndpointFor, tkeFromEnvironment, tkeOidcSource } from './role.js';
import { credentialsFromSdkFile, sdkCredentialsPaths } from './sdk-file.js';
import { profileCredentials, profileValue, type TccliProfile } from './tccli.js';
import { message, render, say } from '../core/i18n.js';
import { CONFIG } from './config.messages.js';
import { PROFILE_PROBLEMS } from './profile.messages.js';
import { CONFIG_WARNINGS } from './warnings.messages.js';

export interface ChainInput {
  env: Record<string, string | undefined>;
  home: string;
  profile: ProfileChoice;
  tccli: TccliProfile;
  now: () => number;
  secrets: SecretRegistry;
  /** A warning for the person (a plain sentence, or a catalogue message said in the run's language). */
  warn: (message: Words) => void;
  signal?: AbortSignal;
  /** Tests point this away from the real /etc/tencentcloud/credentials. */
  systemCredentialsFile?: string;
  /** The run's region when known: a financial region has its own STS host. */
  region?: string;
  /** The --debug wire log, for STS calls. */
  onWire?: (event: WireEvent) => void;
  /** The STS client's clock (its pause before a retry); `now` is its time. */
  clock?: Clock;
}

export async function resolveCredentialSource(input: ChainInput): Promise<CredentialSource> {
  const { env, profile, tccli } = input;
  // Only the type is read here: the keys are checked (and a half pair refused) when they are used.
  const profileType = tccli.files.credential?.type;
  const envRole = profile.explicit ? undefined : roleFromEnvironment(env, input.warn);
  const profileRole = roleFromProfile(tccli, input.warn);

  // tccli: the profile's instance role wins unless the environment names a role.
  if (profileType === 'cvm-role' && !envRole) {
    if (profileRole) input.warn(message(CONFIG_WARNINGS.cvmRoleIgnoresArn, { profile: tccli.name, arn: profileRole.arn }));
    return profileCvmRole(input);
  }

  const role = envRole ?? profileRole;
  if (role) {
    let base: CredentialSource;
    try {
      base = await keySource(input, !!envRole);
    } catch (error) {
      throw error instanceof CredentialsError
        ? error.with({ message: `to assume role ${role.arn} (from ${role.source}): ${error.message}` })
        : error;
    }
    const sts = stsEndpointFor(env, tccli, input.region);
    return roleArnSource(role, base, sts, input.region, stsContext(input));
  }

  const tke = tkeFromEnvironment(env, input.warn);
  if (tke) {
    const keysInFile = message(CONFIG_WARNINGS.keysIn, { file: tccli.paths.credential });
    const ignored = [
      !profile.explicit && env[ENV.secretId]?.trim() ? ENV.secretId : undefined,
      profileValue(tccli, 'secretId') ? { en: render('en', keysInFile), zh: render('zh', keysInFile) } : undefined,
    ].filter((item) => item !== undefined);
    if (ignored.length === 1) input.warn(message(CONFIG_WARNINGS.tkeOverOne, { ignored: ignored[0]! }));
    if (ignored.length === 2) input.warn(message(CONFIG_WARNINGS.tkeOverTwo, { first: ignored[0]!, second: ignored[1]! }));
    return tkeOidcSource(tke, stsEndpointFor(env, tccli, tke.region), stsContext(input));
  }

  return keySource(input);
}

function stsContext(input: ChainInput) {
  const clock: Clock = { ...(input.clock ?? systemClock), now: input.now };
  return { env: input.env, clock, secrets: input.secrets, ...(input.onWire ? { onWire: input.onWire } : {}) };
}

async function profileCvmRole(input: ChainInput): Promise<CredentialSource> {
  const { tccli } = input;
  const role = await cvmRoleSource({
    env: input.env,
    now: input.now,
    secrets: input.secrets,
    signal: input.signal,
    via: `use-cvm-role in profile ${tccli.name}`,
  });
  if (role) return role;
  throw new CredentialsError(message(PROFILE_PROBLEMS.cvmRoleUnreachable, { profile: tccli.name }), {
    hint: message(PROFILE_PROBLEMS.cvmRoleHint, { profile: shellQuote(tccli.name) }),
  });
}

/** The two ways to write a profile's keys: the prompts, or `configure set` in a script. */
function configureHint(profile: string): string {
  return say('en', CONFIG.configureHint, { profile });
}

/**
 * Steps 4–7: keys of the caller's own (also what a role is assumed with). With `keysOverCvmRole`
 * a profile's keys are used even if it says use-cvm-role (tccli, when the environment names a role).
 */
async function keySource(input: ChainInput, keysOverCvmRole = false): Promise<CredentialSource> {
  const { env, profile, tccli } = input;

  if (!profile.explicit) {
    const fromEnv = credentialsFromEnvironment(env, input.secrets, input.warn);
    if (fromEnv) return fromEnv;
  }

  const fromProfile = profileCredentials(tccli, keysOverCvmRole);
  if (fromProfile.type === 'keys') {
    const warning = permissionWarning(tccli.paths.credential);
    if (warning) input.warn(warning);
    return staticSource(
      input.secrets,
      'tccli-profile',
      `tccli profile ${tccli.name} (${tccli.paths.credential})`,
      fromProfile.credentials,
      tccli.paths.credential,
    );
  }
  if (fromProfile.type === 'cvm-role') return profileCvmRole(input);
  if (profile.source !== 'default') {
    throw new CredentialsError(
      message(PROFILE_PROBLEMS.noCredentials, { profile: tccli.name, source: profile.source, file: tccli.paths.credential }),
      {
        hint: configureHint(` --profile ${shellQuote(tccli.name)}`),
      },
    );
  }

  const sdkInput = {
    env,
    home: input.home,
    secrets: input.secrets,
    warn: input.warn,
    ...(input.systemCredentialsFile ? { systemFile: input.systemCredentialsFile } : {}),
  };
  const fromSdkFile = credentialsFromSdkFile(sdkInput);
  if (fromSdkFile) return fromSdkFile;

  const role = await cvmRoleSource({ env, now: input.now, secrets: input.secrets, signal: input.signal });
  if (role) return role;

  const paths = [tccli.paths.credential, ...sdkCredentialsPaths(sdkInput)];
  const places = { en: paths.join(', '), zh: paths.join('、') };
  const configure = { en: say('en', CONFIG.configureHint, { profile: '' }), zh: say('zh', CONFIG.configureHint, { profile: '' }) };
  throw new CredentialsError(message(CONFIG.noCredentials, { places }), {
    hint: message(CONFIG.noCredentialsHint, {
      id: ENV.secretId,
      key: ENV.secretKey,
      token: ENV.tokens[0]!,
      file: tccli.paths.credential,
      configure,
    }),
  });
}
