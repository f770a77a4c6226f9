/**
 * "Did you mean ap-beijing?" for a region the SDKs do not list, whatever gave it (--region,
 * TENCENTCLOUD_REGION, the profile). A warning only: new regions appear before the SDKs list them,
 * and the API is the judge of which it serves.
 */
import type { CliContext, GlobalOptions } from '../core/context.js';
import { say } from '../core/i18n.js';
import { printableLine } from '../core/printable.js';
import { unknownRegion } from '../config/regions.js';
import { REGION_WARNING } from './region-warning.messages.js';

export function warnUnknownRegion(
  ctx: CliContext,
  globals: Pick<GlobalOptions, 'quiet'>,
  region: string | undefined,
  source: string | undefined,
): void {
  if (!region || globals.quiet) return;
  const unknown = unknownRegion(region);
  if (!unknown) return;
  const language = ctx.language ?? 'en';
  const [suggestion] = unknown.suggestion;
  const params = { source: source ?? '--region', region: printableLine(region) };
  const line = suggestion
    ? say(language, REGION_WARNING.unknownSuggest, { ...params, suggestion })
    : say(language, REGION_WARNING.unknown, params);
  ctx.stderr.write(`${line}\n`);
}
