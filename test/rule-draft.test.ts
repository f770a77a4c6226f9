// Forwarding rules in the request draft: every source (a --rule value, an apply file's Rules:
// entry, an answer of create -i's domain questions) names a finding by the origin it recorded,
// and another field a message names (`{Protocol}`) by where that value came from.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { documentDraft, emptyDraft, withValue } from '../src/model/draft.js';
import { repeatedFlagOrigin, validateRuleDraft, withRules } from '../src/model/rule-draft.js';

const LB = 'lb-ruledr01';

describe('rule findings named by the draft', () => {
  let emu: InProcessEmulator;
  const dir = mkdtempSync(join(tmpdir(), 'clb-rule-draft-'));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
  });
  after(() => emu.stop());

  test('apply: a rule finding names its place in the file, the file in front, and sends nothing', async () => {
    const path = file(
      'apply.yaml',
      `listeners:
  - LoadBalancerId: ${LB}
    Port: 80
    Protocol: HTTP
    Rules:
      - Domain: www.example.com
        Url: /
      - Domain: api.example.com
        Url: ""
`,
    );
    const result = await runAgainst(emu, ['apply', '-f', path, '--plan']);
    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(result.requests, []);
    assert.equal(result.stderr.split('\n')[0], `error: ${path}: listeners[0].Rules[1].Url must be 1–200 characters, got 0`);
  });

  test("apply: the hint names the entry's Protocol in the file's words", async () => {
    const path = file(
      'tcp.yaml',
      `listeners:
  - LoadBalancerId: ${LB}
    Port: 81
    Protocol: TCP
    Rules:
      - { Domain: www.example.com, Url: / }
`,
    );
    const result = await runAgainst(emu, ['apply', '-f', path, '--plan']);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, new RegExp(`^error: ${path}: listeners\\[0\\]\\.Rules forwarding rules exist only on HTTP and HTTPS`));
    assert.match(result.stderr, /^hint: use listeners\[0\]\.Protocol HTTP or HTTPS, or leave the rules out$/m);
  });

  test("apply: a rule finding in the run's language", async () => {
    const path = file(
      'zh.yaml',
      `listeners:
  - LoadBalancerId: ${LB}
    Port: 82
    Protocol: HTTP
    Rules:
      - { Domain: www.example.com, Url: "" }
`,
    );
    const result = await runAgainst(emu, ['--language', 'zh-CN', 'apply', '-f', path, '--plan']);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /listeners\[0\]\.Rules\[0\]\.Url 长度必须为 1–200 个字符，实际为 0/);
  });

  test('create: {Protocol} is named where the protocol came from (a flag, or the --from-file body)', async () => {
    const rule = ['--rule', 'Domain=a.example.com,Url=/'];
    const flag = await runAgainst(emu, ['create', '--lb', LB, '--port', '83', '--protocol', 'TCP', ...rule]);
    assert.equal(flag.code, 2, flag.stderr);
    assert.match(flag.stderr, /^error: --rule forwarding rules exist only on HTTP and HTTPS listeners, not TCP$/m);
    assert.match(flag.stderr, /^hint: use --protocol HTTP or HTTPS, or leave the rules out$/m);
    const body = file('listener.json', '{"Protocol":"TCP"}');
    const fromFile = await runAgainst(emu, ['create', '--lb', LB, '--port', '83', '--from-file', body, ...rule]);
    assert.equal(fromFile.code, 2, fromFile.stderr);
    assert.match(fromFile.stderr, new RegExp(`^hint: use Protocol \\(in ${body}\\) HTTP or HTTPS, or leave the rules out$`, 'm'));
    assert.deepEqual([...(flag.requests ?? []), ...(fromFile.requests ?? [])], []);
  });
});

describe('validateRuleDraft', () => {
  const now = Date.UTC(2026, 0, 1);
  const listener = { protocol: 'HTTP', sniSwitch: 0 };

  test('the second of several --rule values is --rule #2; the fields of its own message in full', () => {
    const values = ['Domain=a.example.com,Url=/', 'Domain=b.example.com,Domains=c.example.com,Url=/'];
    const rules = [
      { value: { Domain: 'a.example.com', Url: '/' }, origin: repeatedFlagOrigin('--rule', values[0]!, 0, 2) },
      { value: { Domain: 'b.example.com', Domains: ['c.example.com'], Url: '/' }, origin: repeatedFlagOrigin('--rule', values[1]!, 1, 2) },
    ];
    const checked = validateRuleDraft(withRules(listener, rules), { now });
    assert.deepEqual(
      checked.refusals.map((p) => [p.field, p.path, p.message]),
      [['--rule #2 Domains', 'Rules[1].Domains', '--rule #2 Domains give --rule #2 Domain or --rule #2 Domains, not both']],
    );
  });

  test('an answer that stands for a --rule value is named by it; the question being answered goes unnamed', () => {
    const rules = [{ value: { Domain: 'a*b.example.com', Url: '/' }, origin: { kind: 'prompt' as const, flag: '--rule', text: '{}' } }];
    const draft = withRules(listener, rules, emptyDraft(), { kind: 'prompt', flag: '--rule' });
    assert.match(validateRuleDraft(draft, { now }).refusals[0]!.message, /^--rule Domain "a\*b\.example\.com" is not a domain/);
    assert.match(
      validateRuleDraft(draft, { now, own: ['Rules', 0, 'Domain'] }).refusals[0]!.message,
      /^"a\*b\.example\.com" is not a domain/,
    );
  });

  test("a listener draft's origins name its protocol; the apply entry's rules carry its document origin", () => {
    const flags = withValue(emptyDraft(), ['Protocol'], 'HTTP', { kind: 'flag', flag: '--protocol', text: 'http' });
    const rules = [
      {
        value: { Domain: 'a.example.com', Url: '/', HealthCheck: { CheckType: 'TCP' } },
        origin: { kind: 'flag' as const, flag: '--rule', text: 'x' },
      },
    ];
    assert.match(
      validateRuleDraft(withRules(listener, rules, flags), { now }).refusals[0]!.message,
      /^--rule HealthCheck\.CheckType must be one of HTTP, GRPC on a rule of an HTTP listener, got "TCP"$/,
    );
    const entry = documentDraft({ Protocol: 'HTTP' }, 'apply.yaml', ['listeners', 3]);
    const fromFile = validateRuleDraft(withRules(listener, [{ value: { Url: '/' }, origin: entry.unset }], entry, entry.unset), { now });
    assert.deepEqual(
      fromFile.refusals.map((p) => [p.path, p.message]),
      [['listeners[3].Rules[0].Domain', 'apply.yaml: listeners[3].Rules[0].Domain is required (or listeners[3].Rules[0].Domains)']],
    );
  });
});
