// Targets in the request draft: a --target value, a rule's Targets and an apply entry's Targets:
// each sit in a draft with their origin, and validateTargetDraft names a finding by looking it up.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { emptyDraft, type Origin, withValue } from '../src/model/draft.js';
import { repeatedFlagOrigin } from '../src/model/rule-draft.js';
import { validateTargetDraft, withTargets } from '../src/model/target-draft.js';

const LB = 'lb-tgtdrf01';
const en = { language: 'en' as const };

describe('target findings named by the draft', () => {
  test('--target values: each named by its text as typed, the problem at its place in Targets', () => {
    const raws = ['ins-aaaaaaa1:80', 'ins-aaaaaaa2:0'];
    const entries = [
      { value: { InstanceId: 'ins-aaaaaaa1', Port: 80 }, origin: repeatedFlagOrigin('--target', raws[0]!, 0, 2) },
      { value: { InstanceId: 'ins-aaaaaaa2', Port: 0 }, origin: repeatedFlagOrigin('--target', raws[1]!, 1, 2) },
    ];
    const checked = validateTargetDraft(withTargets(entries, { kind: 'flag', flag: '--target' }), en);
    assert.deepEqual(checked.refusals, [
      {
        field: '--target',
        path: 'Targets[1].Port',
        rule: 'Target.Port.range',
        message: '--target ins-aaaaaaa2:0: Port must be 1–65535, got 0',
      },
    ]);
    assert.deepEqual(checked.lists, [{ path: ['Targets'], targets: undefined }]);
  });

  test("a rule's Targets are named under the rule's origin, an apply entry's under its place in the file", () => {
    let draft = withValue(emptyDraft(), ['Rules'], [], { kind: 'flag', flag: '--rule' });
    const ok = { InstanceId: 'ins-aaaaaaa1', Port: 80 };
    draft = withValue(draft, ['Rules', 0], { Targets: [ok] }, repeatedFlagOrigin('--rule', '{}', 0, 2));
    draft = withValue(
      draft,
      ['Rules', 1],
      { Targets: [ok, { EniIp: '10.0.0.5', Port: 80, Weight: 101 }] },
      repeatedFlagOrigin('--rule', '{}', 1, 2),
    );
    const rules = validateTargetDraft(draft, en);
    assert.deepEqual(
      rules.refusals.map((p) => p.message),
      ['--rule #2 Targets[1].Weight must be 0–100, got 101'],
    );
    assert.deepEqual(rules.lists[0], { path: ['Rules', 0, 'Targets'], targets: [ok] });

    const entry: Origin = { kind: 'document', source: 'apply.yaml', base: ['listeners', 3] };
    const file = withTargets(
      [
        { value: ok, origin: entry },
        { value: { InstanceId: 'ins-aaaaaaa1', Port: 80, Port2: 1 }, origin: entry },
      ],
      entry,
    );
    assert.deepEqual(
      validateTargetDraft(file, en).refusals.map((p) => [p.field, p.message]),
      [['listeners[3].Targets[1]', 'listeners[3].Targets[1].Port2 is not a Target field (did you mean Port?)']],
    );
    const notList = validateTargetDraft(withValue(emptyDraft(), ['Targets'], 5, entry), en);
    assert.deepEqual(
      notList.refusals.map((p) => p.message),
      ['listeners[3].Targets must be a list of targets'],
    );
  });

  test('warnings are named the same way, and --no-validate turns a sourced refusal into one', () => {
    const origin = repeatedFlagOrigin('--target', 'ins-x:70000', 0, 1);
    const checked = validateTargetDraft(withTargets([{ value: { InstanceId: 'ins-x', Port: 70000 }, origin }], origin), {
      ...en,
      validate: false,
    });
    assert.deepEqual(checked.refusals, []);
    assert.deepEqual(checked.warnings, [
      '--target ins-x:70000: Port must be 1–65535, got 70000',
      '--target ins-x:70000: InstanceId looks unlike an instance id (ins- and 8 letters or digits), got "ins-x"; sent as given',
    ]);
  });
});

describe('targets of the second of several --rule values', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
  });
  after(() => emu.stop());

  test('create: exit 2 naming `--rule #2 Targets[0].Port`, nothing sent', async () => {
    const first = JSON.stringify({ Domain: 'www.example.com', Url: '/', Targets: [{ InstanceId: 'ins-emu00001', Port: 80 }] });
    const second = JSON.stringify({ Domain: 'api.example.com', Url: '/', Targets: 'ins-emu00002:0' });
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '81', '--protocol', 'HTTP', '--rule', first, '--rule', second]);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /--rule #2 Targets\[0\]\.Port must be 1–65535, got 0/);
    assert.deepEqual(result.requests, []);
  });
});
