/** The body of `whoami` (and `configure show`), loaded only when it runs. */
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { settingsInput } from '../../settings-input.js';
import { maskIdentifier, overviewSettings } from '../../../config/index.js';
import { keyValueTable, printResult } from '../../../ui/output.js';
import { printableLine } from '../../../core/printable.js';
import { maskEndpoint, parseEndpoint } from '../../../api/endpoint.js';
import type { UsageError } from '../../../core/errors.js';
import type { Credentials } from '../../../core/credentials.js';
import { type Params, render, say, type Text, type Language } from '../../../core/i18n.js';
import { displayWidth, padEndWidth } from '../../../core/width.js';
import { WHOAMI } from './whoami.messages.js';
import { ENV } from '../../../core/env-names.js';
import { warnUnknownRegion } from '../../region-warning.js';

/** The `-o json` shape of whoami (docs/scripting.md, "Output formats"). */
export interface WhoamiView {
  Profile: string;
  ProfileSource: string;
  /** null when no credentials were found (the error says where it looked). */
  CredentialSource: string | null;
  CredentialKind: string | null;
  /** The role acted as, when the keys come from STS (role-arn, TKE OIDC); null otherwise. */
  Role: { Arn: string; SessionName: string; Action: string; StsEndpoint: string; StsEndpointSource: string; Source: string } | null;
  /** Masked; null when there are no keys to show (none found, or STS did not issue them). */
  SecretId: string | null;
  HasToken: boolean;
  ExpiresAt: string | null;
  Region: string | null;
  RegionSource: string | null;
  Endpoint: string;
  EndpointSource: string;
  Language: string | null;
  LanguageSource: string | null;
}

function textReport(view: WhoamiView, language: Language): string[] {
  const t = (text: Text, params?: Params) => say(language, text, params);
  const rows: [string, string][] = [
    [t(WHOAMI.profile), `${view.Profile}  [${view.ProfileSource}]`],
    [t(WHOAMI.credentials), view.CredentialSource ?? t(WHOAMI.noneFound)],
    ...(view.Role
      ? ([
          [t(WHOAMI.role), `${view.Role.Arn}  [${view.Role.Source}]`],
          [t(WHOAMI.sessionName), view.Role.SessionName],
          [t(WHOAMI.stsEndpoint), `${view.Role.StsEndpoint}  [${view.Role.StsEndpointSource}] (${view.Role.Action})`],
        ] as [string, string][])
      : []),
    [t(WHOAMI.secretId), view.SecretId ?? (view.Role ? t(WHOAMI.notIssued, { action: view.Role.Action }) : t(WHOAMI.none))],
    // Whether the token is there, never the token itself (nothing to say without keys).
    ...(view.SecretId === null
      ? []
      : ([
          [
            t(WHOAMI.sessionToken),
            view.HasToken ? (view.ExpiresAt ? t(WHOAMI.temporaryExpires, { at: view.ExpiresAt }) : t(WHOAMI.temporary)) : t(WHOAMI.no),
          ],
        ] as [string, string][])),
    [t(WHOAMI.region), view.Region ? `${view.Region}  [${view.RegionSource}]` : t(WHOAMI.notSet)],
    [t(WHOAMI.endpoint), `${view.Endpoint}  [${view.EndpointSource}]`],
    [t(WHOAMI.language), view.Language ? `${view.Language}  [${view.LanguageSource}]` : t(WHOAMI.apiDefault)],
  ];
  const width = Math.max(...rows.map(([label]) => displayWidth(label)));
  return rows.map(([label, value]) => `${padEndWidth(label, width)}  ${value}`);
}

export async function runWhoami(ctx: CliContext, globals: GlobalOptions): Promise<void> {
  const report = await overviewSettings({
    ...settingsInput(globals, ctx),
    // Showing where things come from is whoami's whole job: its warnings show even with -q.
    warn: (words) => void ctx.stderr.write(`${printableLine(typeof words === 'string' ? words : render(ctx.language ?? 'en', words))}\n`),
  });
  // Checked as a command would check it; shown without any user name or password it holds.
  let endpointError: UsageError | undefined;
  try {
    parseEndpoint(report.endpoint, ['--endpoint', ENV.endpoint].includes(report.endpointSource) ? report.endpointSource : 'clb.endpoint');
  } catch (error) {
    endpointError = error as UsageError;
  }
  // What is known is shown even when the keys cannot be had (none found, STS refused or
  // unreachable): the failure is the error below the report, and the exit code.
  let credentialsError = report.credentialsError;
  let credentials: Credentials | undefined;
  if (report.credentials) {
    try {
      credentials = await report.credentials.get(ctx.signal);
    } catch (error) {
      credentialsError = error;
    }
  }
  const role = report.credentials?.assumedRole;
  const view: WhoamiView = {
    Profile: report.profile,
    ProfileSource: report.profileSource,
    CredentialSource: report.credentials?.describe ?? null,
    CredentialKind: report.credentials?.kind ?? null,
    Role: role
      ? {
          Arn: role.arn,
          SessionName: role.sessionName,
          Action: role.action,
          StsEndpoint: role.stsEndpoint,
          StsEndpointSource: role.stsEndpointSource,
          Source: role.source,
        }
      : null,
    SecretId: credentials ? maskIdentifier(credentials.secretId) : null,
    HasToken: !!credentials?.token,
    ExpiresAt: credentials?.expiresAt ? new Date(credentials.expiresAt).toISOString() : null,
    Region: report.region ?? null,
    RegionSource: report.regionSource ?? null,
    Endpoint: maskEndpoint(report.endpoint),
    EndpointSource: report.endpointSource,
    Language: report.language ?? null,
    LanguageSource: report.languageSource ?? null,
  };
  await printResult(ctx, globals, { json: view, text: textReport(view, ctx.language ?? 'en'), table: keyValueTable(view) });
  warnUnknownRegion(ctx, globals, report.region, report.regionSource);
  // The report is still useful without keys or a region, but a command would fail: the exit code says so.
  if (credentialsError !== undefined) throw credentialsError;
  if (report.regionError) throw report.regionError;
  if (endpointError) throw endpointError;
}
