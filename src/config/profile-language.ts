/**
 * The profile's `language` (tccli's `_sys_param.language`), read as a run starts to choose the
 * language of everything it prints. Only the `.configure` file is read; a profile that cannot be
 * read here says nothing, and the command that needs the profile reports the problem itself.
 */
import { chooseProfile } from './profile-choice.js';
import { homeDir, tccliProfilePaths } from './paths.js';
import { findProfileKey, isObject, readProfileKey } from './profile-keys.js';

export function profileLanguage(env: Record<string, string | undefined>, profileFlag: string | undefined): string | undefined {
  try {
    const { name } = chooseProfile(profileFlag, env);
    const path = tccliProfilePaths(homeDir(env), name).configure;
    const configure: unknown = JSON.parse(process.getBuiltinModule('node:fs').readFileSync(path, 'utf8'));
    return isObject(configure) ? readProfileKey({ configure }, findProfileKey('language')) : undefined;
  } catch {
    return undefined;
  }
}
