// The emulator's front door: envelope, common headers, TC3 signature checks, rate limit, and the
// control surface's bookkeeping. Requests are hand-signed with src/api/signer.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, callApi, inProcessEmulator, rawRequest, type InProcessEmulator } from './helpers/emulator.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('emulator protocol', () => {
  let emu: InProcessEmulator;
  before(async () => {
    emu = await inProcessEmulator({ taskDelayMs: 0 });
  });
  after(() => emu.stop());

  const code = async (...args: Parameters<typeof api>) => (await api(...args)).Error?.Code;

  test('a signed DescribeLoadBalancers gets HTTP 200 and the real envelope', async () => {
    const res = await callApi(emu, 'DescribeLoadBalancers', {}, { headers: { 'X-TC-TraceId': 'trace-1' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['x-tc-traceid'], 'trace-1');
    const { Response } = JSON.parse(res.text);
    assert.match(Response.RequestId, UUID);
    assert.equal(Response.TotalCount, 3);
    assert.deepEqual(
      Response.LoadBalancerSet.map((lb: { LoadBalancerId: string }) => lb.LoadBalancerId),
      ['lb-emu00001', 'lb-emu00002', 'lb-emu00003'],
    );
    assert.deepEqual(Object.keys(Response.LoadBalancerSet[0]).sort(), [
      'AddressIPVersion',
      'CreateTime',
      'Forward',
      'LoadBalancerId',
      'LoadBalancerName',
      'LoadBalancerType',
      'LoadBalancerVips',
      'Status',
      'VpcId',
    ]);
    const again = await api(emu, 'DescribeLoadBalancers', { LoadBalancerIds: ['lb-emu00002'], Limit: 1 });
    assert.notEqual(again.RequestId, Response.RequestId, 'every answer has a fresh RequestId');
    assert.equal(again.TotalCount, 1);
  });

  test('the signature verifies with the Host as sent and without its port, with a charset and with x-tc-action signed', async () => {
    const hostOnly = new URL(emu.endpoint).hostname;
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { signedHost: hostOnly }), undefined);
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { contentType: 'application/json; charset=utf-8' }), undefined);
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { signedHeaders: ['content-type', 'host', 'x-tc-action'] }), undefined);
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { signedHost: 'clb.tencentcloudapi.com' }), 'AuthFailure.SignatureFailure');
  });

  test('the four AuthFailure codes', async () => {
    assert.equal(
      await code(emu, 'DescribeLoadBalancers', {}, { secretKey: 'wrong-key-wrong-key-wrong-key-00' }),
      'AuthFailure.SignatureFailure',
    );
    assert.equal(
      await code(emu, 'DescribeLoadBalancers', {}, { secretId: 'AKIDunknownunknownunknownunknown0000' }),
      'AuthFailure.SecretIdNotFound',
    );
    const skewed = Math.floor(emu.now!() / 1000) - 301;
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { timestamp: skewed }), 'AuthFailure.SignatureExpire');
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { headers: { Authorization: null } }), 'AuthFailure.InvalidAuthorization');
    assert.equal(
      await code(emu, 'DescribeLoadBalancers', {}, { headers: { Authorization: 'Bearer nope' } }),
      'AuthFailure.InvalidAuthorization',
    );
  });

  test('the credential scope must name clb and the UTC date of the timestamp; content-type and host must be signed', async () => {
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { service: 'cvm' }), 'AuthFailure.SignatureFailure');
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { scopeDate: '2019-02-25' }), 'AuthFailure.SignatureFailure');
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { signedHeaders: ['content-type'] }), 'AuthFailure.InvalidAuthorization');
    // Signed a header that is then not sent.
    assert.equal(
      await code(
        emu,
        'DescribeLoadBalancers',
        {},
        { signedHeaders: ['content-type', 'host', 'x-tc-token'], token: 't', headers: { 'X-TC-Token': null } },
      ),
      'AuthFailure.SignatureFailure',
    );
  });

  test('common headers: unknown action, wrong or missing version, region', async () => {
    assert.equal(await code(emu, 'CreateLoadBalancerListenerz'), 'InvalidAction');
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { version: '2017-03-12' }), 'NoSuchVersion');
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { version: null }), 'MissingParameter');
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { region: null }), 'MissingParameter');
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { region: 'ap-shanghai' }), 'InvalidParameter.RegionNotFound');
  });

  test('body: not JSON, not an object, unknown parameter, wrong type', async () => {
    assert.equal(await code(emu, 'DescribeLoadBalancers', '{"Limit": 1,'), 'InvalidParameter');
    assert.equal(await code(emu, 'DescribeLoadBalancers', '[1]'), 'InvalidParameter');
    assert.equal(await code(emu, 'DescribeLoadBalancers', { Limt: 1 }), 'UnknownParameter');
    assert.equal(await code(emu, 'DescribeLoadBalancers', { Limit: '1' }), 'InvalidParameter.FormatError');
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { contentType: 'text/plain' }), 'InvalidParameter');
  });

  test('only POST is served, always as an HTTP 200 envelope', async () => {
    const res = await rawRequest(emu.endpoint, { method: 'GET', path: '/' });
    assert.equal(res.status, 200);
    assert.equal(JSON.parse(res.text).Response.Error.Code, 'UnsupportedProtocol');
  });

  test('the emulator clock is injectable: timestamps are judged against it', async () => {
    const past = 1551113065; // 2019-02-25T16:44:25Z, the signing doc's example time
    const old = await inProcessEmulator({ now: () => past * 1000 + 2000 });
    try {
      assert.equal(await code(old, 'DescribeLoadBalancers', {}, { timestamp: past }), undefined);
      assert.equal(
        await code(old, 'DescribeLoadBalancers', {}, { timestamp: Math.floor(Date.now() / 1000) }),
        'AuthFailure.SignatureExpire',
      );
    } finally {
      await old.stop();
    }
  });

  test('temporary credentials added through the control surface need their token', async () => {
    const key = {
      secretId: 'AKIDtemporarytemporarytemporary00001',
      secretKey: 'tmp-secret-key-tmp-secret-key-01',
      token: 'session-token-1',
    };
    const added = await rawRequest(emu.endpoint, {
      path: '/__emulator/keys',
      body: JSON.stringify(key),
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(added.status, 200);
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { ...key }), undefined);
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { ...key, token: undefined }), 'AuthFailure.TokenFailure');
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { ...key, token: 'stale' }), 'AuthFailure.TokenFailure');
    emu.running.emulator.addKey({ ...key, secretId: 'AKIDexpiredexpiredexpiredexpired0001', expiresAt: emu.now!() - 1000 });
    assert.equal(
      await code(emu, 'DescribeLoadBalancers', {}, { ...key, secretId: 'AKIDexpiredexpiredexpiredexpired0001' }),
      'AuthFailure.TokenFailure',
    );
    // The primary key has no token, so a stray X-TC-Token is ignored.
    assert.equal(await code(emu, 'DescribeLoadBalancers', {}, { token: 'whatever' }), undefined);
  });

  test('RequestLimitExceeded past the per-action limit; other actions unaffected', async () => {
    // A fresh emulator, so earlier tests' requests are not in the window.
    const limited = await inProcessEmulator();
    try {
      await limited.configure({ rateLimit: 2 });
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push(await code(limited, 'DescribeLoadBalancers'));
      assert.deepEqual(codes, [undefined, undefined, 'RequestLimitExceeded']);
      assert.equal(await code(limited, 'DescribeTaskStatus', { TaskId: 'none' }), 'InvalidParameter');
      assert.equal((await limited.state()).config.rateLimit, 2);
    } finally {
      await limited.stop();
    }
  });

  test('the control surface is not counted; reset clears the log; bad control input is a 400', async () => {
    const before = await emu.requestCount();
    assert.ok(before > 0);
    await emu.state();
    await emu.state();
    assert.equal(await emu.requestCount(), before);
    const state = await emu.state();
    assert.ok(state.requests.some((r) => r.code === 'AuthFailure.SignatureFailure'));
    assert.equal(state.counts.DescribeLoadBalancers, await emu.requestCount('DescribeLoadBalancers'));
    await emu.reset();
    assert.equal(await emu.requestCount(), 0);
    assert.equal((await emu.state()).loadBalancers.length, 3, 'reset keeps the load balancers');
    const bad = await rawRequest(emu.endpoint, {
      path: '/__emulator/config',
      headers: { 'Content-Type': 'application/json' },
      body: '{"rateLimit":0}',
    });
    assert.equal(bad.status, 400);
    const missing = await rawRequest(emu.endpoint, { method: 'GET', path: '/__emulator/nothing' });
    assert.equal(missing.status, 404);
  });
});
