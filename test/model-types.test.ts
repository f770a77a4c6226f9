// The request's TypeScript types are derived from the field tables. These checks run at compile
// time: each @ts-expect-error must be an error, or `tsc` (part of npm test) fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CreateListenerRequest, HealthCheck, MultiCertInfo } from '../src/model/fields.js';
import type { CreateFieldFlags } from '../src/model/flags.js';

test('the derived types follow the table', () => {
  const full: CreateListenerRequest = {
    LoadBalancerId: 'lb-cuxw2rm0',
    Ports: [80],
    Protocol: 'TCP',
    HealthCheck: { TimeOut: 2, CheckType: 'PING' },
    SniSwitch: 0,
    MultiCertInfo: { SSLMode: 'MUTUAL', CertList: [{ CertId: 'a' }] },
  };
  // @ts-expect-error Protocol is one of the table's values
  const badProtocol: CreateListenerRequest = { LoadBalancerId: 'lb-x', Ports: [1], Protocol: 'SCTP' };
  // @ts-expect-error Ports is required
  const missingPorts: CreateListenerRequest = { LoadBalancerId: 'lb-x', Protocol: 'TCP' };
  // @ts-expect-error SniSwitch is 0 | 1
  const badSwitch: CreateListenerRequest = { LoadBalancerId: 'lb-x', Ports: [1], Protocol: 'TCP', SniSwitch: 2 };
  // @ts-expect-error HealthCheck has TimeOut, not Timeout
  const badKey: HealthCheck = { Timeout: 3 };
  // @ts-expect-error CertList is required
  const noList: MultiCertInfo = { SSLMode: 'MUTUAL' };
  assert.ok([full, badProtocol, missingPorts, badSwitch, badKey, noList].every(Boolean));
});

test('the flags types are derived from the table too', () => {
  // Lists collect strings; toggles are bare (true), --no- (false) or a word; aliases and certificate flags exist.
  const flags: CreateFieldFlags = {
    lb: 'lb-x',
    port: ['80', '81'],
    protocol: 'tcp',
    snatEnable: false,
    sniSwitch: '1',
    certFile: 'a.pem',
    healthCheck: 'on',
  };
  // @ts-expect-error a list flag is a list of strings
  const badPorts: CreateFieldFlags = { port: 80 };
  // @ts-expect-error no such flag
  const typo: CreateFieldFlags = { healthcheck: 'on' };
  // @ts-expect-error --cert-file takes a path
  const badCert: CreateFieldFlags = { certFile: true };
  assert.ok([flags, badPorts, typo, badCert].every(Boolean));
});
