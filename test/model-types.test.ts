// The request's TypeScript types are derived from the field tables. These checks run at compile
// time: each @ts-expect-error must be an error, and each `true` below must type-check, or `tsc`
// (part of npm test) fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { output } from 'zod/mini';
import type { CertificateInput, CertInfo, CreateListenerRequest, HealthCheck, MultiCertInfo } from '../src/model/fields.js';
import type { CreateFieldFlags } from '../src/model/flags.js';
import type { RequestSchemas } from '../src/model/schema.js';

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

/** True only when A and B are the same type. */
type Equal<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
/**
 * A table type as the zod type check sees it: which fields are present and which values an enum or
 * a switch takes are rules (rules.ts), so every field is optional, an enum is any text and a switch
 * any integer.
 */
type AsTypeChecked<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer E)[]
        ? AsTypeChecked<E>[]
        : T extends object
          ? { [K in keyof T]?: AsTypeChecked<T[K]> }
          : T;
/** Without the index signature through which the schemas let unknown keys pass. */
type Known<T> = T extends readonly (infer E)[]
  ? Known<E>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> }
    : T;
type Checked<N extends keyof RequestSchemas> = Known<output<RequestSchemas[N]>>;

test('the zod schemas have the types derived from the table', () => {
  const agree = {
    CreateListener: true satisfies Equal<Checked<'CreateListener'>, AsTypeChecked<CreateListenerRequest>>,
    HealthCheck: true satisfies Equal<Checked<'HealthCheck'>, AsTypeChecked<HealthCheck>>,
    CertificateInput: true satisfies Equal<Checked<'CertificateInput'>, AsTypeChecked<CertificateInput>>,
    MultiCertInfo: true satisfies Equal<Checked<'MultiCertInfo'>, AsTypeChecked<MultiCertInfo>>,
    CertInfo: true satisfies Equal<Checked<'CertInfo'>, AsTypeChecked<CertInfo>>,
  };
  // @ts-expect-error the check tells types apart: TimeOut is an integer, not text
  const differ: Equal<Checked<'HealthCheck'>, AsTypeChecked<HealthCheck> & { TimeOut?: string }> = true;
  assert.ok(Object.values(agree).every(Boolean) && differ);
});
