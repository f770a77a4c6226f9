// What the tool tells a person who got something wrong: the flag as they typed it, the file and
// field for a body, a "did you mean", and suggested commands that work when pasted.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { emulatorEnv, runAgainst, runCli } from './helpers/cli.js';

const LB = 'lb-cuxw2rm0';
const dir = mkdtempSync(join(tmpdir(), 'clb-guidance-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('guidance', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: [LB], taskDelayMs: 100 });
  });
  after(() => emu.stop());

  test('errors in a --from-file body name the file and the API field, not flags never typed', async () => {
    const body = file('range.yaml', 'LoadBalancerId: lb-cuxw2rm0\nPorts: [80, 81]\nProtocol: TCP\nEndPort: 90\n');
    const result = await runAgainst(emu, ['create', '--from-file', body]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, new RegExp(`^error: ${body.replace(/[/.]/g, '\\$&')}: EndPort needs exactly one Ports`));
    assert.doesNotMatch(result.stderr, /--end-port/);
  });

  test('unknown fields get a "did you mean", in bodies and in shorthand', async () => {
    const body = file('typo.yaml', 'LoadBalancerId: lb-cuxw2rm0\nPorts: [80]\nProtocol: TCP\nHealthCheck:\n  Timeout: 5\n');
    const nested = await runAgainst(emu, ['create', '--from-file', body]);
    assert.equal(nested.code, 2);
    assert.match(nested.stderr, /typo\.yaml: HealthCheck\.Timeout is not a field of the request; did you mean TimeOut\?/);
    const top = await runAgainst(emu, ['create', '--from-file', '-'], {
      stdin: '{"LoadBalancerId":"lb-cuxw2rm0","Ports":[80],"Protocl":"TCP"}',
    });
    assert.match(top.stderr, /stdin: Protocl is not a field of the request; did you mean Protocol\?/);
    const shorthand = await runAgainst(emu, ['create', '--lb', LB, '--port', '80', '--protocol', 'TCP', '--health-check', 'timeout=5']);
    assert.match(shorthand.stderr, /--health-check timeout is not a field of the request; did you mean TimeOut\?/);
    assert.equal(await emu.requestCount(), 0);
  });

  test('errors say the flag as typed: --port, --lb, --cert-id, --ssl-mode', async () => {
    const port = await runAgainst(emu, ['create', '--lb', LB, '--port', '70000', '--protocol', 'TCP']);
    assert.match(port.stderr, /^error: --port must be 1–65535, got 70000/);
    const cert = await runAgainst(emu, ['create', '--lb', LB, '--port', '80', '--protocol', 'TCP', '--cert-id', 'abc']);
    assert.match(
      cert.stderr,
      /^error: --cert-id applies only to HTTPS, TCP_SSL and QUIC listeners, not TCP\nhint: leave --cert-id out, or use --protocol HTTPS/,
    );
    const mode = await runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '443',
      '--protocol',
      'HTTPS',
      '--cert-id',
      'abc',
      '--ssl-mode',
      'both',
    ]);
    assert.match(mode.stderr, /^error: --ssl-mode must be one of UNIDIRECTIONAL, MUTUAL, got "BOTH"/);
  });

  test('swapped certificate and key files are recognised', async () => {
    const result = await runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '443',
      '--protocol',
      'HTTPS',
      '--cert-file',
      'test/fixtures/server.key',
      '--key-file',
      'test/fixtures/server.crt',
    ]);
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /^error: --cert-file holds a PEM private key, which belongs in --key-file\nhint: are --cert-file and --key-file swapped\?/,
    );
  });

  test('inline PEM that cannot be a certificate is sent (the API page does it) but warned about', async () => {
    const result = await runAgainst(emu, ['create', '--from-file', 'test/fixtures/seed-examples/example3.json', '--dry-run']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stderr,
      /warning: test\/fixtures\/seed-examples\/example3\.json: Certificate\.CertContent is not a PEM certificate that can be parsed; it is sent as written/,
    );
  });

  test('--dry-run honours --query', async () => {
    const result = await runAgainst(emu, [
      'create',
      '--lb',
      LB,
      '--port',
      '80',
      '--protocol',
      'udp',
      '--dry-run',
      '--query',
      'Body.Protocol',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'UDP\n');
  });

  test('suggested commands carry --region and --endpoint, and work when pasted', async () => {
    await emu.configure({ taskDelayMs: 3000 });
    const env = { ...emulatorEnv(emu), TENCENTCLOUD_REGION: undefined };
    const started = await runCli(
      [
        'create',
        '--lb',
        LB,
        '--port',
        '8080',
        '--protocol',
        'TCP',
        '--region',
        emu.region,
        '--endpoint',
        emu.endpoint,
        '--wait-timeout',
        '1',
      ],
      { env },
    );
    assert.equal(started.code, 5, started.stderr);
    const suggested = /resume with: (clb-listener wait .*)$/m.exec(started.stderr)?.[1];
    assert.ok(suggested, started.stderr);
    assert.match(suggested, /--region ap-guangzhou --endpoint http:\/\/127\.0\.0\.1:\d+$/);
    const resumed = await runCli(suggested.split(' ').slice(1), { env });
    assert.equal(resumed.code, 0, resumed.stderr);
    await emu.configure({ taskDelayMs: 100 });
    const clash = await runCli(
      ['create', '--lb', LB, '--port', '8080', '--protocol', 'HTTP', '--region', emu.region, '--endpoint', emu.endpoint],
      { env },
    );
    assert.equal(clash.code, 1);
    const remove = /delete the listener in the way first: (clb-listener delete .*)$/m.exec(clash.stderr)?.[1];
    assert.ok(remove, clash.stderr);
    const removed = await runCli(remove.split(' ').slice(1), { env });
    assert.equal(removed.code, 0, removed.stderr);
    assert.deepEqual((await emu.state()).listeners, []);
  });
});
