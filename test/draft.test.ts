/**
 * The request draft (src/model/draft.ts): values typed at parse time, each with its origin, and
 * messages that name a value by looking its origin up.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { documentDraft, emptyDraft, originAt, withOrigin, withValue, type Draft } from '../src/model/draft.js';
import { draftFromInput, type RawFlags } from '../src/model/request.js';
import { validateDraft, loadValidator } from '../src/model/validate.js';
import { equivalentCommand } from '../src/ui/interactive/equivalent-command.js';

const noFiles = async (path: string): Promise<string> => {
  throw new Error(`no file may be read here (${path})`);
};
const draftOf = (flags: Record<string, unknown>, body?: Record<string, unknown>): Promise<Draft> =>
  draftFromInput(flags as RawFlags, { readText: noFiles, ...(body ? { body, bodySource: 'listener.json' } : {}) });
const refusals = (draft: Draft) => validateDraft(draft, { now: 0 }).refusals.map((p) => p.message);

before(() => loadValidator());

describe('a draft is a value', () => {
  test('withValue answers a new draft; what was said below the path is replaced', () => {
    const first = withValue(emptyDraft(), ['HealthCheck'], { TimeOut: 5 }, { kind: 'flag', flag: '--health-check', text: 'TimeOut=5' });
    const nested = withOrigin(first, ['HealthCheck', 'TimeOut'], { kind: 'prompt' });
    const second = withValue(nested, ['HealthCheck'], { TimeOut: 9 }, { kind: 'prompt', flag: '--health-check', text: 'TimeOut=9' });
    assert.deepEqual(first.body, { HealthCheck: { TimeOut: 5 } });
    assert.deepEqual(second.body, { HealthCheck: { TimeOut: 9 } });
    assert.equal(nested.origins.length, 2);
    assert.deepEqual(
      second.origins.map((o) => o.origin.kind),
      ['prompt'],
    );
  });

  test('the origin of a path is the one recorded at the longest path that holds it', () => {
    let draft = withValue(emptyDraft(), ['Ports'], [80, 0], { kind: 'flag', flag: '--ports' });
    draft = withOrigin(draft, ['Ports', 1], { kind: 'flag', flag: '--port', text: '0' });
    assert.deepEqual(originAt(draft, ['Ports', 1])?.origin, { kind: 'flag', flag: '--port', text: '0' });
    assert.deepEqual(originAt(draft, ['Ports', 0])?.origin, { kind: 'flag', flag: '--ports' });
    assert.equal(originAt(draft, ['Protocol']), undefined);
    const doc = documentDraft({ Ports: [80] }, 'apply.yaml', ['listeners', 2]);
    assert.deepEqual(originAt(doc, ['Ports', 0])?.origin, { kind: 'document', source: 'apply.yaml', base: ['listeners', 2] });
  });
});

describe('flags and a body become one draft, each value named by where it came from', () => {
  test('both spellings of the ports flag: each port named by its own', async () => {
    const draft = await draftOf({ lb: 'lb-cuxw2rm0', protocol: 'TCP', port: ['0'], ports: ['80,81'] });
    assert.deepEqual(draft.body.Ports, [80, 81, 0]);
    assert.deepEqual(refusals(draft), ['--port must be 1–65535, got 0']);
  });

  test('a body field named by the file, a flag over it by the flag, a field given nowhere by the file', async () => {
    const body = {
      LoadBalancerId: 'lb-cuxw2rm0',
      Ports: [443],
      Protocol: 'TCP',
      HealthCheck: { HealthSwitch: 1, TimeOut: 99, IntervalTime: 100 },
    };
    const fromFile = await draftOf({}, body);
    assert.deepEqual(refusals(fromFile), ['listener.json: HealthCheck.TimeOut must be 2–60, got 99']);
    const overridden = await draftOf({ healthCheck: 'TimeOut=70,IntervalTime=100' }, body);
    assert.deepEqual(refusals(overridden), ['--health-check TimeOut must be 2–60, got 70']);
    const missing = await draftOf({ port: ['80'] }, { LoadBalancerId: 'lb-cuxw2rm0' });
    assert.deepEqual(refusals(missing), ['listener.json: Protocol is required']);
  });

  test("the certificate flags complete a body's Certificate: each field keeps where it came from", async () => {
    const body = { LoadBalancerId: 'lb-cuxw2rm0', Ports: [443], Protocol: 'HTTPS', Certificate: { SSLMode: 'MUTUAL', CertCaId: '' } };
    const draft = await draftOf({ certId: 'MsJyaXVm' }, body);
    assert.deepEqual(draft.body.Certificate, { SSLMode: 'MUTUAL', CertCaId: '', CertId: 'MsJyaXVm' });
    assert.equal(originAt(draft, ['Certificate', 'CertId'])?.origin.kind, 'flag');
    assert.equal(originAt(draft, ['Certificate', 'CertCaId'])?.origin.kind, 'document');
    assert.deepEqual(refusals(draft), ['listener.json: Certificate.CertCaId must not be empty']);
  });

  test('the equivalent command repeats what the draft holds as typed, not what the tool filled in', async () => {
    const draft = await draftOf({ lb: 'lb-cuxw2rm0', protocol: 'HTTPS', ports: ['443'], certId: 'MsJyaXVm', keepaliveEnable: false });
    assert.equal((draft.body.Certificate as Record<string, unknown>).SSLMode, 'UNIDIRECTIONAL');
    assert.equal(
      equivalentCommand(draft, { fromFile: 'base.json' }, {}),
      'clb-listener create --lb lb-cuxw2rm0 --ports 443 --protocol HTTPS --cert-id MsJyaXVm --no-keepalive-enable --from-file base.json',
    );
  });
});
