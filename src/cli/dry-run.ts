/**
 * --dry-run: the exact request that would be sent, on stdout, with the signature, any session
 * token and private key material redacted. Nothing is sent. Without credentials the request is
 * shown unsigned, so a body can be checked before keys are set up; so it is with a role, whose
 * keys only STS can give (a dry run calls nothing).
 */
import type { CliContext, GlobalOptions } from '../core/context.js';
import { CredentialsError } from '../core/errors.js';
import { redactBody, redactHeaders } from '../api/redact-request.js';
import { ClbClient } from '../api/client.js';
import { keyValueTable, printResult } from '../ui/output.js';
import { settingsInput } from './settings-input.js';
import { resolveEndpoint, resolveRegion, resolveSettings, type CredentialSource } from '../config/index.js';
import { say } from '../core/i18n.js';
import { CREATE } from './commands/create/create.messages.js';
import { warnUnknownRegion } from './region-warning.js';

const UNSIGNED: CredentialSource = {
  describe: 'none (unsigned dry run)',
  get: async () => ({ secretId: '<no credentials>', secretKey: 'unsigned' }),
};

/**
 * `also`: requests that follow the first one (create --rule: CreateRule after CreateListener);
 * with any, the result is the list of every request, in order.
 */
export async function printDryRun(
  ctx: CliContext,
  globals: GlobalOptions,
  action: string,
  body: object,
  also: readonly { action: string; body: object }[] = [],
): Promise<void> {
  const input = settingsInput(globals, ctx);
  let settings: { credentials: CredentialSource; region: string; endpoint: string };
  let regionSource: string;
  try {
    const resolved = await resolveSettings(input);
    settings = resolved;
    regionSource = resolved.regionSource;
  } catch (error) {
    if (!(error instanceof CredentialsError)) throw error;
    const region = resolveRegion(input);
    settings = { credentials: UNSIGNED, region: region.region, endpoint: resolveEndpoint(input).endpoint };
    regionSource = region.source;
  }
  warnUnknownRegion(ctx, globals, settings.region, regionSource);
  // A role's keys come from STS: a dry run does not call it, so the request is shown unsigned.
  const role = settings.credentials.assumedRole;
  if (role) settings = { ...settings, credentials: UNSIGNED };
  const client = new ClbClient({ endpoint: settings.endpoint, region: settings.region, credentials: settings.credentials, clock: ctx });
  const dumps: Record<string, unknown>[] = [];
  for (const request of [{ action, body }, ...also]) {
    const prepared = await client.prepare(request.action, request.body);
    const headers = redactHeaders(prepared.headers);
    if (settings.credentials === UNSIGNED) {
      headers.Authorization = role
        ? `<unsigned: signed with the keys of role ${role.arn}, which STS issues only when sending>`
        : '<unsigned: no credentials found>';
    }
    dumps.push({
      DryRun: true,
      Action: request.action,
      Region: settings.region,
      Endpoint: prepared.url,
      Headers: headers,
      Body: redactBody(request.body),
    });
  }
  await client.close();
  const [dump] = dumps as [Record<string, unknown>];
  // Shown as JSON whatever -o says (it is a request, not a result), but --query still picks from it.
  if (also.length === 0) await printResult(ctx, globals, { json: dump, text: [JSON.stringify(dump, null, 2)], table: keyValueTable(dump) });
  else
    await printResult(ctx, globals, {
      json: dumps,
      text: [JSON.stringify(dumps, null, 2)],
      table: [['FIELD', 'VALUE'], ...dumps.flatMap((d) => keyValueTable(d).slice(1))],
    });
  if (!globals.quiet) ctx.stderr.write(`${say(ctx.language ?? 'en', CREATE.dryRunNothingSent)}\n`);
}
