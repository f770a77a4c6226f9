/**
 * Renders any failure on stderr: one line saying what went wrong, a hint line where one helps,
 * and with `-o json` a JSON object instead, so scripts can parse errors too. Every byte passes
 * through redaction first. Stack traces only with --debug, and redacted too.
 */
import {
  AcceptedError,
  ApiError,
  CliError,
  InterruptedError,
  NetworkError,
  TaskFailedError,
  UsageError,
  WaitTimeoutError,
  redact,
} from '../core/errors.js';
import { scrubPrivateKeys } from '../core/secrets.js';
import type { CliContext, GlobalOptions } from '../core/context.js';
import { colorEnabled, palette } from './color.js';
import { escapeControl, printableLine, shorten } from '../core/printable.js';
import { defineMessages, say } from '../core/i18n.js';

export const RENDER_TEXT = defineMessages({
  ruleIds: { en: 'forwarding rule ids: %{ids}', zh: '转发规则 ID：%{ids}' },
});

interface RenderOptions {
  ctx: CliContext;
  globals: Partial<GlobalOptions>;
  secrets: readonly string[];
}

function requestIdOf(error: unknown): string | undefined {
  if (error instanceof ApiError || error instanceof NetworkError) return error.requestId;
  if (
    error instanceof TaskFailedError ||
    error instanceof WaitTimeoutError ||
    error instanceof InterruptedError ||
    error instanceof AcceptedError
  )
    return error.requestId;
  return undefined;
}

function errorCode(error: unknown): string {
  if (error instanceof ApiError) return error.code;
  if (error instanceof CliError) return error.name.replace(/Error$/, '');
  return 'InternalError';
}

const BUG_HINT = 'this is a bug in clb-listener; run again with --debug for details';

/** How many problems the text lists (the first included); `-o json` carries every one. */
export const PROBLEMS_SHOWN = 8;
/** The most problems `-o json` carries (ProblemCount says how many there were). */
const PROBLEMS_IN_JSON = 100;
/** A listed problem beyond the first is cut to this many characters. */
const PROBLEM_LINE = 300;

/**
 * A problem's value as JSON may carry it: private-key text scrubbed, long strings cut, a large
 * object or list replaced by its size. Every string is escaped by JSON itself.
 */
function jsonValue(value: unknown): unknown {
  // JSON escapes C0 controls but not DEL, C1 or the bidirectional overrides: escaped here, as everywhere.
  if (typeof value === 'string') return shorten(escapeControl(scrubPrivateKeys(value)));
  if (value === null || typeof value !== 'object') return value;
  const text = JSON.stringify(value);
  if (text.length > 200 || /-----BEGIN/.test(text)) return `<${Array.isArray(value) ? 'list' : 'object'} of ${text.length} characters>`;
  return JSON.parse(text, (_key, item: unknown) => (typeof item === 'string' ? escapeControl(item) : item));
}

export async function renderError(error: unknown, { ctx, globals, secrets }: RenderOptions): Promise<void> {
  // The one edge every failure passes: secrets out first, then control characters escaped and
  // long values cut, so no message can drive the terminal or flood it (src/core/printable.ts).
  const safe = (text: string) => printableLine(redact(text, secrets));
  const message = error instanceof Error ? error.message : String(error);
  const isBug = !(error instanceof CliError);
  const hint = error instanceof CliError ? error.hint : globals.debug ? undefined : BUG_HINT;
  const requestId = requestIdOf(error);
  const details = error instanceof CliError ? error.details : {};

  if (globals.output === 'json') {
    const body: Record<string, unknown> = {
      Code: safe(errorCode(error)),
      Message: safe(error instanceof ApiError ? error.apiMessage : message),
    };
    if (requestId) body.RequestId = safe(requestId);
    if (details.TaskId && details.TaskId !== requestId) body.TaskId = safe(details.TaskId);
    if (details.ListenerIds) body.ListenerIds = details.ListenerIds.map(safe);
    if (details.LocationIds) body.LocationIds = details.LocationIds.map(safe);
    if (hint) body.Hint = safe(hint);
    if (error instanceof UsageError && error.problems) {
      // Every problem a request can have fits (it has some thirty fields); only a hostile input
      // (ten thousand unknown keys) is cut, and the count says so.
      body.ProblemCount = error.problems.length;
      body.Problems = error.problems.slice(0, PROBLEMS_IN_JSON).map((p) => ({
        Field: safe(p.field),
        ...(p.path !== undefined ? { Path: safe(p.path) } : {}),
        ...(p.value !== undefined ? { Value: jsonValue(p.value) } : {}),
        ...(p.rule !== undefined ? { Rule: p.rule } : {}),
        Message: safe(p.message),
        ...(p.hint ? { Hint: safe(p.hint) } : {}),
      }));
    }
    ctx.stderr.write(`${redact(JSON.stringify({ Error: body }), secrets)}\n`);
  } else {
    const c = await palette(colorEnabled(ctx.stderr, ctx.env, globals.color !== false));
    let line = message;
    if (requestId && !message.includes(requestId)) line += ` (RequestId: ${requestId})`;
    ctx.stderr.write(`${c.red('error:')} ${safe(line)}\n`);
    // Every further problem, one line each, up to a few; the JSON error lists them all.
    const more = error instanceof UsageError && error.problems ? error.problems.slice(1) : [];
    for (const problem of more.slice(0, PROBLEMS_SHOWN - 1)) ctx.stderr.write(`  ${shorten(safe(problem.message), PROBLEM_LINE)}\n`);
    if (more.length >= PROBLEMS_SHOWN) {
      ctx.stderr.write(`  … and ${more.length - (PROBLEMS_SHOWN - 1)} more (-o json lists every problem)\n`);
    }
    if (details.ListenerIds) ctx.stderr.write(`listener ids: ${safe(details.ListenerIds.join(', '))}\n`);
    if (details.LocationIds)
      ctx.stderr.write(`${safe(say(ctx.language ?? 'en', RENDER_TEXT.ruleIds, { ids: details.LocationIds.join(', ') }))}\n`);
    if (hint) ctx.stderr.write(`${c.yellow('hint:')} ${safe(hint)}\n`);
  }
  if (globals.debug && error instanceof Error && error.stack && (isBug || error.cause)) {
    const stack = redact(String(error.stack), secrets).split('\n').map(escapeControl).join('\n');
    ctx.stderr.write(`${stack}\n`);
  }
}
