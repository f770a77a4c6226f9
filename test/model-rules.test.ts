// The rule table and the one validator, called directly (no process, no parser): what each rule
// refuses or warns about, where it comes from, and how a finding is named at each edge.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './helpers/paths.js';
import { buildRegistry, checkRules, RULES, severityOf, type Finding, type Rule } from '../src/model/rules.js';
import { advisory, blocking, checkAnswer, loadValidator, validateCreateListener } from '../src/model/validate.js';
import { documentNamer, draftNamer, promptNamer, renderFinding } from '../src/model/messages.js';
import { documentDraft, emptyDraft, withOrigin, withValue } from '../src/model/draft.js';
import { collectSecrets } from '../src/model/request.js';
import { rulesMarkdown, withRulesDoc } from '../src/model/rule-docs.js';

const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test', 'fixtures', name), 'utf8');
const SERVER_CRT = fixture('server.crt');
const SERVER_KEY = fixture('server.key');
const ECC_CRT = fixture('server-ecc.crt');
const ECC_KEY = fixture('server-ecc.key');
const CA_CRT = fixture('ca.crt');
const EXPIRED_CRT = fixture('expired.crt');
const EXPIRED_KEY = fixture('expired.key');
const NOW = Date.parse('2030-01-01T00:00:00Z');

// The validator's zod schemas load once, as every validating path loads them.
await loadValidator();

const LB = 'lb-cuxw2rm0';
const tcp = (extra: Record<string, unknown> = {}) => ({ LoadBalancerId: LB, Ports: [80], Protocol: 'TCP', ...extra });
const proto = (protocol: string, extra: Record<string, unknown> = {}) => ({
  LoadBalancerId: LB,
  Ports: [443],
  Protocol: protocol,
  ...extra,
});
const CERT = { Certificate: { SSLMode: 'UNIDIRECTIONAL', CertId: 'MsJyaXVm' } };

function check(body: Record<string, unknown>): Finding[] {
  return validateCreateListener(body, { now: NOW }).findings;
}
const refusals = (body: Record<string, unknown>) => blocking(check(body), true);
const warnings = (body: Record<string, unknown>) => advisory(check(body), true);
const text = (findings: Finding[]) => findings.map((f) => renderFinding(f, documentNamer(undefined)).message);

function assertAccepted(body: Record<string, unknown>, warned: RegExp[] = []): void {
  assert.deepEqual(text(refusals(body)), [], `refused: ${JSON.stringify(body)}`);
  const said = text(warnings(body));
  for (const pattern of warned)
    assert.ok(
      said.some((w) => pattern.test(w)),
      `no warning ${pattern} in ${JSON.stringify(said)}`,
    );
  if (warned.length === 0) assert.deepEqual(said, [], 'no warnings');
}

function assertRefused(body: Record<string, unknown>, rule: string, message: RegExp): void {
  const found = refusals(body);
  const hit = found.find((f) => f.rule === rule);
  assert.ok(hit, `rule ${rule} did not refuse; got ${JSON.stringify(found.map((f) => f.rule))}`);
  assert.match(renderFinding(hit, documentNamer(undefined)).message, message);
}

describe('the rule table', () => {
  test('every rule has an id, what it checks, a provenance and a source', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    for (const rule of RULES) {
      assert.ok(['reference', 'sdk-model', 'observed', 'ours'].includes(rule.provenance), rule.id);
      assert.ok(rule.checks.length > 10 && rule.source.length > 10, `${rule.id} says what and where from`);
      assert.ok(rule.fields.length > 0, `${rule.id} names its fields`);
    }
  });

  test('severity follows provenance: only sourced rules, or ours with a certain API error, refuse', () => {
    for (const rule of RULES) {
      const expected = rule.provenance !== 'ours' || rule.certain ? 'refuse' : 'warn';
      assert.equal(severityOf(rule), expected, rule.id);
    }
    assert.equal(severityOf({ provenance: 'ours' }), 'warn');
    assert.equal(severityOf({ provenance: 'ours', certain: 'because' }), 'refuse');
    assert.equal(severityOf({ provenance: 'observed' }), 'refuse');
  });

  test('docs/rules.md shows the table as it is', () => {
    const page = readFileSync(join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');
    assert.equal(withRulesDoc(page), page, 'docs/rules.md is stale: npx tsc -p tsconfig.json && node scripts/generate-rules-doc.js');
    for (const rule of RULES) assert.ok(rulesMarkdown().includes(`| \`${rule.id}\` |`), rule.id);
  });
});

describe('requests the official tools send are accepted', () => {
  test('TargetType on TCP_SSL and QUIC (Terraform sends NODE by default; its tests use TARGETGROUP)', () => {
    assertAccepted(proto('TCP_SSL', { ...CERT, TargetType: 'TARGETGROUP' }));
    assertAccepted(proto('TCP_SSL', { ...CERT, TargetType: 'NODE' }));
    assertAccepted(proto('QUIC', { TargetType: 'NODE' }));
  });

  test('TargetType TARGETGROUP-V2', () => {
    assertAccepted(tcp({ TargetType: 'TARGETGROUP-V2' }));
    assertAccepted(proto('QUIC', { TargetType: 'TARGETGROUP-V2' }));
  });

  test('Scheduler on HTTP and HTTPS (Terraform sends WRR on every listener)', () => {
    assertAccepted({ ...tcp(), Protocol: 'HTTP', Scheduler: 'WRR' });
    assertAccepted(proto('HTTPS', { ...CERT, Scheduler: 'WRR', SniSwitch: 0 }));
    // No source for another value there: sent, with a warning.
    assertAccepted({ ...tcp(), Protocol: 'HTTP', Scheduler: 'LEAST_CONN' }, [/Scheduler LEAST_CONN on an HTTP listener/]);
  });

  test('a TCP health check with HttpCheckPath "", HttpCheckDomain "" and CheckPort -1 (Terraform adds them)', () => {
    const health = { HealthSwitch: 1, TimeOut: 30, IntervalTime: 100, HealthNum: 2, UnHealthNum: 2, CheckPort: -1, HttpCheckPath: '' };
    assertAccepted(tcp({ HealthCheck: { ...health, CheckType: 'TCP', HttpCheckDomain: '' } }));
    assertAccepted(tcp({ HealthCheck: health }));
    assertAccepted(
      tcp({ HealthCheck: { ...health, CheckType: 'CUSTOM', ContextType: 'HEX', SendContext: '0123456789ABCDEF', RecvContext: 'ABCD' } }),
    );
    // Terraform's HTTP check without a domain or path: both sent as "".
    assertAccepted(
      tcp({
        HealthCheck: {
          ...health,
          CheckPort: 200,
          CheckType: 'HTTP',
          HttpCode: 2,
          HttpVersion: 'HTTP/1.0',
          HttpCheckMethod: 'GET',
          HttpCheckDomain: '',
        },
      }),
    );
  });

  test('no undocumented length caps on HttpCheckPath and HttpCheckDomain', () => {
    const long = {
      CheckType: 'HTTP',
      HttpVersion: 'HTTP/1.1',
      HttpCheckPath: `/${'a'.repeat(400)}`,
      HttpCheckDomain: `${'b'.repeat(200)}.com`,
    };
    assertAccepted(tcp({ HealthCheck: long }));
  });

  test('SessionExpireTime 0 (the documented default, off) where it applies; elsewhere a warning', () => {
    assertAccepted(tcp({ SessionExpireTime: 0 }));
    assertAccepted({ ...tcp(), Protocol: 'UDP', SessionExpireTime: 0 });
    assertAccepted({ ...tcp(), Protocol: 'HTTP', SessionExpireTime: 0 }, [
      /SessionExpireTime applies only to TCP and UDP listeners; 0 is sent/,
    ]);
  });

  test('MaxConn and MaxCps are int64: 3000000000 passes', () => {
    assertAccepted(tcp({ MaxConn: 3_000_000_000, MaxCps: 3_000_000_000 }));
  });

  test('IdleConnectTimeout 1981–3600 is sent with a warning; above 3600 is refused', () => {
    assertAccepted(tcp({ IdleConnectTimeout: 3600 }), [/IdleConnectTimeout 3600 is above 1980: .*quota ticket/]);
    assertAccepted(tcp({ IdleConnectTimeout: 1981 }), [/above 1980/]);
    assertAccepted(tcp({ IdleConnectTimeout: 1980 }));
    assertRefused(tcp({ IdleConnectTimeout: 3601 }), 'IdleConnectTimeout.range', /must be 10–3600, got 3601/);
  });

  test('explicit off values on protocols they do not apply to: sent with a warning', () => {
    assertAccepted(tcp({ SniSwitch: 0, KeepaliveEnable: 0, H2cSwitch: false }), [
      /SniSwitch applies only to HTTPS listeners; 0 is sent to this TCP listener as written/,
      /KeepaliveEnable applies only to HTTP and HTTPS listeners; 0 is sent/,
      /H2cSwitch applies only to HTTP listeners; false is sent/,
    ]);
    assertAccepted(proto('HTTPS', { Certificate: { SSLMode: 'UNIDIRECTIONAL', SSLVerifyClient: 'ON', CertId: 'x' } }), [
      /Certificate\.SSLVerifyClient is used only with SSLMode MUTUAL; "ON" is sent as written/,
    ]);
    assertAccepted(proto('TCP_SSL', { ...CERT, HealthCheck: { CheckPort: -1 } }), [/CheckPort applies only to TCP and UDP listeners/]);
    // A value that does something is still refused.
    assertRefused(tcp({ SniSwitch: 1 }), 'SniSwitch.protocols', /SniSwitch applies only to HTTPS listeners, not TCP/);
  });

  test('the client CA and SSLVerifyClient without MUTUAL: no source says the API refuses them, so they are sent with a warning', () => {
    assertAccepted(
      proto('HTTPS', {
        Certificate: { SSLMode: 'UNIDIRECTIONAL', SSLVerifyClient: 'OPTIONAL', CertId: 'x', CertCaId: 'ca1', CertCaName: '' },
      }),
      [
        /Certificate\.SSLVerifyClient is used only with SSLMode MUTUAL; "OPTIONAL" is sent as written \(no client is verified without MUTUAL\)/,
        /Certificate\.CertCaId is used only with SSLMode MUTUAL; "ca1" is sent as written/,
        /Certificate\.CertCaName is used only with SSLMode MUTUAL; "" is sent as written/,
      ],
    );
    assertAccepted(
      proto('HTTPS', { MultiCertInfo: { SSLMode: 'UNIDIRECTIONAL', SSLVerifyClient: 'OPTIONAL', CertList: [{ CertId: 'x' }] } }),
      [/MultiCertInfo\.SSLVerifyClient is used only with SSLMode MUTUAL/],
    );
    // With MUTUAL an empty CA id names no CA: refused.
    assertRefused(
      proto('HTTPS', { Certificate: { SSLMode: 'MUTUAL', CertId: 'x', CertCaId: '' } }),
      'certificate.empty-fields',
      /CertCaId must not be empty/,
    );
  });

  test('load balancer ids of another length or alphabet warn; without lb- they are refused', () => {
    assertAccepted(tcp({ LoadBalancerId: 'lb-12f60e5' }), [/"lb-12f60e5" is not the usual lb-xxxxxxxx/]);
    assertAccepted(tcp({ LoadBalancerId: 'lb-ABCDEFGH1' }), [/not the usual/]);
    assertRefused(tcp({ LoadBalancerId: 'cuxw2rm0' }), 'LoadBalancerId.prefix', /must look like lb-xxxxxxxx/);
  });

  test('HTTPS with SNI on and a listener certificate (Terraform acceptance test)', () => {
    assertAccepted(proto('HTTPS', { ...CERT, SniSwitch: 1 }));
  });

  test('lower-case enum values are sent upper-case (the API page example 6 sends "tcp")', () => {
    const { request, findings } = validateCreateListener({ LoadBalancerId: LB, Ports: [5689], Protocol: 'tcp' }, { now: NOW });
    assert.equal(request.Protocol, 'TCP');
    assert.deepEqual(findings, []);
  });
});

describe('documented rules', () => {
  test('ranges, applicability and combinations refuse', () => {
    assertRefused(tcp({ HealthCheck: { TimeOut: 99 } }), 'HealthCheck.TimeOut.range', /^HealthCheck\.TimeOut must be 2–60, got 99$/);
    assertRefused(
      tcp({ HealthCheck: { TimeOut: 7, IntervalTime: 7 } }),
      'HealthCheck.TimeOut.below-interval',
      /must be less than IntervalTime \(7\)/,
    );
    assertRefused(tcp({ SessionExpireTime: 29 }), 'SessionExpireTime.range', /must be 0 or 30–3600, got 29/);
    assertRefused({ ...tcp(), Protocol: 'HTTP', TargetType: 'TARGETGROUP' }, 'TargetType.protocols', /not HTTP/);
    assertRefused(tcp({ Scheduler: 'IP_HASH' }), 'enum-values', /must be one of WRR, LEAST_CONN, got "IP_HASH"/);
    assertRefused(tcp({ MaxConn: 0 }), 'MaxConn.range', /must be -1 or at least 1, got 0/);
    assertRefused({ ...tcp(), Protocol: 'UDP', SessionType: 'QUIC_CID', Scheduler: 'LEAST_CONN' }, 'SessionType.QUIC_CID', /must be WRR/);
  });

  test('at most 49 ports in one CreateListener (observed: the API refuses 50); a port given twice is found in a long list', () => {
    const ports = (n: number) => Array.from({ length: n }, (_, i) => 1000 + i);
    assertAccepted(tcp({ Ports: ports(49) }));
    assertRefused(tcp({ Ports: ports(50) }), 'Ports.count', /^Ports gives 50 ports; one CreateListener takes at most 49$/);
    assert.equal(RULES.find((r) => r.id === 'Ports.count')?.provenance, 'observed');
    assertRefused(tcp({ Ports: [...ports(30000), 1000] }), 'Ports.unique', /^Ports\[30000\] gives 1000 twice/);
  });

  test('HTTP check fields belong to HTTP checks; on TCP_SSL and QUIC they are sent with a warning', () => {
    // The console guide sets a domain, path, method, HTTP/1.1 and status codes on a TCP_SSL HTTP check.
    assertAccepted(
      proto('TCP_SSL', {
        ...CERT,
        HealthCheck: { CheckType: 'HTTP', HttpCheckPath: '/health', HttpCheckDomain: 'a.example', HttpVersion: 'HTTP/1.1', HttpCode: 2 },
      }),
      [
        /HttpCheckPath in the HTTP check of a TCP_SSL listener: the reference names it for TCP listeners only; it is sent as written/,
        /HttpVersion in the HTTP check of a TCP_SSL listener/,
      ],
    );
    assertAccepted(proto('QUIC', { HealthCheck: { CheckType: 'HTTP', HttpCode: 2 } }), [/HttpCode in the HTTP check of a QUIC listener/]);
    assertRefused(
      proto('TCP_SSL', { ...CERT, HealthCheck: { CheckType: 'TCP', HttpCheckPath: '/x' } }),
      'HealthCheck.HTTP-fields.applicability',
      /only when CheckType is HTTP/,
    );
    assertRefused(proto('UDP', { HealthCheck: { HttpCode: 2 } }), 'HealthCheck.HTTP-fields.applicability', /not UDP/);
    assertRefused(
      tcp({ HealthCheck: { CheckType: 'TCP', HttpCheckPath: '/x' } }),
      'HealthCheck.HTTP-fields.applicability',
      /only when CheckType is HTTP/,
    );
    // "" on TCP_SSL: harmless, said.
    assertAccepted(proto('TCP_SSL', { ...CERT, HealthCheck: { HttpCheckPath: '' } }), [
      /HttpCheckPath applies only when CheckType is HTTP; "" is sent as written/,
    ]);
  });

  test('ExtendedCode belongs to GRPC checks of rules, not listeners', () => {
    assertRefused(tcp({ HealthCheck: { ExtendedCode: '20,25' } }), 'HealthCheck.ExtendedCode.applicability', /not to listeners/);
  });

  test('MultiCertInfo with MUTUAL holds exactly one CA', () => {
    const server = { CertName: 'rsa', CertContent: SERVER_CRT, CertKey: SERVER_KEY };
    const ca = { CertName: 'ca', CertContent: CA_CRT };
    assertAccepted(proto('HTTPS', { MultiCertInfo: { SSLMode: 'MUTUAL', CertList: [server, ca] } }));
    assertRefused(
      proto('HTTPS', { MultiCertInfo: { SSLMode: 'MUTUAL', CertList: [server, ca, { ...ca, CertName: 'ca2' }] } }),
      'MultiCertInfo.MUTUAL.one-ca',
      /second CA certificate/,
    );
    assertRefused(
      proto('HTTPS', { MultiCertInfo: { SSLMode: 'MUTUAL', CertList: [server] } }),
      'MultiCertInfo.MUTUAL.one-ca',
      /has no CA certificate/,
    );
    // By id the type is not known: no guess.
    assertAccepted(proto('HTTPS', { MultiCertInfo: { SSLMode: 'MUTUAL', CertList: [{ CertId: 'a' }, { CertId: 'b' }] } }));
  });

  test('server certificates may not repeat an algorithm', () => {
    const rsa = { CertName: 'rsa', CertContent: SERVER_CRT, CertKey: SERVER_KEY };
    const ecc = { CertName: 'ecc', CertContent: ECC_CRT, CertKey: ECC_KEY };
    assertAccepted(proto('HTTPS', { MultiCertInfo: { SSLMode: 'UNIDIRECTIONAL', CertList: [rsa, ecc] } }));
    assertRefused(
      proto('HTTPS', { MultiCertInfo: { SSLMode: 'UNIDIRECTIONAL', CertList: [rsa, { ...rsa, CertName: 'rsa2' }] } }),
      'MultiCertInfo.CertList.algorithms',
      /CertList\[1\]\.CertContent is RSA, like CertList\[0\]\.CertContent/,
    );
  });

  test('unknown fields are refused with a suggestion', () => {
    assertRefused(
      tcp({ HealthCheck: { Timeout: 5 } }),
      'unknown-field',
      /HealthCheck\.Timeout is not a field of the request; did you mean TimeOut\?/,
    );
  });
});

describe('certificates: one set of checks whatever the input path', () => {
  const upload = (cert: Record<string, unknown>) => proto('HTTPS', { Certificate: { SSLMode: 'UNIDIRECTIONAL', CertName: 'x', ...cert } });

  test('a private key where a certificate belongs is refused, even with --no-validate', () => {
    const swapped = check(upload({ CertContent: SERVER_KEY, CertKey: SERVER_CRT }));
    const hit = swapped.find((f) => f.rule === 'private-key.out-of-place');
    assert.ok(hit?.always && hit.severity === 'refuse');
    assert.match(
      renderFinding(hit, documentNamer('x.json')).message,
      /^x\.json: Certificate\.CertContent holds a PEM private key, which belongs in CertKey$/,
    );
    assert.match(renderFinding(hit, documentNamer('x.json')).hint!, /are CertContent and CertKey swapped\?/);
    assert.ok(
      blocking(swapped, false).some((f) => f.rule === 'private-key.out-of-place'),
      'kept with --no-validate',
    );
    // In any field, not just certificates.
    assert.ok(check(tcp({ ListenerNames: [SERVER_KEY] })).some((f) => f.rule === 'private-key.out-of-place'));
  });

  test('a key that does not match is refused; expired and placeholder certificates warn', () => {
    assertRefused(
      upload({ CertContent: SERVER_CRT, CertKey: ECC_KEY }),
      'private-key.matches',
      /CertKey does not match the certificate in CertContent/,
    );
    assertAccepted(upload({ CertContent: EXPIRED_CRT, CertKey: EXPIRED_KEY }), [
      /CertContent holds a certificate that expired on 2021-01-01/,
    ]);
    assertAccepted(upload({ CertContent: '-----BEGINCERTIFICATE-----\\nxxx', CertKey: '-----BEGINRSAPRIVATEKEY-----\\nxxx' }), [
      /CertContent is not a PEM certificate that can be parsed; it is sent as written/,
      /CertKey is not an unencrypted PEM private key/,
    ]);
  });

  test('the same checks reach MultiCertInfo entries', () => {
    const list = [{ CertName: 'old', CertContent: EXPIRED_CRT, CertKey: SERVER_KEY }];
    assertRefused(
      proto('HTTPS', { MultiCertInfo: { SSLMode: 'UNIDIRECTIONAL', CertList: list } }),
      'private-key.matches',
      /CertList\[0\]\.CertKey does not match/,
    );
  });

  test('private keys are collected for redaction wherever they are', () => {
    const found = collectSecrets({ Certificate: { CertContent: SERVER_KEY, CertKey: 'placeholder' }, ListenerNames: ['a'] });
    assert.deepEqual(found.sort(), [SERVER_KEY, 'placeholder'].sort());
  });
});

describe('messages are written once and named at the edge', () => {
  const finding = refusals(tcp({ HealthCheck: { TimeOut: 99 } }))[0]!;

  test('a file names the file and the field path', () => {
    assert.equal(renderFinding(finding, documentNamer('listener.yaml')).message, 'listener.yaml: HealthCheck.TimeOut must be 2–60, got 99');
  });

  test('an apply file names the entry', () => {
    assert.equal(
      renderFinding(finding, documentNamer('apply.yaml', ['listeners', 2])).message,
      'apply.yaml: listeners[2].HealthCheck.TimeOut must be 2–60, got 99',
    );
  });

  test('flags name the flag as typed: the draft says where each value came from', () => {
    const health = withValue(emptyDraft(), ['HealthCheck'], { TimeOut: 99 }, { kind: 'flag', flag: '--health-check', text: 'TimeOut=99' });
    assert.equal(renderFinding(finding, draftNamer(health)).message, '--health-check TimeOut must be 2–60, got 99');
    const port = refusals({ ...tcp(), Ports: [70000] })[0]!;
    const ports = withValue(emptyDraft(), ['Ports'], [70000], { kind: 'flag', flag: '--port', text: '70000' });
    assert.equal(renderFinding(port, draftNamer(ports)).message, '--port must be 1–65535, got 70000');
    // Two spellings of one list: each entry is named by the flag it came through.
    const zero = refusals({ ...tcp(), Ports: [80, 0] })[0]!;
    let both = withValue(emptyDraft(), ['Ports'], [80, 0], { kind: 'flag', flag: '--ports' });
    both = withOrigin(withOrigin(both, ['Ports', 0], { kind: 'flag', flag: '--ports', text: '80' }), ['Ports', 1], {
      kind: 'flag',
      flag: '--port',
      text: '0',
    });
    assert.equal(renderFinding(zero, draftNamer(both)).message, '--port must be 1–65535, got 0');
  });

  test('with --from-file, only fields from the file are named by path; flags never typed are not mentioned', () => {
    const body = {
      LoadBalancerId: LB,
      Ports: [443],
      Protocol: 'HTTPS',
      Certificate: { SSLMode: 'MUTUAL', CertId: 'x' },
    };
    const hit = refusals(body)[0]!;
    const message = renderFinding(hit, draftNamer(documentDraft(body, 'l.json'))).message;
    assert.equal(
      message,
      'l.json: Certificate.CertCaId is required with SSLMode MUTUAL, or upload the client CA with CertCaName and CertCaContent',
    );
    assert.doesNotMatch(message, /--/);
  });

  test('a prompt shows the rule for its own question, unnamed', () => {
    assert.equal(renderFinding(finding, promptNamer(['HealthCheck', 'TimeOut'])).message, 'must be 2–60, got 99');
    assert.equal(checkAnswer({}, ['Ports'], '0', { now: NOW }).problem, 'must be 1–65535, got 0');
    assert.equal(checkAnswer({}, ['LoadBalancerId'], 'lb-x', { now: NOW }).problem, undefined);
    assert.deepEqual(checkAnswer({}, ['LoadBalancerId'], 'lb-x', { now: NOW }).warnings, [
      '"lb-x" is not the usual lb-xxxxxxxx (8 lower-case letters or digits); it is sent as written',
    ]);
  });
});

describe('--no-validate', () => {
  test('rule violations become advisory; type problems and private keys still stop it', () => {
    const findings = check(tcp({ HealthCheck: { TimeOut: 99 }, NewField: 1 }));
    assert.ok(blocking(findings, true).length >= 2);
    assert.deepEqual(blocking(findings, false), []);
    assert.ok(advisory(findings, false).some((f) => f.rule === 'unknown-field'));
    const typed = check(tcp({ Ports: ['80'] }));
    assert.equal(typed[0]?.rule, 'type');
    assert.match(renderFinding(typed[0]!, documentNamer(undefined)).message, /^Ports must be a list of integers, got \["80"\]$/);
    assert.equal(blocking(typed, false).length, 1);
    assert.equal(blocking(check(tcp({ __proto__: null, constructor: 1 } as Record<string, unknown>)), false)[0]?.rule, 'type');
  });
});

describe('one body of a document, as apply checks it', () => {
  test('findings are named where the body sits in its file', async () => {
    const { checkDocument } = await import('../src/model/validate.js');
    const checked = checkDocument(tcp({ HealthCheck: { TimeOut: 99 }, SniSwitch: 0 }), {
      now: NOW,
      source: 'apply.yaml',
      base: ['listeners', 2],
    });
    assert.equal(checked.refusals[0]?.message, 'apply.yaml: listeners[2].HealthCheck.TimeOut must be 2–60, got 99');
    assert.ok(checked.warnings.some((w) => w.message.startsWith('apply.yaml: listeners[2].SniSwitch applies only to HTTPS listeners')));
    const lenient = checkDocument(tcp({ HealthCheck: { TimeOut: 99 } }), { now: NOW, validate: false });
    assert.deepEqual(lenient.refusals, []);
  });
});

describe('redaction', () => {
  test('a private key is redacted from request dumps wherever it sits', async () => {
    const { redactBody } = await import('../src/api/redact-request.js');
    const dump = JSON.stringify(
      redactBody({ ListenerNames: [SERVER_KEY], Certificate: { CertContent: SERVER_KEY, CertKey: 'x'.repeat(10) } }),
    );
    assert.ok(!dump.includes('PRIVATE KEY'), dump);
    assert.match(dump, /"CertKey":"<redacted: 10 bytes>"/);
  });
});

describe('rules declare what they need; the registry is built from the table, explicitly', () => {
  const rule = (id: string, extra: Partial<Rule> = {}): Rule => ({
    id,
    fields: ['LoadBalancerId'],
    checks: id,
    provenance: 'reference',
    source: 'test',
    check: () => [{ path: ['LoadBalancerId'], message: `${id} found it` }],
    ...extra,
  });

  test('a rule says nothing where a rule it needs found something, at the path or above it', () => {
    const ids = check(tcp({ LoadBalancerId: 'cuxw2rm0' }))
      .filter((f) => f.path[0] === 'LoadBalancerId')
      .map((f) => f.rule);
    assert.deepEqual(ids, ['LoadBalancerId.prefix'], 'one message for a value without lb-, not the shape as well');
    assert.deepEqual(
      check(tcp({ LoadBalancerId: 'lb-X' })).map((f) => f.rule),
      ['LoadBalancerId.shape'],
    );
    // A nested field of an object that does not apply is reported with its object.
    const http = check({ ...tcp({ HealthCheck: { HealthSwitch: 1, CheckPort: 80 } }), Protocol: 'HTTP' });
    assert.deepEqual(
      http.map((f) => `${f.rule} ${f.path.join('.')}`),
      ['HealthCheck.protocols HealthCheck'],
    );
    // An empty client CA id: without MUTUAL only the MUTUAL-only warning; with MUTUAL it is empty, refused.
    const ca = (SSLMode: string) =>
      check({ ...tcp(), Protocol: 'TCP_SSL', Certificate: { SSLMode, CertId: 'MsJyaXVm', CertCaId: '' } })
        .filter((f) => f.path.join('.') === 'Certificate.CertCaId')
        .map((f) => `${f.rule} ${f.severity}`);
    assert.deepEqual(ca('UNIDIRECTIONAL'), ['Certificate.MUTUAL-only warn']);
    assert.deepEqual(ca('MUTUAL'), ['certificate.empty-fields refuse']);
    // Only where the needed rule found something: elsewhere the rule runs.
    const registry = buildRegistry([
      rule('a', { check: () => [{ path: ['HealthCheck'], message: 'a found it' }] }),
      rule('b', {
        needs: ['a'],
        check: () => [
          { path: ['HealthCheck', 'TimeOut'], message: 'moot' },
          { path: ['Ports', 0], message: 'kept' },
        ],
      }),
    ]);
    const found = checkRules({ request: {}, protocol: 'TCP', now: NOW }, registry);
    assert.deepEqual(
      found.map((f) => `${f.rule}: ${f.message}`),
      ['a: a found it', 'b: kept'],
    );
  });

  test('a rule runs after the rules it needs; findings stay in table order', () => {
    const seen: string[] = [];
    const registry = buildRegistry([
      rule('late', {
        needs: ['early'],
        check: () => {
          seen.push('late');
          return [];
        },
      }),
      rule('early', {
        check: () => {
          seen.push('early');
          return [{ path: ['Ports'], message: 'early' }];
        },
      }),
    ]);
    checkRules({ request: {}, protocol: 'TCP', now: NOW }, registry);
    assert.deepEqual(seen, ['early', 'late']);
  });

  test('the registry refuses a table with a duplicate id, an unknown need, or rules that need each other', () => {
    assert.throws(() => buildRegistry([rule('a'), rule('a')]), /rule a is in the table twice/);
    assert.throws(() => buildRegistry([rule('a', { needs: ['nope'] })]), /rule a needs nope, which is not in the table/);
    assert.throws(() => buildRegistry([rule('a', { needs: ['b'] }), rule('b', { needs: ['a'] })]), /rules need each other: a → b → a/);
    // The table itself passes, and its applicability rules are the registry's data, not a side effect.
    assert.doesNotThrow(() => buildRegistry(RULES));
    assert.deepEqual(
      RULES.filter((r) => r.applies?.field === 'SniSwitch').map((r) => r.applies?.protocols),
      [['HTTPS']],
    );
  });
});
