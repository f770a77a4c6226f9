/**
 * Bounds on what is read from files, stdin and inline JSON or YAML, so hostile input ends in one
 * clear usage error instead of a hang, a crash or an unbounded allocation (docs/design.md, "Input
 * limits"). None of them refuses a request the API would accept: no input can be larger than the
 * request body that carries it, and the deepest CreateListener field is four levels down.
 */
import { UsageError } from '../core/errors.js';
import { message } from '../core/i18n.js';
import { INPUT } from './input.messages.js';
import { LIMITS } from './limits.messages.js';

/** The API's own limit on a request body (docs/api/signing.md): no single input can be larger. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** Nesting allowed in a document: the deepest field (MultiCertInfo.CertList[n].CertId) is at 4. */
export const MAX_NESTING = 32;

/**
 * Keys that name JavaScript's object machinery rather than data. No API field is called this, so
 * they are unknown fields, refused as such before any object is built from them.
 */
const MACHINERY_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isMachineryKey(key: string): boolean {
  return MACHINERY_KEYS.has(key);
}

function tooDeep(label: string): UsageError {
  return new UsageError(message(INPUT.tooDeep, { label, levels: MAX_NESTING }), label, {
    hint: message(LIMITS.fourLevels),
  });
}

/**
 * Refuses JSON or YAML text nested deeper than MAX_NESTING, before a parser sees it: a parser
 * recurses per level, and ten thousand levels exhaust its stack (or, for YAML, its memory). Flow
 * brackets are counted outside quoted scalars; YAML block levels by indentation and by `- `, `? `
 * and `: ` indicators at the start of a line. Brackets inside plain scalars count too, which can
 * only over-estimate, and no real body comes near the limit.
 */
export function checkTextNesting(text: string, label: string): void {
  let depth = 0;
  let quote: '"' | "'" | undefined;
  let comment = false;
  // The last character that was not white space, outside quotes: a quote opens a scalar only after
  // one of these (or at the start of a line), as in YAML; in JSON every quote is such a one.
  let previous = '\n';
  const indents: number[] = [];
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      comment = false;
      if (quote === "'") quote = undefined; // a single-quoted YAML scalar may span lines; bounded by the next line's quote anyway
      lineStart = true;
      previous = '\n';
      continue;
    }
    if (lineStart && quote === undefined) {
      lineStart = false;
      // Block structure: the indentation of this line and the indicators that open it.
      let column = 0;
      while (text[i + column] === ' ') column++;
      const first = text[i + column];
      if (first !== undefined && first !== '\n' && first !== '#' && first !== '\r') {
        while (indents.length && indents.at(-1)! >= column) indents.pop();
        indents.push(column);
        let j = i + column;
        while ((text[j] === '-' || text[j] === '?' || text[j] === ':') && (text[j + 1] === ' ' || text[j + 1] === '\t')) {
          j += 2;
          while (text[j] === ' ' || text[j] === '\t') j++;
          indents.push(j - i);
          if (indents.length + depth > MAX_NESTING) throw tooDeep(label);
        }
        if (indents.length + depth > MAX_NESTING) throw tooDeep(label);
      }
    }
    if (comment) continue;
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = undefined;
      continue;
    }
    if (quote === "'") {
      if (c === "'") quote = undefined; // '' (an escaped quote) closes and reopens: the same thing
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if ((c === '"' || c === "'") && '\n[{,:-?'.includes(previous)) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) comment = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth + indents.length > MAX_NESTING) throw tooDeep(label);
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    previous = c;
  }
}

/**
 * Walks a parsed document without recursion: refuses nesting deeper than MAX_NESTING (which also
 * catches a YAML alias that refers to itself) and keys such as `__proto__`, named as unknown
 * fields with their path.
 */
export function checkParsedDocument(value: unknown, label: string): void {
  const stack: { node: unknown; depth: number; path: string }[] = [{ node: value, depth: 0, path: '' }];
  while (stack.length) {
    const { node, depth, path } = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (depth >= MAX_NESTING) throw tooDeep(label);
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) stack.push({ node: item, depth: depth + 1, path: `${path}[${index}]` });
      continue;
    }
    for (const key of Object.keys(node)) {
      if (isMachineryKey(key)) throw new UsageError(message(INPUT.unknownKey, { label, key: path ? `${path}.${key}` : key }), label);
      stack.push({ node: (node as Record<string, unknown>)[key], depth: depth + 1, path: path ? `${path}.${key}` : key });
    }
  }
}

/**
 * The first key that appears twice in one object of a JSON text (which JSON.parse has accepted),
 * with the path of that object. JSON.parse keeps the last value without a word; YAML refuses a
 * repeated key, and so does this tool for JSON, rather than guess which value was meant. One pass,
 * without recursion.
 */
export function duplicateJsonKey(text: string): { key: string; path: string } | undefined {
  type Frame = { object: boolean; path: string; keys: Set<string>; index: number; key?: string; expectKey: boolean };
  const stack: Frame[] = [];
  const childPath = (): string => {
    const top = stack.at(-1);
    if (!top) return '';
    if (!top.object) return `${top.path}[${top.index}]`;
    return top.path ? `${top.path}.${top.key}` : String(top.key);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const top = stack.at(-1);
      if (top?.object && top.expectKey) {
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        if (top.keys.has(key)) return { key, path: top.path };
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
    } else if (c === '{' || c === '[') {
      stack.push({ object: c === '{', path: childPath(), keys: new Set(), index: 0, expectKey: c === '{' });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack.at(-1);
      if (top?.object) top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return undefined;
}
