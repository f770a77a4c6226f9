/**
 * The credential chain. First match wins:
 *   1. environment (skipped when --profile was given, as in tccli);
 *   2. the tccli profile's `.credential` file (`use-cvm-role` jumps to step 4);
 *   3. the SDKs' INI file;
 *   4. the CVM instance role.
 * A profile named by --profile or TCCLI_PROFILE must supply credentials itself: falling through
 * to another file or the instance role would quietly act as some other identity.
 */
import { CredentialsError } from '../core/errors.js';
import { staticSource, type CredentialSource } from './credentials.js';
import { cvmRoleSource } from './cvm-role.js';
import { credentialsFromEnvironment } from './env.js';
import { ENV } from '../core/env-names.js';
import { permissionWarning } from './files.js';
import type { SecretRegistry } from '../core/secrets.js';
import type { ProfileChoice } from './profile-choice.js';
import { credentialsFromSdkFile, sdkCredentialsPaths } from './sdk-file.js';
import { profileCredentials, type TccliProfile } from './tccli.js';

export interface ChainInput {
  env: Record<string, string | undefined>;
  home: string;
  profile: ProfileChoice;
  tccli: TccliProfile;
  now: () => number;
  secrets: SecretRegistry;
  warn: (message: string) => void;
  signal?: AbortSignal;
  /** Tests point this away from the real /etc/tencentcloud/credentials. */
  systemCredentialsFile?: string;
}

export async function resolveCredentialSource(input: ChainInput): Promise<CredentialSource> {
  const { env, profile, tccli } = input;

  if (!profile.explicit) {
    const fromEnv = credentialsFromEnvironment(env, input.secrets);
    if (fromEnv) return fromEnv;
  }

  const fromProfile = profileCredentials(tccli);
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
  if (fromProfile.type === 'cvm-role') {
    const role = await cvmRoleSource({
      env,
      now: input.now,
      secrets: input.secrets,
      signal: input.signal,
      via: `use-cvm-role in profile ${tccli.name}`,
    });
    if (role) return role;
    throw new CredentialsError(`profile "${tccli.name}" uses the CVM role, but no instance role is reachable`, {
      hint: `this works only on a CVM with a bound role; elsewhere run: clb-listener configure set use-cvm-role false --profile ${tccli.name}`,
    });
  }
  if (profile.source !== 'default') {
    throw new CredentialsError(
      `profile "${tccli.name}" (from ${profile.source}) has no credentials: ${tccli.paths.credential} is missing or empty`,
      {
        hint: `run: clb-listener configure --profile ${tccli.name}`,
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

  throw new CredentialsError(
    `no credentials found (looked in: environment, ${tccli.paths.credential}, ${sdkCredentialsPaths(sdkInput).join(', ')}, CVM instance metadata)`,
    {
      hint:
        `set ${ENV.secretId} and ${ENV.secretKey} (plus ${ENV.tokens[0]} for temporary keys), ` +
        `or run 'clb-listener configure' to write ${tccli.paths.credential}`,
    },
  );
}
