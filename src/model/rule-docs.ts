/**
 * The rule table as the README shows it, generated from RULES so the two cannot drift (a test
 * compares them; `node scripts/generate-rules-doc.js` rewrites the README's block).
 */
import { RULES, severityOf, type Provenance } from './rules.js';
import { FORWARDING_RULES } from './rule-rules.js';

export const RULES_DOC_START = '<!-- rules:start (generated from src/model/rules.ts by scripts/generate-rules-doc.js) -->';
export const RULES_DOC_END = '<!-- rules:end -->';

const PROVENANCE_WORDS: Record<Provenance, string> = {
  reference: 'API reference',
  'sdk-model': 'SDK model',
  observed: 'observed',
  ours: 'ours',
};

const cell = (text: string): string => text.replace(/\|/g, '\\|');

export function rulesMarkdown(): string {
  // The forwarding rules' own table (rule-rules.ts) follows the listener's: one list of every rule.
  const rows = [...RULES, ...FORWARDING_RULES].map((rule) => {
    const effect = severityOf(rule) === 'warn' ? 'warns' : rule.always ? 'refuses, even with --no-validate' : 'refuses';
    const source = rule.certain ? `${rule.source}; refused because ${rule.certain}` : rule.source;
    return `| \`${rule.id}\` | ${cell(rule.checks)} | ${PROVENANCE_WORDS[rule.provenance]} | ${effect} | ${cell(source)} |`;
  });
  return [RULES_DOC_START, '| Rule | Checks | Source | Effect | Where from |', '|---|---|---|---|---|', ...rows, RULES_DOC_END].join('\n');
}

/** `text` with its generated block replaced by the current table. */
export function withRulesDoc(text: string): string {
  const start = text.indexOf(RULES_DOC_START);
  const end = text.indexOf(RULES_DOC_END);
  if (start < 0 || end < start) throw new Error('the README has no rules block');
  return text.slice(0, start) + rulesMarkdown() + text.slice(end + RULES_DOC_END.length);
}
