// The forwarding rules' messages: each catalogue entry in English and Chinese with the same
// placeholders, and a refusal in the run's language, still naming the field as it was given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeholders, type Text } from '../src/core/i18n.js';
import { KIND_TEXTS, RULE_MESSAGES } from '../src/model/rule-messages.js';
import { RULE_TEXT } from '../src/cli/rule-text.js';
import { checkRuleInputs } from '../src/model/rule-input.js';
import { UsageError } from '../src/core/errors.js';

test('every rule message has an English and a Chinese text with the same placeholders', () => {
  const catalogues: Record<string, Readonly<Record<string, Text>>> = { RULE_MESSAGES, KIND_TEXTS, RULE_TEXT };
  for (const [name, catalogue] of Object.entries(catalogues)) {
    for (const [id, text] of Object.entries(catalogue)) {
      assert.ok(text.en.trim() && text.zh.trim(), `${name}.${id} has both languages`);
      assert.deepEqual(placeholders(text.zh), placeholders(text.en), `${name}.${id}: the same placeholders`);
      const refs = (s: string) => (s.match(/(?<!%)\{[A-Za-z][\w.]*\}/g) ?? []).sort();
      assert.deepEqual(refs(text.zh), refs(text.en), `${name}.${id}: the same field references`);
    }
  }
});

test('a refused rule in Chinese names the flag as given', () => {
  const rules = [{ value: { Domain: 'a.example.com', Url: '' }, origin: { flag: '--rule', index: 0, raw: '' } }];
  assert.throws(
    () => checkRuleInputs(rules, { protocol: 'HTTP', sniSwitch: 0 }, { now: 0, language: 'zh' }),
    (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.equal(error.message, '--rule Url 长度必须为 1–200 个字符，实际为 0');
      return true;
    },
  );
  assert.throws(
    () => checkRuleInputs(rules, { protocol: 'HTTP', sniSwitch: 0 }, { now: 0, language: 'en' }),
    /^UsageError: --rule Url must be 1–200 characters, got 0$/,
  );
});
