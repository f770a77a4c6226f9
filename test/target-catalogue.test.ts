// The targets' words and rules: each catalogue entry in English and Chinese with the same
// placeholders, a refusal in the run's language naming the target as given, and docs/api/targets.md
// listing every rule of the table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeholders, type Text } from '../src/core/i18n.js';
import { UsageError } from '../src/core/errors.js';
import { TARGET_MESSAGES } from '../src/model/target-messages.js';
import { TARGET_RULES, TARGET_WARNINGS, checkTargetList } from '../src/model/target-rules.js';
import { readTargetFlags } from '../src/model/target-input.js';
import { APPLY_TARGET_TEXT, TARGET_COMMAND_TEXT, TARGET_STEP_TEXT, TARGET_TEXT } from '../src/cli/target-text.js';
import { REPO_ROOT } from './helpers/paths.js';

test('every target message has an English and a Chinese text with the same placeholders', () => {
  const catalogues: Record<string, Readonly<Record<string, Text>>> = {
    TARGET_MESSAGES,
    TARGET_TEXT,
    TARGET_STEP_TEXT,
    TARGET_COMMAND_TEXT,
    APPLY_TARGET_TEXT,
  };
  for (const [name, catalogue] of Object.entries(catalogues)) {
    for (const [id, text] of Object.entries(catalogue)) {
      assert.ok(text.en.trim() && text.zh.trim(), `${name}.${id} has both languages`);
      assert.deepEqual(placeholders(text.zh), placeholders(text.en), `${name}.${id}: the same placeholders`);
    }
  }
});

test('a refused target in Chinese names the --target value as typed', () => {
  assert.throws(
    () => readTargetFlags(['ins-1a2b3c4d:80:101'], { language: 'zh' }),
    (error: unknown) =>
      error instanceof UsageError && error.message === '--target ins-1a2b3c4d:80:101：Weight 必须在 0–100 之间，实际为 101',
  );
  assert.throws(
    () => readTargetFlags(['ins-1a2b3c4d:80:101'], { language: 'en' }),
    /^UsageError: --target ins-1a2b3c4d:80:101: Weight must be 0–100, got 101$/,
  );
});

test('the rules: each sourced one refuses (a warning with --no-validate); ours only warn; a repeated target is folded', () => {
  const check = (targets: unknown[], validate = true) => checkTargetList(targets, { language: 'en', validate });
  const refused = (targets: unknown[]) =>
    check(targets)
      .findings.filter((f) => f.severity === 'refuse')
      .map((f) => f.rule);
  assert.deepEqual(refused([{ InstanceId: 'ins-1a2b3c4d' }]), ['Target.Port.required']);
  assert.deepEqual(refused([{ InstanceId: 'ins-1a2b3c4d', Port: 65536 }]), ['Target.Port.range']);
  assert.deepEqual(refused([{ InstanceId: 'ins-1a2b3c4d', Port: 80, Weight: -1 }]), ['Target.Weight.range']);
  assert.deepEqual(refused([{ EniIp: '10.0.0.300', Port: 80 }]), ['Target.EniIp.ip']);
  assert.deepEqual(refused([{ InstanceId: 'ins-1a2b3c4d', Port: 80, Tag: 'x' }]), ['type']);
  assert.deepEqual(
    check([{ InstanceId: 'ins-1a2b3c4d', Port: 0 }], false).findings.map((f) => f.severity),
    ['warn'],
  );
  const ours = check([{ InstanceId: 'web-1', Port: 80 }]);
  assert.deepEqual(
    ours.findings.map((f) => [f.rule, f.severity]),
    [['Target.InstanceId.shape', 'warn']],
  );
  const twice = check([
    { InstanceId: 'ins-1a2b3c4d', Port: 80, Weight: 5 },
    { InstanceId: 'ins-1a2b3c4d', Port: 80, Weight: 7 },
    { EniIp: '2001:db8::5', Port: 80 },
  ]);
  assert.deepEqual(twice.targets, [
    { InstanceId: 'ins-1a2b3c4d', Port: 80, Weight: 7 },
    { EniIp: '2001:db8::5', Port: 80 },
  ]);
  assert.deepEqual(
    twice.findings.map((f) => f.rule),
    ['Target.duplicate'],
  );
});

test('--target forms: INSTANCE:PORT[:WEIGHT], IPv4 and [IPv6] for an ENI, JSON', () => {
  const { targets } = readTargetFlags(
    ['ins-1a2b3c4d:80', '10.0.0.5:81:30', '[2001:db8::5]:82', '{"EniIp":"10.0.0.6","Port":83,"Weight":0}'],
    {
      language: 'en',
    },
  );
  assert.deepEqual(targets, [
    { InstanceId: 'ins-1a2b3c4d', Port: 80 },
    { EniIp: '10.0.0.5', Port: 81, Weight: 30 },
    { EniIp: '2001:db8::5', Port: 82 },
    { EniIp: '10.0.0.6', Port: 83, Weight: 0 },
  ]);
  assert.throws(() => readTargetFlags(['ins-1a2b3c4d'], { language: 'en' }), /write INSTANCE:PORT\[:WEIGHT\]/);
});

test('docs/api/targets.md lists every rule of the table with its source', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'api', 'targets.md'), 'utf8');
  for (const rule of [...TARGET_RULES, ...TARGET_WARNINGS]) {
    const source = rule.provenance === 'ours' ? 'ours' : 'SDK model';
    assert.match(doc, new RegExp(`^\\| \`${rule.id.replace(/\./g, '\\.')}\` \\| [^|]+ \\| ${source} \\|`, 'm'), rule.id);
  }
});
