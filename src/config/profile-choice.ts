/**
 * Which tccli profile a run uses, as tccli decides it: `--profile`, else `$TCCLI_PROFILE`, else
 * `default`. Only `--profile` is "explicit": it switches off the environment's credentials and
 * region, exactly as tccli does.
 */
import { ENV } from '../core/env-names.js';
import { checkProfileName } from './paths.js';

export type ProfileSource = '--profile' | typeof ENV.profile | 'default';

export interface ProfileChoice {
  name: string;
  source: ProfileSource;
  /** Given with --profile: environment credentials and TENCENTCLOUD_REGION are ignored. */
  explicit: boolean;
}

export const DEFAULT_PROFILE = 'default';

export function chooseProfile(flag: string | undefined, env: Record<string, string | undefined>): ProfileChoice {
  if (flag !== undefined) return { name: checkProfileName(flag), source: '--profile', explicit: true };
  const fromEnv = env[ENV.profile]?.trim();
  if (fromEnv) return { name: checkProfileName(fromEnv), source: ENV.profile, explicit: false };
  return { name: DEFAULT_PROFILE, source: 'default', explicit: false };
}
