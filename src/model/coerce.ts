/**
 * Turns what a person typed into API-typed values, by the field tables: integers, 0/1 switches,
 * booleans, upper-cased enums, comma lists, and the three forms of a nested object (AWS-style
 * shorthand `Key=Value,Key=Value`, JSON, or `file://path`). Problems become UsageErrors naming
 * the flag.
 */
import { UsageError } from '../core/errors.js';
import { NESTED_FIELDS, type FieldSpec, type NestedTypeName } from './fields.js';
import { checkParsedDocument, checkTextNesting, duplicateJsonKey, isMachineryKey, MAX_NESTING } from './limits.js';
import { holdsPrivateKey } from './certificates.js';
import { message, type Text } from '../core/i18n.js';
import { INPUT } from './input.messages.js';

/** Reads `path` (or stdin for `-`); injected so the model stays free of I/O. */
export type ReadText = (path: string, flag: string) => Promise<string>;

const TRUE_WORDS = new Set(['true', '1', 'on', 'yes']);
const FALSE_WORDS = new Set(['false', '0', 'off', 'no']);

/** An on-word (`1`, `true`, `on`, `yes`, any case) or a true value. */
export function isTrueWord(raw: unknown): boolean {
  return raw === true || raw === 1 || TRUE_WORDS.has(String(raw).trim().toLowerCase());
}

/** What was typed, quoted back; never a private key (a key typed into the wrong flag is still a secret). */
function typed(raw: unknown): string {
  const text = String(raw);
  return holdsPrivateKey(text) ? '<a PEM private key>' : `"${text}"`;
}

function parseBooleanWord(raw: unknown, label: string, rule: Text): boolean {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number' && (raw === 0 || raw === 1)) return raw === 1;
  const word = String(raw).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw new UsageError(message(rule, { label, value: typed(raw) }), label);
}

function parseInteger(raw: string, label: string): number {
  const text = raw.trim();
  if (!/^[-+]?\d+$/.test(text)) throw new UsageError(message(INPUT.notInteger, { label, value: typed(raw) }), label);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new UsageError(message(INPUT.tooLarge, { label, value: text }), label);
  return value;
}

/** Splits repeated and comma-separated values: `--port 80 --port 81,82` → ['80','81','82']. */
export function splitList(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw : [raw];
  return items
    .flatMap((item) => String(item).split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** One scalar value, coerced by its spec. Values that are already typed (from JSON) pass through. */
export function coerceScalar(spec: FieldSpec, raw: unknown, label: string): unknown {
  switch (spec.kind) {
    case 'integer':
      return typeof raw === 'string' ? parseInteger(raw, label) : raw;
    case 'switch':
      if (raw === 0 || raw === 1) return raw;
      return parseBooleanWord(raw, label, INPUT.notSwitch) ? 1 : 0;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : parseBooleanWord(raw, label, INPUT.notTrueFalse);
    case 'enum':
      return typeof raw === 'string' && spec.upperCase ? raw.trim().toUpperCase() : raw;
    case 'integer-list':
      return Array.isArray(raw) && raw.every((v) => typeof v === 'number') ? raw : splitList(raw).map((v) => parseInteger(v, label));
    case 'string-list':
      return splitList(raw);
    default:
      return raw;
  }
}

/**
 * Splits `A=1,B=x` at commas that start a new `Key=`; a value may itself hold commas
 * (`ExtendedCode=20,25`) as long as what follows is not `Word=`.
 */
export function parseShorthand(text: string, label: string): Record<string, string> {
  const out: Record<string, string> = {};
  const parts = text.split(/,(?=\s*[A-Za-z_][A-Za-z0-9_]*\s*=)/);
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      throw new UsageError(message(INPUT.notShorthand, { label, value: `"${text}"` }), label, {
        hint: message(INPUT.shorthandExample),
      });
    }
    const key = part.slice(0, eq).trim();
    // As in the AWS CLI's shorthand, a value may be quoted: `HttpCheckPath=""` is the empty string.
    const value = part
      .slice(eq + 1)
      .trim()
      .replace(/^"([^"]*)"$|^'([^']*)'$/, (_, double: string | undefined, single: string | undefined) => double ?? single ?? '');
    if (isMachineryKey(key)) throw new UsageError(message(INPUT.unknownKey, { label, key }), label);
    // The same key twice with two values: which one was meant is a guess this tool does not make.
    if (Object.hasOwn(out, key) && out[key] !== value) {
      // Values are not echoed: one of them could be a secret typed by mistake.
      throw new UsageError(message(INPUT.twiceDifferent, { label, key }), label, { hint: message(INPUT.giveOnce, { key }) });
    }
    out[key] = value;
  }
  return out;
}

export interface ObjectSource {
  /** The parsed object, still untyped. */
  value: Record<string, unknown>;
  /** True when the text came from a file (so secrets in it never passed through argv). */
  fromFile: boolean;
}

/** Where a JSON.parse error is (line and column), or that the text ends too early, without any of the text itself. */
function jsonErrorPosition(error: unknown, text: string): { line: number; column: number } | 'end' | undefined {
  const position = /position (\d+)/.exec((error as Error).message)?.[1];
  if (position === undefined) return /Unexpected end/.test((error as Error).message) ? 'end' : undefined;
  const before = text.slice(0, Number(position)).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

function nestedTooDeep(label: string): UsageError {
  return new UsageError(message(INPUT.tooDeep, { label, levels: MAX_NESTING }), label);
}

async function parseDocument(text: string, label: string, allowYaml: boolean): Promise<unknown> {
  let parsed: unknown;
  let json = true;
  try {
    parsed = JSON.parse(text);
  } catch (jsonError) {
    // V8's message quotes the text around the error, which may be a private key: give only where.
    if (!allowYaml) {
      const where = jsonErrorPosition(jsonError, text);
      const said =
        where === 'end'
          ? message(INPUT.notJsonEnd, { label })
          : where
            ? message(INPUT.notJsonAt, { label, ...where })
            : message(INPUT.notJson, { label });
      throw new UsageError(said, label);
    }
    parsed = await parseYaml(text, label);
    json = false;
  }
  checkParsedDocument(parsed, label);
  // The YAML parser refuses a repeated key itself.
  if (json && typeof parsed === 'object' && parsed !== null) {
    const repeated = duplicateJsonKey(text);
    if (repeated) {
      throw new UsageError(
        repeated.path
          ? message(INPUT.repeatedKeyIn, { label, key: repeated.key, path: repeated.path })
          : message(INPUT.repeatedKey, { label, key: repeated.key }),
        label,
        { hint: message(INPUT.giveOnce, { key: repeated.key }) },
      );
    }
  }
  return parsed;
}

async function parseYaml(text: string, label: string): Promise<unknown> {
  // The YAML parser recurses per level: depth is checked on the text first.
  checkTextNesting(text, label);
  const yaml = await import('yaml');
  // yaml is CommonJS under Node: bundled, its functions sit on the module's default export.
  const parse = yaml.parse ?? (yaml as unknown as { default: typeof yaml }).default.parse;
  try {
    // Warnings (an unknown tag) would go to process warnings, outside every output contract.
    return parse(text, { logLevel: 'error' });
  } catch (yamlError) {
    if (yamlError instanceof RangeError || /call stack/i.test((yamlError as Error).message)) throw nestedTooDeep(label);
    const reason = (yamlError as Error).message.split('\n')[0]!.replace(/:\s*$/, '');
    throw new UsageError(message(INPUT.neitherJsonNorYaml, { label, reason }), label);
  }
}

/** Reads a JSON or YAML document from a path or stdin (`-`). */
export async function readDocument(path: string, flag: string, readText: ReadText): Promise<Record<string, unknown>> {
  const label = `${flag} ${path === '-' ? 'stdin' : path}`;
  return asObject(await parseDocument(await readText(path, flag), label, true), label, 'an object with API field names');
}

/** The three forms of a nested object, plus `on`/`off` for the health check. */
export async function parseObjectFlag(spec: FieldSpec, raw: string, label: string, readText: ReadText): Promise<ObjectSource> {
  const text = raw.trim();
  if (spec.nested === 'HealthCheck' && /^(on|off)$/i.test(text)) {
    return { value: { HealthSwitch: text.toLowerCase() === 'on' ? 1 : 0 }, fromFile: false };
  }
  if (text.startsWith('file://')) {
    const doc = await parseDocument(await readText(text.slice('file://'.length), label), label, true);
    return { value: asObject(doc, label), fromFile: true };
  }
  if (text.startsWith('{')) return { value: asObject(await parseDocument(text, label, false), label), fromFile: false };
  return { value: parseShorthand(text, label), fromFile: false };
}

function asObject(doc: unknown, label: string, expected = 'an object'): Record<string, unknown> {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new UsageError(`${label}: expected ${expected}`, label);
  return doc as Record<string, unknown>;
}

/**
 * Coerces every known key of a nested object by its spec, reading `file://` values of PEM
 * fields, and refusing private keys typed on the command line.
 */
export async function coerceNested(
  type: NestedTypeName,
  value: Record<string, unknown>,
  label: string,
  readText: ReadText,
  fromFile: boolean,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    const spec = NESTED_FIELDS[type].find((f) => f.api === key);
    const keyLabel = `${label} ${key}`;
    if (!spec) {
      out[key] = raw; // reported as an unknown field by the schema, with the valid ones listed
      continue;
    }
    if (typeof raw === 'string' && raw.startsWith('file://') && spec.kind === 'string') {
      out[key] = await readText(raw.slice('file://'.length), keyLabel);
      continue;
    }
    if (spec.secret && !fromFile) {
      throw new UsageError(message(INPUT.keyNotOnCommandLine, { label: keyLabel }), label, {
        hint: message(INPUT.useKeyFile, { key }),
      });
    }
    if (spec.kind === 'object' && Array.isArray(raw)) {
      out[key] = await Promise.all(
        raw.map((item, i) =>
          item && typeof item === 'object'
            ? coerceNested(spec.nested!, item as Record<string, unknown>, `${keyLabel}[${i}]`, readText, fromFile)
            : item,
        ),
      );
      continue;
    }
    out[key] = coerceScalar(spec, raw, keyLabel);
  }
  return out;
}
