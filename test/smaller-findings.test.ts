// The smaller findings of the second round of hostile testing, each as it now behaves: switches
// from files, enum case, a --query that selects nothing, the emulator's MultiCertInfo CA and
// HealthCheck members, file contents as field names, and string ports in apply files.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { runAgainst } from './helpers/cli.js';
import { userGuide } from './helpers/guide.js';

const LB = 'lb-small001';

describe('smaller findings', () => {
  let emu: InProcessEmulator;
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 0 });
    dir = mkdtempSync(join(tmpdir(), 'clb-small-'));
  });
  after(async () => {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => emu.reset());

  test('SniSwitch 2 and KeepaliveEnable 7 from a file are refused as from flags: exit 2, nothing sent', async () => {
    const body = file('sni.json', JSON.stringify({ LoadBalancerId: LB, Ports: [443], Protocol: 'HTTPS', SniSwitch: 2 }));
    const fromFile = await runAgainst(emu, ['create', '--from-file', body]);
    assert.equal(fromFile.code, 2, fromFile.stderr);
    assert.match(fromFile.stderr, /SniSwitch must be 0–1, got 2/);
    const listeners = file('keepalive.yaml', `listeners:\n  - { LoadBalancerId: ${LB}, Port: 80, Protocol: HTTP, KeepaliveEnable: 7 }\n`);
    const applied = await runAgainst(emu, ['apply', '-f', listeners, '--plan']);
    assert.equal(applied.code, 2, applied.stderr);
    assert.match(applied.stderr, /listeners\[0\]\.KeepaliveEnable must be 0–1, got 7/);
    assert.deepEqual([...(fromFile.requests ?? []), ...(applied.requests ?? [])], []);
  });

  test('upper-case enum values are taken in any case from a file too, and sent upper-cased (documented)', async () => {
    const listeners = file('case.yaml', `listeners:\n  - { LoadBalancerId: ${LB}, Port: 81, Protocol: tcp, Scheduler: least_conn }\n`);
    const result = await runAgainst(emu, ['apply', '-f', listeners]);
    assert.equal(result.code, 0, result.stderr);
    const { listeners: made } = await emu.state();
    assert.equal(made[0]!.request.Scheduler, 'LEAST_CONN');
    assert.equal(made[0]!.request.Protocol, 'TCP');
    assert.match(userGuide(), /`wrr` as `WRR`/);
  });

  test('a --query naming a field the result never has is refused before sending (with -q the id would be printed nowhere)', async () => {
    const result = await runAgainst(emu, ['create', '--lb', LB, '--port', '82', '--protocol', 'TCP', '--query', 'ListenerIdz[0]', '-q']);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /--query "ListenerIdz\[0\]": the result has no field "ListenerIdz"; it has .*ListenerIds/);
    assert.deepEqual(result.requests, []);
    // Names the expression makes itself are not unknown.
    const made = await runAgainst(emu, ['create', '--lb', LB, '--port', '83', '--protocol', 'TCP', '--query', '{id: ListenerIds[0]}.id']);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /^lbl-/);
  });

  test('emulator: a MultiCertInfo id is the CA only when the certificate service says so, never by its place', async () => {
    const mutual = (CertList: { CertId: string }[], Port: number) =>
      api(emu, 'CreateListener', { LoadBalancerId: LB, Ports: [Port], Protocol: 'HTTPS', MultiCertInfo: { SSLMode: 'MUTUAL', CertList } });
    const byCatalog = await mutual([{ CertId: 'EmuCa001' }, { CertId: 'ServerCertA1' }], 8443);
    assert.equal(byCatalog.Error, undefined, JSON.stringify(byCatalog.Error));
    const unknown = await mutual([{ CertId: 'ServerCertA1' }, { CertId: 'ServerCertB2' }], 8444);
    assert.equal(unknown.Error, undefined, JSON.stringify(unknown.Error));
    const listed = await api(emu, 'DescribeListeners', { LoadBalancerId: LB });
    const cert = (port: number) =>
      (listed.Listeners as { Port: number; Certificate: Record<string, unknown> }[]).find((l) => l.Port === port)!.Certificate;
    assert.equal(cert(8443).CertCaId, 'EmuCa001');
    assert.equal(cert(8443).CertId, 'ServerCertA1');
    assert.equal(cert(8444).CertCaId, null, 'the last id is not taken for the CA');
    assert.deepEqual([cert(8444).CertId, cert(8444).ExtCertIds], ['ServerCertA1', ['ServerCertB2']]);
  });

  test('emulator: DescribeListeners reports every member of the HealthCheck model', async () => {
    await api(emu, 'CreateListener', { LoadBalancerId: LB, Ports: [90], Protocol: 'TCP', HealthCheck: { HealthSwitch: 1 } });
    const listed = await api(emu, 'DescribeListeners', { LoadBalancerId: LB });
    const health = (listed.Listeners as { HealthCheck: Record<string, unknown> }[])[0]!.HealthCheck;
    for (const member of [
      'HealthSwitch',
      'TimeOut',
      'IntervalTime',
      'HealthNum',
      'UnHealthNum',
      'HttpCode',
      'HttpCheckPath',
      'HttpCheckDomain',
      'HttpCheckMethod',
      'CheckPort',
      'ContextType',
      'SendContext',
      'RecvContext',
      'CheckType',
      'HttpVersion',
      'SourceIpType',
      'ExtendedCode',
    ]) {
      assert.ok(Object.hasOwn(health, member), `HealthCheck.${member} is reported`);
    }
  });

  test('a file read by mistake: its lines are not echoed as field names', async () => {
    const shadow = file('shadow', 'root:$6$saltsalt$hashhashhash:19000:0:99999:7:::\n');
    for (const output of ['text', 'json']) {
      const result = await runAgainst(emu, [
        'create',
        '--lb',
        LB,
        '--port',
        '84',
        '--protocol',
        'TCP',
        '--health-check',
        `file://${shadow}`,
        '-o',
        output,
      ]);
      assert.equal(result.code, 2, result.stderr);
      assert.ok(!result.stderr.includes('hashhash'), result.stderr);
      assert.match(result.stderr, /<a key of 47 characters> is not a field of the request/);
    }
  });

  test('apply: a port or a number written as a string is refused, as the file schema says', async () => {
    const listeners = file(
      'strings.yaml',
      `listeners:\n  - { LoadBalancerId: ${LB}, Port: "85", Protocol: TCP, SessionExpireTime: "30" }\n`,
    );
    const result = await runAgainst(emu, ['apply', '-f', listeners, '--plan']);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /listeners\[0\]\.Ports must be a list of integers, got \["85"\]/);
    assert.deepEqual(result.requests, []);
  });
});
