/**
 * What every command that calls the API shares: settings resolved from flags, environment and
 * profiles, a signed client, and the --debug wire log.
 */
import type { CliContext, GlobalOptions } from '../core/context.js';
import { resolveSettings, type ResolvedSettings } from '../config/index.js';
import { settingsInput } from './settings-input.js';
import { ClbClient } from '../api/client.js';
import { proxyPassword, redactProxy } from '../api/proxy.js';
import { wireLogger } from '../ui/debug-log.js';
import { parseSeconds } from './seconds.js';
import { warnUnknownRegion } from './region-warning.js';

export { parseSeconds } from './seconds.js';

export interface Session {
  client: ClbClient;
  settings: ResolvedSettings;
}

export async function openSession(
  globals: GlobalOptions & { requestTimeout?: string },
  ctx: CliContext,
  options: { connections?: number } = {},
): Promise<Session> {
  const settings = await resolveSettings(settingsInput(globals, ctx));
  warnUnknownRegion(ctx, globals, settings.region, settings.regionSource);
  const requestTimeoutMs = globals.requestTimeout
    ? parseSeconds(globals.requestTimeout, '--request-timeout', { max: 600, language: ctx.language ?? 'en' }) * 1000
    : 30000;
  const client = new ClbClient({
    endpoint: settings.endpoint,
    region: settings.region,
    credentials: settings.credentials,
    requestTimeoutMs,
    env: ctx.env,
    clock: ctx,
    ...(options.connections ? { connections: options.connections } : {}),
    // --language went into the settings input; the resolver already put it before the profile's.
    ...(settings.language ? { language: settings.language } : {}),
    ...(globals.debug ? { onWire: wireLogger(ctx.stderr, () => ctx.secrets.list()) } : {}),
  });
  ctx.secrets.add(proxyPassword(client.proxy));
  if (globals.debug) {
    const via = client.proxy ? `, via proxy ${redactProxy(client.proxy.url)} (${client.proxy.source})` : '';
    ctx.stderr.write(
      `[debug] endpoint ${client.endpoint.origin} (${settings.endpointSource})${via}, region ${settings.region} (${settings.regionSource}), credentials from ${settings.credentials.describe}\n`,
    );
  }
  return { client, settings };
}
