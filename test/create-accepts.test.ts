// Requests the official tools send every day (Terraform's provider, the SDK models) pass
// `create --dry-run`, given as flags and as a --from-file body, and the emulator accepts them from
// the official Node SDK; harmless values and unusual ids are sent with a warning; --no-validate
// sends what was written. In-process: no spawn.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import tencentcloud from 'tencentcloud-sdk-nodejs-common';
import { inProcessEmulator, type InProcessEmulator } from './helpers/emulator.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './helpers/paths.js';
import { run as runMain } from './helpers/run.js';

const HOME = mkdtempSync(join(tmpdir(), 'clb-accepts-'));
const ENV = { HOME, TENCENTCLOUD_REGION: 'ap-guangzhou' };
const LB = 'lb-cuxw2rm0';
const F = join(REPO_ROOT, 'test', 'fixtures');

async function dryRun(args: string[], env: Record<string, string> = {}) {
  const run = await runMain(['create', ...args, '--dry-run', '-o', 'json'], { env: { ...ENV, ...env }, cwd: REPO_ROOT });
  const body = run.code === 0 ? (JSON.parse(run.stdout) as { Body: Record<string, unknown> }).Body : undefined;
  return { ...run, body };
}

function file(name: string, body: unknown): string {
  const path = join(HOME, name);
  writeFileSync(path, JSON.stringify(body));
  return path;
}

interface Case {
  what: string;
  flags: string[];
  body: Record<string, unknown>;
  /** A warning stderr must carry (for both forms), or none at all. */
  warning?: RegExp;
}

const TCP = ['--lb', LB, '--port', '80', '--protocol', 'TCP'];
const CERT = { SSLMode: 'UNIDIRECTIONAL', CertId: 'VjANRdz8' };
const base = (protocol: string, extra: Record<string, unknown> = {}) => ({
  LoadBalancerId: LB,
  Ports: [protocol === 'TCP' || protocol === 'UDP' || protocol === 'HTTP' ? 80 : 443],
  Protocol: protocol,
  ...extra,
});

const CASES: Case[] = [
  {
    what: 'TargetType on TCP_SSL',
    flags: ['--lb', LB, '--port', '443', '--protocol', 'TCP_SSL', '--cert-id', 'VjANRdz8', '--target-type', 'TARGETGROUP'],
    body: base('TCP_SSL', { Certificate: CERT, TargetType: 'TARGETGROUP' }),
  },
  {
    what: 'TargetType on QUIC',
    flags: ['--lb', LB, '--port', '443', '--protocol', 'QUIC', '--target-type', 'NODE'],
    body: base('QUIC', { TargetType: 'NODE' }),
  },
  {
    what: 'TargetType TARGETGROUP-V2',
    flags: [...TCP, '--target-type', 'targetgroup-v2'],
    body: base('TCP', { TargetType: 'TARGETGROUP-V2' }),
  },
  {
    what: 'Scheduler on HTTP',
    flags: ['--lb', LB, '--port', '80', '--protocol', 'HTTP', '--scheduler', 'WRR'],
    body: base('HTTP', { Scheduler: 'WRR' }),
  },
  {
    what: 'Scheduler on HTTPS',
    flags: ['--lb', LB, '--port', '443', '--protocol', 'HTTPS', '--cert-id', 'VjANRdz8', '--scheduler', 'WRR'],
    body: base('HTTPS', { Certificate: CERT, Scheduler: 'WRR' }),
  },
  {
    what: 'a TCP health check with HttpCheckPath "", HttpCheckDomain "" and CheckPort -1',
    flags: [...TCP, '--health-check', '{"HealthSwitch":1,"CheckType":"TCP","HttpCheckPath":"","HttpCheckDomain":"","CheckPort":-1}'],
    body: base('TCP', { HealthCheck: { HealthSwitch: 1, CheckType: 'TCP', HttpCheckPath: '', HttpCheckDomain: '', CheckPort: -1 } }),
  },
  {
    what: 'the same TCP health check in shorthand, with quoted empty values',
    flags: [...TCP, '--health-check', `HealthSwitch=1,CheckType=TCP,HttpCheckPath="",HttpCheckDomain='',CheckPort=-1`],
    body: base('TCP', { HealthCheck: { HealthSwitch: 1, CheckType: 'TCP', HttpCheckPath: '', HttpCheckDomain: '', CheckPort: -1 } }),
  },
  {
    what: 'a long HttpCheckPath (no undocumented length cap)',
    flags: [...TCP, '--health-check', `CheckType=HTTP,HttpVersion=HTTP/1.1,HttpCheckDomain=a.example,HttpCheckPath=/${'p'.repeat(300)}`],
    body: base('TCP', {
      HealthCheck: { CheckType: 'HTTP', HttpVersion: 'HTTP/1.1', HttpCheckDomain: 'a.example', HttpCheckPath: `/${'p'.repeat(300)}` },
    }),
  },
  { what: 'SessionExpireTime 0 on TCP', flags: [...TCP, '--session-expire-time', '0'], body: base('TCP', { SessionExpireTime: 0 }) },
  {
    what: 'SessionExpireTime 0 on UDP',
    flags: ['--lb', LB, '--port', '80', '--protocol', 'UDP', '--session-expire-time', '0'],
    body: base('UDP', { SessionExpireTime: 0 }),
  },
  {
    what: 'MaxConn and MaxCps as int64',
    flags: [...TCP, '--max-conn', '3000000000', '--max-cps', '3000000000'],
    body: base('TCP', { MaxConn: 3_000_000_000, MaxCps: 3_000_000_000 }),
  },
  {
    what: 'IdleConnectTimeout 3600, with a warning',
    flags: [...TCP, '--idle-connect-timeout', '3600'],
    body: base('TCP', { IdleConnectTimeout: 3600 }),
    warning: /IdleConnectTimeout|idle-connect-timeout/,
  },
  {
    what: 'off values where they do not apply, with warnings',
    flags: [...TCP, '--sni-switch', '0', '--keepalive-enable', '0', '--no-h2c-switch'],
    body: base('TCP', { SniSwitch: 0, KeepaliveEnable: 0, H2cSwitch: false }),
    warning: /applies only to HTTPS listeners; 0 is sent to this TCP listener as written/,
  },
  {
    what: 'SSLVerifyClient ON with one-way TLS, with a warning',
    flags: [
      '--lb',
      LB,
      '--port',
      '443',
      '--protocol',
      'HTTPS',
      '--cert-id',
      'VjANRdz8',
      '--ssl-verify-client',
      'ON',
      '--ssl-mode',
      'UNIDIRECTIONAL',
    ],
    body: base('HTTPS', { Certificate: { ...CERT, SSLVerifyClient: 'ON' } }),
    warning: /is used only with (--ssl-mode|Certificate\.SSLMode|SSLMode) MUTUAL; "ON" is sent as written/,
  },
  {
    what: 'an lb- id of another length, with a warning',
    flags: ['--lb', 'lb-12f60e5', '--port', '80', '--protocol', 'TCP'],
    body: { LoadBalancerId: 'lb-12f60e5', Ports: [80], Protocol: 'TCP' },
    warning: /"lb-12f60e5" is not the usual lb-xxxxxxxx/,
  },
];

describe('§1 requests pass create --dry-run', () => {
  for (const c of CASES) {
    test(`${c.what}: as flags`, async () => {
      const run = await dryRun(c.flags);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(run.body, c.body);
      if (c.warning) assert.match(run.stderr, c.warning);
      else assert.doesNotMatch(run.stderr, /warning:/);
    });
    test(`${c.what}: as --from-file`, async () => {
      const run = await dryRun(['--from-file', file(`${c.what.replace(/\W+/g, '-')}.json`, c.body)]);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(run.body, c.body);
      if (c.warning) assert.match(run.stderr, c.warning);
      else assert.doesNotMatch(run.stderr, /warning:/);
    });
  }
});

describe('§1 requests are accepted by the emulator from the official Node SDK', () => {
  let emu: InProcessEmulator;
  let agent: http.Agent;
  before(async () => {
    emu = await inProcessEmulator({ taskDelayMs: 0, loadBalancers: [...new Set(CASES.map((c) => String(c.body.LoadBalancerId)))] });
    const port = Number(new URL(emu.endpoint).port);
    // Every SDK socket goes to the emulator on loopback, whatever host the SDK names.
    agent = new (class extends http.Agent {
      override createConnection(): net.Socket {
        return net.connect({ host: '127.0.0.1', port });
      }
    })({ keepAlive: false });
  });
  after(async () => {
    agent.destroy();
    await emu.stop();
  });
  for (const c of CASES) {
    test(c.what, async () => {
      await emu.reset();
      const sdk = new tencentcloud.CommonClient('clb.tencentcloudapi.com', '2018-03-17', {
        credential: { secretId: emu.secretId, secretKey: emu.secretKey },
        region: emu.region,
        profile: { httpProfile: { protocol: 'http://', agent, reqTimeout: 10 } },
      });
      const answer = (await sdk.request('CreateListener', c.body)) as { ListenerIds: string[] };
      assert.equal(answer.ListenerIds.length, (c.body.Ports as number[]).length);
    });
  }
});

/** A refused create, as a person sees it: text errors on stderr. */
async function refused(args: string[]) {
  return runMain(['create', ...args, '--dry-run'], { env: ENV, cwd: REPO_ROOT });
}

describe('messages name the field as it was given', () => {
  test('flags: --health-check TimeOut', async () => {
    const run = await refused([...TCP, '--health-check', 'TimeOut=99,IntervalTime=100']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'error: --health-check TimeOut must be 2–60, got 99\n');
  });

  test('a file: the file and the field path, never a flag', async () => {
    const path = file('listener.json', base('TCP', { HealthCheck: { TimeOut: 99, IntervalTime: 100 } }));
    const run = await refused(['--from-file', path]);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, `error: ${path}: HealthCheck.TimeOut must be 2–60, got 99\n`);
  });

  test('a flag beside a file is named as the flag', async () => {
    const path = file('listener-flag.json', base('HTTPS', { Certificate: { SSLMode: 'UNIDIRECTIONAL', CertId: 'x' } }));
    const run = await refused(['--from-file', path, '--ssl-verify-client', 'OPTIONAL']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /^warning: --ssl-verify-client is used only with SSLMode \(in .*listener-flag\.json\) MUTUAL; "OPTIONAL" is sent as written/m,
    );
  });
});

describe('--no-validate sends what was written, with warnings', () => {
  const bad = [...TCP, '--health-check', 'TimeOut=99,IntervalTime=100'];

  test('a rule violation is sent, said as a warning', async () => {
    const run = await dryRun([...bad, '--no-validate']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.body?.HealthCheck, { TimeOut: 99, IntervalTime: 100 });
    assert.match(run.stderr, /warning: --health-check TimeOut must be 2–60, got 99 \(not validated: --no-validate\)/);
  });

  test('a field newer than this tool is sent from a file', async () => {
    const run = await dryRun(['--from-file', file('new-field.json', base('TCP', { BrandNewField: 'x' })), '--no-validate']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.body?.BrandNewField, 'x');
    assert.match(run.stderr, /BrandNewField is not a field of the request/);
  });

  test('CLB_LISTENER_VALIDATE=false does the same; --validate turns the rules back on', async () => {
    assert.equal((await dryRun(bad, { CLB_LISTENER_VALIDATE: 'false' })).code, 0);
    assert.equal((await dryRun([...bad, '--validate'], { CLB_LISTENER_VALIDATE: 'false' })).code, 2);
    assert.equal((await dryRun(bad, { CLB_LISTENER_VALIDATE: 'maybe' })).code, 2);
  });

  test('the profile key: configure set validate false', async () => {
    const home = mkdtempSync(join(tmpdir(), 'clb-validate-'));
    const set = await runMain(['configure', 'set', 'validate', 'false'], { env: { HOME: home } });
    assert.equal(set.code, 0, set.stderr);
    const run = await runMain(['create', ...bad, '--dry-run'], {
      env: { HOME: home, TENCENTCLOUD_REGION: 'ap-guangzhou' },
      cwd: REPO_ROOT,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /not validated/);
  });

  test('type errors and a private key as a certificate still stop it', async () => {
    assert.equal((await dryRun([...TCP, '--port', 'eighty', '--no-validate'])).code, 2);
    const swapped = await refused([
      '--lb',
      LB,
      '--port',
      '443',
      '--protocol',
      'HTTPS',
      '--cert-file',
      join(F, 'server.key'),
      '--key-file',
      join(F, 'server.crt'),
      '--no-validate',
    ]);
    assert.equal(swapped.code, 2);
    assert.match(swapped.stderr, /--cert-file holds a PEM private key, which belongs in --key-file$/m);
    assert.doesNotMatch(swapped.stderr + swapped.stdout, /PRIVATE KEY-----\n[A-Za-z0-9+/]/);
  });
});

describe('certificates: the same checks on every input path', () => {
  const HTTPS = ['--lb', LB, '--port', '443', '--protocol', 'HTTPS'];
  const at = (name: string) => join(F, name);
  /** The same certificate and key given five ways. */
  const paths = (crt: string, key: string): [string, string[]][] => [
    ['--cert-file/--key-file', [...HTTPS, '--cert-file', at(crt), '--key-file', at(key), '--cert-name', 'x']],
    [
      '--certificate JSON',
      [...HTTPS, '--certificate', JSON.stringify({ CertName: 'x', CertContent: `file://${at(crt)}`, CertKey: `file://${at(key)}` })],
    ],
    ['--certificate shorthand', [...HTTPS, '--certificate', `CertName=x,CertContent=file://${at(crt)},CertKey=file://${at(key)}`]],
    [
      '--certificate file://',
      [
        ...HTTPS,
        '--certificate',
        `file://${file(`cert-${crt}-${key}.json`, { CertName: 'x', CertContent: `file://${at(crt)}`, CertKey: `file://${at(key)}` })}`,
      ],
    ],
    [
      '--from-file',
      [
        '--from-file',
        file(`body-${crt}-${key}.yaml`, {
          LoadBalancerId: LB,
          Ports: [443],
          Protocol: 'HTTPS',
          Certificate: { CertName: 'x', CertContent: readFileSync(at(crt), 'utf8'), CertKey: readFileSync(at(key), 'utf8') },
        }),
      ],
    ],
  ];

  for (const [what, crt, key, code, said] of [
    ['an expired certificate is sent with a warning', 'expired.crt', 'expired.key', 0, /holds a certificate that expired on 2021-01-01/],
    ['a key that does not match is refused', 'server.crt', 'other.key', 2, /does not match the certificate/],
    ['swapped certificate and key are refused', 'server.key', 'server.crt', 2, /holds a PEM private key, which belongs in [^\n]*/],
  ] as const) {
    test(what, async () => {
      for (const [how, args] of paths(crt, key)) {
        const run = await refused(args);
        assert.equal(run.code, code, `${how}: ${run.stderr}`);
        assert.match(run.stderr, said, how);
        assert.doesNotMatch(run.stderr + run.stdout, /PRIVATE KEY-----\n[A-Za-z0-9+/]/, `${how}: no key material`);
      }
    });
  }

  test('text that is not a PEM certificate is sent with a warning, whatever the path', async () => {
    for (const [how, args] of paths('README.md', 'server.key')) {
      const run = await refused(args);
      assert.equal(run.code, 0, `${how}: ${run.stderr}`);
      assert.match(run.stderr, /is not a PEM certificate that can be parsed; it is sent as written/, how);
    }
  });

  test('two server certificates of one algorithm are refused, from JSON and from a file', async () => {
    const list = {
      SSLMode: 'UNIDIRECTIONAL',
      CertList: [1, 2].map((n) => ({
        CertName: `rsa${n}`,
        CertContent: `file://${at('server.crt')}`,
        CertKey: `file://${at('server.key')}`,
      })),
    };
    const json = await refused([...HTTPS, '--multi-cert-info', JSON.stringify(list)]);
    assert.equal(json.code, 2);
    assert.match(json.stderr, /--multi-cert-info CertList\[1\]\.CertContent is RSA, like CertList\[0\]\.CertContent/);
    const inline = {
      ...list,
      CertList: list.CertList.map((c) => ({
        ...c,
        CertContent: readFileSync(at('server.crt'), 'utf8'),
        CertKey: readFileSync(at('server.key'), 'utf8'),
      })),
    };
    const body = await refused([
      '--from-file',
      file('multi.json', { LoadBalancerId: LB, Ports: [443], Protocol: 'HTTPS', MultiCertInfo: inline }),
    ]);
    assert.equal(body.code, 2);
    assert.match(body.stderr, /multi\.json: MultiCertInfo\.CertList\[1\]\.CertContent is RSA, like CertList\[0\]\.CertContent/);
  });
});

describe('ids of another length or alphabet are sent with a warning', () => {
  test('delete and list take lb-/lbl- ids of any shape after the prefix, and refuse ones without it', async () => {
    const deleted = await runMain(['delete', '--lb', 'lb-12f60e5', '--listener-id', 'lbl-12345', '--dry-run'], { env: ENV });
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match(deleted.stderr, /warning: --lb "lb-12f60e5" is not the usual lb-xxxxxxxx/);
    assert.match(deleted.stderr, /warning: --listener-id "lbl-12345" is not the usual lbl-xxxxxxxx/);
    assert.deepEqual((JSON.parse(deleted.stdout) as { Body: unknown }).Body, { LoadBalancerId: 'lb-12f60e5', ListenerIds: ['lbl-12345'] });
    const refused = await runMain(['delete', '--lb', 'lb-12f60e5', '--listener-id', '12345', '--dry-run'], { env: ENV });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /^error: --listener-id "12345" must look like lbl-xxxxxxxx$/m);
  });
});
