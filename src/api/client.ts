/**
 * The one module that talks to the network: builds the X-TC-* headers, signs exactly the Host and
 * Content-Type it sends, parses the `{Response:{…}}` envelope, and retries only what is safe to
 * retry. CreateListener has no client token, so a write whose fate is unknown is never resent.
 */
import type { Dispatcher } from 'undici';
import { sign } from './signer.js';
import { ApiError, english, InterruptedError, isInternalErrorCode, NetworkError } from '../core/errors.js';
import { parseEndpoint, serviceEndpoint } from './endpoint.js';
import { proxyFor, redactProxy, type ProxyChoice } from './proxy.js';
import type { CredentialSource } from '../core/credentials.js';
import { refuseOwnSecrets } from './own-secrets.js';
import { RETRY_TEXT } from './retry-messages.js';
import { say } from '../core/i18n.js';
import { systemClock, type Clock } from '../core/clock.js';
import { VERSION } from '../core/version.js';

import { API_VERSION, CLB_SERVICE, type ServiceSpec } from './constants.js';
import { rateLimiterFor, type ActionRateLimiter } from './rate-limit.js';
import { ConnectionFailed, connectOnceFactory, proxyClientFactory, underlying } from './connect-once.js';
import { message, type Message } from '../core/i18n.js';
import { bothLanguages, NETWORK } from './network.messages.js';

export { API_VERSION };
const CONTENT_TYPE = 'application/json';

/**
 * What X-TC-RequestClient says: tccli documents `[0-9a-zA-Z-_,.]`, at most 128 characters, so
 * anything else in the version (a `+build` suffix) becomes `_`.
 */
export const REQUEST_CLIENT = `clb-listener_${VERSION}`.replace(/[^0-9A-Za-z_,.-]/g, '_').slice(0, 128);

/**
 * The most an answer may hold: far above any API answer (a page of 100 listeners is well under a
 * megabyte), low enough that a server streaming without end cannot exhaust memory.
 */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * An undici dispatcher for one endpoint: a plain Agent, or a ProxyAgent when the environment
 * names a proxy for it. Shared with the STS client so both honour the same proxy settings.
 */
export function makeDispatcher(
  undici: typeof import('undici'),
  proxy: ProxyChoice | undefined,
  options: { connectTimeoutMs?: number; requestTimeoutMs?: number; connections?: number },
): Dispatcher {
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
  const settings = {
    // Calls are sequential: with one connection per origin the next call waits for the socket
    // the last one just freed, instead of opening another because it is not marked idle yet.
    // Work on several load balancers at once (apply) asks for more.
    connections: options.connections ?? 1,
    connect: { timeout: connectTimeoutMs },
    headersTimeout: options.requestTimeoutMs ?? 30000,
    bodyTimeout: options.requestTimeoutMs ?? 30000,
    // An endpoint that streams without end (a wrong host, a broken proxy) is cut off, not buffered.
    maxResponseSize: MAX_RESPONSE_BYTES,
    // A connection is tried once: the client's retry policy decides about another (connect-once.ts).
    factory: connectOnceFactory(undici, proxy !== undefined),
  };
  if (!proxy) return new undici.Agent(settings);
  return new undici.ProxyAgent({
    ...settings,
    uri: proxy.url.href,
    // Reaching the proxy, and its answer to the CONNECT, are bounded by the connect timeout too.
    proxyTls: { timeout: connectTimeoutMs },
    clientFactory: proxyClientFactory(undici, connectTimeoutMs),
  });
}

const MAY_HAVE_APPLIED = message(NETWORK.mayHaveApplied);

/** Actions that change nothing, so any failure may be retried. */
export function isReadOnlyAction(action: string): boolean {
  return action.startsWith('Describe');
}

export interface RetryPolicy {
  /** Total attempts, the first included. */
  maxAttempts: number;
  /**
   * Attempts when the connection itself fails (refused, unreachable): fewer, because a wrong
   * endpoint does not heal in seconds and the person deserves a quick answer.
   */
  maxConnectAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, maxConnectAttempts: 3, baseDelayMs: 500, maxDelayMs: 5000 };

export type WireEvent =
  | { type: 'request'; action: string; attempt: number; url: string; headers: Record<string, string>; body: string }
  | { type: 'response'; action: string; attempt: number; status: number; ms: number; body: string }
  | { type: 'retry'; action: string; attempt: number; reason: string; delayMs: number }
  | { type: 'error'; action: string; attempt: number; ms: number; error: string };

export interface ClientOptions {
  endpoint: string;
  /** Where the proxy variables are read from (HTTPS_PROXY, NO_PROXY…); none when omitted. */
  env?: Record<string, string | undefined>;
  region: string;
  /** The service spoken (its name in the credential scope, and its version); default CLB. */
  service?: ServiceSpec;
  credentials: CredentialSource;
  language?: 'zh-CN' | 'en-US';
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  dispatcher?: Dispatcher;
  /** Timestamps, timings and the pauses between retries; the system clock unless a test drives it. */
  clock?: Clock;
  random?: () => number;
  onWire?: (event: WireEvent) => void;
  /** Connections kept open to the endpoint: 1 (the default) for sequential calls, more for parallel work. */
  connections?: number;
  /** Paces requests per action; default: the one shared by every client on this clock (20/s per action); null: none. */
  rateLimiter?: ActionRateLimiter | null;
}

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Called as each attempt is handed to the connection (after any wait for the rate limiter),
   * with the clock's time: how long a write's task has been running is counted from the last.
   */
  onSend?: (at: number) => void;
}

/** What every successful action returns besides its own fields. */
export interface ApiResponse {
  RequestId: string;
  [field: string]: unknown;
}

/** Why an attempt failed, and whether it is safe to try again. */
interface AttemptFailure {
  ok: false;
  error: Error;
  retryable: boolean;
  /** The connection failed before anything was sent. */
  connect?: boolean;
}

type AttemptOutcome = { ok: true; response: ApiResponse } | AttemptFailure;

/** One request's time: its timeout, and the deadline it sets when its first try leaves. */
interface CallBudget {
  timeoutMs: number;
  until?: number;
}

/**
 * Settles with `work`, or rejects as soon as `signal` aborts (calling `onAbandon` when `work` was
 * still pending): what undici does not hear yet, this does.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, onAbandon: () => void): Promise<T> {
  if (signal.aborted) {
    work.catch(() => {});
    onAbandon();
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.then(
        (answer) => (answer as { body?: { destroy?: () => void } }).body?.destroy?.(),
        () => {},
      );
      onAbandon();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** The error of a request's last try, saying how many tries there were when there was more than one. */
function withAttempts(error: Error, attempts: number): Error {
  if (attempts < 2 || !(error instanceof NetworkError)) return error;
  const said = error.text && english(error.text) === error.message ? bothLanguages(error.text) : error.message;
  return new NetworkError(message(NETWORK.withAttempts, { message: said, count: attempts }), error.action, {
    ...(error.hint !== undefined && { hint: error.hintText && english(error.hintText) === error.hint ? error.hintText : error.hint }),
    ...(error.requestId !== undefined && { requestId: error.requestId }),
    cause: error.cause,
    mayHaveApplied: error.mayHaveApplied,
  });
}

export class ClbClient {
  readonly endpoint: URL;
  readonly region: string;
  /** The proxy requests go through, if the environment names one for this endpoint. */
  readonly proxy: ProxyChoice | undefined;
  readonly service: ServiceSpec;
  private readonly options: ClientOptions;
  private readonly retry: RetryPolicy;
  private dispatcher: Dispatcher | undefined;
  private abandoned = false;
  /** The client's time, which the task waiter shares. */
  readonly clock: Clock;
  private readonly random: () => number;

  constructor(options: ClientOptions) {
    this.options = options;
    this.endpoint = parseEndpoint(options.endpoint);
    this.proxy = proxyFor(this.endpoint, options.env ?? {});
    this.region = options.region;
    this.service = options.service ?? CLB_SERVICE;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.dispatcher = options.dispatcher;
  }

  /**
   * A client for another service (e.g. the SSL certificate service) with the same credentials,
   * region and timeouts, and a connection of its own (close it too). Its endpoint is that
   * service's beside this one's (`clb.tencentcloudapi.com` → `ssl.tencentcloudapi.com`); an
   * endpoint that is not Tencent Cloud's own host (the emulator) serves every service and is kept.
   */
  forService(
    service: ServiceSpec,
    overrides: Partial<Pick<ClientOptions, 'retry' | 'requestTimeoutMs' | 'connectTimeoutMs'>> = {},
  ): ClbClient {
    const endpoint = serviceEndpoint(this.endpoint, service.name).origin;
    return new ClbClient({ ...this.options, ...overrides, endpoint, service });
  }

  /**
   * undici is loaded on the first real request: validation errors and dry runs never pay for it.
   * One Agent per client keeps its connection alive, so a create and all its polls share one
   * TCP (and TLS) connection.
   */
  private async transport(): Promise<Dispatcher> {
    const undici = await loadUndici();
    this.dispatcher ??= makeDispatcher(undici, this.proxy, this.options);
    return this.dispatcher;
  }

  async close(): Promise<void> {
    if (this.options.dispatcher || !this.dispatcher) return;
    // A request left behind by an interrupt or a deadline is not waited for.
    if (this.abandoned) await this.dispatcher.destroy();
    else await this.dispatcher.close();
  }

  /** A request was given up while undici still held it: close() will not wait for it. */
  private abandon(): void {
    this.abandoned = true;
  }

  /** The exact headers and body a call would send, for --dry-run (signed, so the shape is real). */
  async prepare(action: string, params: object): Promise<{ url: string; headers: Record<string, string>; body: string }> {
    const body = JSON.stringify(params);
    const headers = await this.signedHeaders(action, body);
    return { url: `${this.endpoint.origin}/`, headers, body };
  }

  /**
   * One request, with the one retry policy: at most `maxAttempts` tries (`maxConnectAttempts` when
   * the connection itself fails), exponential backoff with jitter between them, and all of it
   * within the request timeout, counted from the first try: a try gets what is left of it, and no
   * try starts once the pause before it would end past it. So a request that gets no answer ends
   * within the request timeout, whatever fails and however often.
   */
  async call(action: string, params: object, options: CallOptions = {}): Promise<ApiResponse> {
    const body = JSON.stringify(params);
    const budget: CallBudget = { timeoutMs: this.options.requestTimeoutMs ?? 30000 };
    // Whether any try got as far as a connection: until one does, nothing was written.
    let connected = false;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(action, body, attempt, budget, options.signal, options.onSend);
      if (outcome.ok) return outcome.response;
      connected ||= !outcome.connect;
      const limit = outcome.connect ? Math.min(this.retry.maxConnectAttempts, this.retry.maxAttempts) : this.retry.maxAttempts;
      if (!outcome.retryable || attempt >= limit) throw withAttempts(outcome.error, attempt);
      const delayMs = this.backoff(attempt);
      // The pause and at least a moment for the next try must fit before the deadline.
      if (budget.until !== undefined && this.clock.now() + delayMs >= budget.until) throw withAttempts(outcome.error, attempt);
      this.options.onWire?.({ type: 'retry', action, attempt, reason: outcome.error.message, delayMs });
      try {
        await this.clock.sleep(delayMs, options.signal);
      } catch {
        if (!connected) throw InterruptedError.beforeSending();
        // Only a try that changed nothing is retried (a refusal such as ResourceInOperating, or a
        // connection that never carried the request), so a write interrupted here is not a lost
        // answer: nothing to look for afterwards.
        const reason = outcome.error instanceof ApiError ? outcome.error.code : outcome.error.message;
        throw new InterruptedError(undefined, { message: say('en', RETRY_TEXT.interruptedBeforeRetry, { action, reason }), notSent: true });
      }
    }
  }

  /** Exponential backoff with full jitter, capped. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  private async signedHeaders(action: string, body: string): Promise<Record<string, string>> {
    const credentials = await this.options.credentials.get();
    refuseOwnSecrets(action, body, credentials);
    const timestampSeconds = Math.floor(this.clock.now() / 1000);
    const headers: Record<string, string> = {
      Host: this.endpoint.host,
      'Content-Type': CONTENT_TYPE,
      'X-TC-Action': action,
      'X-TC-Version': this.service.version,
      'X-TC-Timestamp': String(timestampSeconds),
      'X-TC-Region': this.region,
      'X-TC-RequestClient': REQUEST_CLIENT,
    };
    if (credentials.token) headers['X-TC-Token'] = credentials.token;
    if (this.options.language) headers['X-TC-Language'] = this.options.language;
    const signed = sign({
      method: 'POST',
      headers,
      payload: body,
      secretId: credentials.secretId,
      secretKey: credentials.secretKey,
      service: this.service.name,
      timestampSeconds,
    });
    headers.Authorization = signed.authorization;
    return headers;
  }

  private async attempt(
    action: string,
    body: string,
    attempt: number,
    budget: CallBudget,
    signal?: AbortSignal,
    onSend?: (at: number) => void,
  ): Promise<AttemptOutcome> {
    // Interrupted before this attempt went out: nothing was sent, and the caller may say so.
    if (signal?.aborted) return { ok: false, error: InterruptedError.beforeSending(), retryable: false };
    // Waiting for a turn comes before signing, so the timestamp is fresh when the request leaves.
    const limiter = this.options.rateLimiter === undefined ? rateLimiterFor(this.clock) : this.options.rateLimiter;
    if (limiter) {
      try {
        await limiter.acquire(action, signal);
      } catch {
        return { ok: false, error: InterruptedError.beforeSending(), retryable: false };
      }
    }
    const headers = await this.signedHeaders(action, body);
    const url = `${this.endpoint.origin}/`;
    this.options.onWire?.({ type: 'request', action, attempt, url, headers, body });
    const started = this.clock.now();
    let status: number;
    let text: string;
    let traceId: string | undefined;
    let dispatcher: Dispatcher;
    try {
      dispatcher = await this.transport();
    } catch (error) {
      this.options.onWire?.({
        type: 'error',
        action,
        attempt,
        ms: this.clock.now() - started,
        error: english(describeTransportError(error)),
      });
      return this.notBuilt(action, error);
    }
    // undici's timeouts bound the wait for headers and between body chunks; this one bounds the
    // whole exchange, so a server that drips its answer cannot hold the command forever. It starts
    // once the transport is loaded: loading undici on the first call is not the server's time.
    // Later tries get what is left of the first one's.
    budget.until ??= this.clock.now() + budget.timeoutMs;
    const deadline = this.clock.timeoutSignal(Math.max(0, budget.until - this.clock.now()));
    const stop = signal ? AbortSignal.any([signal, deadline]) : deadline;
    try {
      onSend?.(this.clock.now());
      // undici hears an abort only once the request is on a socket; until then (a connection
      // being opened) the race does, so an interrupt or the deadline ends the wait at once.
      const response = await untilAborted(
        dispatcher.request({ origin: this.endpoint.origin, path: '/', method: 'POST', headers, body, signal: stop }),
        stop,
        () => this.abandon(),
      );
      status = response.statusCode;
      traceId = [response.headers['x-tc-traceid']].flat()[0];
      text = await response.body.text();
    } catch (error) {
      const ms = this.clock.now() - started;
      this.options.onWire?.({ type: 'error', action, attempt, ms, error: english(describeTransportError(error)) });
      if (signal?.aborted) {
        // Interrupted while the connection was still being opened: nothing was written.
        return {
          ok: false,
          error: error instanceof ConnectionFailed ? InterruptedError.beforeSending() : new InterruptedError(),
          retryable: false,
        };
      }
      return this.transportFailure(
        action,
        deadline.aborted && !(error instanceof ConnectionFailed)
          ? Object.assign(new Error('timeout'), { code: 'UND_ERR_HEADERS_TIMEOUT' })
          : error,
      );
    }
    this.options.onWire?.({ type: 'response', action, attempt, status, ms: this.clock.now() - started, body: text });
    return this.parseEnvelope(action, status, text, traceId);
  }

  /** The request could not even be built (a header value undici refuses, a transport that failed to load): nothing was written. */
  private notBuilt(action: string, error: unknown): AttemptFailure {
    const detail = describeTransportError(error);
    return {
      ok: false,
      error: new NetworkError(message(NETWORK.notBuilt, { action, detail: bothLanguages(detail) }), action, {
        hint: message(NETWORK.nothingSent),
        cause: error,
        mayHaveApplied: false,
      }),
      // The same input fails the same way.
      retryable: false,
    };
  }

  private transportFailure(action: string, error: unknown): AttemptFailure {
    if (wasNeverBuilt(error)) return this.notBuilt(action, error);
    const detail = this.describeFailure(error);
    const notSent = wasNeverSent(error);
    // A refused certificate fails the same way every time: no point in trying again.
    const deterministic = isDeterministicFailure(underlying(error));
    const readOnly = isReadOnlyAction(action);
    const mayHaveApplied = !readOnly && !notSent;
    const endpoint = this.endpoint.origin;
    const where = this.proxy
      ? message(readOnly ? NETWORK.checkEndpointProxy : NETWORK.checkEndpointProxyNothingSent, {
          endpoint,
          proxy: redactProxy(this.proxy.url),
          source: this.proxy.source,
        })
      : message(readOnly ? NETWORK.checkEndpoint : NETWORK.checkEndpointNothingSent, { endpoint });
    const hint = mayHaveApplied ? MAY_HAVE_APPLIED : where;
    return {
      ok: false,
      error: new NetworkError(message(NETWORK.failed, { action, detail: bothLanguages(detail) }), action, {
        hint,
        cause: error,
        mayHaveApplied,
      }),
      // A proxy that refuses the tunnel does so by policy, and a refused certificate is refused
      // again: asking again gets the same answer.
      retryable: !mayHaveApplied && !deterministic && !isProxyRefusal(underlying(error)),
      connect: notSent,
    };
  }

  /** What went wrong, naming the proxy when the failure was on the way through it. */
  private describeFailure(error: unknown): Message {
    const proxy = this.proxy && { proxy: redactProxy(this.proxy.url), source: this.proxy.source };
    const refused = isProxyRefusal(underlying(error)) && /\((\d+)\)/.exec((underlying(error) as Error).message);
    if (proxy && refused) return message(NETWORK.proxyRefusedTunnel, { ...proxy, status: refused[1]! });
    if (!(error instanceof ConnectionFailed)) return describeTransportError(error);
    const closed = errorCode(error.cause) === 'UND_ERR_SOCKET';
    if (proxy)
      return closed
        ? message(NETWORK.proxyClosed, proxy)
        : message(NETWORK.throughProxy, { ...proxy, detail: bothLanguages(describeTransportError(error.cause)) });
    return closed ? message(NETWORK.closedWhileOpening) : describeTransportError(error.cause);
  }

  private parseEnvelope(action: string, status: number, text: string, traceId?: string): AttemptOutcome {
    const readOnly = isReadOnlyAction(action);
    if (status !== 200) {
      const said = traceId
        ? message(NETWORK.httpStatusTrace, { action, status, trace: traceId })
        : message(NETWORK.httpStatus, { action, status });
      return {
        ok: false,
        error: new NetworkError(said, action, {
          hint: readOnly ? message(NETWORK.serviceUnavailable) : MAY_HAVE_APPLIED,
          mayHaveApplied: !readOnly,
        }),
        // A 5xx on a read is safe to repeat; on a write it is not, since it may have been applied.
        retryable: readOnly && status >= 500,
      };
    }
    let envelope: unknown;
    try {
      envelope = JSON.parse(text);
    } catch {
      return {
        ok: false,
        error: new NetworkError(message(NETWORK.notJson, { action, preview: preview(text) }), action, { mayHaveApplied: !readOnly }),
        // A read changes nothing: an answer cut short by a proxy is worth another try.
        retryable: readOnly,
      };
    }
    const response = (envelope as { Response?: unknown } | null)?.Response;
    if (!response || typeof response !== 'object') {
      return {
        ok: false,
        error: new NetworkError(message(NETWORK.noResponseObject, { action, preview: preview(text) }), action, {
          mayHaveApplied: !readOnly,
        }),
        retryable: readOnly,
      };
    }
    const fields = response as Record<string, unknown>;
    const requestId = typeof fields.RequestId === 'string' ? fields.RequestId : undefined;
    const apiError = fields.Error as { Code?: unknown; Message?: unknown } | undefined;
    if (apiError && typeof apiError === 'object') {
      const code = String(apiError.Code ?? 'UnknownError');
      const error = new ApiError(code, String(apiError.Message ?? ''), requestId, action);
      return { ok: false, error, retryable: isRetryableCode(code) || (readOnly && isInternalErrorCode(code)) };
    }
    if (!requestId) {
      return {
        ok: false,
        error: new NetworkError(message(NETWORK.noRequestId, { action, preview: preview(text) }), action, { mayHaveApplied: !readOnly }),
        retryable: readOnly,
      };
    }
    return { ok: true, response: { ...fields, RequestId: requestId } };
  }
}

/**
 * undici parses HTTP with a WebAssembly module, compiled on the first connection. V8 compiles it
 * with its baseline compiler (Liftoff), then compiles the functions that run most again with its
 * optimising one, in background threads: for a few short responses that second pass costs more CPU
 * time than the rest of a whole create, and memory (on Node 20 35 MiB; on Node 24 about 100 ms of
 * a create + wait, and 6 MiB). Two flags keep WebAssembly compiled later in this process on the
 * baseline compiler (nothing else here uses WebAssembly): `--liftoff-only` does it on Node 20, but
 * Node 24's V8 ignores it when it is set at run time; there a tiering budget that no run comes
 * near to spending does it. Every user of undici loads it through here.
 *
 * The flags are set after undici and the built-ins it loads up front: once a flag changes, V8
 * refuses the code Node compiled ahead of time for its built-ins, and compiles them from source.
 */
export async function loadUndici(): Promise<typeof import('undici')> {
  const [{ default: v8 }, undici] = await Promise.all([import('node:v8'), import('undici')]);
  v8.setFlagsFromString(BASELINE_WEBASSEMBLY_FLAGS);
  return undici;
}

/** See loadUndici(); the budget is V8's largest (a 32-bit integer), counted in bytes executed. */
const BASELINE_WEBASSEMBLY_FLAGS = '--liftoff-only --wasm-tiering-budget=2147483647';

/** Rate limits and a busy load balancer: the request was refused before any change, so try again. */
export function isRetryableCode(code: string): boolean {
  return code === 'RequestLimitExceeded' || code.startsWith('RequestLimitExceeded.') || code === 'FailedOperation.ResourceInOperating';
}

const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * TLS verification and handshake failures: the request is written only over an established TLS
 * session, so when the handshake fails nothing was sent.
 */
const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
  'EPROTO',
]);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

function isDeterministicFailure(error: unknown): boolean {
  const code = errorCode(error);
  // A server that answered too much once will do it again.
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return true;
  return code !== undefined && TLS_CODES.has(code) && code !== 'EPROTO';
}

/**
 * undici checks every option and header before it queues a request, and says so with this code:
 * such a request was never written.
 */
function wasNeverBuilt(error: unknown): boolean {
  return (error as { code?: string })?.code === 'UND_ERR_INVALID_ARG';
}

/** Failures that happened before the request was written: resending cannot duplicate anything. */
function wasNeverSent(error: unknown): boolean {
  if (error instanceof ConnectionFailed) return true;
  const code = errorCode(error);
  if (isProxyRefusal(error)) return true;
  if (code === undefined) return false;
  return NEVER_SENT_CODES.has(code) || TLS_CODES.has(code) || code.startsWith('ERR_SSL_');
}

/** undici's answer when the proxy refuses the CONNECT: the tunnel never opened, so nothing was sent. */
function isProxyRefusal(error: unknown): boolean {
  return error instanceof Error && /^Proxy response \(\d+\) !== 200/.test(error.message);
}

function describeTransportError(error: unknown): Message {
  if (error instanceof ConnectionFailed) return describeTransportError(error.cause);
  const code = errorCode(error);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return message(NETWORK.requestTimeout);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return message(NETWORK.connectTimeout);
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return message(NETWORK.tooLarge, { size: MAX_RESPONSE_BYTES / 1024 / 1024 });
  const text = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED') return message(NETWORK.connectionRefused, { address: text.replace(/^connect /, '') });
  if (code === 'UND_ERR_SOCKET') return message(NETWORK.closedBeforeAnswer);
  const refused = isProxyRefusal(error) && /\((\d+)\)/.exec(text);
  if (refused) return message(NETWORK.proxyRefused, { status: refused[1]! });
  // OpenSSL's own text is a line of internals; the code says it.
  if (code?.startsWith('ERR_SSL_') || code === 'EPROTO') return message(NETWORK.tlsFailed, { code });
  if (code && TLS_CODES.has(code)) return message(NETWORK.tlsFailedBecause, { message: text, code });
  // The system's own words (its code and message): the same in every language.
  return message(NETWORK.asIs, { text: code ? `${code}: ${text}` : text });
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat || '(empty body)';
}
