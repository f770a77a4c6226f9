/**
 * Data on stdout, in the format asked for: `text` (one value a line, for shell scripts), `json`
 * (one object), or `table` (aligned columns). `--query` (JMESPath) is applied to the JSON form
 * first, whatever the format.
 */
import type { CliContext, GlobalOptions } from '../core/context.js';
import { CliError, UsageError } from '../core/errors.js';
import { colorEnabled, palette } from './color.js';
import { displayWidth, padEndWidth } from '../core/width.js';

export interface ResultView {
  /** The whole result, as `-o json` prints it. */
  json: unknown;
  /** The lines `-o text` prints by default. */
  text: string[];
  /** Rows for `-o table`; the first row is the header. */
  table?: string[][];
  /** `-o json` on one line (a handshake read line by line), instead of indented. */
  jsonLine?: boolean;
}

/** A table of an object's fields, one a row: `FIELD  VALUE`. */
export function keyValueTable(record: object): string[][] {
  return [['FIELD', 'VALUE'], ...Object.entries(record).map(([key, value]) => [key, cell(value)])];
}

async function applyQuery(value: unknown, expression: string): Promise<unknown> {
  const { search } = await import('@jmespath-community/jmespath');
  try {
    return search(value as Parameters<typeof search>[0], expression);
  } catch (error) {
    throw new UsageError(`--query "${expression}": ${(error as Error).message}`, '--query');
  }
}

/**
 * Checks the syntax of a --query expression. Called before a command runs, so a typo is a usage
 * error while nothing has been sent yet, not after a create has succeeded and lost its output.
 */
export async function checkQuery(expression: string): Promise<void> {
  const { compile } = await import('@jmespath-community/jmespath');
  try {
    compile(expression);
  } catch (error) {
    throw new UsageError(`--query "${expression}": ${(error as Error).message}`, '--query');
  }
}

/** Text form of any JSON value: scalars bare, arrays one item a line, objects as JSON. */
function textLines(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value))
    return value.flatMap((item) => (item !== null && typeof item === 'object' ? [JSON.stringify(item)] : [String(item)]));
  if (typeof value === 'object') return [JSON.stringify(value)];
  return [String(value)];
}

function tableFromValue(value: unknown): string[][] {
  const rows = Array.isArray(value) ? value : [value];
  if (rows.every((r) => r && typeof r === 'object' && !Array.isArray(r))) {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r as object)))];
    return [columns, ...rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])))];
  }
  return [['value'], ...rows.map((r) => [cell(r)])];
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Columns aligned by display width: a Chinese name takes two columns a character, as the terminal shows it. */
function renderTable(rows: string[][], bold: (s: string) => string): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows
    .map((row, index) => {
      // An empty last cell must not leave padding behind (trailing blanks upset diff and cut).
      const line = row
        .map((c, i) => (i === row.length - 1 ? c : padEndWidth(c, widths[i]!)))
        .join('  ')
        .trimEnd();
      return index === 0 ? bold(line) : line;
    })
    .join('\n');
}

/** stdout could not take the result (a full disk, a closed file): the data did not reach its reader. */
export class OutputError extends CliError {}

/**
 * Writes data and waits until the stream says it was written, so a failure (ENOSPC on a full
 * disk) is known here, where the caller can still say what the data was, rather than surfacing
 * later as an unexplained crash.
 */
export function writeData(stream: CliContext['stdout'], text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (error?: Error | null) => {
      if (settled) return;
      settled = true;
      const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
      // A closed pipe (`| head -1`) is the reader's choice; the process ends quietly (main.ts).
      if (!error || code === 'EPIPE') return resolve();
      const reason = code === 'ENOSPC' ? 'no space left on the device' : code ? `${code}: ${error.message}` : error.message;
      reject(new OutputError(`could not write the result to stdout (${reason})`, { cause: error }));
    };
    try {
      stream.write(text, done);
    } catch (error) {
      done(error as Error);
    }
    // A stream that ignores the callback (a minimal test double) has written synchronously.
    if (stream.write.length < 2) done();
  });
}

/**
 * Runs --query over a result of the real one's shape before anything is sent, so an expression
 * that fails on the data (a type error, an unknown function) is a usage error while nothing has
 * happened, rather than an error after a create succeeded that takes its ids with it.
 */
export async function checkQueryOn(globals: Partial<GlobalOptions>, sample: unknown): Promise<void> {
  if (globals.query) await applyQuery(sample, globals.query);
}

export async function printResult(ctx: CliContext, globals: Partial<GlobalOptions>, view: ResultView): Promise<void> {
  const format = globals.output ?? 'text';
  const queried = globals.query ? await applyQuery(view.json, globals.query) : undefined;
  let out: string;
  if (format === 'json') {
    out = JSON.stringify(globals.query ? (queried ?? null) : view.json, null, view.jsonLine ? undefined : 2);
  } else if (format === 'table') {
    const rows = globals.query ? tableFromValue(queried) : (view.table ?? tableFromValue(view.json));
    out = renderTable(rows, (await palette(colorEnabled(ctx.stdout, ctx.env, globals.color !== false))).bold);
  } else {
    out = (globals.query ? textLines(queried) : view.text).join('\n');
  }
  if (out !== '') await writeData(ctx.stdout, `${out}\n`);
}
