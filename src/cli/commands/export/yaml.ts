/**
 * The exported file as YAML: a header saying what the file is and what it cannot hold, then
 * `listeners:`, each entry with its notes as comments above it. The `yaml` library writes the
 * values (quoting what needs it), so the text reads back as exactly the JSON form.
 */
import { escapeControl, hasControlCharacters } from '../../../core/printable.js';
import { EXPORT_TEXT } from '../../../model/export-text.js';
import type { Exported } from './exporters.js';
import { render, say, type Language } from '../../../core/i18n.js';
import { EXPORT } from './export.messages.js';

/** A comment line: one line, nothing a terminal or the YAML reader would take for more. */
const comment = (text: string): string => ` ${escapeControl(text)}`;

export async function exportYaml(
  exported: readonly Exported[],
  options: { loadBalancers: readonly string[]; filtered: boolean; language?: Language },
): Promise<string> {
  const yaml = await import('yaml');
  // yaml is CommonJS under Node: bundled, its classes sit on the module's default export.
  const { Document, visit } = (yaml.Document ? yaml : (yaml as unknown as { default: typeof yaml }).default) as typeof yaml;
  const language = options.language ?? 'en';
  const count = exported.length;
  const header = [
    say(language, EXPORT.header, { count, lbs: options.loadBalancers.join(', ') }),
    say(language, EXPORT.defaultsLeftOut),
    say(language, EXPORT.neverExported),
    say(language, EXPORT_TEXT.headerRules),
  ];
  const refused = exported.filter((e) => e.refused).length;
  header.push(refused ? say(language, EXPORT.needEdit, { count: refused }) : say(language, EXPORT.changesNothing));
  if (options.filtered) header.push(say(language, EXPORT.filtered), say(language, EXPORT.filteredScope));
  const doc = new Document({ listeners: exported.map((e) => e.entry) });
  // Output shows a control or bidirectional character as an escape (`\u202e`). Inside double
  // quotes that escape is YAML's own, so the file still reads back as the name the API holds.
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && hasControlCharacters(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  doc.commentBefore = header.map(comment).join('\n');
  const list = doc.get('listeners') as { items: { commentBefore?: string }[] } | undefined;
  for (const [i, e] of exported.entries()) {
    const item = list?.items[i];
    if (item && e.noteTexts.length) item.commentBefore = e.noteTexts.map((note) => comment(render(language, note))).join('\n');
  }
  // A value the API reported with a control character (C1 ones and bidirectional marks included,
  // which the YAML writer leaves as they are) is written double-quoted, every such character as
  // an escape that YAML reads back as the same character: nothing raw reaches the terminal.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && hasControlCharacters(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const text = doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
  return text
    .split('\n')
    .map((line) => escapeControl(line))
    .join('\n');
}
