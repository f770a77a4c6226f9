/**
 * Where credentials, region, endpoint and language come from: the one entry point commands call.
 * The chain's steps live in their own modules (env, tccli, sdk-file, cvm-role, chain); this file
 * composes them and decides region/endpoint/language precedence.
 */
import { shellQuote } from '../core/shell-quote.js';
import { english, UsageError, type Words } from '../core/errors.js';
import type { CredentialSource } from './credentials.js';
import { ENV } from '../core/env-names.js';
import type { SecretRegistry } from '../core/secrets.js';
import { homeDir } from './paths.js';
import { chooseProfile, type ProfileChoice, type ProfileSource } from './profile-choice.js';
import { DEFAULT_CLB_HOST, LANGUAGES, normalizeEndpoint, REGION_PATTERN } from './profile-keys.js';
import type { WireEvent } from '../api/client.js';
import type { Clock } from '../core/clock.js';
import { isFinancialRegion, parseEndpoint, regionalEndpoint } from '../api/endpoint.js';
import { profileValue, readTccliProfile, type TccliProfile } from './tccli.js';
import { API_LANGUAGE, chooseLanguage, message } from '../core/i18n.js';
import { CONFIG } from './config.messages.js';
import { PROFILE_PROBLEMS } from './profile.messages.js';
import { CONFIG_WARNINGS } from './warnings.messages.js';

export type { CredentialSource } from './credentials.js';
export type { ProfileChoice } from './profile-choice.js';
export { chooseProfile } from './profile-choice.js';
export { maskAs, maskIdentifier, type MaskKind } from './mask.js';

export type Language = (typeof LANGUAGES)[number];

export interface ResolvedSettings {
  credentials: CredentialSource;
  region: string;
  regionSource: string;
  endpoint: string;
  endpointSource: string;
  language?: Language;
  languageSource?: string;
  /** The tccli profile consulted (for region/endpoint even when credentials came from elsewhere). */
  profile: string;
  profileSource: ProfileSource;
}

export interface SettingsInput {
  env: Record<string, string | undefined>;
  /** Where every loaded secret is registered, so nothing prints it. */
  secrets: SecretRegistry;
  home?: string;
  /** An explicit --profile. */
  profile?: string;
  region?: string;
  endpoint?: string;
  /** An explicit --language. */
  language?: Language;
  now?: () => number;
  /** The run's clock, for the pauses of STS retries (its `now` is used when `now` is not given). */
  clock?: Clock;
  /**
   * Where warnings (a credentials file readable by others) go; commands pass ctx.stderr. Without
   * it they still reach the terminal: a security warning must not vanish because a caller forgot.
   */
  warn?: (message: Words) => void;
  /** Aborts a CVM-role metadata request (Ctrl-C). */
  signal?: AbortSignal;
  /** Replaces /etc/tencentcloud/credentials (tests). */
  systemCredentialsFile?: string;
  /** The --debug wire log, for the STS calls a role needs. */
  onWire?: (event: WireEvent) => void;
}

export const DEFAULT_ENDPOINT = 'https://clb.tencentcloudapi.com';

interface Loaded {
  choice: ProfileChoice;
  tccli: TccliProfile;
}

function load(input: SettingsInput): Loaded {
  const choice = chooseProfile(input.profile, input.env);
  return { choice, tccli: readTccliProfile(homeDir(input.env, input.home), choice.name) };
}

/**
 * The region goes into a signed header and the credential scope: anything but a region code
 * (a CR or LF, a space, an upper-case letter) is refused before signing. The pattern accepts
 * every form the API uses (ap-guangzhou, na-siliconvalley, ap-shanghai-fsi) and regions that are
 * not known yet, as long as they have that shape.
 */
function regionOf(input: SettingsInput, loaded: Loaded): { region: string; source: string } {
  const found = pickRegion(input, loaded);
  if (!REGION_PATTERN.test(found.region)) {
    throw new UsageError(message(PROFILE_PROBLEMS.notRegionCode, { source: found.source, region: found.region }), '--region', {
      hint: message(PROFILE_PROBLEMS.regionShape),
    });
  }
  return found;
}

/** `--region`, then TENCENTCLOUD_REGION (not with --profile), then the profile; undefined when none gives one. */
function findRegion(input: SettingsInput, { choice, tccli }: Loaded): { region: string; source: string } | undefined {
  if (input.region) return { region: input.region, source: '--region' };
  const fromEnv = input.env[ENV.region]?.trim();
  if (fromEnv && !choice.explicit) return { region: fromEnv, source: ENV.region };
  const fromProfile = profileValue(tccli, 'region');
  if (fromProfile) return { region: fromProfile, source: `profile ${tccli.name} (${tccli.paths.configure})` };
  return undefined;
}

function pickRegion(input: SettingsInput, loaded: Loaded): { region: string; source: string } {
  const found = findRegion(input, loaded);
  if (found) return found;
  const { choice } = loaded;
  throw new UsageError(message(CONFIG.noRegion), '--region', {
    hint: choice.explicit
      ? message(CONFIG.noRegionHintProfile, { variable: ENV.region, profile: shellQuote(choice.name) })
      : message(CONFIG.noRegionHint, { variable: ENV.region }),
  });
}

/**
 * `--endpoint`, then CLB_LISTENER_ENDPOINT, then the profile's clb.endpoint, then the default host. A financial region
 * (ap-shanghai-fsi…) is not served by the default nearest-access host, so there the default, and
 * a profile that merely holds it (tccli writes it into every profile), become
 * `clb.<region>.tencentcloudapi.com`.
 */
function endpointOf(input: SettingsInput, { tccli }: Loaded, region: string | undefined): { endpoint: string; source: string } {
  if (input.endpoint) return { endpoint: input.endpoint, source: '--endpoint' };
  // Checked here, so that a bad value is named by the variable that holds it, not as --endpoint.
  const fromEnv = input.env[ENV.endpoint];
  if (fromEnv !== undefined && fromEnv !== '') return { endpoint: parseEndpoint(fromEnv, ENV.endpoint).origin, source: ENV.endpoint };
  const fromProfile = profileValue(tccli, 'endpoint');
  const where = `profile ${tccli.name} (clb.endpoint in ${tccli.paths.configure})`;
  if (isFinancialRegion(region) && (!fromProfile || normalizeEndpoint(fromProfile) === DEFAULT_ENDPOINT)) {
    const instead = fromProfile ? `; ${DEFAULT_CLB_HOST} from the ${where} serves only non-financial regions` : '';
    return { endpoint: regionalEndpoint('clb', region), source: `financial region ${region}${instead}` };
  }
  if (fromProfile) return { endpoint: normalizeEndpoint(fromProfile), source: where };
  return { endpoint: DEFAULT_ENDPOINT, source: 'default' };
}

/**
 * The API's `Language`, which follows the run's own language (src/core/i18n.ts, `chooseLanguage`):
 * `--language`, then CLB_LISTENER_LANG, then the profile's `language`, then the locale, else
 * English. A profile value that is not a language is ignored with a warning.
 */
function languageOf(
  input: SettingsInput,
  { tccli }: Loaded,
  warn: (message: Words) => void,
): { language: Language; languageSource: string } {
  let fromProfile = input.language ? undefined : profileValue(tccli, 'language');
  if (fromProfile && !(LANGUAGES as readonly string[]).includes(fromProfile)) {
    warn(message(CONFIG_WARNINGS.ignoringLanguage, { value: fromProfile, file: tccli.paths.configure, choices: LANGUAGES.join(' or ') }));
    fromProfile = undefined;
  }
  const choice = chooseLanguage({
    env: input.env,
    ...(input.language ? { option: input.language } : {}),
    ...(fromProfile ? { profile: fromProfile } : {}),
  });
  const locale = LOCALE_VARIABLES.find((name) => input.env[name]);
  const source =
    choice.source === 'profile'
      ? `profile ${tccli.name}`
      : choice.source === 'locale' && locale
        ? `${locale}=${input.env[locale]}`
        : choice.source;
  return { language: API_LANGUAGE[choice.language], languageSource: source };
}

const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/**
 * Whether requests are checked against the rules before sending: `--validate`/`--no-validate`,
 * then CLB_LISTENER_VALIDATE, then the profile's `validate`, then true. Like the AWS CLI's
 * parameter_validation, for when the API accepts what this tool's rules do not yet.
 */
export function resolveValidate(input: SettingsInput, flag: boolean | undefined): { validate: boolean; source: string } {
  if (flag !== undefined) return { validate: flag, source: flag ? '--validate' : '--no-validate' };
  const word = (value: string | undefined, where: string): boolean | undefined => {
    const text = value?.trim().toLowerCase();
    if (text === undefined || text === '') return undefined;
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    throw new UsageError(message(PROFILE_PROBLEMS.trueOrFalse, { where, value: value ?? '' }));
  };
  const fromEnv = word(input.env[ENV.validate], ENV.validate);
  if (fromEnv !== undefined) return { validate: fromEnv, source: ENV.validate };
  const { tccli } = load(input);
  const fromProfile = word(profileValue(tccli, 'validate'), `validate in ${tccli.paths.configure}`);
  if (fromProfile !== undefined) return { validate: fromProfile, source: `profile ${tccli.name}` };
  return { validate: true, source: 'default' };
}

/** Region only: `--region`, then TENCENTCLOUD_REGION (not with --profile), then the profile. */
export function resolveRegion(input: SettingsInput): { region: string; source: string } {
  return regionOf(input, load(input));
}

/**
 * The region a command would use, or undefined when nothing gives one (the emulator then serves
 * its default). A region that is given but malformed is refused as for any command.
 */
export function resolveRegionIfGiven(input: SettingsInput): { region: string; source: string } | undefined {
  const loaded = load(input);
  return findRegion(input, loaded) ? regionOf(input, loaded) : undefined;
}

/** Endpoint only: `--endpoint`, then CLB_LISTENER_ENDPOINT, then the profile's clb.endpoint, then the region's default host. */
export function resolveEndpoint(input: SettingsInput): { endpoint: string; source: string } {
  const loaded = load(input);
  return endpointOf(input, loaded, regionIfKnown(input, loaded));
}

function regionIfKnown(input: SettingsInput, loaded: Loaded): string | undefined {
  try {
    return regionOf(input, loaded).region;
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
}

/** What `whoami` shows: the settings as far as they resolve, with the region problem kept rather than thrown. */
export interface SettingsReport extends Omit<ResolvedSettings, 'region' | 'regionSource'> {
  region?: string;
  regionSource?: string;
  regionError?: UsageError;
}

/**
 * What `whoami` shows even when no credentials resolve: the profile, region and endpoint, with the
 * credentials' failure kept in `credentialsError` rather than thrown.
 */
export interface SettingsOverview extends Omit<SettingsReport, 'credentials'> {
  credentials?: CredentialSource;
  credentialsError?: unknown;
}

/** Settings as far as they resolve; a missing region is kept in `regionError`, not thrown. */
export async function inspectSettings(input: SettingsInput): Promise<SettingsReport> {
  const { credentials, credentialsError, ...rest } = await overviewSettings(input);
  if (!credentials) throw credentialsError;
  return { ...rest, credentials };
}

/** As `inspectSettings`, with a credentials failure kept in the overview, not thrown. */
export async function overviewSettings(input: SettingsInput): Promise<SettingsOverview> {
  const warn = input.warn ?? ((words: Words) => void process.stderr.write(`${english(words)}\n`));
  const loaded = load(input);
  // The region is looked up first (a financial region has its own hosts), but a missing one is
  // reported after the credentials: with nothing configured, "no credentials" is the problem.
  let region: { region?: string; regionSource?: string; regionError?: UsageError };
  try {
    const found = regionOf(input, loaded);
    region = { region: found.region, regionSource: found.source };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    region = { regionError: error };
  }
  // The chain (and the STS and metadata clients behind it) loads once credentials are needed:
  // `--validate`'s setting and a region are read without it.
  const { resolveCredentialSource } = await import('./chain.js');
  const credentials = await resolveCredentialSource({
    env: input.env,
    home: homeDir(input.env, input.home),
    profile: loaded.choice,
    tccli: loaded.tccli,
    now: input.now ?? (input.clock ? () => input.clock!.now() : Date.now),
    secrets: input.secrets,
    warn,
    ...(input.clock ? { clock: input.clock } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.systemCredentialsFile ? { systemCredentialsFile: input.systemCredentialsFile } : {}),
    ...(region.region ? { region: region.region } : {}),
    ...(input.onWire ? { onWire: input.onWire } : {}),
  }).then(
    (source) => ({ credentials: source }),
    (error: unknown) => ({ credentialsError: error }),
  );
  const { endpoint, source: endpointSource } = endpointOf(input, loaded, region.region);
  return {
    ...credentials,
    ...region,
    endpoint,
    endpointSource,
    ...languageOf(input, loaded, warn),
    profile: loaded.choice.name,
    profileSource: loaded.choice.source,
  };
}

/** Everything a command needs to call the API; a missing region is a UsageError (exit 2). */
export async function resolveSettings(input: SettingsInput): Promise<ResolvedSettings> {
  const { region, regionSource, regionError, ...rest } = await inspectSettings(input);
  if (regionError || !region || !regionSource) throw regionError ?? new UsageError(message(CONFIG.noRegion), '--region');
  return { ...rest, region, regionSource };
}
