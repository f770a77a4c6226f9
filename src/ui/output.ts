/**
 * Data on stdout, in the format asked for: `text` (one value a line, for shell scripts), `json`
 * (one object), or `table` (aligned columns). `--query` (JMESPath) is applied to the JSON form
 * first, whatever the format.
 */
import type { CliContext, GlobalOptions } from '../core/context.js';
import { CliError, redact, UsageError } from '../core/errors.js';
import { message } from '../core/i18n.js';
import { OUTPUT } from './output.messages.js';
import { escapeControl } from '../core/printable.js';
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
  /**
   * Colour for `-o text` lines, added after each line was escaped and redacted (so what came from
   * outside never carries a sequence of its own): line `i` as it will be printed, coloured.
   */
  decorate?: (line: string, index: number) => string;
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

/** Columns line up by terminal columns: a Chinese character in a name or a header takes two. */
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
      const reason = code === 'ENOSPC' ? OUTPUT.noSpace : code ? `${code}: ${error.message}` : error.message;
      reject(new OutputError(message(OUTPUT.cannotWrite, { reason }), { cause: error }));
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
  if (!globals.query) return;
  await applyQuery(sample, globals.query);
  // A field the result never has selects nothing: the run would succeed and print nothing at all
  // (with -q, its ids nowhere). Such a name is a typo, refused while nothing has been sent.
  const { compile } = await import('@jmespath-community/jmespath');
  const unknown = unknownFields(compile(globals.query), sample);
  if (unknown.length > 0) {
    const known = [...keysOf(sample)].sort().join(', ');
    const fields = unknown.map((name) => `"${name}"`).join(', ');
    throw new UsageError(message(OUTPUT.noSuchField, { query: globals.query, fields, known }), '--query', {
      hint: message(OUTPUT.nothingSent),
    });
  }
}

/** Every key of a value, at any depth. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.add(key);
      keysOf(item, out);
    }
  }
  return out;
}

/** The field names an expression reads that neither the value nor the expression itself (`{id: …}`) has. */
function unknownFields(ast: unknown, value: unknown): string[] {
  const fields = new Set<string>();
  const made = new Set<string>();
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      const { type, name } = node as { type?: unknown; name?: unknown };
      if (type === 'Field' && typeof name === 'string') fields.add(name);
      if (type === 'KeyValuePair' && typeof name === 'string') made.add(name);
      stack.push(...Object.values(node));
    }
  }
  const known = keysOf(value);
  return [...fields].filter((name) => !known.has(name) && !made.has(name));
}

export async function printResult(ctx: CliContext, globals: Partial<GlobalOptions>, view: ResultView): Promise<void> {
  const format = globals.output ?? 'text';
  const queried = globals.query ? await applyQuery(view.json, globals.query) : undefined;
  const secrets = ctx.secrets.list();
  // Every secret of the run redacted; in text and tables each line escaped as on stderr (a name
  // holding a bidirectional override is shown as `\u202e`, not obeyed), before colour is added.
  // Line breaks and tabs stay: they are the output's own layout (`list` separates with tabs).
  const shown = (text: string) =>
    text
      .split('\n')
      .map((line) => line.split('\t').map(escapeControl).join('\t'))
      .join('\n');
  let out: string;
  if (format === 'json') {
    out = jsonData(redact(JSON.stringify(globals.query ? (queried ?? null) : view.json, null, view.jsonLine ? undefined : 2), secrets));
  } else if (format === 'table') {
    const rows = globals.query ? tableFromValue(queried) : (view.table ?? tableFromValue(view.json));
    const safeRows = rows.map((row) => row.map((cell) => shown(redact(cell, secrets))));
    out = renderTable(safeRows, (await palette(colorEnabled(ctx.stdout, ctx.env, globals.color !== false))).bold);
  } else {
    out = shown(redact((globals.query ? textLines(queried) : view.text).join('\n'), secrets));
    if (view.decorate && !globals.query) out = out.split('\n').map(view.decorate).join('\n');
  }
  if (out !== '') await writeData(ctx.stdout, `${out}\n`);
}

/** What JSON leaves as it is but a terminal obeys: DEL, C1, bidirectional overrides and isolates, line separators. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** JSON text with those characters written as `\uXXXX` escapes: the same value, nothing a terminal obeys. */
function jsonData(text: string): string {
  return text.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
