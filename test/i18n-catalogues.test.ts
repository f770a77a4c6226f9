// Every message catalogue: each id has an English and a Chinese text with the same placeholders;
// every catalogue module of src/ is checked here (a new one that is not listed fails the test);
// the field table's help has its Chinese beside every field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './helpers/paths.js';
import { placeholders, type Text } from '../src/core/i18n.js';
import { ERRORS } from '../src/core/errors.messages.js';
import { RULE_MESSAGES } from '../src/model/rules.messages.js';
import { INPUT } from '../src/model/input.messages.js';
import { FIELD_HELP_ZH, FIELD_WORDS } from '../src/model/fields.messages.js';
import { HELP } from '../src/cli/help.messages.js';
import { CONFIG } from '../src/config/config.messages.js';
import { FOLLOW } from '../src/cli/follow-task.messages.js';
import { USAGE } from '../src/cli/usage.messages.js';
import { API_HINTS } from '../src/cli/api-hints.messages.js';
import { CONFLICTS } from '../src/cli/port-conflicts.messages.js';
import { PORTS } from '../src/model/ports.messages.js';
import { NAMES } from '../src/model/names.messages.js';
import { COMPARE } from '../src/model/compare.messages.js';
import { CREATE } from '../src/cli/commands/create/create.messages.js';
import { APPLY } from '../src/cli/commands/apply/apply.messages.js';
import { DELETE } from '../src/cli/commands/delete/delete.messages.js';
import { WHOAMI } from '../src/cli/commands/whoami/whoami.messages.js';
import { CONFIGURE } from '../src/cli/commands/configure/configure.messages.js';
import { REGION_WARNING } from '../src/cli/region-warning.messages.js';
import { HEADERS } from '../src/ui/table.messages.js';
import { ASK } from '../src/ui/interactive/interactive.messages.js';
import { NETWORK } from '../src/api/network.messages.js';
import { TARGET_CALLS } from '../src/api/targets.messages.js';
import { UTF8 } from '../src/core/utf8.messages.js';
import { READING } from '../src/cli/read-input.messages.js';
import { PROFILE } from '../src/config/profile-keys.messages.js';
import { EXPORT_NOTES } from '../src/model/export.messages.js';
import { CONTROL_CHARACTERS } from '../src/model/control-characters.messages.js';
import { RECONCILE } from '../src/cli/reconcile.messages.js';
import { PROGRAM } from '../src/cli/program.messages.js';
import { IDS } from '../src/model/ids.messages.js';
import { DETAILS } from '../src/cli/commands/apply/apply-details.messages.js';
import { CONFIG_WARNINGS } from '../src/config/warnings.messages.js';
import { LIMITS } from '../src/model/limits.messages.js';
import { OUTPUT } from '../src/ui/output.messages.js';
import { COMMAND_TEXTS } from '../src/cli/commands/command-texts.messages.js';
import { PROFILE_PROBLEMS } from '../src/config/profile.messages.js';
import { PRUNE_SCOPE } from '../src/model/prune-scope.messages.js';
import { RULE_COMMAND } from '../src/cli/commands/rule/rule-command.messages.js';
import { EMULATOR } from '../src/cli/commands/emulator/emulator.messages.js';
import { COMPLETION } from '../src/cli/commands/completion/completion.messages.js';
import { EXPORT } from '../src/cli/commands/export/export.messages.js';
import { EXIT_CODE_HELP } from '../src/cli/exit-codes.js';
import { CERTIFICATE_FLAGS, CREATE_LISTENER_FIELDS, NESTED_FIELDS, type FieldSpec } from '../src/model/fields.js';

/** Every catalogue module, by its path under src/, with what it exports. */
const CATALOGUES: Record<string, Record<string, Readonly<Record<string, Text>>>> = {
  'core/errors.messages.ts': { ERRORS },
  'model/rules.messages.ts': { RULE_MESSAGES },
  'model/input.messages.ts': { INPUT },
  'model/fields.messages.ts': { FIELD_WORDS },
  'cli/help.messages.ts': { HELP },
  'config/config.messages.ts': { CONFIG },
  'cli/follow-task.messages.ts': { FOLLOW },
  'cli/usage.messages.ts': { USAGE },
  'cli/api-hints.messages.ts': { API_HINTS },
  'cli/port-conflicts.messages.ts': { CONFLICTS },
  'model/ports.messages.ts': { PORTS },
  'model/names.messages.ts': { NAMES },
  'model/compare.messages.ts': { COMPARE },
  'cli/commands/create/create.messages.ts': { CREATE },
  'cli/commands/apply/apply.messages.ts': { APPLY },
  'cli/commands/delete/delete.messages.ts': { DELETE },
  'cli/commands/whoami/whoami.messages.ts': { WHOAMI },
  'cli/commands/configure/configure.messages.ts': { CONFIGURE },
  'cli/region-warning.messages.ts': { REGION_WARNING },
  'ui/table.messages.ts': { HEADERS },
  'ui/interactive/interactive.messages.ts': { ASK },
  'api/network.messages.ts': { NETWORK },
  'api/targets.messages.ts': { TARGET_CALLS },
  'core/utf8.messages.ts': { UTF8 },
  'cli/read-input.messages.ts': { READING },
  'config/profile-keys.messages.ts': { PROFILE },
  'model/export.messages.ts': { EXPORT_NOTES },
  'model/control-characters.messages.ts': { CONTROL_CHARACTERS },
  'cli/reconcile.messages.ts': { RECONCILE },
  'cli/program.messages.ts': { PROGRAM },
  'model/ids.messages.ts': { IDS },
  'cli/commands/apply/apply-details.messages.ts': { DETAILS },
  'config/warnings.messages.ts': { CONFIG_WARNINGS },
  'model/limits.messages.ts': { LIMITS },
  'ui/output.messages.ts': { OUTPUT },
  'cli/commands/command-texts.messages.ts': { COMMAND_TEXTS },
  'config/profile.messages.ts': { PROFILE_PROBLEMS },
  'model/prune-scope.messages.ts': { PRUNE_SCOPE },
  'cli/commands/rule/rule-command.messages.ts': { RULE_COMMAND },
  'cli/commands/emulator/emulator.messages.ts': { EMULATOR },
  'cli/commands/completion/completion.messages.ts': { COMPLETION },
  'cli/commands/export/export.messages.ts': { EXPORT },
};

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
/** Texts that are the same in both languages on purpose: names, formats, nothing to translate. */
const SAME_IN_BOTH = new Set([
  'ASK.sni',
  'FIELD_WORDS.withLimits',
  'FIELD_WORDS.limitBetween',
  'WHOAMI.secretId',
  'NETWORK.asIs',
  'PROFILE.helpLanguage',
  'COMPLETION.fish',
  'COMMAND_TEXTS.flagProblem',
  'COMPLETION.headerShell',
]);

function sourceCatalogues(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceCatalogues(path);
    return entry.name.endsWith('.messages.ts') ? [relative(join(REPO_ROOT, 'src'), path)] : [];
  });
}

test('every catalogue module of src/ is checked by this file', () => {
  assert.deepEqual(sourceCatalogues(join(REPO_ROOT, 'src')).sort(), Object.keys(CATALOGUES).sort());
});

test('every message has an English and a Chinese text with the same placeholders', () => {
  let count = 0;
  const all: [string, Text][] = [
    ...Object.values(CATALOGUES).flatMap((exports) =>
      Object.entries(exports).flatMap(([name, catalogue]) =>
        Object.entries(catalogue).map(([id, text]) => [`${name}.${id}`, text] as [string, Text]),
      ),
    ),
    ...EXIT_CODE_HELP.map(([code, text]) => [`EXIT_CODE_HELP.${code}`, text] as [string, Text]),
  ];
  for (const [id, text] of all) {
    count++;
    assert.ok(text.en.trim(), `${id}: no English text`);
    assert.ok(text.zh.trim(), `${id}: no Chinese text`);
    assert.deepEqual(placeholders(text.zh), placeholders(text.en), `${id}: the two texts have different placeholders`);
    if (!SAME_IN_BOTH.has(id)) assert.match(text.zh, CJK, `${id}: the Chinese text has no Chinese in it: ${text.zh}`);
    // `{Field.Path}` references (named by the edge) are the same in both languages too.
    const refs = (s: string) => [...s.matchAll(/(?<!%)\{([A-Z][\w.]*)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(refs(text.zh), refs(text.en), `${id}: the two texts name different fields`);
  }
  assert.ok(count > 150, `only ${count} messages found`);
});

function paths(specs: readonly FieldSpec[], prefix: string): string[] {
  return specs.flatMap((spec) => {
    const here = `${prefix}${spec.api}`;
    const nested = spec.kind === 'object' && spec.nested ? paths(NESTED_FIELDS[spec.nested], `${here}.`) : [];
    return [here, ...nested];
  });
}

test("every field of the table, and every certificate flag, has Chinese help beside the table's English", () => {
  const wanted = [...paths(CREATE_LISTENER_FIELDS, ''), ...CERTIFICATE_FLAGS.map((c) => `--${c.flag}`)];
  const missing = wanted.filter((key) => !FIELD_HELP_ZH[key]);
  assert.deepEqual(missing, [], 'fields without Chinese help');
  const stale = Object.keys(FIELD_HELP_ZH).filter((key) => !wanted.includes(key));
  assert.deepEqual(stale, [], 'Chinese help for fields the table does not have');
  for (const [key, text] of Object.entries(FIELD_HELP_ZH)) assert.match(text, CJK, key);
});
