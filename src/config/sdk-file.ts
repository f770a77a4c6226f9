/**
 * Step 3 of the chain: the INI file the Tencent Cloud SDKs share (`[default]` with `secret_id`,
 * `secret_key`, optional `token`). `TENCENTCLOUD_CREDENTIALS_FILE` replaces the search, as in the
 * Go SDK; otherwise `~/.tencentcloud/credentials`, then `/etc/tencentcloud/credentials`.
 */
import { join } from 'node:path';
import { CredentialsError, type Words } from '../core/errors.js';
import { keys, staticSource, type CredentialSource } from './credentials.js';
import type { SecretRegistry } from '../core/secrets.js';
import { ENV } from '../core/env-names.js';
import { permissionWarning, readTextIfExists } from './files.js';
import { parseIni } from './ini.js';
import { SDK_CREDENTIALS_FILE, SYSTEM_CREDENTIALS_FILE } from './paths.js';
import { message } from '../core/i18n.js';
import { PROFILE_PROBLEMS } from './profile.messages.js';

/** The SDKs read only this section. */
const SECTION = 'default';

export interface SdkFileInput {
  env: Record<string, string | undefined>;
  home: string;
  secrets: SecretRegistry;
  warn: (message: Words) => void;
  /** Overridable so tests never depend on the machine's /etc. */
  systemFile?: string;
}

export function sdkCredentialsPaths(input: SdkFileInput): string[] {
  const override = input.env[ENV.credentialsFile]?.trim();
  if (override) return [override];
  return [join(input.home, SDK_CREDENTIALS_FILE), input.systemFile ?? SYSTEM_CREDENTIALS_FILE];
}

export function credentialsFromSdkFile(input: SdkFileInput): CredentialSource | undefined {
  const override = input.env[ENV.credentialsFile]?.trim();
  for (const path of sdkCredentialsPaths(input)) {
    const text = readTextIfExists(path);
    if (text === undefined) {
      if (override) {
        throw new CredentialsError(message(PROFILE_PROBLEMS.credentialsFileMissing, { variable: ENV.credentialsFile, path }), {
          hint: message(PROFILE_PROBLEMS.fixOrUnset, { variable: ENV.credentialsFile }),
        });
      }
      continue;
    }
    const section = parseIni(text).get(SECTION);
    const secretId = section?.get('secret_id') || undefined;
    const secretKey = section?.get('secret_key') || undefined;
    if (!secretId && !secretKey) continue;
    if (!secretId || !secretKey) {
      throw new CredentialsError(
        message(secretId ? PROFILE_PROBLEMS.sdkIdWithoutKey : PROFILE_PROBLEMS.sdkKeyWithoutId, { section: SECTION, path }),
      );
    }
    const warning = permissionWarning(path);
    if (warning) input.warn(warning);
    return staticSource(
      input.secrets,
      'sdk-file',
      `SDK credentials file ${path}`,
      keys(secretId, secretKey, section?.get('token') || undefined),
      path,
    );
  }
  return undefined;
}
