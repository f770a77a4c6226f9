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
  WaitTimeoutError,
  redact,
} from '../core/errors.js';
import type { CliContext, GlobalOptions } from '../core/context.js';
import { colorEnabled, palette } from './color.js';
import { escapeControl, printableLine } from '../core/printable.js';

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
    if (hint) body.Hint = safe(hint);
    ctx.stderr.write(`${redact(JSON.stringify({ Error: body }), secrets)}\n`);
  } else {
    const c = await palette(colorEnabled(ctx.stderr, ctx.env, globals.color !== false));
    let line = message;
    if (requestId && !message.includes(requestId)) line += ` (RequestId: ${requestId})`;
    ctx.stderr.write(`${c.red('error:')} ${safe(line)}\n`);
    if (details.ListenerIds) ctx.stderr.write(`listener ids: ${safe(details.ListenerIds.join(', '))}\n`);
    if (hint) ctx.stderr.write(`${c.yellow('hint:')} ${safe(hint)}\n`);
  }
  if (globals.debug && error instanceof Error && error.stack && (isBug || error.cause)) {
    const stack = redact(String(error.stack), secrets).split('\n').map(escapeControl).join('\n');
    ctx.stderr.write(`${stack}\n`);
  }
}
