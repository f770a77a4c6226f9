// Rules that stay quiet because another reports say so with `needs` (rules.ts and the forwarding
// rule table): the dependency is declared, and the one finding shown is the needed rule's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './helpers/paths.js';
import { checkRules, ruleById } from '../src/model/rules.js';
import { checkForwardingRules, checkForwardingTable, FORWARDING_RULES, type ForwardingRuleCheck } from '../src/model/rule-rules.js';

const SERVER_KEY = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'server.key'), 'utf8');
const rulesOf = (request: Record<string, unknown>, protocol: 'UDP' | 'HTTPS') =>
  checkRules({ request: { LoadBalancerId: 'lb-abcd1234', Ports: [443], Protocol: protocol, ...request }, protocol, now: 0 }).map((f) => [
    f.rule,
    f.path.join('.'),
  ]);

test('a CheckType that is none at all: the enum rule reports it, the protocol rule needs it', () => {
  assert.deepEqual(ruleById('HealthCheck.CheckType.protocols')?.needs, ['enum-values']);
  assert.deepEqual(rulesOf({ HealthCheck: { CheckType: 'FOO' } }, 'UDP'), [['enum-values', 'HealthCheck.CheckType']]);
  assert.deepEqual(rulesOf({ HealthCheck: { CheckType: 'HTTP' } }, 'UDP'), [['HealthCheck.CheckType.protocols', 'HealthCheck.CheckType']]);
});

test('a private key as the certificate: reported as out of place, not also as a certificate that does not parse', () => {
  assert.deepEqual(ruleById('certificate.pem')?.needs, ['private-key.out-of-place']);
  const found = rulesOf({ SniSwitch: 0, Certificate: { CertName: 'a', CertContent: SERVER_KEY, CertKey: SERVER_KEY } }, 'HTTPS');
  assert.deepEqual(
    found.filter(([, path]) => path === 'Certificate.CertContent'),
    [['private-key.out-of-place', 'Certificate.CertContent']],
  );
});

test('an empty domain: the length rule reports it, the form rule needs it', () => {
  assert.deepEqual(FORWARDING_RULES.find((r) => r.id === 'Rules[].Domain.form')?.needs, ['Rules[].Domain.length']);
  const found = checkForwardingRules({ protocol: 'HTTP', sniSwitch: 0, rules: [{ Domain: '', Url: '/' }], now: 0, language: 'en' });
  assert.deepEqual(
    found.map((f) => [f.rule, f.path.join('.')]),
    [['Rules[].Domain.length', 'Rules.0.Domain']],
  );
});

test('the forwarding table refuses a need that is unknown or comes later, and a duplicate id', () => {
  const rule = (id: string, needs?: string[]): ForwardingRuleCheck => ({
    id,
    checks: id,
    provenance: 'sdk-model',
    source: 'test',
    ...(needs ? { needs } : {}),
    check: () => [],
  });
  assert.doesNotThrow(() => checkForwardingTable([rule('a'), rule('b', ['a'])]));
  assert.throws(() => checkForwardingTable([rule('b', ['a']), rule('a')]), /b needs a, which is not earlier in the table/);
  assert.throws(() => checkForwardingTable([rule('a', ['nope'])]), /a needs nope/);
  assert.throws(() => checkForwardingTable([rule('a'), rule('a')]), /a is in the table twice/);
});
