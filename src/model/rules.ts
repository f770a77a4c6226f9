/**
 * Every client-side rule of a CreateListener request, in one table, each with where it comes from
 * (docs/api/create-listener.md explains the sources). Severity follows provenance: a rule the API
 * reference, an SDK model or observed service behaviour states refuses the request (exit 2,
 * nothing sent); a guard of our own only warns, unless a refusal is certain to save an API error
 * (`certain` says why). `--no-validate` turns every refusal into a warning except the `always`
 * rules, which keep private keys out of the wrong fields.
 *
 * Rules report a field path, a value and what is wrong, never a flag name: the edge (flags, a
 * --from-file body, a prompt, an apply file) names the field in its own words (messages.ts).
 * In a message, `{Some.Path}` names another field.
 */
import { CREATE_LISTENER_FIELDS, NESTED_FIELDS, PROTOCOLS, type FieldSpec, type Protocol, specAt } from './fields.js';
import { isUnder, parsePath, type Path, pathText, valueAt, valuesAt } from './paths.js';
import {
  holdsPrivateKey,
  inspectCertificate,
  inspectPrivateKey,
  type InspectedCertificate,
  keyMatches,
  THIRTY_DAYS_MS,
} from './certificates.js';
import { closestName } from './suggest.js';
import { closest } from '../core/suggest.js';
import { controlCharacterProblems } from './control-characters.js';
import { MAX_PORTS_PER_CREATE } from './ports.js';
import { listText, type Message, message as said, type Params, render, type Text } from '../core/i18n.js';
import { RULE_MESSAGES as M } from './rules.messages.js';

export type Provenance = 'reference' | 'sdk-model' | 'observed' | 'ours';
export type Severity = 'refuse' | 'warn';

/** What one rule found, at one path. */
export interface Finding {
  /** The rule's id in RULES, or `type` for a value of the wrong JSON type. */
  rule: string;
  severity: Severity;
  /** Kept even with --no-validate (type errors, private keys out of place). */
  always?: boolean;
  path: Path;
  /** Without the field's own name: `must be 2–60, got 99`. Other fields appear as `{Path}`. */
  message: string;
  hint?: string;
  /** The message as a catalogue entry (rules.messages.ts), for the edge to say in the run's language. */
  text?: Message;
  hintText?: Message;
}

export interface RuleContext {
  /** The request after the type check: known fields have their JSON types. */
  request: Record<string, unknown>;
  /** Upper-cased and valid, or undefined (then protocol-dependent rules stay quiet). */
  protocol: Protocol | undefined;
  /** Milliseconds since the epoch, for certificate dates. */
  now: number;
}

interface Emit {
  path: Path;
  /** A catalogue message (rules.messages.ts) or, for rules not yet in the catalogue, English. */
  message: string | Message;
  hint?: string | Message;
  /** Reported under another rule of the table (e.g. a harmless value elsewhere). */
  rule?: string;
}

export interface Rule {
  /** Stable id, e.g. `HealthCheck.TimeOut.range`. */
  id: string;
  /** The fields it reads, as paths (`[]` visits each entry of a list). */
  fields: readonly string[];
  /** What it checks, in a line, for docs/rules.md. */
  checks: string;
  provenance: Provenance;
  /** Where the rule comes from, in a line. */
  source: string;
  /** For an `ours` rule that refuses: why the API's refusal is certain. */
  certain?: string;
  /** Stays on with --no-validate. */
  always?: boolean;
  /** Shown in --help beside the field, e.g. `2–60`. */
  help?: string;
  /** A range or length rule's bounds as data, for the JSON Schema of apply files. */
  bounds?: { kind: 'range' | 'length'; min?: number; max?: number; also?: readonly number[] };
  /** An applicability rule's field and protocols as data (`fieldApplies`). */
  applies?: { field: string; protocols: readonly Protocol[] };
  /**
   * The rules whose findings make this one's moot: where one of them found something at a path
   * (or above it: the whole object), this rule says nothing there. `LoadBalancerId.shape` needs
   * `LoadBalancerId.prefix`: a value without lb- gets one message, not two. They are checked first.
   */
  needs?: readonly string[];
  check(ctx: RuleContext): Emit[];
}

export function severityOf(rule: Pick<Rule, 'provenance' | 'certain'>): Severity {
  return rule.provenance === 'ours' && !rule.certain ? 'warn' : 'refuse';
}

// ---- building blocks -----------------------------------------------------------------------

type Source = Pick<Rule, 'provenance' | 'source' | 'certain'>;
const REF = (source: string): Source => ({ provenance: 'reference', source });
const SDK = (source: string): Source => ({ provenance: 'sdk-model', source });
const OBSERVED = (source: string): Source => ({ provenance: 'observed', source });
const OURS = (source: string, certain?: string): Source => ({ provenance: 'ours', source, ...(certain ? { certain } : {}) });

const L4: readonly Protocol[] = ['TCP', 'UDP'];
const L4_AND_TLS: readonly Protocol[] = ['TCP', 'UDP', 'TCP_SSL', 'QUIC'];
const L7: readonly Protocol[] = ['HTTP', 'HTTPS'];

const isSet = (value: unknown): boolean => value !== undefined;

/**
 * A value quoted back in a message: short, one line, no control characters, and never any part of
 * a private key (a key typed into the wrong field is still a secret).
 */
export function show(value: unknown): string {
  if (holdsPrivateKeyAnywhere(value)) return '<a PEM private key>';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  const safe = text.replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return safe.length > 60 ? `${safe.slice(0, 57)}...` : safe;
}

function holdsPrivateKeyAnywhere(value: unknown): boolean {
  if (typeof value === 'string') return holdsPrivateKey(value);
  if (value && typeof value === 'object') return Object.values(value).some(holdsPrivateKeyAnywhere);
  return false;
}

/** `TCP and UDP`, `TCP, UDP, TCP_SSL and QUIC`. */
export function listWords(items: readonly string[], last = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

function rangeText(min: number | undefined, max: number | undefined, also: readonly number[]): string {
  const span = max === undefined ? `at least ${min}` : min === undefined ? `at most ${max}` : `${min}–${max}`;
  return also.length ? `${also.join(' or ')} or ${span}` : span;
}

/** `must be 2–60, got 99` and its kin, each one whole sentence of the catalogue. */
// `also` holds one value everywhere today (0 or -1); more would need their own sentence.
function rangeMessage(min: number | undefined, max: number | undefined, also: readonly number[], value: number): Message {
  if (also.length) {
    const params = { also: also.join(' or '), value };
    if (max === undefined) return said(M.rangeAlsoAtLeast, { ...params, min: min! });
    if (min === undefined) return said(M.rangeAlsoAtMost, { ...params, max });
    return said(M.rangeAlsoBetween, { ...params, min, max });
  }
  if (max === undefined) return said(M.rangeAtLeast, { min: min!, value });
  if (min === undefined) return said(M.rangeAtMost, { max, value });
  return said(M.rangeBetween, { min, max, value });
}

function range(field: string, min: number | undefined, max: number | undefined, source: Source, also: readonly number[] = []): Rule {
  const text = rangeText(min, max, also);
  return {
    id: `${field.replace('[]', '')}.range`,
    fields: [field],
    checks: `${field.replace('[]', '')} is ${text}`,
    help: text,
    bounds: { kind: 'range', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), also },
    ...source,
    check: ({ request }) =>
      valuesAt(request, field).flatMap(({ path, value }) =>
        typeof value === 'number' && !also.includes(value) && ((min !== undefined && value < min) || (max !== undefined && value > max))
          ? [{ path, message: rangeMessage(min, max, also, value) }]
          : [],
      ),
  };
}

function length(field: string, min: number, max: number, source: Source): Rule {
  const text = min > 0 ? `${min}–${max} characters` : `at most ${max} characters`;
  return {
    id: `${field.replace('[]', '')}.length`,
    fields: [field],
    checks: `${field.replace('[]', '')} has ${text}`,
    help: text,
    bounds: { kind: 'length', min, max },
    ...source,
    check: ({ request }) =>
      valuesAt(request, field).flatMap(({ path, value }) => {
        if (typeof value !== 'string') return [];
        const count = [...value].length;
        const words = min > 0 ? said(M.lengthBetween, { min, max, count }) : said(M.lengthAtMost, { max, count });
        return count < min || count > max ? [{ path, message: words }] : [];
      }),
  };
}

/** Every enum field of every table, as paths (`MultiCertInfo.CertList[].X` style). */
function enumPaths(specs: readonly FieldSpec[], prefix: string): string[] {
  return specs.flatMap((spec) => {
    const here = `${prefix}${spec.api}`;
    if (spec.kind === 'enum') return [here];
    if (spec.kind === 'object' && spec.nested)
      return enumPaths(NESTED_FIELDS[spec.nested], spec.api === 'CertList' ? `${here}[].` : `${here}.`);
    return [];
  });
}

/** An enum field holds one of the values the field table lists. */
function enumValues(fields: readonly string[], id: string, checks: string, source: Source): Rule {
  return {
    id,
    fields,
    checks,
    ...source,
    check: ({ request }) =>
      fields.flatMap((field) => {
        const values = specAt(parsePath(field.replaceAll('[]', '')))?.values ?? [];
        return valuesAt(request, field).flatMap(({ path, value }) => {
          if (typeof value !== 'string' || values.includes(value)) return [];
          const suggestion = closest(value, values);
          const message = suggestion.length
            ? said(M.oneOfSuggest, { values: values.join(', '), value: show(value), suggestion: suggestion.join(', ') })
            : said(M.oneOf, { values: values.join(', '), value: show(value) });
          return [{ path, message }];
        });
      }),
  };
}

function equalValues(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a field (`SniSwitch`, `HealthCheck.CheckPort`) applies to a protocol, by the rules. */
export function fieldApplies(field: string, protocol: Protocol): boolean {
  const { applies } = REGISTRY;
  const [top] = field.split('.');
  if (top !== field && !(applies.get(top!) ?? PROTOCOLS).includes(protocol)) return false;
  return (applies.get(field) ?? PROTOCOLS).includes(protocol);
}

/**
 * A field the sources say applies only to some protocols. Elsewhere it is refused, except its
 * documented default or off value (`off`), which is sent with a warning: no source says the API
 * refuses or honours it there.
 */
function appliesTo(field: string, protocols: readonly Protocol[], source: Source, off: readonly unknown[] = []): Rule {
  const where = `${listWords(protocols)} listeners`;
  const [top] = field.split('.');
  return {
    id: `${field}.protocols`,
    fields: [field, 'Protocol'],
    checks: `${field} applies only to ${where}${off.length ? ` (its off value ${off.map(show).join('/')} elsewhere only warns)` : ''}`,
    ...source,
    applies: { field, protocols },
    // A nested field of an object that does not apply here is reported with its object.
    ...(top !== field ? { needs: [`${top}.protocols`] } : {}),
    check: ({ request, protocol }) => {
      const value = valueAt(request, parsePath(field));
      if (!isSet(value) || !protocol || protocols.includes(protocol)) return [];
      if (off.some((o) => equalValues(o, value))) {
        return [
          {
            path: parsePath(field),
            rule: 'off-value-elsewhere',
            message: said(M.appliesOnlyOffValue, { protocols: listText(protocols), value: show(value), protocol }),
            hint: said(M.leaveOut, { field: `{${field}}` }),
          },
        ];
      }
      return [
        {
          path: parsePath(field),
          message: said(M.appliesOnly, { protocols: listText(protocols), protocol }),
          hint: said(M.leaveOutOrProtocol, { field: `{${field}}`, protocol: protocols[0]! }),
        },
      ];
    },
  };
}

function required(field: string, source: Source): Rule {
  const path = parsePath(field);
  const parent = path.slice(0, -1);
  return {
    id: `${field}.required`,
    fields: [field],
    checks: parent.length ? `${pathText(parent)} has ${path.at(-1)}` : `${field} is given`,
    ...source,
    check: ({ request }) => {
      if (parent.length && !isSet(valueAt(request, parent))) return [];
      const value = valueAt(request, path);
      if (!isSet(value)) return [{ path, message: said(M.required) }];
      if (Array.isArray(value) && value.length === 0) return [{ path, message: said(M.notEmpty) }];
      return [];
    },
  };
}

/** Why a field does not belong: the refusal, and the warning for a harmless value sent as written. */
interface Reason {
  refuse: Message;
  warn(value: string): Message;
}

function reason(refuse: Text, warn: Text, params: Params = {}): Reason {
  return { refuse: said(refuse, params), warn: (value) => said(warn, { ...params, value }) };
}

/**
 * Fields of `parent` that mean something only beside a condition: refused without it, except
 * values `harmless` lets pass (silently, or with the off-value warning).
 */
function onlyWith(
  request: Record<string, unknown>,
  parent: string,
  names: readonly string[],
  why: (object: Record<string, unknown>) => Reason | undefined,
  harmless: (name: string, value: unknown) => 'silent' | 'warn' | undefined = () => undefined,
): Emit[] {
  const object = record(valueAt(request, parsePath(parent)));
  const reason = object && why(object);
  if (!object || reason === undefined) return [];
  return names.flatMap((name): Emit[] => {
    const value = object[name];
    if (!isSet(value)) return [];
    const path = [...parsePath(parent), name];
    const kind = harmless(name, value);
    if (kind === 'silent') return [];
    if (kind === 'warn') return [{ path, rule: 'off-value-elsewhere', message: reason.warn(show(value)) }];
    return [{ path, message: reason.refuse }];
  });
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

// ---- health check --------------------------------------------------------------------------

const HEALTH_DEFAULTS = { TimeOut: 2, IntervalTime: 5 } as const;

const CHECK_TYPES: Partial<Record<Protocol, readonly string[]>> = {
  UDP: ['PING', 'CUSTOM'],
  TCP: ['TCP', 'HTTP', 'CUSTOM'],
  TCP_SSL: ['TCP', 'HTTP'],
  QUIC: ['TCP', 'HTTP'],
};

/** The CheckType in effect: the given one, or the documented default of the protocol. */
function checkTypeOf(health: Record<string, unknown>, protocol: Protocol | undefined): unknown {
  return health.CheckType ?? (protocol === 'UDP' ? 'PING' : protocol && L4_AND_TLS.includes(protocol) ? 'TCP' : undefined);
}

const HTTP_CHECK_FIELDS = ['HttpCode', 'HttpCheckPath', 'HttpCheckDomain', 'HttpCheckMethod'] as const;
const CUSTOM_CHECK_FIELDS = ['ContextType', 'SendContext', 'RecvContext'] as const;

const timeoutBelowInterval: Rule = {
  id: 'HealthCheck.TimeOut.below-interval',
  fields: ['HealthCheck.TimeOut', 'HealthCheck.IntervalTime'],
  checks: 'HealthCheck.TimeOut is less than IntervalTime (defaults 2 and 5)',
  ...REF('HealthCheck: "TimeOut must be less than IntervalTime"; defaults 2 and 5'),
  check: ({ request }) => {
    const health = record(request.HealthCheck);
    if (!health || (!isSet(health.TimeOut) && !isSet(health.IntervalTime))) return [];
    const timeout = typeof health.TimeOut === 'number' ? health.TimeOut : HEALTH_DEFAULTS.TimeOut;
    const interval = typeof health.IntervalTime === 'number' ? health.IntervalTime : HEALTH_DEFAULTS.IntervalTime;
    if (timeout < interval) return [];
    const subject = isSet(health.TimeOut) ? 'TimeOut' : 'IntervalTime';
    const message =
      subject === 'TimeOut'
        ? said(isSet(health.IntervalTime) ? M.timeoutBelowInterval : M.timeoutBelowDefaultInterval, { timeout, interval })
        : said(M.intervalAboveDefaultTimeout, { timeout, interval });
    return [{ path: ['HealthCheck', subject], message }];
  },
};

const checkTypeForProtocol: Rule = {
  id: 'HealthCheck.CheckType.protocols',
  fields: ['HealthCheck.CheckType', 'Protocol'],
  checks: 'HealthCheck.CheckType suits the protocol (UDP: PING, CUSTOM; TCP: TCP, HTTP, CUSTOM; TCP_SSL, QUIC: TCP, HTTP)',
  ...REF('HealthCheck.CheckType: the types each listener protocol supports'),
  // A value that is no CheckType at all is the enum rule's to report.
  needs: ['enum-values'],
  check: ({ request, protocol }) => {
    const health = record(request.HealthCheck);
    const allowed = protocol && CHECK_TYPES[protocol];
    if (!health || !allowed || typeof health.CheckType !== 'string' || allowed.includes(health.CheckType)) return [];
    return [
      {
        path: ['HealthCheck', 'CheckType'],
        message: said(M.checkTypeNotOn, { type: String(health.CheckType), protocol }),
        hint: said(M.useOneOf, { values: { en: listWords(allowed, 'or'), zh: allowed.join('、') } }),
      },
    ];
  },
};

const customNeedsContext: Rule = {
  id: 'HealthCheck.CUSTOM.required',
  fields: CUSTOM_CHECK_FIELDS.map((f) => `HealthCheck.${f}`),
  checks: 'a CUSTOM health check has ContextType, SendContext and RecvContext',
  ...REF('HealthCheck: ContextType, SendContext and RecvContext are required when CheckType is CUSTOM'),
  check: ({ request }) => {
    const health = record(request.HealthCheck);
    if (health?.CheckType !== 'CUSTOM') return [];
    return CUSTOM_CHECK_FIELDS.filter((f) => !isSet(health[f]) || health[f] === '').map((f) => ({
      path: ['HealthCheck', f],
      message: said(M.requiredForCustom),
    }));
  },
};

const contextContent: Rule = {
  id: 'HealthCheck.context.content',
  fields: ['HealthCheck.SendContext', 'HealthCheck.RecvContext', 'HealthCheck.ContextType'],
  checks: 'SendContext and RecvContext are visible ASCII; with ContextType HEX, an even number of 0-9A-F',
  ...REF('HealthCheck: visible ASCII; HEX content uses 0-9A-F and has an even length'),
  check: ({ request }) => {
    const health = record(request.HealthCheck);
    if (!health) return [];
    return (['SendContext', 'RecvContext'] as const).flatMap((key): Emit[] => {
      const text = health[key];
      if (typeof text !== 'string') return [];
      if (health.ContextType === 'HEX' && !(/^[0-9A-F]*$/.test(text) && text.length % 2 === 0)) {
        return [
          {
            path: ['HealthCheck', key],
            message: said(M.hexContext, { value: show(text) }),
          },
        ];
      }
      if (!/^[\x20-\x7e]*$/.test(text)) return [{ path: ['HealthCheck', key], message: said(M.visibleAscii) }];
      return [];
    });
  },
};

const httpCheckOnTcpNeeds: Rule = {
  id: 'HealthCheck.HTTP-on-TCP.required',
  fields: ['HealthCheck.HttpCheckDomain', 'HealthCheck.HttpVersion'],
  checks: 'an HTTP health check on a TCP listener has HttpCheckDomain (may be "") and HttpVersion',
  ...REF('HealthCheck: HttpCheckDomain and HttpVersion are required for the HTTP check of a TCP listener'),
  check: ({ request, protocol }) => {
    const health = record(request.HealthCheck);
    if (!health || protocol !== 'TCP' || health.CheckType !== 'HTTP') return [];
    return (['HttpCheckDomain', 'HttpVersion'] as const)
      .filter((f) => !isSet(health[f]))
      .map((f) => ({ path: ['HealthCheck', f], message: said(M.requiredHttpOnTcp) }));
  },
};

/** Terraform sends `HttpCheckPath: ""` (and `HttpCheckDomain: ""`) with every TCP listener's health check. */
function emptyOnTcp(protocol: Protocol | undefined): (name: string, value: unknown) => 'silent' | 'warn' | undefined {
  return (_name, value) => (value === '' ? (protocol === 'TCP' ? 'silent' : 'warn') : undefined);
}

/** Listeners whose health check may be HTTP: TCP by the reference, TCP_SSL and QUIC by its CheckType list. */
const HTTP_CHECK_PROTOCOLS: readonly Protocol[] = ['TCP', 'TCP_SSL', 'QUIC'];

/** Why an HTTP check field does not belong in this health check, or undefined when it does (or only warns). */
function httpFieldReason(health: Record<string, unknown>, protocol: Protocol): Reason | undefined {
  if (!HTTP_CHECK_PROTOCOLS.includes(protocol)) return reason(M.httpChecksOnly, M.httpChecksOnlySent, { protocol });
  return checkTypeOf(health, protocol) !== 'HTTP' ? reason(M.httpCheckTypeOnly, M.httpCheckTypeOnlySent) : undefined;
}

const httpFieldsOnlyOnTcpHttp: Rule = {
  id: 'HealthCheck.HTTP-fields.applicability',
  fields: HTTP_CHECK_FIELDS.map((f) => `HealthCheck.${f}`),
  checks: 'HttpCode, HttpCheckPath, HttpCheckDomain and HttpCheckMethod are set only for an HTTP health check ("" is harmless)',
  ...REF('HealthCheck: these fields are for HTTP/HTTPS rules and the HTTP check of TCP listeners'),
  check: ({ request, protocol }) => {
    if (!protocol || !L4_AND_TLS.includes(protocol)) return [];
    return onlyWith(request, 'HealthCheck', HTTP_CHECK_FIELDS, (health) => httpFieldReason(health, protocol), emptyOnTcp(protocol));
  },
};

/**
 * The reference names the HTTP check fields for TCP listeners only, but gives TCP_SSL and QUIC
 * listeners an HTTP check type, and the console guide sets a domain, a path, a method, HTTP/1.1 and
 * the status codes on a TCP_SSL listener's HTTP check: sent, with a warning.
 */
const httpFieldsOnTlsHttpCheck: Rule = {
  id: 'HealthCheck.HTTP-fields.TCP_SSL-QUIC',
  fields: [...HTTP_CHECK_FIELDS, 'HttpVersion'].map((f) => `HealthCheck.${f}`),
  checks:
    'HttpCode, HttpCheckPath, HttpCheckDomain, HttpCheckMethod and HttpVersion in the HTTP check of a TCP_SSL or QUIC listener (warning only)',
  ...OURS(
    "the reference names these fields for TCP listeners' HTTP checks only; the console guide sets them on TCP_SSL listeners' HTTP checks, and no source says the API refuses them there",
  ),
  check: ({ request, protocol }) => {
    const health = record(request.HealthCheck);
    if (!health || (protocol !== 'TCP_SSL' && protocol !== 'QUIC') || checkTypeOf(health, protocol) !== 'HTTP') return [];
    return [...HTTP_CHECK_FIELDS, 'HttpVersion' as const]
      .filter((name) => isSet(health[name]) && health[name] !== '')
      .map((name) => ({
        path: ['HealthCheck', name],
        message: said(M.httpFieldOnTls, { protocol }),
      }));
  },
};

// ---- certificates --------------------------------------------------------------------------

const SERVER_UPLOAD = ['CertName', 'CertContent', 'CertKey'] as const;
const CA_UPLOAD = ['CertCaName', 'CertCaContent'] as const;
const MUTUAL_ONLY = ['SSLVerifyClient', 'CertCaId', 'CertCaName', 'CertCaContent'] as const;

/** TCP_SSL listeners, and HTTPS ones with SNI off, carry their certificate on the listener. */
export function needsListenerCertificate(protocol: string | undefined, sniSwitch: unknown): boolean {
  return protocol === 'TCP_SSL' || (protocol === 'HTTPS' && sniSwitch !== 1);
}

const listenerCertificate: Rule = {
  id: 'Certificate.required',
  fields: ['Certificate', 'MultiCertInfo', 'Protocol', 'SniSwitch'],
  checks: 'a TCP_SSL listener, or an HTTPS listener with SNI off, has Certificate or MultiCertInfo',
  ...REF('CreateListener: one of Certificate and MultiCertInfo is required for TCP_SSL and for HTTPS without SNI'),
  check: ({ request, protocol }) => {
    if (!needsListenerCertificate(protocol, request.SniSwitch) || isSet(request.Certificate) || isSet(request.MultiCertInfo)) return [];
    const emit: Emit = { path: ['Certificate'], message: said(protocol === 'HTTPS' ? M.certificateHttps : M.certificateTcpSsl) };
    if (protocol === 'HTTPS') emit.hint = said(M.orTurnSniOn);
    return [emit];
  },
};

const certificateExclusive: Rule = {
  id: 'Certificate.exclusive',
  fields: ['Certificate', 'MultiCertInfo'],
  checks: 'Certificate and MultiCertInfo are not both given',
  ...REF('CreateListener: Certificate and MultiCertInfo cannot be given together'),
  check: ({ request }) =>
    isSet(request.Certificate) && isSet(request.MultiCertInfo) ? [{ path: ['MultiCertInfo'], message: said(M.notWithCertificate) }] : [],
};

const serverCertificate: Rule = {
  id: 'Certificate.server',
  fields: ['Certificate.CertId', 'Certificate.CertName', 'Certificate.CertContent', 'Certificate.CertKey'],
  checks: 'Certificate has CertId, or CertName, CertContent and CertKey to upload one',
  ...REF('CertificateInput: without CertId, CertContent, CertKey and CertName must be uploaded'),
  check: ({ request }) => {
    const cert = record(request.Certificate);
    if (!cert || isSet(cert.CertId)) return [];
    const given = SERVER_UPLOAD.filter((k) => isSet(cert[k]));
    if (given.length === 0) {
      return [
        {
          path: ['Certificate', 'CertId'],
          message: said(M.certIdOrUpload),
        },
      ];
    }
    return SERVER_UPLOAD.filter((k) => !isSet(cert[k])).map((k) => ({
      path: ['Certificate', k],
      message: said(M.requiredToUpload),
    }));
  },
};

/** An id and the upload of the same certificate: no source says which wins. */
const idOrUpload: Rule = {
  id: 'certificate.id-or-upload',
  fields: ['Certificate.CertId', 'Certificate.CertCaId', 'MultiCertInfo.CertList[].CertId'],
  checks: 'a certificate is given by id or by upload, not both',
  ...OURS('the reference asks for the upload only when the id is missing; which one the API uses when both come is not documented'),
  check: ({ request }) => {
    const out: Emit[] = [];
    const cert = record(request.Certificate);
    if (cert && isSet(cert.CertId) && SERVER_UPLOAD.some((k) => isSet(cert[k]))) {
      out.push({
        path: ['Certificate', 'CertId'],
        message: said(M.idAndUpload),
        hint: said(M.apiMayUseEither),
      });
    }
    if (cert && isSet(cert.CertCaId) && CA_UPLOAD.some((k) => isSet(cert[k]))) {
      out.push({ path: ['Certificate', 'CertCaId'], message: said(M.caIdAndUpload) });
    }
    for (const { path, value } of valuesAt(request, 'MultiCertInfo.CertList[]')) {
      const entry = record(value);
      if (entry && isSet(entry.CertId) && (isSet(entry.CertContent) || isSet(entry.CertKey))) {
        out.push({ path: [...path, 'CertId'], message: said(M.idAndContent) });
      }
    }
    return out;
  },
};

const mutualNeedsCa: Rule = {
  id: 'Certificate.MUTUAL.ca',
  fields: ['Certificate.SSLMode', 'Certificate.CertCaId', 'Certificate.CertCaName', 'Certificate.CertCaContent'],
  checks: 'Certificate with SSLMode MUTUAL has CertCaId, or CertCaName and CertCaContent',
  ...REF('CertificateInput: with MUTUAL and no CertCaId, CertCaContent and CertCaName must be uploaded'),
  check: ({ request }) => {
    const cert = record(request.Certificate);
    if (cert?.SSLMode !== 'MUTUAL' || isSet(cert.CertCaId)) return [];
    const given = CA_UPLOAD.filter((k) => isSet(cert[k]));
    if (given.length === 0) {
      return [
        {
          path: ['Certificate', 'CertCaId'],
          message: said(M.caIdOrUpload),
        },
      ];
    }
    return CA_UPLOAD.filter((k) => !isSet(cert[k])).map((k) => ({
      path: ['Certificate', k],
      message: said(M.requiredToUploadCa),
    }));
  },
};

/**
 * The reference describes SSLVerifyClient and the client CA for mutual TLS; it does not say the
 * API refuses them beside UNIDIRECTIONAL (Terraform sends a CA id with either mode): sent, with a
 * warning that no client is verified.
 */
const certificateMutualOnly: Rule = {
  id: 'Certificate.MUTUAL-only',
  fields: MUTUAL_ONLY.map((f) => `Certificate.${f}`),
  checks: 'SSLVerifyClient and the client CA fields come with SSLMode MUTUAL (elsewhere a warning)',
  ...OURS(
    'the reference describes SSLVerifyClient and the client CA for MUTUAL only, and no source says the API refuses them with UNIDIRECTIONAL, where no client is verified',
  ),
  check: ({ request }) => mutualOnlyWarnings(request, 'Certificate', MUTUAL_ONLY),
};

/** Each of `names` set in `parent` without SSLMode MUTUAL, said once: it is sent, and verifies no client. */
function mutualOnlyWarnings(request: Record<string, unknown>, parent: 'Certificate' | 'MultiCertInfo', names: readonly string[]): Emit[] {
  const object = record(request[parent]);
  if (!object || object.SSLMode === 'MUTUAL') return [];
  return names
    .filter((name) => isSet(object[name]))
    .map((name) => ({
      path: [parent, name],
      message:
        name === 'CertCaContent'
          ? said(M.mutualOnlyContent, { mode: `{${parent}.SSLMode}` })
          : said(M.mutualOnlyValue, { mode: `{${parent}.SSLMode}`, value: show(object[name]) }),
    }));
}

/** MultiCertInfo entries: an upload without a key can only be the client CA (CertInfo has no type field). */
function multiEntries(request: Record<string, unknown>): { path: Path; entry: Record<string, unknown> }[] {
  return valuesAt(request, 'MultiCertInfo.CertList[]').flatMap(({ path, value }) => {
    const entry = record(value);
    return entry ? [{ path, entry }] : [];
  });
}

const multiEntry: Rule = {
  id: 'MultiCertInfo.CertList.entry',
  fields: [
    'MultiCertInfo.CertList[].CertId',
    'MultiCertInfo.CertList[].CertName',
    'MultiCertInfo.CertList[].CertContent',
    'MultiCertInfo.CertList[].CertKey',
  ],
  checks: 'each MultiCertInfo.CertList entry has CertId, or CertName and CertContent (and CertKey for a server certificate)',
  ...REF('CertInfo: without CertId, upload CertName and CertContent, plus CertKey for a server certificate'),
  check: ({ request }) => {
    const mutual = record(request.MultiCertInfo)?.SSLMode === 'MUTUAL';
    return multiEntries(request).flatMap(({ path, entry }): Emit[] => {
      if (isSet(entry.CertId)) return [];
      const missing = ['CertName', 'CertContent'].filter((k) => !isSet(entry[k]));
      if (missing.length === 2) return [{ path: [...path, 'CertId'], message: said(M.entryIdOrUpload) }];
      if (missing.length) return missing.map((k) => ({ path: [...path, k], message: said(M.requiredToUpload) }));
      if (!mutual && !isSet(entry.CertKey)) {
        return [
          {
            path: [...path, 'CertKey'],
            message: said(M.keyRequiredOneWay),
          },
        ];
      }
      return [];
    });
  },
};

const multiOneCa: Rule = {
  id: 'MultiCertInfo.MUTUAL.one-ca',
  fields: ['MultiCertInfo.SSLMode', 'MultiCertInfo.CertList[]'],
  checks: 'with SSLMode MUTUAL, MultiCertInfo.CertList holds exactly one CA certificate (an upload without CertKey)',
  ...REF('MultiCertInfo.CertList: with MUTUAL the list must include one CA certificate'),
  check: ({ request }) => {
    const multi = record(request.MultiCertInfo);
    if (multi?.SSLMode !== 'MUTUAL') return [];
    const entries = multiEntries(request);
    const cas = entries.filter(({ entry }) => !isSet(entry.CertId) && isSet(entry.CertContent) && !isSet(entry.CertKey));
    const byId = entries.filter(({ entry }) => isSet(entry.CertId));
    if (cas.length > 1) {
      return [{ path: [...cas[1]!.path], message: said(M.secondCa) }];
    }
    // An entry given by id may be the CA: its type is not known here.
    if (cas.length === 0 && byId.length === 0 && entries.length > 0) {
      return [
        {
          path: ['MultiCertInfo', 'CertList'],
          message: said(M.noCa),
        },
      ];
    }
    return [];
  },
};

const multiMutualOnly: Rule = {
  id: 'MultiCertInfo.SSLVerifyClient.MUTUAL-only',
  fields: ['MultiCertInfo.SSLVerifyClient'],
  checks: 'MultiCertInfo.SSLVerifyClient comes with SSLMode MUTUAL (elsewhere a warning)',
  ...OURS('the reference describes SSLVerifyClient for MUTUAL only, and no source says the API refuses it with UNIDIRECTIONAL'),
  check: ({ request }) => mutualOnlyWarnings(request, 'MultiCertInfo', ['SSLVerifyClient']),
};

// ---- certificate content: the same checks whatever the input path ---------------------------

/** Where certificates and keys sit: [certificate field, its key field or undefined, is a CA]. */
function pemSlots(request: Record<string, unknown>): { cert: Path; key?: Path; ca: boolean }[] {
  const slots: { cert: Path; key?: Path; ca: boolean }[] = [];
  if (record(request.Certificate)) {
    slots.push({ cert: ['Certificate', 'CertContent'], key: ['Certificate', 'CertKey'], ca: false });
    slots.push({ cert: ['Certificate', 'CertCaContent'], ca: true });
  }
  const mutual = record(request.MultiCertInfo)?.SSLMode === 'MUTUAL';
  for (const { path, entry } of multiEntries(request)) {
    const ca = mutual && !isSet(entry.CertKey);
    slots.push({ cert: [...path, 'CertContent'], ...(ca ? {} : { key: [...path, 'CertKey'] }), ca });
  }
  return slots;
}

/** Every string in the request that is not a key field, with its path. */
function strings(value: unknown, path: (string | number)[] = []): { path: Path; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, [...path, i]));
  const object = record(value);
  return object ? Object.entries(object).flatMap(([k, v]) => strings(v, [...path, k])) : [];
}

const privateKeyOutOfPlace: Rule = {
  id: 'private-key.out-of-place',
  fields: ['*'],
  checks: 'a PEM private key appears only in a CertKey field',
  ...OURS(
    'a private key is a secret: sent in another field it would be stored and shown as ordinary data',
    'no other field takes a private key: a certificate field holding one cannot be a certificate',
  ),
  always: true,
  check: ({ request }) =>
    strings(request).flatMap(({ path, text }): Emit[] => {
      if (path.at(-1) === 'CertKey' || !holdsPrivateKey(text)) return [];
      const keyPath = [...path.slice(0, -1), 'CertKey'];
      const swapped =
        path.at(-1) === 'CertContent' &&
        typeof valueAt(request, keyPath) === 'string' &&
        /-----BEGIN CERTIFICATE-----/.test(valueAt(request, keyPath) as string);
      return [
        {
          path,
          // The key's own field named in the user's words (--key-file, the private key question).
          message: said(M.privateKeyOutOfPlace, { field: `{${pathText(keyPath)}}` }),
          hint: swapped
            ? `are {${pathText(path)}} and {${pathText(keyPath)}} swapped?`
            : 'give the certificate here and the key in CertKey',
        },
      ];
    }),
};

interface PemReading {
  slot: { cert: Path; key?: Path; ca: boolean };
  cert?: InspectedCertificate;
}

function readPem(request: Record<string, unknown>): PemReading[] {
  return pemSlots(request).map((slot) => {
    const text = valueAt(request, slot.cert);
    const cert = typeof text === 'string' && !holdsPrivateKey(text) ? inspectCertificate(text) : undefined;
    return cert ? { slot, cert } : { slot };
  });
}

const certificateParses: Rule = {
  id: 'certificate.pem',
  fields: ['Certificate.CertContent', 'Certificate.CertCaContent', 'MultiCertInfo.CertList[].CertContent'],
  checks: 'certificate content is a PEM certificate that parses (otherwise sent with a warning)',
  ...OURS(
    "the API page's own upload example sends placeholder text and is answered with success; only the SSL service's own upload action documents a parse error",
  ),
  // A private key where the certificate belongs is reported as that, not as a certificate that does not parse.
  needs: ['private-key.out-of-place'],
  check: ({ request }) =>
    readPem(request).flatMap(({ slot, cert }) => {
      const text = valueAt(request, slot.cert);
      return typeof text === 'string' && !cert
        ? [
            {
              path: slot.cert,
              message: said(M.notPem),
              hint: said(M.givePem),
            },
          ]
        : [];
    }),
};

const keyParses: Rule = {
  id: 'private-key.pem',
  fields: ['Certificate.CertKey', 'MultiCertInfo.CertList[].CertKey'],
  checks: 'CertKey is an unencrypted PEM private key that parses (otherwise sent with a warning)',
  ...OURS("the API page's own upload example sends placeholder text, so the API is not known to refuse it at this step"),
  check: ({ request }) =>
    pemSlots(request).flatMap(({ key }): Emit[] => {
      const text = key && valueAt(request, key);
      if (typeof text !== 'string' || inspectPrivateKey(text)) return [];
      const isCertificate = /-----BEGIN CERTIFICATE-----/.test(text);
      return [
        {
          path: key!,
          message: isCertificate
            ? 'holds a certificate, not a private key'
            : 'is not an unencrypted PEM private key that can be parsed; it is sent as written',
          hint: isCertificate
            ? 'give the private key of the certificate here'
            : 'give the PEM private key (-----BEGIN … PRIVATE KEY-----), decrypted',
        },
      ];
    }),
};

const keyMatchesCertificate: Rule = {
  id: 'private-key.matches',
  fields: ['Certificate.CertKey', 'MultiCertInfo.CertList[].CertKey'],
  checks: 'an uploaded private key belongs to its certificate',
  ...SDK(
    'the SSL certificate service, which keeps uploaded certificates, documents FailedOperation.CertificateMismatch for a key that does not match',
  ),
  check: ({ request }) =>
    readPem(request).flatMap(({ slot, cert }): Emit[] => {
      const key = slot.key && valueAt(request, slot.key);
      if (!cert || typeof key !== 'string') return [];
      const parsed = inspectPrivateKey(key);
      return parsed && !keyMatches(cert, parsed)
        ? [
            {
              path: slot.key!,
              message: said(M.keyMismatch, { certificate: `{${pathText(slot.cert)}}` }),
              hint: said(M.giveMatchingKey),
            },
          ]
        : [];
    }),
};

const certificateDates: Rule = {
  id: 'certificate.dates',
  fields: ['Certificate.CertContent', 'Certificate.CertCaContent', 'MultiCertInfo.CertList[].CertContent'],
  checks: 'a certificate is in date and not within 30 days of expiry',
  ...OURS(
    "neither CreateListener nor the SSL service's UploadCertificate documents an error for an expired certificate; clients will refuse it",
  ),
  check: ({ request, now }) =>
    readPem(request).flatMap(({ slot, cert }): Emit[] => {
      if (!cert) return [];
      const { validFrom, validTo } = cert.summary;
      const day = (d: Date) => d.toISOString().slice(0, 10);
      if (validTo.getTime() < now)
        return [
          {
            path: slot.cert,
            message: said(M.expired, { day: day(validTo) }),
            hint: said(M.renew),
          },
        ];
      if (validFrom.getTime() > now) return [{ path: slot.cert, message: said(M.notYetValid, { day: day(validFrom) }) }];
      if (validTo.getTime() - now < THIRTY_DAYS_MS) return [{ path: slot.cert, message: said(M.expiresSoon, { day: day(validTo) }) }];
      return [];
    }),
};

const caIsCa: Rule = {
  id: 'certificate.ca',
  fields: ['Certificate.CertCaContent', 'MultiCertInfo.CertList[].CertContent'],
  checks: 'a client CA certificate is a CA (basicConstraints CA:TRUE)',
  ...OURS('mutual TLS needs the CA that issued the client certificates; no source says the API checks it'),
  check: ({ request }) =>
    readPem(request).flatMap(({ slot, cert }) =>
      slot.ca && cert && !cert.summary.isCA
        ? [
            {
              path: slot.cert,
              message: said(M.notCa),
              hint: said(M.mutualNeedsCa),
            },
          ]
        : [],
    ),
};

const multiAlgorithms: Rule = {
  id: 'MultiCertInfo.CertList.algorithms',
  fields: ['MultiCertInfo.CertList[].CertContent'],
  checks: 'the server certificates of MultiCertInfo do not repeat an algorithm (RSA, ECC, SM2)',
  ...REF('MultiCertInfo.CertList: server certificates may not repeat an algorithm type'),
  check: ({ request }) => {
    const seen = new Map<string, Path>();
    const out: Emit[] = [];
    for (const { slot, cert } of readPem(request)) {
      if (slot.ca || !cert || slot.cert[0] !== 'MultiCertInfo') continue;
      const earlier = seen.get(cert.algorithm);
      if (earlier)
        out.push({ path: slot.cert, message: said(M.sameAlgorithm, { algorithm: cert.algorithm, other: `{${pathText(earlier)}}` }) });
      else seen.set(cert.algorithm, slot.cert);
    }
    return out;
  },
};

// ---- ports, names, ids ---------------------------------------------------------------------

const portsUnique: Rule = {
  id: 'Ports.unique',
  fields: ['Ports'],
  checks: 'no port is given twice',
  ...OURS(
    'each port creates one listener',
    'two listeners of one protocol cannot share a port: the API answers InvalidParameter.PortCheckFailed',
  ),
  check: ({ request }) => {
    const ports = Array.isArray(request.Ports) ? request.Ports : [];
    // A set, not indexOf: an apply entry may list tens of thousands of ports.
    const seen = new Set<unknown>();
    return ports.flatMap((port, i) => {
      if (!seen.has(port)) {
        seen.add(port);
        return [];
      }
      return [{ path: ['Ports', i], message: said(M.portTwice, { port }) }];
    });
  },
};

const portsCount: Rule = {
  id: 'Ports.count',
  fields: ['Ports'],
  checks: `at most ${MAX_PORTS_PER_CREATE} ports in one request`,
  ...OBSERVED(
    'CreateListener refuses 50 or more Ports ("Length of .Ports should be less than 50"), as recorded by Tencent\'s TKE service controller, which batches at 49',
  ),
  check: ({ request }) => {
    const ports = Array.isArray(request.Ports) ? request.Ports : [];
    return ports.length > MAX_PORTS_PER_CREATE
      ? [
          {
            path: ['Ports'],
            message: said(M.portsCount, { count: ports.length, max: MAX_PORTS_PER_CREATE }),
            hint: said(M.portsCountHint, { max: MAX_PORTS_PER_CREATE }),
          },
        ]
      : [];
  },
};

const namesMatchPorts: Rule = {
  id: 'ListenerNames.count',
  fields: ['ListenerNames', 'Ports'],
  checks: 'ListenerNames has one name per port',
  ...REF('CreateListener: ListenerNames correspond one to one with Ports'),
  check: ({ request }) => {
    const names = request.ListenerNames;
    const ports = request.Ports;
    if (!Array.isArray(names) || !Array.isArray(ports) || names.length === ports.length) return [];
    return [
      {
        path: ['ListenerNames'],
        message: said(M.namesForPorts, { names: names.length, ports: ports.length }),
        hint: said(M.oneNamePerPort),
      },
    ];
  },
};

const namesCharacters: Rule = {
  id: 'ListenerNames.characters',
  fields: ['ListenerNames[]'],
  checks: 'listener names hold no supplementary-plane characters (emoji)',
  ...REF('CreateListener.ListenerNames: Unicode supplementary characters such as emoji are not allowed'),
  check: ({ request }) =>
    valuesAt(request, 'ListenerNames[]').flatMap(({ path, value }) =>
      typeof value === 'string' && /[\u{10000}-\u{10FFFF}]/u.test(value)
        ? [{ path, message: said(M.noEmoji, { value: show(value) }) }]
        : [],
    ),
};

const controlCharacters: Rule = {
  id: 'strings.control-characters',
  fields: [
    'LoadBalancerId',
    'ListenerNames[]',
    'HealthCheck.HttpCheckPath',
    'HealthCheck.HttpCheckDomain',
    'HealthCheck.SendContext',
    'HealthCheck.RecvContext',
    'Certificate.CertId',
    'Certificate.CertName',
    'Certificate.CertContent',
    'MultiCertInfo.CertList[].CertId',
  ],
  checks: 'no string holds a control character (C0, DEL, C1, escape sequences); CR, LF and tab only inside PEM text',
  ...OBSERVED(
    'the API answers an error to a control character in an id, a name, a path or PEM text; ListenerNames, SendContext/RecvContext, HttpCheckDomain and HttpCheckPath also list the characters they allow',
  ),
  check: ({ request }) =>
    controlCharacterProblems(request).map(({ path, message }) => ({
      path,
      message,
      hint: said(M.removeControl),
    })),
};

const endPortOneStart: Rule = {
  id: 'EndPort.one-port',
  fields: ['EndPort', 'Ports'],
  checks: 'with EndPort, Ports holds exactly one port (the start), below EndPort',
  ...REF('CreateListener.EndPort: Ports then holds only the start port'),
  check: ({ request }) => {
    const ports = Array.isArray(request.Ports) ? request.Ports : [];
    if (typeof request.EndPort !== 'number') return [];
    if (ports.length !== 1) return [{ path: ['EndPort'], message: said(M.endPortOnePort, { count: ports.length }) }];
    return request.EndPort <= (ports[0] as number)
      ? [{ path: ['EndPort'], message: said(M.endPortAbove, { end: String(request.EndPort), start: ports[0]! }) }]
      : [];
  },
};

const lbIdPrefix: Rule = {
  id: 'LoadBalancerId.prefix',
  fields: ['LoadBalancerId'],
  checks: 'LoadBalancerId starts with lb-',
  ...OURS('every load balancer id has the form lb-…', 'a value without the lb- prefix names no load balancer: the API answers an error'),
  check: ({ request }) =>
    typeof request.LoadBalancerId === 'string' && !/^lb-./.test(request.LoadBalancerId)
      ? [
          {
            path: ['LoadBalancerId'],
            message: said(M.lbIdShape, { value: show(request.LoadBalancerId) }),
            hint: said(M.lbIdHint),
          },
        ]
      : [],
};

const lbIdShape: Rule = {
  id: 'LoadBalancerId.shape',
  fields: ['LoadBalancerId'],
  checks: 'LoadBalancerId is lb- and 8 lower-case letters or digits',
  ...OURS('the SDK documents the form lb-12345678 and every id seen has 8 lower-case characters; no source makes it a rule'),
  // A value without the prefix gets that message alone.
  needs: ['LoadBalancerId.prefix'],
  check: ({ request }) =>
    typeof request.LoadBalancerId === 'string' && !/^lb-[a-z0-9]{8}$/.test(request.LoadBalancerId)
      ? [
          {
            path: ['LoadBalancerId'],
            message: said(M.lbIdUnusual, { value: show(request.LoadBalancerId) }),
          },
        ]
      : [],
};

const CERTIFICATE_TEXT_FIELDS = [
  'Certificate.CertId',
  'Certificate.CertCaId',
  'Certificate.CertName',
  'Certificate.CertCaName',
  'Certificate.CertContent',
  'Certificate.CertKey',
  'Certificate.CertCaContent',
  'MultiCertInfo.CertList[].CertId',
  'MultiCertInfo.CertList[].CertName',
  'MultiCertInfo.CertList[].CertContent',
  'MultiCertInfo.CertList[].CertKey',
];

const emptyIds: Rule = {
  id: 'certificate.empty-fields',
  fields: CERTIFICATE_TEXT_FIELDS,
  checks: 'certificate ids, names and contents are not empty (the client CA fields only with SSLMode MUTUAL)',
  ...OURS('an empty certificate field', 'an empty id names no certificate and an empty upload uploads nothing: the API answers an error'),
  // Without MUTUAL the client CA is not used: an empty one is a harmless value, which
  // Certificate.MUTUAL-only reports (as a warning) instead.
  needs: ['Certificate.MUTUAL-only'],
  check: ({ request }) =>
    CERTIFICATE_TEXT_FIELDS.flatMap((field) =>
      valuesAt(request, field).flatMap(({ path, value }) => (value === '' ? [{ path, message: said(M.notEmpty) }] : [])),
    ),
};

// ---- listener fields -------------------------------------------------------------------------

const idleTicket: Rule = {
  id: 'IdleConnectTimeout.ticket',
  fields: ['IdleConnectTimeout'],
  checks: 'IdleConnectTimeout above 1980 needs a quota ticket',
  ...OURS('the reference accepts 10–900 (10–1980 on performance-capacity instances) and says larger values need a ticket'),
  check: ({ request }) =>
    typeof request.IdleConnectTimeout === 'number' && request.IdleConnectTimeout > 1980 && request.IdleConnectTimeout <= 3600
      ? [
          {
            path: ['IdleConnectTimeout'],
            message: said(M.idleAboveQuota, { value: String(request.IdleConnectTimeout) }),
          },
        ]
      : [],
};

const quicCid: Rule = {
  id: 'SessionType.QUIC_CID',
  fields: ['SessionType', 'Protocol', 'Scheduler'],
  checks: 'SessionType QUIC_CID comes with Protocol UDP and Scheduler WRR',
  ...REF('CreateListener.SessionType: QUIC_CID needs Protocol UDP and Scheduler WRR'),
  check: ({ request, protocol }) => {
    if (request.SessionType !== 'QUIC_CID') return [];
    const out: Emit[] = [];
    if (protocol && protocol !== 'UDP') out.push({ path: ['SessionType'], message: said(M.quicCidUdp, { protocol }) });
    if (isSet(request.Scheduler) && request.Scheduler !== 'WRR')
      out.push({ path: ['Scheduler'], message: said(M.quicCidWrr, { value: show(request.Scheduler) }) });
    return out;
  },
};

const schedulerLayer7: Rule = {
  id: 'Scheduler.layer-7',
  fields: ['Scheduler', 'Protocol'],
  checks: 'Scheduler other than WRR on an HTTP/HTTPS listener',
  ...OURS(
    'Terraform sends Scheduler WRR on every HTTP/HTTPS listener it creates; no source shows another value accepted or refused there (rules carry the layer-7 scheduler)',
  ),
  check: ({ request, protocol }) =>
    protocol && L7.includes(protocol) && typeof request.Scheduler === 'string' && request.Scheduler !== 'WRR'
      ? [
          {
            path: ['Scheduler'],
            message: said(M.schedulerOnL7, { scheduler: String(request.Scheduler), protocol }),
          },
        ]
      : [],
};

const offValueElsewhere: Rule = {
  id: 'off-value-elsewhere',
  fields: ['*'],
  checks: "a field's default or off value sent where the field does not apply (warning only)",
  ...OURS('no source says the API refuses or honours a harmless value (0, false, -1, "") on a protocol the field does not apply to'),
  // Reported by the applicability rules above; nothing of its own to check.
  check: () => [],
};

const unknownField: Rule = {
  id: 'unknown-field',
  fields: ['*'],
  checks: 'every field is one the API defines',
  ...REF('the API answers UnknownParameter for a field it does not define'),
  check: ({ request }) => unknownKeys(request, CREATE_LISTENER_FIELDS, []),
};

/** What a field name can look like: API names are letters and digits, and a typo of one stays close. */
const FIELD_LIKE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

function unknownKeys(value: Record<string, unknown>, specs: readonly FieldSpec[], path: (string | number)[]): Emit[] {
  const out: Emit[] = [];
  for (const [key, child] of Object.entries(value)) {
    const spec = specs.find((s) => s.api === key);
    if (!spec) {
      const known = specs.map((s) => s.api);
      const guess = closestName(key, known);
      out.push({
        // A key that could be a field's name is quoted back; anything else (a line of a file read
        // by mistake: a password hash, a key) is only measured, never echoed as a "field".
        path: [...path, FIELD_LIKE.test(key) ? key : `<a key of ${key.length} characters>`],
        message: guess ? said(M.unknownFieldGuess, { guess }) : said(M.unknownField),
        hint: path.length
          ? said(M.validFieldsOf, { parent: pathText(path), fields: known.join(', ') })
          : said(M.validFields, { fields: known.join(', ') }),
      });
      continue;
    }
    if (!spec.nested) continue;
    const nested = NESTED_FIELDS[spec.nested];
    if (Array.isArray(child)) {
      for (const [i, item] of child.entries()) {
        const entry = record(item);
        if (entry) out.push(...unknownKeys(entry, nested, [...path, key, i]));
      }
    } else {
      const object = record(child);
      if (object) out.push(...unknownKeys(object, nested, [...path, key]));
    }
  }
  return out;
}

// ---- the table -------------------------------------------------------------------------------

const ENUMS = enumPaths(CREATE_LISTENER_FIELDS, '').filter((p) => p !== 'TargetType');

// biome-ignore format: one rule a line keeps the table readable as a table
export const RULES: readonly Rule[] = [
  unknownField,
  privateKeyOutOfPlace,
  controlCharacters,
  required('LoadBalancerId', REF('CreateListener: LoadBalancerId is required')),
  required('Ports', REF('CreateListener: Ports is required')),
  required('Protocol', REF('CreateListener: Protocol is required')),
  required('MultiCertInfo.SSLMode', REF('MultiCertInfo: SSLMode is required')),
  required('MultiCertInfo.CertList', REF('MultiCertInfo: CertList is required')),
  enumValues(ENUMS, 'enum-values', 'enum fields hold one of their documented values (upper-case ones in any case: sent upper-cased)', REF('each enum field lists its values; the API page\'s example 6 sends "tcp"')),
  enumValues(['TargetType'], 'TargetType.values', 'TargetType is NODE, TARGETGROUP or TARGETGROUP-V2', SDK('the SDK\'s Listener and RuleInput models list TARGETGROUP-V2; Terraform\'s target_type accepts it')),
  lbIdPrefix,
  lbIdShape,
  range('Ports[]', 1, 65535, REF('CreateListener.Ports: 1–65535')),
  portsUnique,
  portsCount,
  namesMatchPorts,
  length('ListenerNames[]', 1, 80, REF('CreateListener.ListenerNames: 1–80 characters')),
  namesCharacters,
  range('EndPort', 2, 65535, REF('Listener.EndPort: 2–65535')),
  endPortOneStart,
  range('FullEndPorts[]', 2, 65535, REF('CreateListener.FullEndPorts: 2–65535')),
  appliesTo('HealthCheck', L4_AND_TLS, REF('CreateListener.HealthCheck: TCP, UDP, TCP_SSL and QUIC only'), [{ HealthSwitch: 0 }]),
  appliesTo('Certificate', ['HTTPS', 'TCP_SSL', 'QUIC'], SDK('CreateListener: TCP_SSL and HTTPS; ModifyListener adds QUIC')),
  appliesTo('MultiCertInfo', ['HTTPS', 'TCP_SSL'], REF('CreateListener.MultiCertInfo: TCP_SSL and HTTPS only')),
  listenerCertificate,
  certificateExclusive,
  appliesTo('SessionExpireTime', L4, REF('CreateListener.SessionExpireTime: TCP and UDP only; 0 (the default) is off'), [0]),
  range('SessionExpireTime', 30, 3600, REF('CreateListener.SessionExpireTime: 30–3600, default 0 (off)'), [0]),
  schedulerLayer7,
  appliesTo('SniSwitch', ['HTTPS'], REF('CreateListener.SniSwitch: HTTPS only'), [0]),
  range('SniSwitch', 0, 1, REF('CreateListener.SniSwitch: 0 off, 1 on')),
  appliesTo('TargetType', L4_AND_TLS, OBSERVED('Terraform sends TargetType on every TCP, UDP, TCP_SSL and QUIC listener it creates, and its acceptance tests create TCP_SSL listeners with TARGETGROUP (the reference names only TCP and UDP)'), ['NODE']),
  appliesTo('SessionType', L4, REF('CreateListener.SessionType: TCP and UDP only'), ['NORMAL']),
  quicCid,
  appliesTo('KeepaliveEnable', L7, REF('CreateListener.KeepaliveEnable: HTTP and HTTPS only'), [0]),
  range('KeepaliveEnable', 0, 1, REF('CreateListener.KeepaliveEnable: 0 off, 1 on')),
  appliesTo('DeregisterTargetRst', L4, REF('CreateListener.DeregisterTargetRst: TCP and UDP only'), [false]),
  appliesTo('MaxConn', L4_AND_TLS, REF('CreateListener.MaxConn: TCP, UDP, TCP_SSL and QUIC'), [-1]),
  range('MaxConn', 1, undefined, REF('CreateListener.MaxConn: -1 is no limit; ModifyListener: from 1'), [-1]),
  appliesTo('MaxCps', L4_AND_TLS, REF('CreateListener.MaxCps: TCP, UDP, TCP_SSL and QUIC'), [-1]),
  range('MaxCps', 1, undefined, REF('CreateListener.MaxCps: -1 is no limit; ModifyListener: from 1'), [-1]),
  appliesTo('IdleConnectTimeout', L4, REF('CreateListener.IdleConnectTimeout: TCP and UDP only')),
  range('IdleConnectTimeout', 10, 3600, SDK('CreateListener: 10–1980 (larger with a ticket); ModifyListener: at most 3600')),
  idleTicket,
  appliesTo('ProxyProtocol', ['TCP_SSL', 'QUIC'], REF('CreateListener.ProxyProtocol: TCP_SSL and QUIC'), [false]),
  appliesTo('H2cSwitch', ['HTTP'], REF('CreateListener.H2cSwitch: private-network HTTP listeners'), [false]),
  appliesTo('SslCloseSwitch', ['TCP_SSL'], REF('CreateListener.SslCloseSwitch: TCP_SSL listeners'), [false]),
  appliesTo('RescheduleTargetZeroWeight', L4, REF('CreateListener.Reschedule*: TCP and UDP only'), [false]),
  appliesTo('RescheduleUnhealthy', L4, REF('CreateListener.Reschedule*: TCP and UDP only'), [false]),
  appliesTo('RescheduleExpandTarget', L4, REF('CreateListener.Reschedule*: TCP and UDP only'), [false]),
  appliesTo('RescheduleStartTime', L4, REF('CreateListener.Reschedule*: TCP and UDP only'), [0]),
  appliesTo('RescheduleInterval', L4, REF('CreateListener.Reschedule*: TCP and UDP only'), [0]),
  range('RescheduleStartTime', 0, 3600, REF('CreateListener.RescheduleStartTime: 0–3600 s')),
  range('RescheduleInterval', 0, 3600, REF('CreateListener.RescheduleInterval: 0–3600 s')),
  range('HealthCheck.HealthSwitch', 0, 1, REF('HealthCheck.HealthSwitch: 1 on, 0 off')),
  range('HealthCheck.TimeOut', 2, 60, REF('HealthCheck.TimeOut: 2–60 s')),
  range('HealthCheck.IntervalTime', 2, 300, REF('HealthCheck.IntervalTime: 2–300 s (5–300 on IPv6 and some older instances)')),
  range('HealthCheck.HealthNum', 2, 10, REF('HealthCheck.HealthNum: 2–10')),
  range('HealthCheck.UnHealthNum', 2, 10, REF('HealthCheck.UnHealthNum: 2–10')),
  range('HealthCheck.HttpCode', 1, 31, REF('HealthCheck.HttpCode: a bitmask 1–31')),
  range('HealthCheck.CheckPort', 1, 65535, REF('HealthCheck.CheckPort: a port; -1 restores the default'), [-1]),
  range('HealthCheck.SourceIpType', 0, 1, REF('HealthCheck.SourceIpType: 0 or 1')),
  timeoutBelowInterval,
  checkTypeForProtocol,
  customNeedsContext,
  onlyWithCustom(),
  length('HealthCheck.SendContext', 0, 500, REF('HealthCheck.SendContext: at most 500 characters')),
  length('HealthCheck.RecvContext', 0, 500, REF('HealthCheck.RecvContext: at most 500 characters')),
  contextContent,
  appliesTo('HealthCheck.CheckPort', L4, REF('HealthCheck.CheckPort: TCP and UDP listeners'), [-1]),
  appliesTo('HealthCheck.ContextType', L4, REF('HealthCheck.ContextType: TCP and UDP listeners')),
  appliesTo('HealthCheck.SendContext', L4, REF('HealthCheck.SendContext: TCP and UDP listeners'), ['']),
  appliesTo('HealthCheck.RecvContext', L4, REF('HealthCheck.RecvContext: TCP and UDP listeners'), ['']),
  httpCheckOnTcpNeeds,
  httpFieldsOnlyOnTcpHttp,
  httpVersionOnly(),
  httpFieldsOnTlsHttpCheck,
  extendedCodeNotOnListeners(),
  serverCertificate,
  idOrUpload,
  mutualNeedsCa,
  certificateMutualOnly,
  emptyIds,
  multiEntry,
  multiOneCa,
  multiMutualOnly,
  multiAlgorithms,
  certificateParses,
  keyParses,
  keyMatchesCertificate,
  certificateDates,
  caIsCa,
  offValueElsewhere,
];

function onlyWithCustom(): Rule {
  return {
    id: 'HealthCheck.CUSTOM-only',
    fields: CUSTOM_CHECK_FIELDS.map((f) => `HealthCheck.${f}`),
    checks: 'ContextType, SendContext and RecvContext are set only with CheckType CUSTOM',
    ...REF('HealthCheck: the context fields belong to CUSTOM checks'),
    check: ({ request }) =>
      onlyWith(
        request,
        'HealthCheck',
        CUSTOM_CHECK_FIELDS,
        (health) => (health.CheckType === 'CUSTOM' ? undefined : reason(M.customOnly, M.customOnlySent)),
        (_name, value) => (value === '' ? 'warn' : undefined),
      ),
  };
}

function httpVersionOnly(): Rule {
  return {
    id: 'HealthCheck.HttpVersion.applicability',
    fields: ['HealthCheck.HttpVersion'],
    checks: 'HttpVersion is set only for an HTTP health check',
    ...REF('HealthCheck.HttpVersion: TCP listeners, HTTP checks'),
    check: (ctx) => {
      const health = record(ctx.request.HealthCheck);
      if (!health || !isSet(health.HttpVersion) || !ctx.protocol || !L4_AND_TLS.includes(ctx.protocol)) return [];
      const why = httpFieldReason(health, ctx.protocol);
      return why ? [{ path: ['HealthCheck', 'HttpVersion'], message: why.refuse }] : [];
    },
  };
}

function extendedCodeNotOnListeners(): Rule {
  return {
    id: 'HealthCheck.ExtendedCode.applicability',
    fields: ['HealthCheck.ExtendedCode'],
    checks: "ExtendedCode is not set on a listener's health check",
    ...REF('HealthCheck.ExtendedCode: GRPC status codes of rules whose backends speak GRPC; listeners have no GRPC check'),
    check: ({ request }) =>
      isSet(record(request.HealthCheck)?.ExtendedCode)
        ? [
            {
              path: ['HealthCheck', 'ExtendedCode'],
              message: said(M.grpcOnly),
              hint: said(M.leaveOut, { field: '{HealthCheck.ExtendedCode}' }),
            },
          ]
        : [],
  };
}

/** The rule table made ready to run: checked once, when the module loads (a mistake in it fails every test). */
interface Registry {
  byId: ReadonlyMap<string, Rule>;
  /** The table, each rule after the rules it needs. */
  order: readonly Rule[];
  /** Each field's protocols, from the applicability rules. */
  applies: ReadonlyMap<string, readonly Protocol[]>;
}

/**
 * Builds the registry from a table: ids unique, every rule a rule needs or reports under is in
 * the table, no rule needs itself through others; then the order to check them in (table order,
 * each rule after what it needs).
 */
export function buildRegistry(rules: readonly Rule[]): Registry {
  const byId = new Map<string, Rule>();
  for (const rule of rules) {
    if (byId.has(rule.id)) throw new Error(`rule ${rule.id} is in the table twice`);
    byId.set(rule.id, rule);
  }
  for (const rule of rules) {
    for (const need of rule.needs ?? []) if (!byId.has(need)) throw new Error(`rule ${rule.id} needs ${need}, which is not in the table`);
  }
  const order: Rule[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (rule: Rule, chain: readonly string[]): void => {
    if (state.get(rule.id) === 'done') return;
    if (state.get(rule.id) === 'visiting') throw new Error(`rules need each other: ${[...chain, rule.id].join(' → ')}`);
    state.set(rule.id, 'visiting');
    for (const need of rule.needs ?? []) visit(byId.get(need)!, [...chain, rule.id]);
    state.set(rule.id, 'done');
    order.push(rule);
  };
  for (const rule of rules) visit(rule, []);
  const applies = new Map(rules.flatMap((rule) => (rule.applies ? [[rule.applies.field, rule.applies.protocols] as const] : [])));
  return { byId, order, applies };
}

const REGISTRY = buildRegistry(RULES);

export function ruleById(id: string): Rule | undefined {
  return REGISTRY.byId.get(id);
}

/**
 * Runs the rules of `registry` (by default the table's), each after the rules it needs, leaving
 * out what a needed rule made moot; findings come in table order.
 */
export function checkRules(ctx: RuleContext, registry: Registry = REGISTRY): Finding[] {
  const emitted = new Map<string, Emit[]>();
  for (const rule of registry.order) {
    const moot = (rule.needs ?? []).flatMap((id) => emitted.get(id) ?? []);
    emitted.set(
      rule.id,
      rule.check(ctx).filter((emit) => !moot.some((m) => isUnder(emit.path, m.path))),
    );
  }
  const out: Finding[] = [];
  for (const rule of registry.byId.values()) {
    for (const emit of emitted.get(rule.id) ?? []) {
      const owner = emit.rule ? registry.byId.get(emit.rule) : rule;
      if (!owner) throw new Error(`rule ${rule.id} reports under ${emit.rule}, which is not in the table`);
      out.push({
        rule: owner.id,
        severity: severityOf(owner),
        ...(owner.always ? { always: true } : {}),
        path: emit.path,
        message: typeof emit.message === 'string' ? emit.message : render('en', emit.message),
        ...(emit.hint ? { hint: typeof emit.hint === 'string' ? emit.hint : render('en', emit.hint) } : {}),
        ...(typeof emit.message === 'string' ? {} : { text: emit.message }),
        ...(emit.hint && typeof emit.hint !== 'string' ? { hintText: emit.hint } : {}),
      });
    }
  }
  return out;
}

/** The protocol as the rules see it: upper-cased if it is one of the six. */
export function protocolOf(value: unknown): Protocol | undefined {
  const upper = typeof value === 'string' ? value.toUpperCase() : undefined;
  return (PROTOCOLS as readonly string[]).includes(upper ?? '') ? (upper as Protocol) : undefined;
}

/** The bounds of the range or length rule on a field, for saying them in another language. */
export function ruleBounds(field: string): Rule['bounds'] {
  return RULES.find((rule) => rule.help && rule.fields[0]?.replace('[]', '') === field)?.bounds;
}

/** What --help shows beside a field, from the rules on it: `2–60`. */
export function helpFor(field: string): string | undefined {
  return RULES.find((rule) => rule.help && rule.fields[0]?.replace('[]', '') === field)?.help;
}
