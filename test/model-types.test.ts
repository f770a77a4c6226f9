// The request's TypeScript types are derived from the field tables. These checks run at compile
// time: each @ts-expect-error must be an error, or `tsc` (part of npm test) fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CreateListenerRequest, HealthCheck, MultiCertInfo } from '../src/model/fields.js';

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
