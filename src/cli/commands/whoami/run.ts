/** The body of `whoami` (and `configure show`), loaded only when it runs. */
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { settingsInput } from '../../settings-input.js';
import { inspectSettings, maskIdentifier } from '../../../config/index.js';

export interface WhoamiView {
  profile: string;
  profileSource: string;
  credentialSource: string;
  credentialKind: string | null;
  secretId: string;
  hasToken: boolean;
  expiresAt: string | null;
  region: string | null;
  regionSource: string | null;
  endpoint: string;
  endpointSource: string;
  language: string | null;
  languageSource: string | null;
}

function textReport(view: WhoamiView): string {
  const rows: [string, string][] = [
    ['profile', `${view.profile}  [${view.profileSource}]`],
    ['credentials', view.credentialSource],
    ['secret id', view.secretId],
    // Whether the token is there, never the token itself.
    ['session token', view.hasToken ? `temporary credentials (token present)${view.expiresAt ? `, expires ${view.expiresAt}` : ''}` : 'no'],
    ['region', view.region ? `${view.region}  [${view.regionSource}]` : '(not set)'],
    ['endpoint', `${view.endpoint}  [${view.endpointSource}]`],
    ['language', view.language ? `${view.language}  [${view.languageSource}]` : '(API default)'],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}\n`).join('');
}

export async function runWhoami(ctx: CliContext, globals: GlobalOptions): Promise<void> {
  const report = await inspectSettings({
    ...settingsInput(globals, ctx),
    // Showing where things come from is whoami's whole job: its warnings show even with -q.
    warn: (message) => void ctx.stderr.write(`${message}\n`),
  });
  const credentials = await report.credentials.get(ctx.signal);
  const view: WhoamiView = {
    profile: report.profile,
    profileSource: report.profileSource,
    credentialSource: report.credentials.describe,
    credentialKind: report.credentials.kind ?? null,
    secretId: maskIdentifier(credentials.secretId),
    hasToken: !!credentials.token,
    expiresAt: credentials.expiresAt ? new Date(credentials.expiresAt).toISOString() : null,
    region: report.region ?? null,
    regionSource: report.regionSource ?? null,
    endpoint: report.endpoint,
    endpointSource: report.endpointSource,
    language: report.language ?? null,
    languageSource: report.languageSource ?? null,
  };
  ctx.stdout.write(globals.output === 'json' ? `${JSON.stringify(view, null, 2)}\n` : textReport(view));
  // The report is still useful without a region, but a command would fail, so the exit code says so.
  if (report.regionError) throw report.regionError;
}
