// The signer, step by step, against the official worked example (CVM DescribeInstances).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  authorization,
  canonicalRequest,
  credentialScope,
  deriveSigningKeys,
  hashedRequestPayload,
  parseAuthorization,
  serviceFromHost,
  sha256Hex,
  sign,
  signature,
  stringToSign,
  utcDate,
} from '../src/api/signer.js';
// The official Node SDK's own TC3 signer: an implementation written apart from ours, to compare with.
import sdkSign from 'tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js';

// Exactly 86 ASCII bytes: the \uXXXX escapes are literal six-character sequences.
const PAYLOAD = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const TIMESTAMP = 1551113065;
const HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  Host: 'cvm.tencentcloudapi.com',
  'X-TC-Action': 'DescribeInstances',
  'X-TC-Timestamp': String(TIMESTAMP),
  'X-TC-Version': '2017-03-12',
  'X-TC-Region': 'ap-guangzhou',
};

/** 00:30 UTC on 2019-02-26. */
const AFTER_UTC_MIDNIGHT = 1551141000;

/** Runs `body` with the process's local time zone set to `zone`, then puts the old one back. */
function inTimeZone<T>(zone: string, body: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return body();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe('shared inputs of the worked example', () => {
  test('the payload is 86 bytes and hashes as published', () => {
    assert.equal(Buffer.byteLength(PAYLOAD), 86);
    assert.equal(hashedRequestPayload(PAYLOAD), '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
  });
  test('the date is the UTC date, not the local one', () => {
    // 16:44 UTC on the 25th is already the 26th in UTC+8; 00:30 UTC on the 26th is still the 25th
    // in Los Angeles. A date read in local time is wrong in one of them, whatever zone runs the test.
    inTimeZone('Asia/Shanghai', () => {
      assert.equal(new Date(TIMESTAMP * 1000).getDate(), 26, 'the time zone took effect (local date is the 26th)');
      assert.equal(utcDate(TIMESTAMP), '2019-02-25', 'the credential scope takes the UTC date, not the local one (UTC+8)');
      assert.equal(credentialScope(utcDate(TIMESTAMP), serviceFromHost('cvm.tencentcloudapi.com')), '2019-02-25/cvm/tc3_request');
    });
    inTimeZone('America/Los_Angeles', () => {
      assert.equal(new Date(AFTER_UTC_MIDNIGHT * 1000).getDate(), 25, 'the time zone took effect (local date is the 25th)');
      assert.equal(utcDate(AFTER_UTC_MIDNIGHT), '2019-02-26', 'the credential scope takes the UTC date, not the local one (UTC-8)');
      assert.equal(utcDate(TIMESTAMP), '2019-02-25', 'the credential scope takes the UTC date, not the local one (UTC-8)');
    });
  });
  test('service is the first host label', () => {
    assert.equal(serviceFromHost('clb.ap-guangzhou.tencentcloudapi.com'), 'clb');
    assert.equal(serviceFromHost('clb.intl.tencentcloudapi.com'), 'clb');
  });
});

describe('variant A: content-type;host', () => {
  const secretId = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
  const secretKey = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
  const expectedCanonical = [
    'POST',
    '/',
    '',
    'content-type:application/json; charset=utf-8',
    'host:cvm.tencentcloudapi.com',
    '',
    'content-type;host',
    '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
  ].join('\n');

  test('canonical request', () => {
    const { canonicalRequest: text, signedHeaders } = canonicalRequest({ method: 'POST', headers: HEADERS, payload: PAYLOAD });
    assert.equal(text, expectedCanonical);
    assert.equal(signedHeaders, 'content-type;host');
    assert.equal(sha256Hex(text), '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
  });
  test('string to sign', () => {
    assert.equal(
      stringToSign(TIMESTAMP, '2019-02-25/cvm/tc3_request', expectedCanonical),
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
  });
  test('derived keys', () => {
    const keys = deriveSigningKeys(secretKey, '2019-02-25', 'cvm');
    assert.equal(keys.secretDate.toString('hex'), 'd1308c81fe71cfd4e06437bbc067b2b8a3d2d8c0e375d547f15c41d5214b395a');
    assert.equal(keys.secretService.toString('hex'), '3c7cb7c7795393edc14fd2e0e6434a518564b4504b88e94f5d11bf59ba3e7050');
    assert.equal(keys.secretSigning.toString('hex'), 'ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1');
  });
  test('signature and authorization', () => {
    const keys = deriveSigningKeys(secretKey, '2019-02-25', 'cvm');
    const toSign = stringToSign(TIMESTAMP, '2019-02-25/cvm/tc3_request', expectedCanonical);
    const sig = signature(keys.secretSigning, toSign);
    assert.equal(sig, '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    const expectedAuth =
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168';
    assert.equal(authorization(secretId, '2019-02-25/cvm/tc3_request', 'content-type;host', sig), expectedAuth);
  });
  test('sign() composes the steps', () => {
    const result = sign({
      method: 'POST',
      headers: HEADERS,
      payload: PAYLOAD,
      secretId,
      secretKey,
      service: 'cvm',
      timestampSeconds: TIMESTAMP,
    });
    assert.equal(result.signature, '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    assert.deepEqual(parseAuthorization(result.authorization), {
      secretId,
      date: '2019-02-25',
      service: 'cvm',
      signedHeaders: ['content-type', 'host'],
      signature: result.signature,
    });
  });
});

describe('variant B: masked keys with literal asterisks', () => {
  test('signature', () => {
    const result = sign({
      method: 'POST',
      headers: HEADERS,
      payload: PAYLOAD,
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******',
      service: 'cvm',
      timestampSeconds: TIMESTAMP,
    });
    assert.equal(result.signature, '2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c');
  });
});

describe('variant C: content-type;host;x-tc-action', () => {
  const secretKey = '*'.repeat(32);
  const names = ['content-type', 'host', 'x-tc-action'];
  test('canonical headers lower-case the action value', () => {
    const { canonicalRequest: text, signedHeaders } = canonicalRequest({
      method: 'POST',
      headers: HEADERS,
      payload: PAYLOAD,
      signedHeaderNames: names,
    });
    assert.equal(signedHeaders, 'content-type;host;x-tc-action');
    assert.ok(text.includes('content-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n'));
    assert.equal(sha256Hex(text), '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84');
  });
  test('derived keys as printed in the doc', () => {
    const keys = deriveSigningKeys(secretKey, '2019-02-25', 'cvm');
    assert.equal(keys.secretDate.toString('hex'), 'da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0');
    assert.equal(keys.secretService.toString('hex'), '8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f');
    assert.equal(keys.secretSigning.toString('hex'), 'b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af');
  });
  test('signature', () => {
    const result = sign({
      method: 'POST',
      headers: HEADERS,
      payload: PAYLOAD,
      signedHeaderNames: names,
      secretId: `AKID${'*'.repeat(32)}`,
      secretKey,
      service: 'cvm',
      timestampSeconds: TIMESTAMP,
    });
    assert.equal(result.signature, '10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f');
    assert.match(result.authorization, /SignedHeaders=content-type;host;x-tc-action, Signature=10b1a37a/);
  });
  test('the intermediate revision (variant B keys, x-tc-action signed)', () => {
    const result = sign({
      method: 'POST',
      headers: HEADERS,
      payload: PAYLOAD,
      signedHeaderNames: names,
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******',
      service: 'cvm',
      timestampSeconds: TIMESTAMP,
    });
    assert.equal(result.signature, 'be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3');
  });
});

describe('the official SDK signs the same request the same way', () => {
  // A CreateListener body with Chinese text and an emoji: the payload hash is over its UTF-8 bytes,
  // which an ASCII-only example cannot tell apart from any other encoding.
  const body = JSON.stringify({ LoadBalancerId: 'lb-cuxw2rm0', Ports: [443], Protocol: 'HTTPS', ListenerNames: ['网站-监听器 ✓ 🚀'] });
  const secretId = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
  const secretKey = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
  const contentType = 'application/json; charset=utf-8';

  test('a non-ASCII body, near midnight, in a time zone east of UTC: the same Authorization header', () => {
    assert.ok(Buffer.byteLength(body) > body.length, 'the body has characters of more than one byte');
    const [ours, theirs] = inTimeZone('Asia/Shanghai', () => [
      sign({
        method: 'POST',
        headers: {
          'Content-Type': contentType,
          Host: 'clb.tencentcloudapi.com',
          'X-TC-Action': 'CreateListener',
          'X-TC-Timestamp': String(TIMESTAMP),
          'X-TC-Version': '2018-03-17',
          'X-TC-Region': 'ap-guangzhou',
        },
        payload: body,
        secretId,
        secretKey,
        service: 'clb',
        timestampSeconds: TIMESTAMP,
      }).authorization,
      sdkSign.default.sign3({
        method: 'POST',
        url: 'https://clb.tencentcloudapi.com/',
        payload: Buffer.from(body, 'utf8'),
        timestamp: TIMESTAMP,
        service: 'clb',
        secretId,
        secretKey,
        multipart: false,
        boundary: '',
        headers: { 'Content-Type': contentType },
      }),
    ]);
    assert.match(theirs, /Credential=AKID\w+\/2019-02-25\/clb\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/);
    assert.equal(ours, theirs, "our Authorization header is the official SDK's for the same request");
  });

  test('the payload hash is over the UTF-8 bytes, whether given as text or as bytes', () => {
    assert.equal(hashedRequestPayload(body), hashedRequestPayload(Buffer.from(body, 'utf8')), 'text is hashed as its UTF-8 bytes');
    assert.notEqual(hashedRequestPayload(body), hashedRequestPayload(Buffer.from(body, 'latin1')), 'the example tells encodings apart');
  });
});

describe('guards', () => {
  test('a header named for signing but not sent is refused', () => {
    assert.throws(() => canonicalRequest({ method: 'POST', headers: { Host: 'x' }, payload: '' }), /content-type/);
  });
  test('malformed Authorization headers parse to undefined', () => {
    assert.equal(parseAuthorization('Bearer abc'), undefined);
    assert.equal(
      parseAuthorization('TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=host, Signature=zz'),
      undefined,
    );
  });
});
