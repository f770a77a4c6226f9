// `export` against the emulator, in-process: a load balancer with six listeners of every protocol
// (a port range, TCP_SSL with ProxyProtocol) exports to YAML that leaves defaults out, uses Port
// and ListenerName, names certificates by CertId, says what it cannot hold, and plans clean;
// applying it sends no write; -o json parses and is the same document; a file that sets every
// settable field plans clean right after apply, and exports to a file that does too; filters and
// bad flags; nothing secret is printed. The exporter itself as pure calls.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { REPO_ROOT } from './helpers/paths.js';
import { findLeaks, runAgainst, transcript } from './helpers/cli.js';
import { exportListener } from '../src/model/export-listener.js';
import { exportRules } from '../src/model/export-rule.js';
import {
  CERT_INFO_FIELDS,
  CERTIFICATE_INPUT_FIELDS,
  CREATE_LISTENER_FIELDS,
  HEALTH_CHECK_FIELDS,
  MULTI_CERT_INFO_FIELDS,
} from '../src/model/fields.js';
import { RULE_INPUT_FIELDS } from '../src/model/rule-fields.js';
import { loadValidator } from '../src/model/validate.js';

const LB = 'lb-export01';
const LB2 = 'lb-export02';
const WRITES = ['CreateListener', 'ModifyListener', 'DeleteLoadBalancerListeners', 'DeleteListener'];

/** Six listeners, one of each protocol: a TCP port range, TCP_SSL with ProxyProtocol, settings off their defaults. */
const SIX = `
listeners:
  - { LoadBalancerId: ${LB}, Port: 8000, EndPort: 8100, Protocol: TCP, ListenerName: range, Scheduler: LEAST_CONN, SessionExpireTime: 60,
      HealthCheck: { TimeOut: 4, IntervalTime: 10, CheckType: HTTP, HttpCheckDomain: "", HttpVersion: HTTP/1.1, HttpCheckPath: /health } }
  - { LoadBalancerId: ${LB}, Port: 53, Protocol: UDP, ListenerName: dns, IdleConnectTimeout: 120, HealthCheck: { HealthSwitch: 0 } }
  - { LoadBalancerId: ${LB}, Port: 80, Protocol: HTTP, ListenerName: web-http, KeepaliveEnable: 1 }
  - { LoadBalancerId: ${LB}, Port: 443, Protocol: HTTPS, ListenerName: web, Certificate: { SSLMode: UNIDIRECTIONAL, CertId: certweb1 } }
  - { LoadBalancerId: ${LB}, Port: 8443, Protocol: TCP_SSL, ListenerName: tls, ProxyProtocol: true,
      Certificate: { SSLMode: MUTUAL, CertId: certtls1, CertCaId: catls001, SSLVerifyClient: OPTIONAL } }
  - { LoadBalancerId: ${LB}, Port: 4433, Protocol: QUIC, ListenerName: quic, Certificate: { CertId: certquic } }
`;

describe('export', () => {
  let emu: InProcessEmulator;
  const dir = mkdtempSync(join(tmpdir(), 'clb-export-'));
  for (const name of ['server.crt', 'server.key', 'server-ecc.crt', 'server-ecc.key', 'ca.crt']) {
    copyFileSync(join(REPO_ROOT, 'test/fixtures', name), join(dir, name));
  }
  let n = 0;
  const file = (text: string, ext = 'yaml'): string => {
    const path = join(dir, `listeners-${++n}.${ext}`);
    writeFileSync(path, text);
    return path;
  };
  const run = (...args: string[]) => runAgainst(emu, args, { env: { CI: 'true' } });
  const writes = async (): Promise<number> => {
    const { counts } = await emu.state();
    return WRITES.reduce((sum, action) => sum + (counts[action] ?? 0), 0);
  };
  /** Applies `text` and checks it took. */
  const seed = async (text: string) => {
    const result = await run('apply', '-f', file(text));
    assert.equal(result.code, 0, result.stderr);
  };
  /**
   * Applies `text`; right after, its plan is clean; then its export holds no certificate or key
   * content and plans clean too.
   */
  const roundTrip = async (text: string) => {
    const path = file(text);
    const applied = await run('apply', '-f', path);
    assert.equal(applied.code, 0, applied.stderr);
    const plan = await run('apply', '-f', path, '--plan', '--detailed-exitcode');
    assert.equal(plan.code, 0, `right after apply the plan is clean:\n${plan.stdout}`);
    const exported = await run('export', '--lb', LB);
    assert.equal(exported.code, 0, exported.stderr);
    assert.doesNotMatch(exported.stdout, /PRIVATE KEY|BEGIN CERTIFICATE/, 'uploads come back as ids, never as content');
    const again = await run('apply', '-f', file(exported.stdout), '--plan', '--detailed-exitcode');
    assert.equal(again.code, 0, `the export plans clean:\n${again.stdout}\n${exported.stdout}`);
  };

  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB, LB2], taskDelayMs: 0 });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  test('six listeners of every protocol export to YAML that plans clean and applies with zero writes', async () => {
    await seed(SIX);
    const exported = await run('export', '--lb', LB);
    assert.equal(exported.code, 0, exported.stderr);
    assert.deepEqual(exported.requests, ['DescribeListeners', 'DescribeTargets'], 'reads, nothing else');
    const text = exported.stdout;
    assert.match(text, /^# clb-listener export: 6 listeners of lb-export01$/m);
    assert.match(text, /^# Not reported by DescribeListeners, so never exported: FullEndPorts, SslCloseSwitch\.$/m);
    assert.match(text, /^# Applied as it is, this file changes nothing: /m);
    assert.match(
      text,
      /# SslCloseSwitch: not reported by DescribeListeners, so not exported.*\n {2}- LoadBalancerId: lb-export01\n {4}Protocol: TCP_SSL/,
    );
    // Port and ListenerName, as apply takes them; a range by Port and EndPort.
    assert.match(text, /Protocol: TCP\n {4}Port: 8000\n {4}EndPort: 8100\n {4}ListenerName: range\n/);
    assert.doesNotMatch(text, /Ports:|ListenerNames:/);
    // Defaults are left out; what differs from them is kept.
    assert.doesNotMatch(
      text,
      /Scheduler: WRR|TargetType: NODE|SessionType: NORMAL|HealthSwitch: 1|MaxConn: -1|DataCompressMode: transparent|SSLMode: UNIDIRECTIONAL/,
    );
    assert.match(text, /Scheduler: LEAST_CONN/);
    assert.match(text, /HealthSwitch: 0/);
    assert.match(text, /IdleConnectTimeout: 120/);
    assert.match(text, /ProxyProtocol: true/);
    // Certificates by id; the mutual one with its CA and its verification mode.
    assert.match(text, /Certificate:\n {6}CertId: certweb1\n/);
    assert.match(text, /Certificate:\n {6}SSLMode: MUTUAL\n {6}CertId: certtls1\n {6}CertCaId: catls001\n {6}SSLVerifyClient: OPTIONAL\n/);

    const path = file(text);
    const plan = await run('apply', '-f', path, '--plan', '--detailed-exitcode');
    assert.equal(plan.code, 0, `${plan.stdout}\n${plan.stderr}`);
    assert.match(plan.stdout, /Plan: 0 to create, 0 to update, 0 to delete, 6 unchanged\./);
    const before = await writes();
    const applied = await run('apply', '-f', path);
    assert.equal(applied.code, 0, applied.stderr);
    assert.deepEqual(applied.requests, ['DescribeListeners'], 'no write');
    assert.equal(await writes(), before);
  });

  test('a name with a bidirectional-override character: shown escaped, read back as the same name, plans clean', async () => {
    await seed(`listeners:\n  - { LoadBalancerId: ${LB}, Port: 7100, Protocol: TCP, ListenerName: "a\\u202eb" }\n`);
    const exported = await run('export', '--lb', LB);
    assert.equal(exported.code, 0, exported.stderr);
    assert.ok(!exported.stdout.includes('\u202e'), 'no raw override character on stdout');
    assert.match(exported.stdout, /ListenerName: "a\\u202eb"/);
    const document = parse(exported.stdout) as { listeners: { ListenerName: string }[] };
    assert.equal(document.listeners[0]!.ListenerName, 'a\u202eb');
    const plan = await run('apply', '-f', file(exported.stdout), '--plan', '--detailed-exitcode');
    assert.equal(plan.code, 0, `${plan.stdout}\n${plan.stderr}`);
  });

  test('-o json parses, is the same document as the YAML, and plans clean too', async () => {
    await seed(SIX);
    const yaml = await run('export', '--lb', LB);
    const json = await run('export', '--lb', LB, '-o', 'json');
    assert.equal(json.code, 0, json.stderr);
    const document = JSON.parse(json.stdout) as { listeners: Record<string, unknown>[] };
    assert.equal(document.listeners.length, 6);
    assert.deepEqual(document, parse(yaml.stdout));
    assert.match(json.stderr, /^note: lbl-\w+: SslCloseSwitch: not reported/m, 'the notes the YAML holds as comments');
    const plan = await run('apply', '-f', file(json.stdout, 'json'), '--plan', '--detailed-exitcode');
    assert.equal(plan.code, 0, plan.stdout);
    const table = await run('export', '--lb', LB, '-o', 'table');
    assert.match(table.stdout, /LOAD BALANCER\s+PROTOCOL\s+PORT\s+NAME\s+LISTENER ID\s+NOTES\n/);
    assert.match(table.stdout, /lb-export01\s+TCP\s+8000-8100\s+range\s+lbl-\w+\s+0/);
  });

  test('a file that sets every settable field plans clean right after apply, and so does its export', async () => {
    const every = `
listeners:
  - LoadBalancerId: ${LB}
    Port: 80
    Protocol: TCP
    ListenerName: tcp-all
    HealthCheck: { HealthSwitch: 1, TimeOut: 3, IntervalTime: 9, HealthNum: 4, UnHealthNum: 5, HttpCode: 2, HttpCheckPath: /health,
                   HttpCheckDomain: www.example.com, HttpCheckMethod: GET, CheckPort: 8081, CheckType: HTTP, HttpVersion: HTTP/1.0, SourceIpType: 1 }
    SessionExpireTime: 60
    Scheduler: LEAST_CONN
    TargetType: TARGETGROUP
    SessionType: NORMAL
    DeregisterTargetRst: true
    MaxConn: 1000
    MaxCps: 100
    IdleConnectTimeout: 600
    SnatEnable: true
    DataCompressMode: compatibility
    RescheduleTargetZeroWeight: true
    RescheduleUnhealthy: true
    RescheduleExpandTarget: true
    RescheduleStartTime: 25
    RescheduleInterval: 50
  - { LoadBalancerId: ${LB}, Port: 53, Protocol: UDP, SessionType: QUIC_CID, Scheduler: WRR,
      HealthCheck: { CheckType: CUSTOM, ContextType: HEX, SendContext: "0A0B", RecvContext: "0C0D" } }
  - { LoadBalancerId: ${LB}, Port: 8000, EndPort: 8100, FullEndPorts: [8100], Protocol: TCP }
  - LoadBalancerId: ${LB}
    Port: 8443
    Protocol: TCP_SSL
    ProxyProtocol: true
    SslCloseSwitch: false
    Certificate: { SSLMode: MUTUAL, SSLVerifyClient: OPTIONAL, CertName: www, CertContent: "file://server.crt", CertKey: "file://server.key",
                   CertCaName: ca, CertCaContent: "file://ca.crt" }
  - { LoadBalancerId: ${LB}, Port: 443, Protocol: HTTPS, SniSwitch: 1, KeepaliveEnable: 1 }
  - LoadBalancerId: ${LB}
    Port: 444
    Protocol: HTTPS
    MultiCertInfo:
      SSLMode: MUTUAL
      SSLVerifyClient: OPTIONAL
      CertList:
        - { CertName: rsa, CertContent: "file://server.crt", CertKey: "file://server.key" }
        - { CertName: ecc, CertContent: "file://server-ecc.crt", CertKey: "file://server-ecc.key" }
        - { CertName: ca, CertContent: "file://ca.crt" }
  - { LoadBalancerId: ${LB}, Port: 445, Protocol: HTTPS, Certificate: { SSLMode: MUTUAL, CertId: cert0445, CertCaId: ca000445 } }
  - { LoadBalancerId: ${LB}, Port: 446, Protocol: HTTPS, MultiCertInfo: { SSLMode: UNIDIRECTIONAL, CertList: [{ CertId: rsa00446 }, { CertId: ecc00446 }] } }
  - { LoadBalancerId: ${LB}, Port: 9080, Protocol: HTTP, H2cSwitch: true }
  - { LoadBalancerId: ${LB}, Port: 4433, Protocol: QUIC, ProxyProtocol: true, Certificate: { CertId: certquic } }
`;
    // The file really sets every field the tables list (ExtendedCode belongs to rules, never listeners).
    const entries = (parse(every) as { listeners: Record<string, unknown>[] }).listeners;
    const given = (key: string) => entries.flatMap((e) => Object.keys((e[key] ?? {}) as object));
    const top = new Set(entries.flatMap((e) => Object.keys(e)).map((k) => ({ Port: 'Ports', ListenerName: 'ListenerNames' })[k] ?? k));
    assert.deepEqual(
      CREATE_LISTENER_FIELDS.map((f) => f.api).filter((f) => !top.has(f)),
      [],
    );
    assert.deepEqual(
      HEALTH_CHECK_FIELDS.map((f) => f.api).filter((f) => f !== 'ExtendedCode' && !given('HealthCheck').includes(f)),
      [],
    );
    assert.deepEqual(
      CERTIFICATE_INPUT_FIELDS.map((f) => f.api).filter((f) => !given('Certificate').includes(f)),
      [],
    );
    assert.deepEqual(
      MULTI_CERT_INFO_FIELDS.map((f) => f.api).filter((f) => !given('MultiCertInfo').includes(f)),
      [],
    );
    const certList = entries.flatMap((e) =>
      ((e.MultiCertInfo as { CertList?: object[] } | undefined)?.CertList ?? []).flatMap((c) => Object.keys(c)),
    );
    assert.deepEqual(
      CERT_INFO_FIELDS.map((f) => f.api).filter((f) => !certList.includes(f)),
      [],
    );

    await roundTrip(every);
  });

  /** An SNI HTTPS listener with two domains and their certificates; an HTTP listener with several rules off their defaults. */
  const RULED = `
listeners:
  - LoadBalancerId: ${LB}
    Port: 443
    Protocol: HTTPS
    ListenerName: sni
    SniSwitch: 1
    Rules:
      - { Domain: www.example.com, Url: /, DefaultServer: true, Http2: true, Certificate: { CertId: wwwcert1 } }
      - { Domain: www.example.com, Url: /api, ForwardType: HTTPS, HealthCheck: { CheckType: HTTPS, HttpCheckPath: /ping } }
      - { Domains: [shop.example.com, m.shop.example.com], Url: /, Quic: true,
          Certificate: { SSLMode: MUTUAL, CertId: shopcert, CertCaId: shopca01, SSLVerifyClient: OPTIONAL } }
  - LoadBalancerId: ${LB}
    Port: 80
    Protocol: HTTP
    ListenerName: web
    Rules:
      - { Domain: a.example.com, Url: /, Scheduler: LEAST_CONN, SessionExpireTime: 120, CookieName: SID,
          HealthCheck: { HealthSwitch: 1, TimeOut: 4, IntervalTime: 12, HealthNum: 5, UnHealthNum: 6, HttpCode: 2,
                         HttpCheckPath: /health, HttpCheckDomain: check.example.com, HttpCheckMethod: GET, SourceIpType: 1 } }
      - { Domain: a.example.com, Url: /grpc, ForwardType: GRPC, Scheduler: IP_HASH, HealthCheck: { CheckType: GRPC, ExtendedCode: "0-5" } }
      - { Domain: "*.b.example.com", Url: /, DefaultServer: true, TargetType: TARGETGROUP, HealthCheck: { HealthSwitch: 0 } }
`;

  test('forwarding rules export under Rules: off their defaults, certificates by id, and plan clean with zero writes', async () => {
    await seed(RULED);
    const exported = await run('export', '--lb', LB);
    assert.equal(exported.code, 0, exported.stderr);
    assert.deepEqual(
      exported.requests,
      ['DescribeListeners', 'DescribeTargets'],
      'the rules come with the listeners; the targets are one more read',
    );
    assert.match(exported.stdout, /^# Forwarding rules are under their listener's Rules: /m);
    assert.match(exported.stdout, /^# Applied as it is, this file changes nothing: /m);
    const document = parse(exported.stdout) as { listeners: { Port: number; Rules?: Record<string, unknown>[] }[] };
    const rulesOf = (port: number) => document.listeners.find((l) => l.Port === port)?.Rules;
    assert.deepEqual(rulesOf(443), [
      {
        Domain: 'www.example.com',
        Url: '/',
        HealthCheck: { HttpCheckPath: '/' },
        Certificate: { CertId: 'wwwcert1' },
        Http2: true,
        DefaultServer: true,
      },
      { Domain: 'www.example.com', Url: '/api', ForwardType: 'HTTPS', HealthCheck: { HttpCheckPath: '/ping' } },
      {
        Domains: ['shop.example.com', 'm.shop.example.com'],
        Url: '/',
        HealthCheck: { HttpCheckPath: '/' },
        Certificate: { SSLMode: 'MUTUAL', CertId: 'shopcert', CertCaId: 'shopca01', SSLVerifyClient: 'OPTIONAL' },
        Quic: true,
      },
    ]);
    assert.deepEqual(rulesOf(80), [
      {
        Domain: 'a.example.com',
        Url: '/',
        SessionExpireTime: 120,
        Scheduler: 'LEAST_CONN',
        CookieName: 'SID',
        HealthCheck: {
          TimeOut: 4,
          IntervalTime: 12,
          HealthNum: 5,
          UnHealthNum: 6,
          HttpCode: 2,
          HttpCheckPath: '/health',
          HttpCheckDomain: 'check.example.com',
          HttpCheckMethod: 'GET',
          SourceIpType: 1,
        },
      },
      {
        Domain: 'a.example.com',
        Url: '/grpc',
        Scheduler: 'IP_HASH',
        ForwardType: 'GRPC',
        HealthCheck: { HttpCheckPath: '/grpc', CheckType: 'GRPC', ExtendedCode: '0-5' },
      },
      {
        Domain: '*.b.example.com',
        Url: '/',
        TargetType: 'TARGETGROUP',
        HealthCheck: { HealthSwitch: 0, HttpCheckPath: '/' },
        DefaultServer: true,
      },
    ]);
    const path = file(exported.stdout);
    const plan = await run('apply', '-f', path, '--plan', '--detailed-exitcode');
    assert.equal(plan.code, 0, `${plan.stdout}\n${exported.stdout}`);
    const before = await writes();
    const applied = await run('apply', '-f', path, '--prune', '--yes');
    assert.equal(applied.code, 0, applied.stderr);
    assert.deepEqual(applied.requests, ['DescribeListeners'], 'no write, not even with --prune: every rule is in the file');
    assert.equal(await writes(), before);
    const json = await run('export', '--lb', LB, '-o', 'json');
    assert.deepEqual(JSON.parse(json.stdout), document, '-o json is the same document');
  });

  test('a rule file that sets every settable rule field plans clean right after apply, and so does its export', async () => {
    const every = `${RULED}
  - LoadBalancerId: ${LB}
    Port: 8443
    Protocol: HTTPS
    SniSwitch: 1
    Rules:
      - Domain: up.example.com
        Url: /
        Certificate: { SSLMode: MUTUAL, SSLVerifyClient: OPTIONAL, CertName: www, CertContent: "file://server.crt", CertKey: "file://server.key",
                       CertCaName: ca, CertCaContent: "file://ca.crt" }
      - Domain: multi.example.com
        Url: /
        MultiCertInfo:
          SSLMode: MUTUAL
          SSLVerifyClient: OPTIONAL
          CertList:
            - { CertName: rsa, CertContent: "file://server.crt", CertKey: "file://server.key" }
            - { CertName: ecc, CertContent: "file://server-ecc.crt", CertKey: "file://server-ecc.key" }
            - { CertName: ca, CertContent: "file://ca.crt" }
      - { Domain: ids.example.com, Url: /, MultiCertInfo: { SSLMode: UNIDIRECTIONAL, CertList: [{ CertId: rsa00001 }, { CertId: ecc00001 }] } }
`;
    // The file really sets every rule field, every health-check key a rule takes, and every certificate key.
    const entries = (parse(every) as { listeners: { Rules?: Record<string, unknown>[] }[] }).listeners.flatMap((e) => e.Rules ?? []);
    const keys = (pick: (rule: Record<string, unknown>) => unknown) =>
      new Set(entries.flatMap((r) => [pick(r)].flat().flatMap((v) => (v && typeof v === 'object' ? Object.keys(v) : []))));
    const missing = (fields: readonly { api: string }[], given: Set<string>, skip: string[] = []) =>
      fields.map((f) => f.api).filter((f) => !given.has(f) && !skip.includes(f));
    assert.deepEqual(
      missing(
        RULE_INPUT_FIELDS,
        keys((r) => r),
      ),
      [],
    );
    const layer4 = ['CheckPort', 'ContextType', 'SendContext', 'RecvContext', 'HttpVersion'];
    assert.deepEqual(
      missing(
        HEALTH_CHECK_FIELDS,
        keys((r) => r.HealthCheck),
        layer4,
      ),
      [],
    );
    assert.deepEqual(
      missing(
        CERTIFICATE_INPUT_FIELDS,
        keys((r) => r.Certificate),
      ),
      [],
    );
    assert.deepEqual(
      missing(
        MULTI_CERT_INFO_FIELDS,
        keys((r) => r.MultiCertInfo),
      ),
      [],
    );
    assert.deepEqual(
      missing(
        CERT_INFO_FIELDS,
        keys((r) => (r.MultiCertInfo as { CertList?: unknown[] } | undefined)?.CertList ?? []),
      ),
      [],
    );

    await roundTrip(every);
  });

  test('filters and several load balancers: --lb twice, --port, --protocol', async () => {
    await seed(`${SIX}  - { LoadBalancerId: ${LB2}, Port: 9000, Protocol: TCP, ListenerName: other }\n`);
    const both = await run('export', '--lb', LB, '--lb', LB2, '-o', 'json');
    const all = (JSON.parse(both.stdout) as { listeners: { LoadBalancerId: string }[] }).listeners;
    assert.deepEqual([...new Set(all.map((l) => l.LoadBalancerId))], [LB, LB2]);
    assert.equal(all.length, 7);
    const tcp = await run('export', '--lb', LB, '--protocol', 'tcp', '-o', 'json');
    assert.deepEqual(
      (JSON.parse(tcp.stdout) as { listeners: { Port: number }[] }).listeners.map((l) => l.Port),
      [8000],
    );
    const port = await run('export', '--lb', LB, '--port', '443');
    assert.match(port.stdout, /# Filtered \(--port\/--protocol\): with --prune, apply deletes the listeners left out/);
    assert.equal((parse(port.stdout) as { listeners: unknown[] }).listeners.length, 1);
  });

  test('bad flags exit 2 and send nothing; an unknown load balancer is the API error', async () => {
    for (const args of [
      ['--protocol', 'SCTP'],
      ['--port', '70000'],
      ['--lb', 'lb-export01,'],
    ]) {
      const before = await emu.requestCount();
      const result = await run('export', '--lb', LB, ...args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.equal(result.stderr.trim().split('\n')[0]!.startsWith('error: '), true);
      assert.equal(await emu.requestCount(), before, `${args.join(' ')}: nothing sent`);
    }
    const missing = await run('export');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--lb/);
    const unknown = await run('export', '--lb', 'lb-nothere1');
    assert.equal(unknown.code, 1, unknown.stderr);
  });

  test('nothing secret is printed', () => {
    assert.deepEqual(findLeaks(transcript, { secretKey: emu.secretKey }), []);
    assert.doesNotMatch(transcript.join('\n'), /PRIVATE KEY-----\n[A-Za-z0-9+/]/);
  });
});

describe('the listener exporter', () => {
  before(() => loadValidator());
  const base = { ListenerId: 'lbl-aaaa0001', Protocol: 'TCP', Port: 80, ListenerName: 'web', Scheduler: 'WRR', MaxConn: -1, AttrFlags: [] };

  test('a private key or a secret of the run is never exported, wherever it sits', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----';
    const out = exportListener('lb-aaaa0001', { ...base, ListenerName: key }, { now: 0, secrets: [] });
    assert.equal(out.entry.ListenerName, undefined);
    assert.match(out.notes.join('\n'), /ListenerName: left out, it holds a secret/);
    const secret = exportListener('lb-aaaa0001', { ...base, ListenerName: 'x-s3cr3t-value-x' }, { now: 0, secrets: ['s3cr3t-value'] });
    assert.equal(secret.entry.ListenerName, undefined);
    assert.doesNotMatch(JSON.stringify(secret), /s3cr3t/);
  });

  test('what the rules refuse is left out with a note; defaults are left out silently', () => {
    const out = exportListener(
      'lb-aaaa0001',
      { ...base, Protocol: 'HTTP', TargetType: 'TARGETGROUP', IdleConnectTimeout: 60, Scheduler: null, KeepaliveEnable: 0 },
      { now: 0, secrets: [] },
    );
    assert.deepEqual(out.entry, { LoadBalancerId: 'lb-aaaa0001', Protocol: 'HTTP', Port: 80, ListenerName: 'web' });
    assert.match(
      out.notes.join('\n'),
      /TargetType: "TARGETGROUP" left out: applies only to TCP, UDP, TCP_SSL and QUIC listeners, not HTTP/,
    );
    assert.match(out.notes.join('\n'), /IdleConnectTimeout: 60 left out: applies only to TCP and UDP listeners, not HTTP/);
  });

  test('an entry the rules refuse whatever is left out says so, and the header stops promising a clean plan', async () => {
    const out = exportListener('lb-aaaa0001', { ...base, Protocol: 'HTTPS', SniSwitch: 0, Certificate: null }, { now: 0, secrets: [] });
    assert.equal(out.refused, true);
    assert.deepEqual(out.notes, [
      'apply refuses this entry as exported: Certificate is required: an HTTPS listener with SNI off needs a certificate (or MultiCertInfo)',
    ]);
    const { exportYaml } = await import('../src/cli/commands/export/yaml.js');
    const text = await exportYaml([{ kind: 'listener', ...out }], { loadBalancers: ['lb-aaaa0001'], filtered: false });
    assert.match(text, /^# 1 entry needs an edit before apply takes this file: the comment above it says why\.$/m);
    assert.doesNotMatch(text, /changes nothing/);
  });

  test('several server certificates are MultiCertInfo by id, the CA among them as apply compares it', () => {
    const out = exportListener(
      'lb-aaaa0001',
      {
        ...base,
        Protocol: 'HTTPS',
        Certificate: { SSLMode: 'MUTUAL', CertId: 'rsa1', ExtCertIds: ['ecc1'], CertCaId: 'ca1', SSLVerifyClient: 'ON' },
      },
      { now: 0, secrets: [] },
    );
    assert.deepEqual(out.entry.MultiCertInfo, { SSLMode: 'MUTUAL', CertList: [{ CertId: 'rsa1' }, { CertId: 'ecc1' }, { CertId: 'ca1' }] });
    assert.equal(out.entry.Certificate, undefined);
  });
});

describe('the rule exporter', () => {
  before(() => loadValidator());
  const options = { now: 0, secrets: [], language: 'en' as const };
  const rule = (extra: Record<string, unknown>) => ({
    LocationId: 'loc-aaaa0001',
    Domain: 'a.example.com',
    Domains: ['a.example.com'],
    Url: '/',
    ...extra,
  });

  test("settings apply does not manage are left out with a note; the listener certificate of an SNI-off listener is not the rule's", () => {
    const out = exportRules(
      {
        Protocol: 'HTTPS',
        SniSwitch: 0,
        Rules: [
          rule({
            TrpcCallee: 'svc',
            OAuth: { OAuthEnable: true, OAuthFailureStatus: 'REJECT' },
            Certificate: { SSLMode: 'UNIDIRECTIONAL', CertId: 'listcert' },
            Scheduler: 'WRR',
            ForwardType: 'HTTP',
            TargetType: 'NODE',
            SessionExpireTime: 0,
            CookieName: '',
            QuicStatus: 'QUIC_INACTIVE',
            Http2: false,
            DefaultServer: false,
          }),
        ],
      },
      options,
    );
    assert.deepEqual(out.rules, [{ Domain: 'a.example.com', Url: '/' }], 'defaults and the listener certificate left out');
    assert.deepEqual(out.notes, [
      'Rules[0].TrpcCallee: "svc" left out: apply does not manage it, and keeps it as it is',
      'Rules[0].OAuth: {"OAuthEnable":true,"OAuthFailureStatus":"REJECT"} left out: apply does not manage it, and keeps it as it is',
    ]);
  });

  test('a value the rule table refuses is left out with its reason; a secret is never written', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----';
    const out = exportRules(
      { Protocol: 'HTTP', Rules: [rule({ Http2: true, CookieName: key }), rule({ Url: '/x', Scheduler: 'ROUND_ROBIN' })] },
      { ...options, secrets: [] },
    );
    assert.deepEqual(out.rules, [
      { Domain: 'a.example.com', Url: '/' },
      { Domain: 'a.example.com', Url: '/x' },
    ]);
    assert.equal(out.refused, false);
    assert.match(out.notes.join('\n'), /Rules\[0\]\.CookieName: left out, it holds a secret/);
    assert.match(out.notes.join('\n'), /Rules\[0\]\.Http2: true left out: can be on only for HTTPS domains/);
    assert.match(out.notes.join('\n'), /Rules\[1\]\.Scheduler: "ROUND_ROBIN" left out: must be one of WRR, LEAST_CONN, IP_HASH/);
    assert.doesNotMatch(JSON.stringify(out), /PRIVATE KEY/);
  });

  test('a rule whose domain or URL the table refuses cannot be fixed by leaving it out: it says so', () => {
    const out = exportRules({ Protocol: 'HTTP', Rules: [rule({ Domain: 'a*b.example.com', Domains: ['a*b.example.com'] })] }, options);
    assert.equal(out.refused, true);
    assert.match(out.notes.join('\n'), /apply refuses this rule as exported: Rules\[0\]\.Domain "a\*b\.example\.com" is not a domain/);
  });
});

test('export YAML: a reported value with control characters (C1 and bidirectional marks too) is written escaped, and reads back the same', async () => {
  await loadValidator();
  const { exportYaml } = await import('../src/cli/commands/export/yaml.js');
  const name = 'web\u009b31m\u202e\u0085\u001b]0;x\u0007';
  const entry = {
    LoadBalancerId: 'lb-aaaa0001',
    Protocol: 'HTTP',
    Port: 80,
    ListenerName: name,
    Rules: [{ Domain: 'a.example.com', Url: `/x${name}` }],
  };
  const note = { text: { en: `note ${name}`, zh: `note ${name}` }, params: {} };
  const text = await exportYaml(
    [{ kind: 'listener', entry, notes: [`note ${name}`], noteTexts: [note], listenerId: 'lbl-aaaa0001', refused: true }],
    {
      loadBalancers: ['lb-aaaa0001'],
      filtered: false,
    },
  );
  assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/, 'nothing raw reaches the terminal');
  assert.deepEqual((parse(text) as { listeners: unknown[] }).listeners, [entry], 'the escapes read back as the very values');
});
