/**
 * Help text beyond commander's option lists, laid out at the width help is shown at (the
 * terminal's, or 80 columns): prose wrapped, two-column tables with the text column wrapped
 * under itself. Examples are written to fit 80 columns and are never rewrapped (they are pasted).
 */
import type { OutStream } from '../core/context.js';

export function helpWidth(stream: OutStream): number {
  return stream.isTTY && stream.columns && stream.columns > 0 ? stream.columns : 80;
}

/** Words of `text` in lines of at most `width` columns (a longer word stands alone). */
function lines(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** A paragraph, every line starting with `indent`. */
export function paragraph(text: string, width: number, indent = ''): string {
  return lines(text, Math.max(20, width - indent.length))
    .map((l) => indent + l)
    .join('\n');
}

/** `  key   text` rows; the text wraps under itself, never under the keys. */
export function twoColumns(rows: readonly (readonly [string, string])[], width: number, indent = '  '): string {
  const keyWidth = Math.max(...rows.map(([key]) => key.length));
  const hanging = indent.length + keyWidth + 2;
  return rows
    .map(([key, text]) => {
      const [first = '', ...rest] = lines(text, Math.max(20, width - hanging));
      return [`${indent}${key.padEnd(keyWidth)}  ${first}`, ...rest.map((l) => ' '.repeat(hanging) + l)].join('\n');
    })
    .join('\n');
}
