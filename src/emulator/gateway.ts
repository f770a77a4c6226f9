/**
 * The API's front door, independent of HTTP: common headers, signature, rate limit, JSON body,
 * dispatch, and the `{"Response":{…,"RequestId"}}` envelope. Every outcome is an envelope (the
 * server always answers it with HTTP 200, like the real API).
 *
 * Checks run in this order, first failure wins:
 *   method POST (UnsupportedProtocol) → path `/` (InvalidParameter) → Content-Type
 *   application/json (InvalidParameter) → X-TC-Action present (MissingParameter) → X-TC-Version
 *   present (MissingParameter) and one an emulated service has (NoSuchVersion; the version picks
 *   the service, see services.ts) → action known to that service (InvalidAction) →
 *   X-TC-Timestamp integer (MissingParameter / InvalidParameter) → for a regional service,
 *   X-TC-Region present (MissingParameter) and the emulator's (InvalidParameter.RegionNotFound) →
 *   signature with that service in its scope (AuthFailure.*) → rate limit (RequestLimitExceeded)
 *   → JSON object body (InvalidParameter) → the action's own checks.
 * X-TC-Language is accepted and ignored: messages are always English.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { parseJsonObject } from '../core/json.js';
import type { ActionContext } from './actions.js';
import { ApiFault, fault } from './api-error.js';
import { verifyRequest, type KeyRing } from './auth.js';
import type { FaultQueue } from './faults.js';
import { newRequestId } from './ids.js';
import type { RateLimiter } from './rate-limit.js';
import type { Store } from './state.js';
import { describeServices, serviceForVersion, type ServiceSpec } from './services.js';
import type { RuntimeConfig } from './types.js';

export interface ApiRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ApiAnswer {
  /** The X-TC-Action header, or '' when absent. */
  action: string;
  requestId: string;
  /** Error code, or null on success. */
  code: string | null;
  envelope: { Response: Record<string, unknown> };
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

function parseBody(body: Buffer): Record<string, unknown> {
  // An empty body is read as `{}`, so the action reports which parameter is missing.
  return parseJsonObject(body.toString('utf8'), {
    invalid: () => new ApiFault('InvalidParameter', 'The request body is not valid JSON.'),
    notObject: () => new ApiFault('InvalidParameter', 'The request body must be a JSON object.'),
  });
}

/** Everything before the action runs: headers, signature, rate limit. Returns the service addressed. */
function checkEnvelope(req: ApiRequest, deps: GatewayDeps): ServiceSpec {
  if (req.method !== 'POST') throw new ApiFault('UnsupportedProtocol', 'The emulator accepts only POST requests with a JSON body.');
  if (new URL(req.url, 'http://emulator.invalid').pathname !== '/')
    throw new ApiFault('InvalidParameter', 'API requests go to the path `/`.');
  const contentType = header(req.headers, 'content-type') ?? '';
  if (!/^application\/json\s*(;.*)?$/i.test(contentType.trim())) {
    throw new ApiFault('InvalidParameter', `Content-Type must be application/json, got "${contentType}".`);
  }
  const action = header(req.headers, 'x-tc-action');
  if (!action) throw fault.missing('X-TC-Action');
  const version = header(req.headers, 'x-tc-version');
  if (!version) throw fault.missing('X-TC-Version');
  const service = serviceForVersion(version);
  if (!service)
    throw new ApiFault('NoSuchVersion', `The API version ${version} does not exist; the emulator serves ${describeServices()}.`);
  if (!Object.hasOwn(service.actions, action)) {
    throw new ApiFault('InvalidAction', `The action ${action} does not exist in ${service.name} ${service.version} (or is not emulated).`);
  }
  const timestampText = header(req.headers, 'x-tc-timestamp');
  if (!timestampText) throw fault.missing('X-TC-Timestamp');
  if (!/^\d{1,12}$/.test(timestampText)) throw new ApiFault('InvalidParameter', 'X-TC-Timestamp must be Unix time in seconds.');
  if (service.regional) {
    const region = header(req.headers, 'x-tc-region');
    if (!region) throw fault.missing('X-TC-Region');
    if (region !== deps.region) {
      throw new ApiFault(
        'InvalidParameter.RegionNotFound',
        `The region ${region} is not served here; this emulator serves ${deps.region}.`,
      );
    }
  }
  verifyRequest(
    { method: req.method, url: req.url, headers: req.headers, body: req.body, timestamp: Number(timestampText) },
    deps.keys,
    deps.clock(),
    service.name,
  );
  if (!deps.limiter.admit(action)) {
    throw new ApiFault('RequestLimitExceeded', `More than ${deps.config.rateLimit} ${action} requests in one second; slow down and retry.`);
  }
  return service;
}

export function handleApiRequest(req: ApiRequest, deps: GatewayDeps): ApiAnswer {
  const requestId = newRequestId();
  const action = header(req.headers, 'x-tc-action') ?? '';
  try {
    const service = checkEnvelope(req, deps);
    const ctx: ActionContext = { store: deps.store, config: deps.config, faults: deps.faults, requestId, clock: deps.clock };
    const fields = service.actions[action]!(parseBody(req.body), ctx);
    return { action, requestId, code: null, envelope: { Response: { ...fields, RequestId: requestId } } };
  } catch (error) {
    const failure =
      error instanceof ApiFault
        ? error
        : new ApiFault('InternalError', `The emulator failed: ${error instanceof Error ? error.message : String(error)}`);
    return errorAnswer(action, failure, requestId);
  }
}

/** The error envelope; also used by the server for failures found before the gateway runs. */
export function errorAnswer(action: string, failure: ApiFault, requestId: string = newRequestId()): ApiAnswer {
  return {
    action,
    requestId,
    code: failure.code,
    envelope: { Response: { Error: { Code: failure.code, Message: failure.message }, RequestId: requestId } },
  };
}
