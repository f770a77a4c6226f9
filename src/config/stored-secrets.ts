/**
 * The secrets of the credential files, registered before they are used. A run that reads input
 * (an apply file, --from-file, a `file://` value) may be handed one of those files by mistake, and
 * its validation error (with -o json, the offending value itself) would come before the
 * credentials chain has loaded, and so registered, the keys. Reading the files is local and
 * cheap; the chain still decides later which keys sign.
 */
import type { SecretRegistry } from '../core/secrets.js';
import { readTextIfExists } from './files.js';
import { parseIni } from './ini.js';
import { homeDir } from './paths.js';
import { chooseProfile } from './profile-choice.js';
import { sdkCredentialsPaths } from './sdk-file.js';
import { profileValue, readTccliProfile } from './tccli.js';

export interface StoredSecretsInput {
  env: Record<string, string | undefined>;
  secrets: SecretRegistry;
  profile?: string;
  home?: string;
  systemCredentialsFile?: string;
}

/** Adds the SecretKey and token of the profile in use and of the SDKs' INI files; never fails. */
export function registerStoredSecrets(input: StoredSecretsInput): void {
  const home = homeDir(input.env, input.home);
  try {
    const tccli = readTccliProfile(home, chooseProfile(input.profile, input.env).name);
    input.secrets.add(profileValue(tccli, 'secretKey'));
    input.secrets.add(profileValue(tccli, 'token'));
  } catch {
    // A broken profile is reported when the credentials are loaded.
  }
  const paths = sdkCredentialsPaths({
    env: input.env,
    home,
    secrets: input.secrets,
    warn: () => {},
    ...(input.systemCredentialsFile ? { systemFile: input.systemCredentialsFile } : {}),
  });
  for (const path of paths) {
    try {
      const section = parseIni(readTextIfExists(path) ?? '').get('default');
      input.secrets.add(section?.get('secret_key'));
      input.secrets.add(section?.get('token'));
    } catch {
      // Unreadable: nothing of it can have been read as input either.
    }
  }
}
