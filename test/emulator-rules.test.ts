// CreateListener's documented rules (docs/api/create-listener.md): the six example bodies of the API page are
// accepted byte for byte, what the live service is known to accept is accepted, and a table of violations
// each gets a code CreateListener documents (never InvalidParameterValue.Range, which it does not list).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, inProcessEmulator, REPO_ROOT, type InProcessEmulator } from './helpers/emulator.js';
import { ACTION_ERRORS, documentedCode, isDocumented } from '../src/emulator/action-errors.js';

// Verbatim from the CreateListener API page's six examples (docs/api/create-listener.md), whitespace included.
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
const SERVER_CRT = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'server.crt'), 'utf8');
const ECC_CRT = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'server-ecc.crt'), 'utf8');
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
  ['port 0', tcp({ Ports: [0] }), 'InvalidParameterValue'],
  ['port 65536', tcp({ Ports: [65536] }), 'InvalidParameterValue'],
  ['duplicate ports', tcp({ Ports: [80, 80] }), 'InvalidParameterValue'],
  ['empty Ports', tcp({ Ports: [] }), 'InvalidParameterValue'],
  ['unknown protocol', on('SCTP'), 'InvalidParameterValue'],
  ['fewer names than ports', tcp({ Ports: [80, 81], ListenerNames: ['a'] }), 'InvalidParameterValue.Length'],
  ['name of 81 characters', tcp({ ListenerNames: ['x'.repeat(81)] }), 'InvalidParameterValue.Length'],
  ['empty name', tcp({ ListenerNames: [''] }), 'InvalidParameterValue.Length'],
  ['emoji in a name', tcp({ ListenerNames: ['web😀'] }), 'InvalidParameterValue'],
  ['HealthCheck on HTTP', on('HTTP', { HealthCheck: { HealthSwitch: 1 } }), 'InvalidParameterValue'],
  ['TimeOut over 60', tcp({ HealthCheck: { TimeOut: 61, IntervalTime: 100 } }), 'InvalidParameterValue'],
  ['TimeOut not below IntervalTime', tcp({ HealthCheck: { TimeOut: 5, IntervalTime: 5 } }), 'InvalidParameterValue'],
  ['HealthNum 11', tcp({ HealthCheck: { HealthNum: 11 } }), 'InvalidParameterValue'],
  ['PING check on TCP', tcp({ HealthCheck: { CheckType: 'PING' } }), 'InvalidParameterValue'],
  ['CUSTOM check on TCP_SSL', on('TCP_SSL', { ...cert, HealthCheck: { CheckType: 'CUSTOM' } }), 'InvalidParameterValue'],
  ['HTTP check on TCP without domain', tcp({ HealthCheck: { CheckType: 'HTTP', HttpVersion: 'HTTP/1.1' } }), 'MissingParameter'],
  ['HTTP check on TCP without version', tcp({ HealthCheck: { CheckType: 'HTTP', HttpCheckDomain: 'a.example' } }), 'MissingParameter'],
  ['HttpCheckPath with a TCP check', tcp({ HealthCheck: { HttpCheckPath: '/' } }), 'InvalidParameterValue'],
  [
    'HttpCode 32',
    tcp({ HealthCheck: { CheckType: 'HTTP', HttpCheckDomain: 'a', HttpVersion: 'HTTP/1.1', HttpCode: 32 } }),
    'InvalidParameterValue',
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
  ['CertId and an upload together', on('HTTPS', { Certificate: { CertId: 'a', CertContent: 'pem' } }), 'InvalidParameterValue'],
  ['upload without CertKey', on('HTTPS', { Certificate: { CertName: 'n', CertContent: 'pem' } }), 'MissingParameter'],
  ['empty CertId', on('HTTPS', { Certificate: { CertId: '' } }), 'InvalidParameterValue.Length'],
  ['MUTUAL without a CA', on('HTTPS', { Certificate: { SSLMode: 'MUTUAL', CertId: 'a' } }), 'MissingParameter'],
  ['MultiCertInfo without SSLMode', on('HTTPS', { MultiCertInfo: { CertList: [{ CertId: 'a' }] } }), 'MissingParameter'],
  ['SessionExpireTime 10', tcp({ SessionExpireTime: 10 }), 'InvalidParameterValue'],
  ['SessionExpireTime on TCP_SSL', on('TCP_SSL', { ...cert, SessionExpireTime: 60 }), 'InvalidParameterValue'],
  ['Scheduler IP_HASH', tcp({ Scheduler: 'IP_HASH' }), 'InvalidParameterValue'],
  ['SniSwitch 1 on HTTP', on('HTTP', { SniSwitch: 1 }), 'InvalidParameterValue'],
  ['TargetType TARGETGROUP on HTTP', on('HTTP', { TargetType: 'TARGETGROUP' }), 'InvalidParameterValue'],
  ['DeregisterTargetRst on QUIC', on('QUIC', { DeregisterTargetRst: true }), 'InvalidParameterValue'],
  ['QUIC_CID on TCP', tcp({ SessionType: 'QUIC_CID' }), 'InvalidParameterValue'],
  ['QUIC_CID with LEAST_CONN', on('UDP', { SessionType: 'QUIC_CID', Scheduler: 'LEAST_CONN' }), 'InvalidParameterValue'],
  ['KeepaliveEnable on TCP', tcp({ KeepaliveEnable: 1 }), 'InvalidParameterValue'],
  ['EndPort with two ports', tcp({ Ports: [80, 81], EndPort: 90 }), 'InvalidParameterValue'],
  ['EndPort not above the port', tcp({ Ports: [80], EndPort: 80 }), 'InvalidParameterValue'],
  ['IdleConnectTimeout 5', tcp({ IdleConnectTimeout: 5 }), 'InvalidParameterValue'],
  ['IdleConnectTimeout on TCP_SSL', on('TCP_SSL', { ...cert, IdleConnectTimeout: 60 }), 'InvalidParameterValue'],
  ['MaxConn 0', tcp({ MaxConn: 0 }), 'InvalidParameterValue'],
  ['MaxCps on HTTP', on('HTTP', { MaxCps: 100 }), 'InvalidParameterValue'],
  ['ProxyProtocol on TCP', tcp({ ProxyProtocol: true }), 'InvalidParameterValue'],
  ['SslCloseSwitch on TCP', tcp({ SslCloseSwitch: true }), 'InvalidParameterValue'],
  ['IdleConnectTimeout 3601', tcp({ IdleConnectTimeout: 3601 }), 'InvalidParameterValue'],
  [
    'HTTP check fields with a TCP check on TCP_SSL',
    on('TCP_SSL', { ...cert, HealthCheck: { CheckType: 'TCP', HttpCheckPath: '/health' } }),
    'InvalidParameterValue',
  ],
  ['a path with a TCP check on TCP', tcp({ HealthCheck: { CheckType: 'TCP', HttpCheckPath: '/health' } }), 'InvalidParameterValue'],
  ['ExtendedCode on a listener', tcp({ HealthCheck: { ExtendedCode: '20,25' } }), 'InvalidParameterValue'],
  ['HealthCheck switched on on HTTP', on('HTTP', { HealthCheck: { HealthSwitch: 1 } }), 'InvalidParameterValue'],
  [
    'MultiCertInfo MUTUAL with two CA certificates',
    on('HTTPS', {
      MultiCertInfo: {
        SSLMode: 'MUTUAL',
        CertList: [
          { CertName: 's', CertContent: 'pem', CertKey: 'key' },
          { CertName: 'ca1', CertContent: 'pem' },
          { CertName: 'ca2', CertContent: 'pem' },
        ],
      },
    }),
    'InvalidParameterValue',
  ],
  [
    'MultiCertInfo with two RSA server certificates',
    on('HTTPS', {
      MultiCertInfo: {
        SSLMode: 'UNIDIRECTIONAL',
        CertList: [
          { CertName: 'a', CertContent: SERVER_CRT, CertKey: 'key' },
          { CertName: 'b', CertContent: SERVER_CRT, CertKey: 'key' },
        ],
      },
    }),
    'InvalidParameterValue',
  ],
  ['a load balancer that does not exist', tcp({ LoadBalancerId: 'lb-nothere1' }), 'InvalidParameter'],
  ['H2cSwitch on HTTPS', on('HTTPS', { ...cert, H2cSwitch: true }), 'InvalidParameterValue'],
  ['DataCompressMode gzip', tcp({ DataCompressMode: 'gzip' }), 'InvalidParameterValue'],
  ['FullEndPorts of 1', tcp({ FullEndPorts: [1] }), 'InvalidParameterValue'],
  ['RescheduleStartTime 3601', tcp({ RescheduleStartTime: 3601 }), 'InvalidParameterValue'],
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
  // What the live service is known to accept beyond the reference (docs/api/create-listener.md).
  [
    'TCP_SSL with TargetType TARGETGROUP (Terraform)',
    on('TCP_SSL', { Ports: [20010], ...cert, TargetType: 'TARGETGROUP', Scheduler: 'WRR' }),
  ],
  ['QUIC with TargetType TARGETGROUP-V2', on('QUIC', { Ports: [20011], TargetType: 'TARGETGROUP-V2' })],
  [
    'TCP_SSL with an HTTP check as the console guide sets it',
    on('TCP_SSL', {
      Ports: [20099],
      ...cert,
      HealthCheck: {
        CheckType: 'HTTP',
        HttpCheckDomain: 'a.example',
        HttpCheckPath: '/health',
        HttpCheckMethod: 'GET',
        HttpVersion: 'HTTP/1.1',
        HttpCode: 2,
      },
    }),
  ],
  ['HTTP with Scheduler WRR (Terraform)', on('HTTP', { Ports: [20012], Scheduler: 'WRR' })],
  [
    'HTTPS with Scheduler and SNI on with a certificate (Terraform)',
    on('HTTPS', { Ports: [20013], Scheduler: 'WRR', SniSwitch: 1, ...cert }),
  ],
  [
    'TCP health check as Terraform sends it',
    tcp({
      Ports: [20014],
      HealthCheck: {
        HealthSwitch: 1,
        TimeOut: 30,
        IntervalTime: 100,
        HealthNum: 2,
        UnHealthNum: 2,
        CheckType: 'TCP',
        CheckPort: -1,
        HttpCheckPath: '',
        HttpCheckDomain: '',
      },
    }),
  ],
  [
    'TCP HTTP check with an empty domain and path',
    tcp({
      Ports: [20015],
      HealthCheck: {
        CheckType: 'HTTP',
        HttpVersion: 'HTTP/1.0',
        HttpCheckMethod: 'GET',
        HttpCode: 2,
        HttpCheckDomain: '',
        HttpCheckPath: '',
        CheckPort: 200,
      },
    }),
  ],
  ['MaxConn and MaxCps above 2^31', tcp({ Ports: [20016], MaxConn: 3_000_000_000, MaxCps: 3_000_000_000 })],
  ['IdleConnectTimeout 3600', tcp({ Ports: [20017], IdleConnectTimeout: 3600 })],
  [
    'off values on protocols they do not apply to',
    tcp({ Ports: [20018], SniSwitch: 0, KeepaliveEnable: 0, H2cSwitch: false, SslCloseSwitch: false }),
  ],
  [
    'SessionExpireTime 0 and HealthSwitch 0 on HTTP',
    on('HTTP', { Ports: [20019], SessionExpireTime: 0, HealthCheck: { HealthSwitch: 0 }, TargetType: 'NODE' }),
  ],
  [
    'SSLVerifyClient OPTIONAL and a client CA with one-way TLS (not used, not refused)',
    on('HTTPS', { Ports: [20098], Certificate: { CertId: 'a', SSLVerifyClient: 'OPTIONAL', CertCaId: 'ca1', CertCaName: '' } }),
  ],
  [
    'SSLVerifyClient ON with one-way TLS',
    on('HTTPS', { Ports: [20020], Certificate: { SSLMode: 'UNIDIRECTIONAL', SSLVerifyClient: 'ON', CertId: 'x' } }),
  ],
  ['CheckPort -1 on TCP_SSL', on('TCP_SSL', { Ports: [20021], ...cert, HealthCheck: { CheckPort: -1 } })],
  [
    'MultiCertInfo with an RSA and an ECC server certificate',
    on('HTTPS', {
      Ports: [20022],
      MultiCertInfo: {
        SSLMode: 'UNIDIRECTIONAL',
        CertList: [
          { CertName: 'rsa', CertContent: SERVER_CRT, CertKey: 'key' },
          { CertName: 'ecc', CertContent: ECC_CRT, CertKey: 'key' },
        ],
      },
    }),
  ],
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
        assert.ok(isDocumented('CreateListener', code), `${code} is documented for CreateListener`);
      });
    }
  });

  describe('each action answers only with the codes its documentation lists', () => {
    test('a code an action does not document becomes its nearest documented parent', () => {
      assert.equal(documentedCode('CreateListener', 'InvalidParameterValue.Range'), 'InvalidParameterValue');
      assert.equal(documentedCode('CreateListener', 'InvalidParameter.LBIdNotFound'), 'InvalidParameter');
      assert.equal(documentedCode('DescribeListeners', 'InvalidParameter.LBIdNotFound'), 'InvalidParameter.LBIdNotFound');
      assert.equal(documentedCode('DescribeLoadBalancers', 'InvalidParameterValue.Range'), 'InvalidParameterValue.Range');
      assert.equal(documentedCode('DescribeTaskStatus', 'InvalidParameter.FormatError'), 'InvalidParameter');
      assert.equal(documentedCode('DeleteLoadBalancerListeners', 'InvalidParameter.ListenerIdNotFound'), 'InvalidParameter');
      assert.equal(documentedCode('CreateListener', 'AuthFailure.SignatureFailure'), 'AuthFailure.SignatureFailure');
      assert.equal(documentedCode('CreateListener', 'UnknownParameter'), 'UnknownParameter');
    });

    test('every emulated action has its documented list', () => {
      for (const action of [
        'CreateListener',
        'DescribeListeners',
        'DeleteListener',
        'DeleteLoadBalancerListeners',
        'DescribeLoadBalancers',
        'DescribeTaskStatus',
      ]) {
        assert.ok(ACTION_ERRORS[action]?.length, action);
      }
    });

    test('50 ports in one CreateListener are refused as the API refuses them; 49 are not refused for their number', async () => {
      const ports = (n: number) => Array.from({ length: n }, (_, i) => 30000 + i);
      const fifty = await api(emu, 'CreateListener', tcp({ Ports: ports(50) }));
      assert.equal(fifty.Error?.Code, 'InvalidParameterValue.Length');
      assert.equal(fifty.Error?.Message, 'Length of .Ports should be less than 50');
      // 49, one of them out of range: refused for the range, not the count (and nothing is created).
      const fortyNine = await api(emu, 'CreateListener', tcp({ Ports: [...ports(48), 0] }));
      assert.equal(fortyNine.Error?.Code, 'InvalidParameterValue');
      assert.doesNotMatch(String(fortyNine.Error?.Message), /Length of \.Ports/);
    });

    test('out-of-range values: Range where the action documents it, InvalidParameterValue where not', async () => {
      const create = await api(emu, 'CreateListener', tcp({ Ports: [0] }));
      assert.equal(create.Error?.Code, 'InvalidParameterValue');
      const describe = await api(emu, 'DescribeLoadBalancers', { Limit: 1000 });
      assert.equal(describe.Error?.Code, 'InvalidParameterValue.Range');
      const missing = await api(emu, 'DescribeListeners', { LoadBalancerId: 'lb-nothere1' });
      assert.equal(missing.Error?.Code, 'InvalidParameter.LBIdNotFound');
      const deleted = await api(emu, 'DeleteLoadBalancerListeners', { LoadBalancerId: LB, ListenerIds: ['lbl-nothere1'] });
      assert.equal(deleted.Error?.Code, 'InvalidParameter');
      const task = await api(emu, 'DescribeTaskStatus', { TaskId: 5 });
      assert.equal(task.Error?.Code, 'InvalidParameter');
    });
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
