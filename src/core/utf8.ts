/**
 * Whether input bytes are UTF-8, and where they stop being so. Node decodes invalid bytes to
 * U+FFFD without a word, which would then be sent as if typed; input is checked instead and an
 * invalid byte refused with its offset (docs/design.md, "Input limits").
 */
import { say, type Text } from './i18n.js';
import { UTF8 } from './utf8.messages.js';

/** The offset of the first byte that does not begin or continue a valid UTF-8 sequence, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const { isUtf8 } = process.getBuiltinModule('node:buffer');
  if (isUtf8(bytes)) return -1;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // The length of the sequence and the range its second byte must fall in (no overlong forms,
    // no surrogates, nothing above U+10FFFF); the other continuation bytes are 0x80–0xBF.
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

/** The text of `bytes`, or why not: `not valid UTF-8 at byte 12` (offsets count from 0). */
export function decodeUtf8(bytes: Buffer): { text: string } | { problem: string; offset: number } {
  const offset = invalidUtf8Offset(bytes);
  if (offset >= 0) return { problem: `not valid UTF-8 at byte ${offset}`, offset };
  return { text: bytes.toString('utf8') };
}

/**
 * An argument Node had to repair: it decodes the bytes of argv as UTF-8 and puts U+FFFD where
 * they were not. The bytes before the first U+FFFD were valid, so its UTF-8 offset is the byte.
 */
export function replacementOffset(text: string): number {
  const index = text.indexOf('\uFFFD');
  return index < 0 ? -1 : Buffer.byteLength(text.slice(0, index));
}

/**
 * The first argument Node had to repair, named as a person would: the option it is the value of
 * (`--name`), or its place. Undefined when every argument is intact.
 */
export function repairedArgument(argv: readonly string[]): { name: string | Text; offset: number } | undefined {
  for (const [i, word] of argv.entries()) {
    const offset = replacementOffset(word);
    if (offset < 0) continue;
    const equals = word.startsWith('-') ? word.indexOf('=') : -1;
    if (equals > 0 && offset > equals) return { name: word.slice(0, equals), offset: offset - equals - 1 };
    if (word.startsWith('-')) return { name: placeOf(UTF8.optionOfCommandLine, i + 1), offset };
    const previous = argv[i - 1];
    if (previous?.startsWith('-') && !previous.includes('=')) return { name: previous, offset };
    return { name: placeOf(UTF8.argumentOfCommandLine, i + 1), offset };
  }
  return undefined;
}

/** `argument 3 of the command line` in both languages: a name that stands in a sentence. */
function placeOf(text: Text, n: number): Text {
  return { en: say('en', text, { n }), zh: say('zh', text, { n }) };
}
