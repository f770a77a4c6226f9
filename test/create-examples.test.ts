// The CreateListener API page's six examples, run through the real binary against the emulator,
// once as flags and once as the page's own request bodies (--from-file), unchanged.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inProcessEmulator, REPO_ROOT, type InProcessEmulator } from './helpers/emulator.js';
import { findLeaks, runAgainst, transcript } from './helpers/cli.js';

const FIXTURES = join(REPO_ROOT, 'test/fixtures');
const body = (n: number) => JSON.parse(readFileSync(join(FIXTURES, `seed-examples/example${n}.json`), 'utf8')) as Record<string, unknown>;

interface Example {
  name: string;
  flags: string[];
  example: number;
  /** Fields the stored listener's request must hold after the flags run. */
  expectFromFlags: Record<string, unknown>;
}

const EXAMPLES: Example[] = [
  {
    name: 'HTTPS with an existing certificate',
    example: 1,
    flags: ['--lb', 'lb-cuxw2rm0', '--port', '7572', '--protocol', 'HTTPS', '--ssl-mode', 'UNIDIRECTIONAL', '--cert-id', 'MsJyaXVm'],
    expectFromFlags: { Protocol: 'HTTPS', Ports: [7572], Certificate: { SSLMode: 'UNIDIRECTIONAL', CertId: 'MsJyaXVm' } },
  },
  {
    name: 'TCP with a health check',
    example: 2,
    flags: [
      '--lb',
      'lb-cuxw2rm0',
      '--port',
      '7571',
      '--protocol',
      'TCP',
      '--health-check',
      'UnHealthNum=4,HealthNum=4,IntervalTime=7,TimeOut=5,HealthSwitch=1',
    ],
    expectFromFlags: { HealthCheck: { UnHealthNum: 4, HealthNum: 4, IntervalTime: 7, TimeOut: 5, HealthSwitch: 1 } },
  },
  {
    name: 'HTTPS uploading a new certificate',
    example: 3,
    flags: [
      '--lb',
      'lb-cuxw2rm0',
      '--port',
      '7573',
      '--protocol',
      'HTTPS',
      '--ssl-mode',
      'UNIDIRECTIONAL',
      '--cert-file',
      'test/fixtures/server.crt',
      '--key-file',
      'test/fixtures/server.key',
      '--cert-name',
      'my-cert',
    ],
    expectFromFlags: {
      Certificate: {
        SSLMode: 'UNIDIRECTIONAL',
        CertName: 'my-cert',
        CertContent: readFileSync(join(FIXTURES, 'server.crt'), 'utf8'),
        CertKey: readFileSync(join(FIXTURES, 'server.key'), 'utf8'),
      },
    },
  },
  {
    name: 'UDP with the default PING health check',
    example: 4,
    flags: ['--lb', 'lb-6wlxe9rj', '--port', '432', '--protocol', 'UDP', '--name', 'lis_test', '--health-check', 'HealthSwitch=1'],
    expectFromFlags: { ListenerNames: ['lis_test'], HealthCheck: { HealthSwitch: 1 } },
  },
  {
    name: 'two TCP listeners named by position',
    example: 5,
    flags: ['--lb', 'lb-cuxw2rm0', '--port', '7570', '--port', '7569', '--protocol', 'TCP', '--name', 'lis1,lis0'],
    expectFromFlags: { Ports: [7570, 7569], ListenerNames: ['lis1', 'lis0'] },
  },
  {
    name: 'rescheduling',
    example: 6,
    flags: [
      '--lb',
      'lb-fd9kpk4s',
      '--port',
      '5689',
      '--protocol',
      'tcp',
      '--reschedule-target-zero-weight',
      '--reschedule-unhealthy',
      '--reschedule-expand-target',
      '--reschedule-start-time',
      '25',
      '--reschedule-interval',
      '50',
    ],
    expectFromFlags: {
      Protocol: 'TCP',
      RescheduleTargetZeroWeight: true,
      RescheduleUnhealthy: true,
      RescheduleExpandTarget: true,
      RescheduleStartTime: 25,
      RescheduleInterval: 50,
    },
  },
];

const LISTENER_ID = /^lbl-[a-z0-9]{8}$/;

describe('the API page examples', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: ['lb-cuxw2rm0', 'lb-6wlxe9rj', 'lb-fd9kpk4s'], taskDelayMs: 150 });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  async function expectCreated(stdout: string, ports: number[], expectFields: Record<string, unknown>) {
    const ids = stdout.trim().split('\n');
    assert.equal(ids.length, ports.length, `one ListenerId per port, got: ${stdout}`);
    for (const id of ids) assert.match(id, LISTENER_ID);
    const state = await emu.state();
    for (const [index, id] of ids.entries()) {
      const listener = state.listeners.find((l) => l.ListenerId === id);
      assert.ok(listener, `${id} is in the emulator`);
      assert.equal(listener.Port, ports[index]);
      for (const [key, value] of Object.entries(expectFields)) assert.deepEqual(listener.request[key], value, `field ${key}`);
    }
    assert.ok(
      state.tasks.every((t) => t.Status === 0),
      'every task finished successfully',
    );
  }

  for (const example of EXAMPLES) {
    test(`example ${example.example} as flags: ${example.name}`, async () => {
      const result = await runAgainst(emu, ['create', ...example.flags]);
      assert.equal(result.code, 0, result.stderr);
      const ports = body(example.example).Ports as number[];
      await expectCreated(result.stdout, ports, example.expectFromFlags);
      assert.match(result.stderr, /Created/);
    });

    test(`example ${example.example} as the page's body: ${example.name}`, async () => {
      const path = `test/fixtures/seed-examples/example${example.example}.json`;
      const result = await runAgainst(emu, ['create', '--from-file', path]);
      assert.equal(result.code, 0, result.stderr);
      const sent = body(example.example);
      // The page's body, as sent (Protocol upper-cased, as the API documents it).
      await expectCreated(result.stdout, sent.Ports as number[], { ...sent, Protocol: String(sent.Protocol).toUpperCase() });
    });
  }

  test('flags override the fields of a --from-file body', async () => {
    const result = await runAgainst(emu, [
      'create',
      '--from-file',
      'test/fixtures/seed-examples/example5.json',
      '--port',
      '8001,8002',
      '--name',
      'a,b',
    ]);
    assert.equal(result.code, 0, result.stderr);
    await expectCreated(result.stdout, [8001, 8002], { ListenerNames: ['a', 'b'], Protocol: 'TCP', LoadBalancerId: 'lb-cuxw2rm0' });
  });

  test('--from-file - reads the body from stdin, and YAML works', async () => {
    const yaml = 'LoadBalancerId: lb-cuxw2rm0\nPorts: [9001]\nProtocol: udp\nHealthCheck:\n  HealthSwitch: 0\n';
    const result = await runAgainst(emu, ['create', '--from-file', '-'], { stdin: yaml });
    assert.equal(result.code, 0, result.stderr);
    await expectCreated(result.stdout, [9001], { Protocol: 'UDP', HealthCheck: { HealthSwitch: 0 } });
  });

  test('explicit false and 0 are sent, not dropped', async () => {
    const tcp = await runAgainst(emu, [
      'create',
      '--lb',
      'lb-cuxw2rm0',
      '--port',
      '7000',
      '--protocol',
      'TCP',
      '--no-snat-enable',
      '--no-deregister-target-rst',
      '--reschedule-unhealthy',
      'false',
      '--reschedule-start-time',
      '0',
      '--health-check',
      'off',
    ]);
    assert.equal(tcp.code, 0, tcp.stderr);
    await expectCreated(tcp.stdout, [7000], {
      SnatEnable: false,
      DeregisterTargetRst: false,
      RescheduleUnhealthy: false,
      RescheduleStartTime: 0,
      HealthCheck: { HealthSwitch: 0 },
    });
    const https = await runAgainst(emu, [
      'create',
      '--lb',
      'lb-cuxw2rm0',
      '--port',
      '7443',
      '--protocol',
      'https',
      '--sni-switch',
      '0',
      '--keepalive-enable',
      '0',
      '--cert-id',
      'MsJyaXVm',
    ]);
    assert.equal(https.code, 0, https.stderr);
    await expectCreated(https.stdout, [7443], { SniSwitch: 0, KeepaliveEnable: 0 });
    const http = await runAgainst(emu, ['create', '--lb', 'lb-cuxw2rm0', '--port', '7080', '--protocol', 'HTTP', '--no-h2c-switch']);
    assert.equal(http.code, 0, http.stderr);
    await expectCreated(http.stdout, [7080], { H2cSwitch: false });
  });

  test('no secret key or private key appears in anything printed', () => {
    const leaks = findLeaks(transcript, {
      'the secret key': emu.secretKey,
      'the server private key': readFileSync(join(FIXTURES, 'server.key'), 'utf8').split('\n')[1]!,
    });
    assert.deepEqual(leaks, []);
  });
});
