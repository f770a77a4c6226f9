/**
 * isLoopbackHost matches IP literals with patterns of its own instead of node:net's isIP (whose
 * IPv6 pattern is costly to compile at start-up). It must decide exactly as the rule written with
 * isIP does, on every kind of input it gets: URL host names (bracketed IPv6), socket addresses
 * (IPv4-mapped) and the emulator's --host (anything typed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import { isLoopbackHost } from '../src/api/endpoint.js';

/** The rule as it is written with isIP: localhost, 127.0.0.0/8, ::1 in its two spellings, ::ffff:127.x.y.z. */
function reference(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host);
  return false;
}

const FIRST = ['127', '126', '128', '0', '10', '255', '256', '01', '0127', '1270', '12', '-127', '', ' 127'];
const SEGMENTS = ['0', '1', '00', '01', '9', '10', '99', '100', '199', '200', '249', '250', '255', '256', '300', '1000', 'a', 'ff', ''];
const ZONES = ['', '%lo', '%eth0.1:2', '%', '%a b', '%é'];

function ipv4Candidates(): string[] {
  const out: string[] = [];
  for (const first of FIRST) {
    for (const second of ['0', '255', '256', '01']) {
      for (const third of ['0', '255', 'x']) for (const last of SEGMENTS) out.push(`${first}.${second}.${third}.${last}`);
    }
  }
  out.push('127.0.0', '127.0.0.1.', '127.0.0.1.1', '127..0.1', '127.0.0.1 ', '127.0.0.1\n', '127.0.0.1/8', '127.0.0.1:80', '127');
  return out;
}

const IPV6 = [
  '::1',
  '0:0:0:0:0:0:0:1',
  '0000:0000:0000:0000:0000:0000:0000:0001',
  '::0:1',
  '0::1',
  '::01',
  '::',
  '::2',
  ':::1',
  '::1:',
  'fe80::1',
  '::ffff:7f00:1',
  '::ffff:0:127.0.0.1',
  '0::ffff:127.0.0.1',
  '0:0:0:0:0:ffff:127.0.0.1',
  '1::ffff:127.0.0.1',
  ':::ffff:127.0.0.1',
  '::fffff:127.0.0.1',
  '::ffff::127.0.0.1',
  '::ffff:127.0.0.1:1',
  '::ffff:127.1',
  '::ffff:127.0.0.1.1',
];

test('isLoopbackHost decides as isIP does, on names, IPv4, IPv6 and IPv4-mapped literals, bracketed or not, in any case', () => {
  const v4 = ipv4Candidates();
  // Every IPv4 candidate mapped, and those in 127/8 with every zone suffix.
  const mapped = [
    ...v4,
    ...v4.filter((address) => address.startsWith('127.')).flatMap((address) => ZONES.map((zone) => `${address}${zone}`)),
  ].map((address) => `::ffff:${address}`);
  const v6 = IPV6.flatMap((address) => ZONES.map((zone) => `${address}${zone}`));
  const names = ['localhost', 'LOCALHOST', 'localhost.', 'evil.localhost', 'localhost.example.com', 'example.com', '', '[]', '[', ']'];
  const inputs = [...names, ...v4, ...mapped, ...v6].flatMap((host) => [host, host.toUpperCase(), `[${host}]`]);
  const differ = inputs.filter((host) => isLoopbackHost(host) !== reference(host));
  assert.deepEqual(differ, []);
  // The corpus reaches both answers through every branch, so the comparison is not vacuous.
  const loopback = inputs.filter((host) => reference(host));
  for (const expected of [
    '127.0.0.1',
    '127.255.255.255',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1',
    '::FFFF:127.0.0.1%LO',
    'LOCALHOST',
  ]) {
    assert.ok(loopback.includes(expected), expected);
  }
  for (const refused of ['127.0.0.256', '127.0.0.01', '::ffff:127.0.0.256', '::1%lo', '::ffff:7f00:1', '126.0.0.1']) {
    assert.ok(inputs.includes(refused) && !reference(refused), refused);
  }
  assert.ok(inputs.length > 10_000, `${inputs.length} inputs`);
});
