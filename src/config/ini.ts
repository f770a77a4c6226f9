/**
 * The small INI dialect of `~/.tencentcloud/credentials`: `[section]` headers, `key = value`
 * (or `key: value`) lines, `#` and `;` comment lines. Lenient like Python's configparser for what
 * the SDKs write; keys are lower-cased, values trimmed, and a value in one pair of matching quotes
 * (`"…"` or `'…'`) is read without them, as the Node SDK's INI parser does: the Python SDK's own
 * documentation shows `secret_id = "…"`, and a key never starts and ends with a quote.
 */
export type IniSections = Map<string, Map<string, string>>;

export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, string> | undefined;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      const name = header[1]!;
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      continue;
    }
    const separator = line.search(/[=:]/);
    // Key lines before any section, or without a separator, carry nothing the SDKs would read.
    if (!current || separator <= 0) continue;
    current.set(line.slice(0, separator).trim().toLowerCase(), unquote(line.slice(separator + 1).trim()));
  }
  return sections;
}

function unquote(value: string): string {
  const quote = value[0];
  return value.length >= 2 && (quote === '"' || quote === "'") && value.endsWith(quote) ? value.slice(1, -1) : value;
}
