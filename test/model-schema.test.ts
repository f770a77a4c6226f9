// The request's zod schemas (src/model/schema.ts), derived from the field table: the type check
// every request passes before the rules, with or without --no-validate. Called in-process: each
// kind of field, nulls, prototype keys, unknown keys, nested paths, and how zod's issues become
// findings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CREATE_LISTENER_FIELDS, NESTED_FIELDS, type NestedTypeName } from '../src/model/fields.js';
import { loadRequestSchemas, typeProblems } from '../src/model/schema.js';
import { createListenerSkeleton } from '../src/model/skeleton.js';
import { checkDocument, loadValidator, validateCreateListener } from '../src/model/validate.js';
import { documentNamer, renderFinding } from '../src/model/messages.js';
import type { Finding } from '../src/model/rules.js';
import { render } from '../src/core/i18n.js';

const schemas = await loadRequestSchemas();
await loadValidator();

const LB = 'lb-cuxw2rm0';
const tcp = (extra: Record<string, unknown> = {}) => ({ LoadBalancerId: LB, Ports: [80], Protocol: 'TCP', ...extra });

/** Each type problem as `path: message`, the path written the API's way. */
function problems(body: unknown): string[] {
  return typeProblems(schemas, body).map((f) => renderFinding(f, documentNamer(undefined)).message);
}

describe('the schemas follow the field table', () => {
  test('one schema per object type, with a key per field of its table', () => {
    assert.deepEqual(Object.keys(schemas).sort(), ['CertInfo', 'CertificateInput', 'CreateListener', 'HealthCheck', 'MultiCertInfo']);
    const shapeKeys = (schema: unknown) =>
      Object.keys((schema as { _zod: { def: { left: { shape: Record<string, unknown> } } } })._zod.def.left.shape);
    assert.deepEqual(
      shapeKeys(schemas.CreateListener),
      CREATE_LISTENER_FIELDS.map((f) => f.api),
    );
    for (const name of Object.keys(NESTED_FIELDS) as NestedTypeName[]) {
      assert.deepEqual(
        shapeKeys(schemas[name]),
        NESTED_FIELDS[name].map((f) => f.api),
        name,
      );
    }
  });

  test('the skeleton, every field with its example value, passes', () => {
    assert.deepEqual(problems(createListenerSkeleton()), []);
    assert.deepEqual(problems({}), [], 'presence is a rule, not a type');
  });

  test('each nested type checks its own fields on its own', () => {
    assert.equal(schemas.HealthCheck.safeParse({ TimeOut: 5, CheckType: 'TCP' }).success, true);
    assert.equal(schemas.HealthCheck.safeParse({ TimeOut: '5' }).success, false);
    assert.equal(schemas.CertInfo.safeParse({ CertId: 'a', Extra: null }).success, true, 'unknown keys pass');
    assert.equal(schemas.CertInfo.safeParse({ CertKey: 1 }).success, false);
    assert.equal(schemas.MultiCertInfo.safeParse({ SSLMode: 'MUTUAL', CertList: [{ CertId: 'a' }] }).success, true);
    assert.equal(schemas.MultiCertInfo.safeParse({ CertList: [{ CertContent: null }] }).success, false);
    assert.equal(schemas.CertificateInput.safeParse(JSON.parse('{"CertId":"a","__proto__":{}}')).success, false);
  });
});

describe('each kind of field has its JSON type', () => {
  test('text (string and enum fields)', () => {
    assert.deepEqual(problems(tcp({ LoadBalancerId: 5 })), ['LoadBalancerId must be text, got 5']);
    assert.deepEqual(problems(tcp({ Protocol: ['TCP'] })), ['Protocol must be text, got ["TCP"]']);
    // A value the enum does not list is still text: the enum-values rule judges it, and --no-validate can send it.
    assert.deepEqual(problems(tcp({ Scheduler: 'ROUND_ROBIN' })), []);
  });

  test('integers and switches: safe integers only', () => {
    assert.deepEqual(problems(tcp({ SessionExpireTime: '30' })), ['SessionExpireTime must be an integer, got "30"']);
    assert.deepEqual(problems(tcp({ SessionExpireTime: 30.5 })), ['SessionExpireTime must be an integer, got 30.5']);
    assert.deepEqual(problems(tcp({ SniSwitch: true })), ['SniSwitch must be an integer (0 or 1), got true']);
    assert.deepEqual(problems(tcp({ MaxConn: 2 ** 53 })), ['MaxConn 9007199254740992 is too large to send exactly']);
    assert.deepEqual(problems(tcp({ MaxConn: 3000000000, SniSwitch: 2 })), [], 'int64 values pass; switch values are a rule');
  });

  test('true or false', () => {
    assert.deepEqual(problems(tcp({ SnatEnable: 'true' })), ['SnatEnable must be true or false, got "true"']);
    assert.deepEqual(problems(tcp({ SnatEnable: 0 })), ['SnatEnable must be true or false, got 0']);
  });

  test('lists: the whole list is named once, however many entries are wrong', () => {
    assert.deepEqual(problems(tcp({ Ports: [80, '81', 'x'] })), ['Ports must be a list of integers, got [80,"81","x"]']);
    assert.deepEqual(problems(tcp({ Ports: 80 })), ['Ports must be a list of integers, got 80']);
    assert.deepEqual(problems(tcp({ FullEndPorts: [90.5] })), ['FullEndPorts must be a list of integers, got [90.5]']);
    assert.deepEqual(problems(tcp({ ListenerNames: ['a', 1] })), ['ListenerNames must be a list of text values, got ["a",1]']);
    assert.deepEqual(problems(tcp({ Ports: [] })), [], 'an empty list is the required rule to report');
  });

  test('objects, and CertList as a list of objects', () => {
    assert.deepEqual(problems(tcp({ HealthCheck: 'on' })), ['HealthCheck must be an object, got "on"']);
    assert.deepEqual(problems(tcp({ Certificate: [] })), ['Certificate must be an object, got []']);
    assert.deepEqual(problems(tcp({ MultiCertInfo: { SSLMode: 'UNIDIRECTIONAL', CertList: { CertId: 'a' } } })), [
      'MultiCertInfo.CertList must be a list of objects, got {"CertId":"a"}',
    ]);
    assert.deepEqual(problems(tcp({ MultiCertInfo: { CertList: ['a'] } })), [
      'MultiCertInfo.CertList must be a list of objects, got ["a"]',
    ]);
  });

  test('a body that is not an object', () => {
    for (const body of [null, [], 'x', 1]) assert.deepEqual(problems(body), ['must be an object with API field names']);
  });
});

describe('nulls, prototype keys and unknown keys', () => {
  test('null is refused at any depth', () => {
    assert.deepEqual(problems(tcp({ Protocol: null })), ['Protocol is null: leave it out, or give it a value']);
    assert.deepEqual(problems(tcp({ HealthCheck: { TimeOut: null } })), ['HealthCheck.TimeOut is null: leave it out, or give it a value']);
    assert.deepEqual(problems(tcp({ MultiCertInfo: { SSLMode: 'MUTUAL', CertList: [{ CertId: 'a' }, { CertName: null }] } })), [
      'MultiCertInfo.CertList[1].CertName is null: leave it out, or give it a value',
    ]);
  });

  test('keys that would reach a prototype are refused at any depth, as JSON.parse and YAML give them', () => {
    const body = JSON.parse(
      `{"LoadBalancerId":"${LB}","Ports":[80],"Protocol":"TCP","__proto__":{"x":1},"constructor":1,` +
        `"HealthCheck":{"prototype":2},"MultiCertInfo":{"SSLMode":"MUTUAL","CertList":[{"CertId":"a","__proto__":3}]}}`,
    );
    assert.deepEqual(problems(body).sort(), [
      'HealthCheck.prototype is not a field of the request',
      'MultiCertInfo.CertList[0].__proto__ is not a field of the request',
      '__proto__ is not a field of the request',
      'constructor is not a field of the request',
    ]);
  });

  test('unknown keys pass the type check whatever they hold, for the unknown-field rule', () => {
    assert.deepEqual(problems(tcp({ BrandNewField: null, HealthCheck: { NewCheck: [1] } })), []);
    const { findings } = validateCreateListener(tcp({ BrandNewField: 'x' }), { now: 0 });
    assert.deepEqual(
      findings.map((f) => [f.rule, f.severity]),
      [['unknown-field', 'refuse']],
    );
    // --no-validate sends it, with a warning.
    const lenient = checkDocument(tcp({ BrandNewField: 'x' }), { now: 0, validate: false });
    assert.deepEqual(lenient.refusals, []);
    assert.match(lenient.warnings[0]!.message, /^BrandNewField is not a field of the request/);
  });
});

describe('zod issues become findings in one place', () => {
  test('the finding: rule "type", refused even with --no-validate, the field path, nested paths included', () => {
    const [finding, ...rest] = typeProblems(
      schemas,
      tcp({ MultiCertInfo: { SSLMode: 'UNIDIRECTIONAL', CertList: [{ CertId: 'a' }, { CertName: 'b', CertKey: 5 }] } }),
    );
    assert.deepEqual(rest, []);
    // `text` is the message as a catalogue entry, for the edge to say in the run's language.
    const { text, ...said } = finding!;
    assert.equal(text && render('zh', text), '必须是文本，实际为 5');
    assert.deepEqual(said, {
      rule: 'type',
      severity: 'refuse',
      always: true,
      path: ['MultiCertInfo', 'CertList', 1, 'CertKey'],
      message: 'must be text, got 5',
    } satisfies Finding);
    const lenient = checkDocument(tcp({ HealthCheck: { TimeOut: '5' } }), { now: 0, validate: false });
    assert.deepEqual(
      lenient.refusals.map((r) => r.message),
      ['HealthCheck.TimeOut must be an integer, got "5"'],
    );
  });

  test('every problem is reported, in the table order; the rules run only on a well-typed request', () => {
    const body = tcp({ SnatEnable: 'yes', HealthCheck: { IntervalTime: 'x', TimeOut: 99 }, Protocol: 7 });
    assert.deepEqual(problems(body), [
      'Protocol must be text, got 7',
      'HealthCheck.IntervalTime must be an integer, got "x"',
      'SnatEnable must be true or false, got "yes"',
    ]);
    const { findings } = validateCreateListener(body, { now: 0 });
    assert.ok(
      findings.every((f) => f.rule === 'type'),
      'HealthCheck.TimeOut 99 waits for the types to be right',
    );
  });

  test('a private key in a field of another type is not quoted back', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
    const [message] = problems(tcp({ HealthCheck: { TimeOut: key } }));
    assert.equal(message, 'HealthCheck.TimeOut must be an integer, got <a PEM private key>');
  });

  test('the validator asks for its schemas to be loaded first', async () => {
    // A fresh copy of the module, whose schemas nothing has loaded.
    const fresh = (await import(`../src/model/validate.js?fresh=${Date.now()}`)) as typeof import('../src/model/validate.js');
    assert.throws(() => fresh.validateCreateListener(tcp(), { now: 0 }), /await loadValidator\(\)/);
    await fresh.loadValidator();
    assert.deepEqual(fresh.validateCreateListener(tcp(), { now: 0 }).findings, []);
  });
});
