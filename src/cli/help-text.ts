/**
 * Help text beyond commander's option lists, laid out at the width help is shown at (the
 * terminal's, or 80 columns): prose wrapped, two-column tables with the text column wrapped
 * under itself. Examples are written to fit 80 columns and are never rewrapped (they are pasted).
 */
import type { OutStream } from '../core/context.js';
import { displayWidth, padEndWidth } from '../core/width.js';

export function helpWidth(stream: OutStream): number {
  return stream.isTTY && stream.columns && stream.columns > 0 ? stream.columns : 80;
}

/**
 * A line break may fall between two Chinese characters, as well as at a space; never before
 * closing punctuation (，。；：）) or after an opening one (（).
 */
const CJK_BREAK =
  /(?<=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])(?<![（「『])(?=[^\s，。；：、）」』！？])|(?<=[^\s（「『])(?=[\u2e80-\u9fff\uf900-\ufaff])/u;

/** The pieces a line may break between: words, and each Chinese character on its own. */
function pieces(text: string): { text: string; space: boolean }[] {
  const out: { text: string; space: boolean }[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    word.split(CJK_BREAK).forEach((piece, i) => void out.push({ text: piece, space: i === 0 }));
  }
  return out;
}

/** Words of `text` in lines of at most `width` terminal columns (a longer word stands alone). */
export function wrapLines(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const piece of pieces(text)) {
    const joined = line ? `${line}${piece.space ? ' ' : ''}${piece.text}` : piece.text;
    if (line && displayWidth(joined) > width) {
      out.push(line);
      line = piece.text;
    } else line = joined;
  }
  if (line) out.push(line);
  return out;
}

const lines = wrapLines;

/** A paragraph, every line starting with `indent`. */
export function paragraph(text: string, width: number, indent = ''): string {
  return lines(text, Math.max(20, width - indent.length))
    .map((l) => indent + l)
    .join('\n');
}

/** `  key   text` rows; the text wraps under itself, never under the keys. */
export function twoColumns(rows: readonly (readonly [string, string])[], width: number, indent = '  '): string {
  const keyWidth = Math.max(...rows.map(([key]) => displayWidth(key)));
  const hanging = indent.length + keyWidth + 2;
  return rows
    .map(([key, text]) => {
      const [first = '', ...rest] = lines(text, Math.max(20, width - hanging));
      return [`${indent}${padEndWidth(key, keyWidth)}  ${first}`, ...rest.map((l) => ' '.repeat(hanging) + l)].join('\n');
    })
    .join('\n');
}
