/**
 * Terminals whose locale is not UTF-8 (`LANG=C`, `POSIX`, `en_US.ISO-8859-1`) show the tool's own
 * symbols (✔, en dashes, arrows, ellipses) as garbage. There the text for people is written with
 * ASCII stand-ins instead. Only an explicit non-UTF-8 locale counts: with no locale variable set at
 * all, nothing is known, and the text stays as it is.
 */

/** Whether the locale (`LC_ALL`, then `LC_CTYPE`, then `LANG`, as setlocale reads them) is set and is not UTF-8. */
export function asciiOnly(env: Readonly<Record<string, string | undefined>>): boolean {
  for (const name of ['LC_ALL', 'LC_CTYPE', 'LANG'] as const) {
    const value = env[name];
    if (value) return !/utf-?8/i.test(value);
  }
  return false;
}

const STAND_INS: Readonly<Record<string, string>> = {
  '✔': 'OK',
  '✖': 'X',
  '–': '-',
  '—': '--',
  '…': '...',
  '→': '->',
  '←': '<-',
  '×': 'x',
  '≤': '<=',
  '≥': '>=',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '❯': '>',
  '•': '*',
};

const SYMBOLS = new RegExp(`[${Object.keys(STAND_INS).join('')}]`, 'g');

/** `text` with the tool's own non-ASCII symbols replaced by ASCII stand-ins. */
export function toAscii(text: string): string {
  return text.replace(SYMBOLS, (symbol) => STAND_INS[symbol]!);
}
