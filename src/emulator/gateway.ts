/**
 * The API's front door, independent of HTTP: common parameters, signature, rate limit, body,
 * dispatch, and the `{"Response":{…,"RequestId"}}` envelope. Every outcome is an envelope (the
 * server always answers it with HTTP 200, like the real API). One endpoint serves every emulated
 * service (CLB, SSL certificates, STS), routed by version (services.ts).
 *
 * Request forms: a TC3-signed JSON POST always (what the CLI sends). With `acceptSdkForms` also
 * what the official SDKs can be configured to send: GET with the parameters in the query (TC3 or
 * v1), a form-encoded POST signed with HmacSHA1/HmacSHA256 (v1), and TC3 with
 * `X-TC-Content-SHA256: UNSIGNED-PAYLOAD`. v1 carries the common parameters (Action, Version,
 * Region, Timestamp, Token…) as parameters instead of X-TC-* headers.
 *
 * Checks run in this order, first failure wins:
 *   method (UnsupportedProtocol) → path `/` (InvalidParameter) → Content-Type (InvalidParameter)
 *   → action present (MissingParameter) → version present (MissingParameter) and one an
 *   emulated service has (NoSuchVersion) → action known to that service (InvalidAction) →
 *   timestamp integer (MissingParameter / InvalidParameter) → for a regional service, region
 *   present (MissingParameter) and the emulator's (InvalidParameter.RegionNotFound) → signature
 *   with that service in its scope (AuthFailure.*; STS's web identity action may be unsigned) →
 *   rate limit (RequestLimitExceeded) → body (InvalidParameter) → the action's own checks.
 * X-TC-Language is accepted and ignored: messages are always English.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { parseJsonObject } from '../core/json.js';
import type { ActionContext } from './actions.js';
import { ApiFault, fault } from './api-error.js';
import { documentedCode } from './action-errors.js';
import { verifyRequest, verifyV1Request, type KeyRing } from './auth.js';
import type { FaultQueue } from './faults.js';
import { newRequestId } from './ids.js';
import { unflattenParams } from './params.js';
import type { RateLimiter } from './rate-limit.js';
import type { Store } from './state.js';
import { describeServices, serviceForVersion, type ServiceSpec } from './services.js';
import { UNSIGNED_ACTIONS } from './sts.js';
import type { EmulatorKey, RuntimeConfig } from './types.js';

export interface ApiRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ApiAnswer {
  /** The action asked for, or '' when absent. */
  action: string;
  requestId: string;
  /** Error code, or null on success. */
  code: string | null;
  envelope: { Response: Record<string, unknown> };
  /** The key that signed the request, once its signature verified. */
  signer?: EmulatorKey;
}

export interface GatewayDeps {
  store: Store;
  keys: KeyRing;
  faults: FaultQueue;
  limiter: RateLimiter;
  config: RuntimeConfig;
  region: string;
  clock: () => number;
}

/** The first value of a header, however often it was sent. */
export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const JSON_TYPE = /^application\/json\s*(;.*)?$/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;.*)?$/i;
/** v1's common parameters: everything else in a v1 request is the action's. */
const V1_COMMON = new Set([
  'Action',
  'Version',
  'Region',
  'Timestamp',
  'Nonce',
  'SecretId',
  'SignatureMethod',
  'Signature',
  'Token',
  'Language',
  'RequestClient',
]);
const ENABLE_HINT = 'start the emulator with --accept-sdk-forms (or POST {"acceptSdkForms":true} to /__emulator/config) to accept it';

/** One request, whatever form it came in, reduced to what the checks need. */
interface Call {
  action?: string;
  version?: string;
  region?: string;
  timestamp?: string;
  /** Where the common parameters were: X-TC-* headers (TC3) or parameters (v1). */
  names: { action: string; version: string; region: string; timestamp: string };
  signature: { kind: 'tc3'; unsignedPayload: boolean } | { kind: 'v1'; params: Record<string, string> };
  /** The action's parameters; parsed late so a bad body is reported after the signature. */
  params: () => Record<string, unknown>;
}

function parseJsonBody(body: Buffer): Record<string, unknown> {
  // An empty body is read as `{}`, so the action reports which parameter is missing.
  return parseJsonObject(body.toString('utf8'), {
    invalid: () => new ApiFault('InvalidParameter', 'The request body is not valid JSON.'),
    notObject: () => new ApiFault('InvalidParameter', 'The request body must be a JSON object.'),
  });
}

const TC3_NAMES = { action: 'X-TC-Action', version: 'X-TC-Version', region: 'X-TC-Region', timestamp: 'X-TC-Timestamp' };
const V1_NAMES = { action: 'Action', version: 'Version', region: 'Region', timestamp: 'Timestamp' };

function tc3Call(req: ApiRequest, params: () => Record<string, unknown>, unsignedPayload: boolean): Call {
  const get = (name: string) => header(req.headers, name.toLowerCase());
  return {
    action: get(TC3_NAMES.action),
    version: get(TC3_NAMES.version),
    region: get(TC3_NAMES.region),
    timestamp: get(TC3_NAMES.timestamp),
    names: TC3_NAMES,
    signature: { kind: 'tc3', unsignedPayload },
    params,
  };
}

function v1Call(pairs: [string, string][]): Call {
  const all = Object.fromEntries(pairs);
  return {
    action: all.Action,
    version: all.Version,
    region: all.Region,
    timestamp: all.Timestamp,
    names: V1_NAMES,
    signature: { kind: 'v1', params: all },
    params: () => unflattenParams(pairs.filter(([name]) => !V1_COMMON.has(name))),
  };
}

function pairsOf(search: string): [string, string][] {
  return [...new URLSearchParams(search)];
}

/** Works out which form the request takes and reads its common parameters from the right place. */
function decode(req: ApiRequest, acceptSdkForms: boolean): Call {
  const url = new URL(req.url, 'http://emulator.invalid');
  const method = req.method.toUpperCase();
  if (method !== 'POST' && !(method === 'GET' && acceptSdkForms)) {
    throw new ApiFault(
      'UnsupportedProtocol',
      method === 'GET'
        ? `The emulator accepts GET requests only with SDK request forms enabled; ${ENABLE_HINT}.`
        : 'The API accepts only POST (and GET) requests.',
    );
  }
  if (url.pathname !== '/') throw new ApiFault('InvalidParameter', 'API requests go to the path `/`.');
  const unsignedPayload = header(req.headers, 'x-tc-content-sha256') === 'UNSIGNED-PAYLOAD';
  if (unsignedPayload && !acceptSdkForms) {
    throw new ApiFault('UnsupportedProtocol', `X-TC-Content-SHA256: UNSIGNED-PAYLOAD is an SDK request form; ${ENABLE_HINT}.`);
  }
  if (method === 'GET') {
    const pairs = pairsOf(url.search);
    // v1 carries its signature as a parameter; TC3 in the Authorization header.
    if (pairs.some(([name]) => name === 'Signature')) return v1Call(pairs);
    return tc3Call(req, () => unflattenParams(pairs), unsignedPayload);
  }
  const contentType = (header(req.headers, 'content-type') ?? '').trim();
  if (JSON_TYPE.test(contentType)) return tc3Call(req, () => parseJsonBody(req.body), unsignedPayload);
  if (FORM_TYPE.test(contentType) && acceptSdkForms) return v1Call(pairsOf(req.body.toString('utf8')));
  throw new ApiFault(
    'InvalidParameter',
    FORM_TYPE.test(contentType)
      ? `A form-encoded (v1-signed) POST is an SDK request form; ${ENABLE_HINT}.`
      : `Content-Type must be application/json, got "${contentType}".`,
  );
}

/** Everything before the action runs: common parameters, signature, rate limit. Returns the service and the signer. */
function checkEnvelope(call: Call, req: ApiRequest, deps: GatewayDeps): { service: ServiceSpec; signer?: EmulatorKey } {
  const { action, version, names } = call;
  if (!action) throw fault.missing(names.action);
  if (!version) throw fault.missing(names.version);
  const service = serviceForVersion(version);
  if (!service) {
    throw new ApiFault('NoSuchVersion', `The API version ${version} does not exist; the emulator serves ${describeServices()}.`);
  }
  if (!Object.hasOwn(service.actions, action)) {
    throw new ApiFault('InvalidAction', `The action ${action} does not exist in ${service.name} ${service.version} (or is not emulated).`);
  }
  const timestampText = call.timestamp;
  if (!timestampText) throw fault.missing(names.timestamp);
  if (!/^\d{1,12}$/.test(timestampText)) throw new ApiFault('InvalidParameter', `${names.timestamp} must be Unix time in seconds.`);
  if (service.regional) {
    const region = call.region;
    if (!region) throw fault.missing(names.region);
    if (region !== deps.region) {
      throw new ApiFault(
        'InvalidParameter.RegionNotFound',
        `The region ${region} is not served here; this emulator serves ${deps.region}.`,
      );
    }
  }
  const timestamp = Number(timestampText);
  let signer: EmulatorKey | undefined;
  if (UNSIGNED_ACTIONS.has(action) && service.name === 'sts' && header(req.headers, 'authorization') === 'SKIP') {
    signer = undefined;
  } else if (call.signature.kind === 'v1') {
    const url = new URL(req.url, 'http://emulator.invalid');
    signer = verifyV1Request(
      { method: req.method, host: header(req.headers, 'host') ?? '', path: url.pathname, params: call.signature.params, timestamp },
      deps.keys,
      deps.clock(),
    );
  } else {
    signer = verifyRequest({ method: req.method, url: req.url, headers: req.headers, body: req.body, timestamp }, deps.keys, deps.clock(), {
      service: service.name,
      unsignedPayload: call.signature.unsignedPayload,
    });
  }
  if (!deps.limiter.admit(action)) {
    throw new ApiFault('RequestLimitExceeded', `More than ${deps.config.rateLimit} ${action} requests in one second; slow down and retry.`);
  }
  return { service, ...(signer && { signer }) };
}

/** The action a request names, wherever its form puts it, for logs and fault matching. */
export function actionOf(req: ApiRequest): string {
  const fromHeader = header(req.headers, 'x-tc-action');
  if (fromHeader) return fromHeader;
  const url = new URL(req.url, 'http://emulator.invalid');
  const fromQuery = url.searchParams.get('Action');
  if (fromQuery) return fromQuery;
  if (FORM_TYPE.test(header(req.headers, 'content-type') ?? '')) return new URLSearchParams(req.body.toString('utf8')).get('Action') ?? '';
  return '';
}

export function handleApiRequest(req: ApiRequest, deps: GatewayDeps): ApiAnswer {
  const requestId = newRequestId();
  const action = actionOf(req);
  let signer: EmulatorKey | undefined;
  try {
    const call = decode(req, deps.config.acceptSdkForms);
    const checked = checkEnvelope(call, req, deps);
    signer = checked.signer;
    const ctx: ActionContext = {
      store: deps.store,
      config: deps.config,
      faults: deps.faults,
      requestId,
      clock: deps.clock,
      issueKey: (key) => deps.keys.add(key),
    };
    const fields = checked.service.actions[call.action!]!(call.params(), ctx);
    return { action, requestId, code: null, envelope: { Response: { ...fields, RequestId: requestId } }, ...(signer && { signer }) };
  } catch (error) {
    const failure =
      error instanceof ApiFault
        ? error
        : new ApiFault('InternalError', `The emulator failed: ${error instanceof Error ? error.message : String(error)}`);
    return { ...errorAnswer(action, failure, requestId), ...(signer && { signer }) };
  }
}

/** The error envelope; also used by the server for failures found before the gateway runs. */
export function errorAnswer(action: string, failure: ApiFault, requestId: string = newRequestId()): ApiAnswer {
  // Each action answers only with the codes its documentation lists (action-errors.ts).
  const code = documentedCode(action, failure.code);
  return {
    action,
    requestId,
    code,
    envelope: { Response: { Error: { Code: code, Message: failure.message }, RequestId: requestId } },
  };
}
