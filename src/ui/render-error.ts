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
  saidIn,
} from '../core/errors.js';
import { ERRORS } from '../core/errors.messages.js';
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
function jsonValue(value: unknown, secrets: readonly string[]): unknown {
  // Secrets out before anything is cut: a value cut through a secret would keep half of it.
  const clean = redactStrings(value, secrets);
  // JSON escapes C0 controls but not DEL, C1 or the bidirectional overrides: escaped here, as everywhere.
  if (typeof clean === 'string') return shorten(escapeControl(clean));
  if (clean === null || typeof clean !== 'object') return clean;
  const text = JSON.stringify(clean);
  if (text.length > 200 || /-----BEGIN/.test(text)) return `<${Array.isArray(clean) ? 'list' : 'object'} of ${text.length} characters>`;
  return JSON.parse(text, (_key, item: unknown) => (typeof item === 'string' ? escapeControl(item) : item));
}

/** Every string in a value (keys too), secrets and private keys replaced. */
function redactStrings(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, secrets));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k, secrets), redactStrings(v, secrets)]));
  }
  return value;
}

/** `error: ` in colour; a label that ends in a full-width colon (`错误：`) needs no space after it. */
export function labelled(label: string, paint: (text: string) => string): string {
  return `${paint(label)}${label.endsWith('：') ? '' : ' '}`;
}

export async function renderError(error: unknown, { ctx, globals, secrets }: RenderOptions): Promise<void> {
  // The one edge every failure passes: secrets out first, then control characters escaped and
  // long values cut, so no message can drive the terminal or flood it (src/core/printable.ts).
  const safe = (text: string) => printableLine(redact(text, secrets));
  const language = ctx.language ?? 'en';
  const said = error instanceof CliError ? saidIn(language, error) : undefined;
  const message = said ? said.message : error instanceof Error ? error.message : String(error);
  const isBug = !(error instanceof CliError);
  const hint = said ? said.hint : globals.debug ? undefined : say(language, ERRORS.bug);
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
        ...(p.value !== undefined ? { Value: jsonValue(p.value, secrets) } : {}),
        ...(p.rule !== undefined ? { Rule: p.rule } : {}),
        Message: safe(p.message),
        ...(p.hint ? { Hint: safe(p.hint) } : {}),
      }));
    }
    ctx.stderr.write(`${redact(JSON.stringify({ Error: body }), secrets)}\n`);
  } else {
    const c = await palette(colorEnabled(ctx.stderr, ctx.env, globals.color !== false));
    const line = requestId && !message.includes(requestId) ? say(language, ERRORS.requestIdSuffix, { message, id: requestId }) : message;
    ctx.stderr.write(`${labelled(say(language, ERRORS.errorLabel), c.red)}${safe(line)}\n`);
    // Every further problem, one line each, up to a few; the JSON error lists them all.
    const more = error instanceof UsageError && error.problems ? error.problems.slice(1) : [];
    for (const problem of more.slice(0, PROBLEMS_SHOWN - 1)) ctx.stderr.write(`  ${shorten(safe(problem.message), PROBLEM_LINE)}\n`);
    if (more.length >= PROBLEMS_SHOWN) {
      ctx.stderr.write(`  ${say(language, ERRORS.moreProblems, { count: more.length - (PROBLEMS_SHOWN - 1) })}\n`);
    }
    if (details.ListenerIds) ctx.stderr.write(`${safe(say(language, ERRORS.listenerIds, { ids: details.ListenerIds.join(', ') }))}\n`);
    if (details.LocationIds) ctx.stderr.write(`${safe(say(language, RENDER_TEXT.ruleIds, { ids: details.LocationIds.join(', ') }))}\n`);
    if (hint) ctx.stderr.write(`${labelled(say(language, ERRORS.hintLabel), c.yellow)}${safe(hint)}\n`);
  }
  if (globals.debug && error instanceof Error && error.stack && (isBug || error.cause)) {
    const stack = redact(String(error.stack), secrets).split('\n').map(escapeControl).join('\n');
    ctx.stderr.write(`${stack}\n`);
  }
}
