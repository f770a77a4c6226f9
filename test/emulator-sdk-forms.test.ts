// The official Node SDK (tencentcloud-sdk-nodejs-common) against the endpoint the emulator
// prints, configured exactly as the README shows; the SDK's other request forms (v1 HmacSHA1 /
// HmacSHA256, GET) with --accept-sdk-forms; the TC3 unsigned payload (which the Node SDK cannot
// send) built by hand; and the SDK's own STS credential classes against the emulator's STS.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import tencentcloud from 'tencentcloud-sdk-nodejs-common';
import { main } from '../src/cli/main.js';
import type { InStream } from '../src/core/context.js';
import {
  authorization,
  canonicalRequest,
  credentialScope,
  deriveSigningKeys,
  signature,
  stringToSign,
  utcDate,
} from '../src/api/signer.js';
import { inProcessEmulator, rawRequest, REPO_ROOT, type InProcessEmulator } from './helpers/emulator.js';
import { hermetic } from './helpers/hermetic.js';

const { CommonClient, STSCredential, OIDCRoleArnCredential } = tencentcloud;

interface Printed {
  endpoint: string;
  secretId: string;
  secretKey: string;
  region: string;
  loadBalancers: string[];
}

interface SdkError extends Error {
  code?: string;
}

/** `clb-listener emulator` run in this process; resolves with the JSON line it printed. */
async function startPrinted(args: string[]): Promise<{ info: Printed; stop(): Promise<number> }> {
  const stop = new AbortController();
  let out = '';
  let announce: (() => void) | undefined;
  const printed = new Promise<void>((resolve) => {
    announce = resolve;
  });
  const exited = main(['emulator', '--port', '0', ...args], {
    env: hermetic({ PATH: process.env.PATH }),
    cwd: REPO_ROOT,
    stdout: {
      write: (chunk: string) => {
        out += chunk;
        if (out.includes('\n')) announce?.();
        return true;
      },
    },
    stderr: { write: () => true },
    stdin: Readable.from([]) as unknown as InStream,
    signal: stop.signal,
  });
  await Promise.race([printed, exited.then((code) => Promise.reject(new Error(`the emulator exited with ${code} before printing`)))]);
  return {
    info: JSON.parse(out.slice(0, out.indexOf('\n'))) as Printed,
    stop: () => {
      stop.abort();
      return exited;
    },
  };
}

/** The README's configuration (the printed endpoint's host:port, over http), with a profile's extra settings. */
function sdkClient(info: Printed, profile: Record<string, unknown> = {}, credential?: object) {
  return new CommonClient('clb.tencentcloudapi.com', '2018-03-17', {
    credential: credential ?? { secretId: info.secretId, secretKey: info.secretKey },
    region: info.region,
    profile: {
      ...profile,
      httpProfile: { endpoint: new URL(info.endpoint).host, protocol: 'http://', reqTimeout: 10, ...(profile.httpProfile as object) },
    },
  });
}

describe('the official Node SDK against the printed endpoint, unchanged', () => {
  let emulator: Awaited<ReturnType<typeof startPrinted>>;
  before(async () => {
    emulator = await startPrinted(['--load-balancers', 'lb-cuxw2rm0', '--task-delay', '0']);
  });
  after(async () => {
    assert.equal(await emulator.stop(), 0);
  });

  test('TC3 POST: create, task status, list (the service name the SDK derives from 127.0.0.1 is accepted)', async () => {
    // Exactly the README's configuration, nothing added.
    const info = emulator.info;
    const sdk = new CommonClient('clb.tencentcloudapi.com', '2018-03-17', {
      credential: { secretId: info.secretId, secretKey: info.secretKey },
      region: info.region,
      profile: { httpProfile: { endpoint: new URL(info.endpoint).host, protocol: 'http://' } },
    });
    const created = (await sdk.request('CreateListener', {
      LoadBalancerId: 'lb-cuxw2rm0',
      Ports: [7570, 7569],
      Protocol: 'TCP',
      ListenerNames: ['lis1', 'lis0'],
    })) as { ListenerIds: string[]; RequestId: string };
    assert.equal(created.ListenerIds.length, 2);
    const status = (await sdk.request('DescribeTaskStatus', { TaskId: created.RequestId })) as { Status: number };
    assert.equal(status.Status, 0);
    const listed = (await sdk.request('DescribeListeners', { LoadBalancerId: 'lb-cuxw2rm0' })) as { TotalCount: number };
    assert.equal(listed.TotalCount, 2);
  });

  test('a wrong key is still refused', async () => {
    const sdk = sdkClient(emulator.info, {}, { secretId: emulator.info.secretId, secretKey: 'wrongwrongwrongwrongwrongwrongwr' });
    await assert.rejects(sdk.request('DescribeLoadBalancers', {}), (error: SdkError) => error.code === 'AuthFailure.SignatureFailure');
  });

  test('without --accept-sdk-forms, v1 and GET are refused with a message naming the option', async () => {
    for (const profile of [{ signMethod: 'HmacSHA256' }, { httpProfile: { reqMethod: 'GET' } }]) {
      await assert.rejects(sdkClient(emulator.info, profile).request('DescribeLoadBalancers', {}), (error: SdkError) => {
        assert.match(error.code ?? '', /^(UnsupportedProtocol|InvalidParameter)$/);
        assert.match(error.message, /--accept-sdk-forms/);
        return true;
      });
    }
  });
});

describe('--accept-sdk-forms: every request form the official SDKs send', () => {
  let emulator: Awaited<ReturnType<typeof startPrinted>>;
  before(async () => {
    emulator = await startPrinted(['--load-balancers', 'lb-cuxw2rm0,lb-fd9kpk4s', '--task-delay', '0', '--accept-sdk-forms']);
  });
  after(async () => {
    assert.equal(await emulator.stop(), 0);
  });

  const forms: [string, Record<string, unknown>][] = [
    ['v1 HmacSHA1, form-encoded POST', { signMethod: 'HmacSHA1' }],
    ['v1 HmacSHA256, form-encoded POST', { signMethod: 'HmacSHA256' }],
    ['v1 HmacSHA256, GET', { signMethod: 'HmacSHA256', httpProfile: { reqMethod: 'GET' } }],
    ['TC3, GET', { httpProfile: { reqMethod: 'GET' } }],
    ['TC3, POST', {}],
  ];
  let port = 8000;
  for (const [name, profile] of forms) {
    test(`${name}: nested and typed parameters arrive as the JSON the API defines`, async () => {
      const sdk = sdkClient(emulator.info, profile);
      port += 1;
      const created = (await sdk.request('CreateListener', {
        LoadBalancerId: 'lb-cuxw2rm0',
        Ports: [port],
        Protocol: 'TCP',
        ListenerNames: [`l${port}`],
        HealthCheck: { HealthSwitch: 1, TimeOut: 5, IntervalTime: 7, HealthNum: 4, UnHealthNum: 4 },
        DeregisterTargetRst: true,
      })) as { ListenerIds: string[] };
      const listed = (await sdk.request('DescribeListeners', { LoadBalancerId: 'lb-cuxw2rm0', ListenerIds: created.ListenerIds })) as {
        Listeners: { Port: number; ListenerName: string; HealthCheck?: { IntervalTime: number } }[];
      };
      assert.deepEqual(
        listed.Listeners.map((l) => [l.Port, l.ListenerName]),
        [[port, `l${port}`]],
      );
      const lbs = (await sdk.request('DescribeLoadBalancers', { LoadBalancerIds: ['lb-fd9kpk4s'] })) as { TotalCount: number };
      assert.equal(lbs.TotalCount, 1);
      await assert.rejects(
        sdkClient(emulator.info, profile, { secretId: emulator.info.secretId, secretKey: 'x'.repeat(32) }).request(
          'DescribeLoadBalancers',
          {},
        ),
        (error: SdkError) => error.code === 'AuthFailure.SignatureFailure',
        'the signature is checked in this form too',
      );
    });
  }

  test('a value of the wrong type in a query string is still a FormatError', async () => {
    const sdk = sdkClient(emulator.info, { signMethod: 'HmacSHA1', httpProfile: { reqMethod: 'GET' } });
    await assert.rejects(
      sdk.request('CreateListener', { LoadBalancerId: 'lb-cuxw2rm0', Ports: ['eighty'], Protocol: 'TCP' }),
      (error: SdkError) => error.code === 'InvalidParameter.FormatError',
    );
  });

  test('temporary keys through the SDK: the token travels as a v1 parameter and as X-TC-Token', async () => {
    const info = emulator.info;
    const base = { secretId: info.secretId, secretKey: info.secretKey };
    const sts = new STSCredential(
      { credential: base, profile: { httpProfile: { endpoint: new URL(info.endpoint).host, protocol: 'http://' } } },
      { RoleArn: 'qcs::cam::uin/100000000001:roleName/clb-admin', RoleSessionName: 'sdk-test', DurationSeconds: 900 },
    );
    for (const profile of [{ signMethod: 'HmacSHA256' }, {}]) {
      const lbs = (await sdkClient(info, profile, sts).request('DescribeLoadBalancers', {})) as { TotalCount: number };
      assert.equal(lbs.TotalCount, 2);
    }
  });

  test("TC3 with an unsigned payload (the Python and Go SDKs' option), built by hand", async () => {
    const info = emulator.info;
    const send = async (headers: Record<string, string>) => {
      const body = JSON.stringify({ LoadBalancerIds: ['lb-fd9kpk4s'] });
      const timestamp = Math.floor(Date.now() / 1000);
      const host = new URL(info.endpoint).host;
      const signed = { 'Content-Type': 'application/json', Host: host };
      const { canonicalRequest: canonical } = canonicalRequest({ method: 'POST', headers: signed, payload: 'UNSIGNED-PAYLOAD' });
      const date = utcDate(timestamp);
      const scope = credentialScope(date, 'clb');
      const sig = signature(deriveSigningKeys(info.secretKey, date, 'clb').secretSigning, stringToSign(timestamp, scope, canonical));
      const res = await rawRequest(info.endpoint, {
        headers: {
          ...signed,
          'X-TC-Action': 'DescribeLoadBalancers',
          'X-TC-Version': '2018-03-17',
          'X-TC-Timestamp': String(timestamp),
          'X-TC-Region': info.region,
          Authorization: authorization(info.secretId, scope, 'content-type;host', sig),
          ...headers,
        },
        body,
      });
      return JSON.parse(res.text).Response as { TotalCount?: number; Error?: { Code: string } };
    };
    assert.equal((await send({ 'X-TC-Content-SHA256': 'UNSIGNED-PAYLOAD' })).TotalCount, 1);
    // The same signature without the header means the body was meant to be hashed: it fails.
    assert.equal((await send({})).Error?.Code, 'AuthFailure.SignatureFailure');
  });
});

describe("the SDK's own OIDC credential against the emulator's STS", () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: ['lb-cuxw2rm0'] });
  });
  after(async () => {
    await emu.stop();
  });

  test('AssumeRoleWithWebIdentity, unsigned (Authorization: SKIP), then CLB calls with the keys it returned', async () => {
    const jwt = [
      Buffer.from('{"alg":"RS256"}').toString('base64url'),
      Buffer.from(JSON.stringify({ sub: 'system:serviceaccount:default:app', exp: Math.floor(Date.now() / 1000) + 3600 })).toString(
        'base64url',
      ),
      'c2lnbmF0dXJl',
    ].join('.');
    const endpoint = new URL(emu.endpoint).host;
    const oidc = new OIDCRoleArnCredential(
      { credential: { secretId: '', secretKey: '' }, region: emu.region, profile: { httpProfile: { endpoint, protocol: 'http://' } } },
      {
        RoleArn: 'qcs::cam::uin/100000000001:roleName/tke-app',
        RoleSessionName: 'tke-session',
        WebIdentityToken: jwt,
        ProviderId: 'tke-oidc-provider',
      },
    );
    const sdk = new CommonClient('clb.tencentcloudapi.com', '2018-03-17', {
      credential: oidc,
      region: emu.region,
      profile: { httpProfile: { endpoint, protocol: 'http://' } },
    });
    const lbs = (await sdk.request('DescribeLoadBalancers', {})) as { TotalCount: number };
    assert.equal(lbs.TotalCount, 1);
    const log = (await emu.state()).requests;
    assert.deepEqual(
      log.map((r) => [r.action, r.code]),
      [
        ['AssumeRoleWithWebIdentity', null],
        ['DescribeLoadBalancers', null],
      ],
    );
    assert.equal(log[0]!.secretId, undefined, 'the STS call was unsigned');
    assert.equal(log[1]!.identity, 'qcs::cam::uin/100000000001:roleName/tke-app (session tke-session)');
  });
});
