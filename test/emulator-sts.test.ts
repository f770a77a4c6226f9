// The emulator's STS on the API's own port: AssumeRole (signed with a known key, service sts) and
// AssumeRoleWithWebIdentity (unsigned) issue temporary keys that CLB calls then need with their
// token, until they expire on the emulator's clock. Requests are hand-signed with src/api/signer.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, inProcessEmulator, rawRequest, type CallOptions, type InProcessEmulator } from './helpers/emulator.js';

const ROLE = 'qcs::cam::uin/100000000001:roleName/clb-admin';
const STS: CallOptions = { version: '2018-08-13', service: 'sts' };

function jwt(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

interface Issued {
  Credentials: { TmpSecretId: string; TmpSecretKey: string; Token: string };
  ExpiredTime: number;
  Expiration: string;
}

describe('emulator STS', () => {
  let emu: InProcessEmulator;
  let now = Date.UTC(2026, 11, 1, 12, 0, 0);
  before(async () => {
    emu = await inProcessEmulator({ loadBalancers: ['lb-cuxw2rm0'], now: () => now });
  });
  after(() => emu.stop());

  const at = { timestamp: () => Math.floor(now / 1000) };

  test('AssumeRole: temporary keys that work for CLB with their token, and stop working when they expire', async () => {
    const issued = (await api(
      emu,
      'AssumeRole',
      { RoleArn: ROLE, RoleSessionName: 'ci-run-1', DurationSeconds: 900 },
      {
        ...STS,
        timestamp: at.timestamp(),
      },
    )) as unknown as Issued;
    assert.match(issued.Credentials.TmpSecretId, /^AKID/);
    assert.equal(issued.ExpiredTime, Math.floor(now / 1000) + 900);
    assert.equal(issued.Expiration, new Date((Math.floor(now / 1000) + 900) * 1000).toISOString().replace('.000Z', 'Z'));

    const asRole = {
      ...emu,
      secretId: issued.Credentials.TmpSecretId,
      secretKey: issued.Credentials.TmpSecretKey,
    };
    const ok = await api(asRole, 'DescribeLoadBalancers', {}, { token: issued.Credentials.Token, timestamp: at.timestamp() });
    assert.equal(ok.TotalCount, 1);
    const noToken = await api(asRole, 'DescribeLoadBalancers', {}, { timestamp: at.timestamp() });
    assert.equal(noToken.Error?.Code, 'AuthFailure.TokenFailure');
    const log = (await emu.state()).requests.filter((r) => r.action === 'DescribeLoadBalancers' && r.code === null);
    assert.equal(log.at(-1)?.identity, `${ROLE} (session ci-run-1)`);
    assert.equal(log.at(-1)?.secretId, issued.Credentials.TmpSecretId);

    now += 901_000;
    const expired = await api(asRole, 'DescribeLoadBalancers', {}, { token: issued.Credentials.Token, timestamp: at.timestamp() });
    assert.equal(expired.Error?.Code, 'AuthFailure.TokenFailure');
    assert.match(expired.Error?.Message ?? '', /expired/);
  });

  test('AssumeRole refusals: unsigned, wrong scope service, missing or malformed parameters, duration, version', async () => {
    const code = async (params: object, opts: CallOptions = {}) =>
      (await api(emu, 'AssumeRole', params, { ...STS, timestamp: at.timestamp(), ...opts })).Error?.Code;
    const good = { RoleArn: ROLE, RoleSessionName: 'ci' };
    assert.equal(await code(good, { headers: { Authorization: 'SKIP' } }), 'AuthFailure.InvalidAuthorization');
    assert.equal(await code(good, { service: 'clb' }), 'AuthFailure.SignatureFailure', 'AssumeRole is signed for sts');
    assert.equal(await code({ RoleArn: ROLE }), 'MissingParameter');
    assert.equal(await code({ ...good, RoleArn: 'arn:aws:iam::1:role/x' }), 'InvalidParameter.ParamError');
    assert.equal(await code({ ...good, RoleSessionName: 'has space' }), 'InvalidParameter.ParamError');
    assert.equal(await code({ ...good, DurationSeconds: 43201 }), 'InvalidParameter.OverTimeError');
    assert.equal(
      await code({ ...good, DurationSeconds: '900' }),
      'InvalidParameter',
      'AssumeRole does not document InvalidParameter.FormatError',
    );
    // The version picks the service: AssumeRole is not a CLB action, DescribeLoadBalancers not an STS one.
    assert.equal(await code(good, { version: '2018-03-17' }), 'InvalidAction');
    assert.equal(await code(good, { region: 'ap-singapore' }), undefined, 'STS is global: any region');
    assert.equal(await code(good, { region: null }), undefined, 'or none');
    assert.equal((await api(emu, 'DescribeLoadBalancers', {}, { ...STS, timestamp: at.timestamp() })).Error?.Code, 'InvalidAction');
  });

  test('AssumeRoleWithWebIdentity: unsigned, a JWT that has not expired, then CLB calls as the role', async () => {
    const send = (params: object) =>
      api(emu, 'AssumeRoleWithWebIdentity', params, {
        ...STS,
        region: 'ap-shanghai',
        timestamp: at.timestamp(),
        headers: { Authorization: 'SKIP' },
      });
    const params = {
      ProviderId: 'tke-oidc',
      WebIdentityToken: jwt({ sub: 'system:serviceaccount:default:app', exp: Math.floor(now / 1000) + 600 }),
      RoleArn: ROLE,
      RoleSessionName: 'tencentcloud-node-sdk-1',
    };
    const issued = (await send(params)) as unknown as Issued;
    assert.ok(issued.Credentials?.Token, JSON.stringify(issued));
    assert.equal(issued.ExpiredTime, Math.floor(now / 1000) + 7200, 'the default duration');
    const asRole = { ...emu, secretId: issued.Credentials.TmpSecretId, secretKey: issued.Credentials.TmpSecretKey };
    assert.equal(
      (await api(asRole, 'DescribeLoadBalancers', {}, { token: issued.Credentials.Token, timestamp: at.timestamp() })).TotalCount,
      1,
    );

    assert.equal((await send({ ...params, WebIdentityToken: 'not-a-jwt' })).Error?.Code, 'InvalidParameter.WebIdentityTokenError');
    const stale = jwt({ exp: Math.floor(now / 1000) - 1 });
    assert.equal((await send({ ...params, WebIdentityToken: stale })).Error?.Code, 'InvalidParameter.WebIdentityTokenError');
    assert.equal((await send({ ...params, ProviderId: undefined })).Error?.Code, 'MissingParameter');
  });

  test('one port, both APIs: the control surface and a raw unsigned CLB call are unaffected', async () => {
    const res = await rawRequest(emu.endpoint, {
      headers: {
        'Content-Type': 'application/json',
        'X-TC-Action': 'DescribeLoadBalancers',
        'X-TC-Version': '2018-03-17',
        'X-TC-Timestamp': String(Math.floor(now / 1000)),
        'X-TC-Region': emu.region,
        Authorization: 'SKIP',
      },
      body: '{}',
    });
    assert.equal(JSON.parse(res.text).Response.Error.Code, 'AuthFailure.InvalidAuthorization', 'only STS web identity may skip signing');
  });
});
