/**
 * Renders any failure on stderr: one line saying what went wrong, a hint line where one helps,
 * and with `-o json` a JSON object instead, so scripts can parse errors too. Every byte passes
 * through redaction first. Stack traces only with --debug, and redacted too.
 */
import { ApiError, CliError, NetworkError, TaskFailedError, WaitTimeoutError, InterruptedError, redact } from '../api/errors.js';
import type { CliContext, GlobalOptions } from '../cli/context.js';
import { colorEnabled, palette } from './color.js';

interface RenderOptions {
  ctx: CliContext;
  globals: Partial<GlobalOptions>;
  secrets: readonly string[];
}

function requestIdOf(error: unknown): string | undefined {
  if (error instanceof ApiError || error instanceof NetworkError) return error.requestId;
  if (error instanceof TaskFailedError || error instanceof WaitTimeoutError || error instanceof InterruptedError) return error.requestId;
  return undefined;
}

export function errorCode(error: unknown): string {
  if (error instanceof ApiError) return error.code;
  if (error instanceof CliError) return error.name.replace(/Error$/, '');
  return 'InternalError';
}

export function renderError(error: unknown, { ctx, globals, secrets }: RenderOptions): void {
  const clean = (text: string) => redact(text, secrets);
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof CliError ? error.hint : undefined;
  const requestId = requestIdOf(error);

  if (globals.output === 'json') {
    const body: Record<string, unknown> = { Code: errorCode(error), Message: error instanceof ApiError ? error.apiMessage : message };
    if (requestId) body.RequestId = requestId;
    if (hint) body.Hint = hint;
    ctx.stderr.write(clean(JSON.stringify({ Error: body })) + '\n');
  } else {
    const c = palette(colorEnabled(ctx.stderr, ctx.env, globals.color !== false));
    let line = `${c.red('error:')} ${message}`;
    if (requestId && !message.includes(requestId)) line += ` (RequestId: ${requestId})`;
    ctx.stderr.write(clean(line) + '\n');
    if (hint) ctx.stderr.write(clean(`${c.yellow('hint:')} ${hint}`) + '\n');
  }
  if (globals.debug && error instanceof Error && error.stack && !(error instanceof CliError && !error.cause)) {
    ctx.stderr.write(clean(String(error.stack)) + '\n');
  }
  if (!(error instanceof CliError) && !globals.debug) {
    ctx.stderr.write('this is a bug in clb-listener; run again with --debug for details\n');
  }
}
