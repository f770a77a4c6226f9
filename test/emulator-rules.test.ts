// CreateListener's documented rules (docs/api/create-listener.md): the six example bodies of the API page are
// accepted byte for byte, and a table of violations each gets its documented code.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';

// Verbatim from the CreateListener API page (000_43305733a4053f28.txt), whitespace included.
// String.raw keeps Example 3's `\\n` exactly as the page has it.
const PAGE_EXAMPLES: { name: string; body: string; names?: string[] }[] = [
  {
    name: 'Example 1: HTTPS with an existing certificate',
    body: `{
    "Protocol": "HTTPS",
    "Ports": [
        7572
    ],
    "Certificate": {
        "SSLMode": "UNIDIRECTIONAL",
        "CertId": "MsJyaXVm"
    },
    "LoadBalancerId": "lb-cuxw2rm0"
}`,
  },
  {
    name: 'Example 2: TCP with health check settings',
    body: `{
    "HealthCheck": {
        "UnHealthNum": 4,
        "HealthNum": 4,
        "IntervalTime": 7,
        "TimeOut": 5,
        "HealthSwitch": 1
    },
    "Protocol": "TCP",
    "Ports": [
        7571
    ],
    "LoadBalancerId": "lb-cuxw2rm0"
}`,
  },
  {
    name: 'Example 3: HTTPS uploading a new certificate (placeholder PEM text)',
    body: `{
    "Protocol": "HTTPS",
    "Ports": [
        7573
    ],
    "Certificate": {
        "SSLMode": "UNIDIRECTIONAL",
        "CertContent": "-----BEGINCERTIFICATE-----\\nxxxxxxxxxxxxxxxxxxxxxxx\\n-----ENDCERTIFICATE-----",
        "CertName": "my-cert",
        "CertKey": "-----BEGINRSAPRIVATEKEY-----\\nxxxxxxxxxxxxxxxxxxxxxxxx\\n-----ENDRSAPRIVATEKEY-----"
    },
    "LoadBalancerId": "lb-cuxw2rm0"
}`,
  },
  {
    name: 'Example 4: UDP with the default PING health check',
    body: `{
    "HealthCheck": {
        "HealthSwitch": 1
    },
    "Protocol": "UDP",
    "ListenerNames": [
        "lis_test"
    ],
    "Ports": [
        432
    ],
    "LoadBalancerId": "lb-6wlxe9rj"
}`,
    names: ['lis_test'],
  },
  {
    name: 'Example 5: two TCP listeners named by position',
    body: `{
    "ListenerNames": [
        "lis1",
        "lis0"
    ],
    "Protocol": "TCP",
    "Ports": [
        7570,
        7569
    ],
    "LoadBalancerId": "lb-cuxw2rm0"
}`,
    names: ['lis1', 'lis0'],
  },
  {
    name: 'Example 6: rescheduling, with a lower-case protocol',
    body: `{
    "LoadBalancerId": "lb-fd9kpk4s",
    "Ports": [
        5689
    ],
    "Protocol": "tcp",
    "RescheduleTargetZeroWeight": true,
    "RescheduleUnhealthy": true,
    "RescheduleExpandTarget": true,
    "RescheduleStartTime": 25,
    "RescheduleInterval": 50
}`,
  },
];

const LB = 'lb-6wlxe9rj';
const tcp = (extra: Record<string, unknown> = {}) => ({ LoadBalancerId: LB, Ports: [10001], Protocol: 'TCP', ...extra });
const on = (protocol: string, extra: Record<string, unknown> = {}) => tcp({ Protocol: protocol, ...extra });
const cert = { Certificate: { CertId: 'cert0001' } };

const VIOLATIONS: [string, Record<string, unknown>, string][] = [
  ['LoadBalancerId missing', { Ports: [80], Protocol: 'TCP' }, 'MissingParameter'],
  ['Ports missing', { LoadBalancerId: LB, Protocol: 'TCP' }, 'MissingParameter'],
  ['Protocol missing', { LoadBalancerId: LB, Ports: [80] }, 'MissingParameter'],
  ['port as a string', tcp({ Ports: ['80'] }), 'InvalidParameter.FormatError'],
  ['port not an integer', tcp({ Ports: [80.5] }), 'InvalidParameter.FormatError'],
  ['null value', tcp({ Scheduler: null }), 'InvalidParameter.FormatError'],
  ['boolean given as a string', tcp({ DeregisterTargetRst: 'true' }), 'InvalidParameter.FormatError'],
  ['integer given as a boolean', tcp({ HealthCheck: { HealthSwitch: true } }), 'InvalidParameter.FormatError'],
  ['unknown top-level parameter', tcp({ Port: 80 }), 'UnknownParameter'],
  ['unknown nested parameter', tcp({ HealthCheck: { Foo: 1 } }), 'UnknownParameter'],
  ['port 0', tcp({ Ports: [0] }), 'InvalidParameterValue.Range'],
  ['port 65536', tcp({ Ports: [65536] }), 'InvalidParameterValue.Range'],
  ['duplicate ports', tcp({ Ports: [80, 80] }), 'InvalidParameterValue'],
  ['empty Ports', tcp({ Ports: [] }), 'InvalidParameterValue'],
  ['unknown protocol', on('SCTP'), 'InvalidParameterValue'],
  ['fewer names than ports', tcp({ Ports: [80, 81], ListenerNames: ['a'] }), 'InvalidParameterValue.Length'],
  ['name of 81 characters', tcp({ ListenerNames: ['x'.repeat(81)] }), 'InvalidParameterValue.Length'],
  ['empty name', tcp({ ListenerNames: [''] }), 'InvalidParameterValue.Length'],
  ['emoji in a name', tcp({ ListenerNames: ['web😀'] }), 'InvalidParameterValue'],
  ['HealthCheck on HTTP', on('HTTP', { HealthCheck: { HealthSwitch: 1 } }), 'InvalidParameterValue'],
  ['TimeOut over 60', tcp({ HealthCheck: { TimeOut: 61, IntervalTime: 100 } }), 'InvalidParameterValue.Range'],
  ['TimeOut not below IntervalTime', tcp({ HealthCheck: { TimeOut: 5, IntervalTime: 5 } }), 'InvalidParameterValue'],
  ['HealthNum 11', tcp({ HealthCheck: { HealthNum: 11 } }), 'InvalidParameterValue.Range'],
  ['PING check on TCP', tcp({ HealthCheck: { CheckType: 'PING' } }), 'InvalidParameterValue'],
  ['CUSTOM check on TCP_SSL', on('TCP_SSL', { ...cert, HealthCheck: { CheckType: 'CUSTOM' } }), 'InvalidParameterValue'],
  ['HTTP check on TCP without domain', tcp({ HealthCheck: { CheckType: 'HTTP', HttpVersion: 'HTTP/1.1' } }), 'MissingParameter'],
  ['HTTP check on TCP without version', tcp({ HealthCheck: { CheckType: 'HTTP', HttpCheckDomain: 'a.example' } }), 'MissingParameter'],
  ['HttpCheckPath with a TCP check', tcp({ HealthCheck: { HttpCheckPath: '/' } }), 'InvalidParameterValue'],
  [
    'HttpCode 32',
    tcp({ HealthCheck: { CheckType: 'HTTP', HttpCheckDomain: 'a', HttpVersion: 'HTTP/1.1', HttpCode: 32 } }),
    'InvalidParameterValue.Range',
  ],
  ['CUSTOM without context', on('UDP', { HealthCheck: { CheckType: 'CUSTOM', SendContext: 'A', RecvContext: 'B' } }), 'MissingParameter'],
  [
    'CUSTOM HEX of odd length',
    on('UDP', { HealthCheck: { CheckType: 'CUSTOM', ContextType: 'HEX', SendContext: 'ABC', RecvContext: 'AB' } }),
    'InvalidParameterValue',
  ],
  ['context without CUSTOM', on('UDP', { HealthCheck: { SendContext: 'A' } }), 'InvalidParameterValue'],
  ['HTTPS without a certificate', on('HTTPS'), 'MissingParameter'],
  ['TCP_SSL without a certificate', on('TCP_SSL'), 'MissingParameter'],
  [
    'Certificate and MultiCertInfo together',
    on('TCP_SSL', { ...cert, MultiCertInfo: { SSLMode: 'UNIDIRECTIONAL', CertList: [{ CertId: 'x' }] } }),
    'InvalidParameterValue',
  ],
  ['Certificate on TCP', tcp(cert), 'InvalidParameterValue'],
  ['Certificate on HTTPS with SNI on', on('HTTPS', { SniSwitch: 1, ...cert }), 'InvalidParameterValue'],
  ['CertId and an upload together', on('HTTPS', { Certificate: { CertId: 'a', CertContent: 'pem' } }), 'InvalidParameterValue'],
  ['upload without CertKey', on('HTTPS', { Certificate: { CertName: 'n', CertContent: 'pem' } }), 'MissingParameter'],
  ['empty CertId', on('HTTPS', { Certificate: { CertId: '' } }), 'InvalidParameterValue.Length'],
  ['MUTUAL without a CA', on('HTTPS', { Certificate: { SSLMode: 'MUTUAL', CertId: 'a' } }), 'MissingParameter'],
  ['SSLVerifyClient without MUTUAL', on('HTTPS', { Certificate: { CertId: 'a', SSLVerifyClient: 'ON' } }), 'InvalidParameterValue'],
  ['MultiCertInfo without SSLMode', on('HTTPS', { MultiCertInfo: { CertList: [{ CertId: 'a' }] } }), 'MissingParameter'],
  ['SessionExpireTime 10', tcp({ SessionExpireTime: 10 }), 'InvalidParameterValue.Range'],
  ['SessionExpireTime on TCP_SSL', on('TCP_SSL', { ...cert, SessionExpireTime: 60 }), 'InvalidParameterValue'],
  ['Scheduler IP_HASH', tcp({ Scheduler: 'IP_HASH' }), 'InvalidParameterValue'],
  ['Scheduler on HTTP', on('HTTP', { Scheduler: 'WRR' }), 'InvalidParameterValue'],
  ['SniSwitch on HTTP', on('HTTP', { SniSwitch: 0 }), 'InvalidParameterValue'],
  ['TargetType on HTTP', on('HTTP', { TargetType: 'NODE' }), 'InvalidParameterValue'],
  ['DeregisterTargetRst on QUIC', on('QUIC', { DeregisterTargetRst: true }), 'InvalidParameterValue'],
  ['QUIC_CID on TCP', tcp({ SessionType: 'QUIC_CID' }), 'InvalidParameterValue'],
  ['QUIC_CID with LEAST_CONN', on('UDP', { SessionType: 'QUIC_CID', Scheduler: 'LEAST_CONN' }), 'InvalidParameterValue'],
  ['KeepaliveEnable on TCP', tcp({ KeepaliveEnable: 1 }), 'InvalidParameterValue'],
  ['EndPort with two ports', tcp({ Ports: [80, 81], EndPort: 90 }), 'InvalidParameterValue'],
  ['EndPort not above the port', tcp({ Ports: [80], EndPort: 80 }), 'InvalidParameterValue'],
  ['IdleConnectTimeout 5', tcp({ IdleConnectTimeout: 5 }), 'InvalidParameterValue.Range'],
  ['IdleConnectTimeout on TCP_SSL', on('TCP_SSL', { ...cert, IdleConnectTimeout: 60 }), 'InvalidParameterValue'],
  ['MaxConn 0', tcp({ MaxConn: 0 }), 'InvalidParameterValue.Range'],
  ['MaxCps on HTTP', on('HTTP', { MaxCps: 100 }), 'InvalidParameterValue'],
  ['ProxyProtocol on TCP', tcp({ ProxyProtocol: true }), 'InvalidParameterValue'],
  ['SslCloseSwitch on TCP', tcp({ SslCloseSwitch: false }), 'InvalidParameterValue'],
  ['H2cSwitch on HTTPS', on('HTTPS', { ...cert, H2cSwitch: true }), 'InvalidParameterValue'],
  ['DataCompressMode gzip', tcp({ DataCompressMode: 'gzip' }), 'InvalidParameterValue'],
  ['FullEndPorts of 1', tcp({ FullEndPorts: [1] }), 'InvalidParameterValue.Range'],
  ['RescheduleStartTime 3601', tcp({ RescheduleStartTime: 3601 }), 'InvalidParameterValue.Range'],
  ['RescheduleUnhealthy on HTTP', on('HTTP', { RescheduleUnhealthy: true }), 'InvalidParameterValue'],
];

const ACCEPTED: [string, Record<string, unknown>][] = [
  [
    'TCP with a full HTTP health check',
    tcp({
      Ports: [20001],
      HealthCheck: {
        CheckType: 'HTTP',
        HttpCheckDomain: 'a.example',
        HttpVersion: 'HTTP/1.1',
        HttpCheckPath: '/health',
        HttpCheckMethod: 'GET',
        HttpCode: 2,
        CheckPort: -1,
        SourceIpType: 1,
      },
    }),
  ],
  [
    'UDP with a CUSTOM HEX check and every TCP/UDP-only field',
    on('UDP', {
      Ports: [20002],
      HealthCheck: { CheckType: 'CUSTOM', ContextType: 'HEX', SendContext: '0A0B', RecvContext: 'FF' },
      SessionExpireTime: 0,
      Scheduler: 'WRR',
      TargetType: 'TARGETGROUP',
      SessionType: 'QUIC_CID',
      DeregisterTargetRst: false,
      IdleConnectTimeout: 1980,
      MaxConn: -1,
      MaxCps: 500,
      RescheduleStartTime: 0,
      RescheduleInterval: 3600,
      SnatEnable: true,
      DataCompressMode: 'compatibility',
    }),
  ],
  [
    'TCP_SSL with MUTUAL MultiCertInfo and proxy protocol',
    on('TCP_SSL', {
      Ports: [20003],
      MultiCertInfo: {
        SSLMode: 'MUTUAL',
        SSLVerifyClient: 'OPTIONAL',
        CertList: [
          { CertName: 's', CertContent: 'pem', CertKey: 'key' },
          { CertName: 'ca', CertContent: 'pem' },
        ],
      },
      ProxyProtocol: true,
      SslCloseSwitch: false,
      MaxConn: 100,
    }),
  ],
  ['HTTPS with SNI on and no certificate', on('HTTPS', { Ports: [20004], SniSwitch: 1, KeepaliveEnable: 1 })],
  [
    'HTTPS with a MUTUAL upload',
    on('HTTPS', {
      Ports: [20005],
      Certificate: { SSLMode: 'MUTUAL', CertName: 'n', CertKey: 'k', CertContent: 'c', CertCaName: 'ca', CertCaContent: 'cac' },
    }),
  ],
  ['HTTP with h2c', on('HTTP', { Ports: [20006], H2cSwitch: true, KeepaliveEnable: 0 })],
  ['a TCP port range', tcp({ Ports: [21000], EndPort: 21010, FullEndPorts: [21010] })],
  ['QUIC with a TCP check', on('QUIC', { Ports: [20007], HealthCheck: { CheckType: 'TCP' }, ProxyProtocol: false })],
];

describe('CreateListener rules', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: ['lb-cuxw2rm0', 'lb-6wlxe9rj', 'lb-fd9kpk4s'], taskDelayMs: 0, rateLimit: 1000 });
  });
  after(() => emu.stop());

  describe('the API page examples are accepted as-is', () => {
    for (const example of PAGE_EXAMPLES) {
      test(example.name, async () => {
        const res = await api(emu, 'CreateListener', example.body);
        assert.equal(res.Error, undefined, JSON.stringify(res.Error));
        const sent = JSON.parse(example.body) as { LoadBalancerId: string; Ports: number[]; Protocol: string };
        const ids = res.ListenerIds as string[];
        assert.equal(ids.length, sent.Ports.length, 'one ListenerId per port');
        const listed = await api(emu, 'DescribeListeners', { LoadBalancerId: sent.LoadBalancerId, ListenerIds: ids });
        const byId = new Map(
          (listed.Listeners as { ListenerId: string; Port: number; Protocol: string; ListenerName: string }[]).map((l) => [
            l.ListenerId,
            l,
          ]),
        );
        sent.Ports.forEach((port, i) => {
          const listener = byId.get(ids[i]!)!;
          assert.equal(listener.Port, port, 'ids come back in port order');
          assert.equal(listener.Protocol, sent.Protocol.toUpperCase());
          if (example.names) assert.equal(listener.ListenerName, example.names[i]);
        });
        const stored = (await emu.state()).listeners.find((l) => l.ListenerId === ids[0])!;
        assert.deepEqual(stored.request, sent, 'the control surface keeps the body as sent');
      });
    }
  });

  describe('violations get their documented code', () => {
    for (const [name, body, code] of VIOLATIONS) {
      test(`${name} → ${code}`, async () => {
        const res = await api(emu, 'CreateListener', body);
        assert.equal(res.Error?.Code, code, res.Error?.Message ?? 'accepted');
      });
    }
  });

  describe('valid combinations are accepted', () => {
    for (const [name, body] of ACCEPTED) {
      test(name, async () => {
        const res = await api(emu, 'CreateListener', body);
        assert.equal(res.Error, undefined, JSON.stringify(res.Error));
      });
    }
  });

  test('certificates are reported as CertificateOutput, uploads with fresh ids', async () => {
    const listed = await api(emu, 'DescribeListeners', { LoadBalancerId: 'lb-cuxw2rm0', Protocol: 'HTTPS' });
    const certs = (listed.Listeners as { Port: number; Certificate: Record<string, unknown> }[]).map(
      (l) => [l.Port, l.Certificate] as const,
    );
    const byPort = new Map(certs);
    assert.deepEqual(byPort.get(7572), {
      SSLMode: 'UNIDIRECTIONAL',
      SSLVerifyClient: null,
      CertId: 'MsJyaXVm',
      CertCaId: null,
      ExtCertIds: [],
    });
    assert.match(byPort.get(7573)!.CertId as string, /^[A-Za-z0-9]{8}$/);
  });
});
