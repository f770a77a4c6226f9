/**
 * The HTTP side: reads requests, routes `/__emulator/…` to the control surface and everything
 * else to the API gateway, applies transport faults, and answers. API answers are always HTTP 200
 * with the JSON envelope, except when a fault says otherwise.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiFault } from './api-error.js';
import { checkPort, DEFAULTS, isLoopbackAddress, loopbackHost } from './config.js';
import { CONTROL_PREFIX, handleControl } from './control.js';
import { Emulator } from './emulator.js';
import { actionOf, errorAnswer, header, type ApiAnswer } from './gateway.js';
import { newRequestId } from './ids.js';
import type { EmulatorOptions, EmulatorState, FaultRule } from './types.js';

/** The largest body a v3-signed POST may carry (docs/api/signing.md). */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_LATENCY_MS = 500;
const DEFAULT_5XX = 503;

export interface RunningEmulator {
  endpoint: string;
  host: string;
  port: number;
  secretId: string;
  secretKey: string;
  /** Only when the primary key was given a token. */
  token?: string;
  region: string;
  loadBalancers: string[];
  /** The engine itself: clock, config, keys, faults, store. */
  emulator: Emulator;
  state(): EmulatorState;
  /** Stops serving, drops open connections (hung requests included), writes the state file. Idempotent. */
  close(): Promise<void>;
}

/** The whole body, or null once it passes the size limit (the rest is drained and dropped). */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown, traceId?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...(traceId && { 'X-TC-TraceId': traceId }),
  });
  res.end(text);
}

/** Replaces the answer as the rule says; `hang` leaves the request open until the server closes. */
function applyFault(req: IncomingMessage, res: ServerResponse, rule: FaultRule): void {
  switch (rule.kind) {
    case 'drop':
      req.socket.destroy();
      return;
    case 'malformed':
      // What a proxy cutting the answer short looks like: 200, JSON content type, truncated JSON.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`{"Response":{"RequestId":"${newRequestId()}","Listen`);
      return;
    case 'http5xx': {
      const status = rule.status ?? DEFAULT_5XX;
      const text = rule.message ?? `${status} Service Temporarily Unavailable`;
      res.writeHead(status, { 'Content-Type': 'text/html' });
      res.end(
        `<html><head><title>${text}</title></head><body><center><h1>${text}</h1></center><hr><center>emulator</center></body></html>\n`,
      );
      return;
    }
    default:
      return;
  }
}

async function serveApi(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer | null,
  emulator: Emulator,
  closing: AbortSignal,
): Promise<void> {
  const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: body ?? Buffer.alloc(0) };
  const action = actionOf(request);
  const injected = emulator.takeTransportFault(action);
  if (injected?.kind === 'latency') await emulator.sleep(injected.latencyMs ?? DEFAULT_LATENCY_MS, closing);
  const replacement = injected && injected.kind !== 'latency' ? injected : undefined;
  if (replacement?.kind === 'apiError') {
    // The API's own error envelope, after carrying the request out when `processed` says so.
    if (replacement.processed && body !== null)
      emulator.api({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
    const failure = new ApiFault(
      replacement.code ?? 'InternalError',
      replacement.message ?? `Injected fault: ${replacement.code ?? 'InternalError'}.`,
    );
    const answer = errorAnswer(action, failure);
    emulator.log({ action, code: answer.code, requestId: answer.requestId }, replacement.kind);
    sendJson(res, 200, answer.envelope);
    return;
  }
  if (replacement && !replacement.processed) {
    emulator.log({ action, code: null, requestId: newRequestId() }, replacement.kind);
    applyFault(req, res, replacement);
    return;
  }
  const answer: ApiAnswer =
    body === null
      ? errorAnswer(action, new ApiFault('RequestSizeLimitExceeded', `The request body exceeds ${MAX_BODY_BYTES} bytes.`))
      : emulator.api(request);
  const signer = answer.signer && { secretId: answer.signer.secretId, ...(answer.signer.identity && { identity: answer.signer.identity }) };
  emulator.log({ action, code: answer.code, requestId: answer.requestId, ...signer }, injected?.kind);
  if (replacement) applyFault(req, res, replacement);
  else sendJson(res, 200, answer.envelope, header(req.headers, 'x-tc-traceid'));
}

async function serve(req: IncomingMessage, res: ServerResponse, emulator: Emulator, closing: AbortSignal): Promise<void> {
  const body = await readBody(req);
  const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
  if (!path.startsWith(CONTROL_PREFIX)) return serveApi(req, res, body, emulator, closing);
  // The listening address is loopback already; this guards against a future change to that.
  if (!isLoopbackAddress(req.socket.remoteAddress)) return sendJson(res, 403, { error: 'the control surface is loopback only' });
  // A web page the user visits can reach 127.0.0.1 too: through a name it re-points at loopback
  // (DNS rebinding; the Host is then that name), or with a cross-origin "simple" POST (which
  // cannot carry a JSON content type without the browser asking first).
  if (!isLoopbackHostHeader(req.headers.host)) {
    return sendJson(res, 403, { error: 'the control surface answers only to a loopback Host (127.0.0.1, [::1] or localhost)' });
  }
  // A browser names the page a request comes from: only a page of the emulator itself may use it
  // (a test client, curl and the SDKs send no Origin at all).
  if (!isSameOrigin(req.headers.origin, req.headers.host)) {
    return sendJson(res, 403, { error: 'the control surface does not answer requests from web pages (Origin)' });
  }
  if (req.method === 'POST' && !isJsonContentType(req.headers['content-type'])) {
    return sendJson(res, 415, { error: 'control requests with a body must be Content-Type: application/json' });
  }
  if (body === null) return sendJson(res, 413, { error: 'body too large' });
  const answer = handleControl(req.method ?? 'GET', path, body, emulator);
  sendJson(res, answer.status, answer.body);
}

/** No Origin header, or one naming this very server (scheme aside); `null` and any other page are refused. */
function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return false;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  const name = bracketed ? bracketed[1]! : host.replace(/:\d+$/, '');
  return isLoopbackAddress(name.toLowerCase());
}

function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && /^application\/json\s*(;|$)/i.test(value.trim());
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Starts an emulator on loopback. Throws EmulatorConfigError for unusable options. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = loopbackHost(options.host ?? DEFAULTS.host);
  const port = checkPort(options.port ?? DEFAULTS.port);
  const emulator = new Emulator(options);
  const closing = new AbortController();
  // The CommonJS view of node:http: on Node 24 its ES module view loads Node's built-in fetch too.
  const server = process.getBuiltinModule('node:http').createServer((req, res) => {
    // A request cut short by close() (a hang, a latency sleep) just ends with its socket.
    serve(req, res, emulator, closing.signal).catch(() => res.destroy());
  });
  await listen(server, port, host);
  const { port: boundPort } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= new Promise<void>((resolve) => {
      closing.abort();
      server.close(() => resolve());
      server.closeAllConnections();
    }).then(() => emulator.dispose()));

  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`,
    host,
    port: boundPort,
    secretId: emulator.primaryKey.secretId,
    secretKey: emulator.primaryKey.secretKey,
    ...(emulator.primaryKey.token !== undefined && { token: emulator.primaryKey.token }),
    region: emulator.region,
    loadBalancers: emulator.loadBalancerIds,
    emulator,
    state: () => emulator.snapshot(),
    close,
  };
}
