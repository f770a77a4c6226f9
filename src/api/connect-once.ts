/**
 * undici retries nothing on its own here: every connection it opens is tried once, and a failure
 * to open one fails the requests that were waiting for it with a `ConnectionFailed`, so the
 * client's one retry policy (src/api/client.ts) decides what happens next, with its count, its
 * backoff and its deadline, knowing that nothing was written.
 *
 * Left alone, undici keeps a request queued while it reconnects after a connection that closed
 * while it was being opened ("other side closed", its UND_ERR_SOCKET): a proxy that closes every
 * CONNECT is then asked again thousands of times a second, for ever, and the request's abort
 * signal is not heard, because undici only looks at it once the request is on a socket. Any other
 * failure of the connector fails the queued requests at once; the connector below gives every
 * failure that form.
 */
import type { Dispatcher } from 'undici';

/** The connection was never open, so no request was written on it: resending cannot duplicate anything. */
export class ConnectionFailed extends Error {
  /** The failure as undici or the socket saw it (its `code` says what happened). */
  override readonly cause: unknown;
  readonly code = 'CLB_CONNECTION_FAILED';
  /** Whether the connection went through a proxy (the failure may be the proxy's). */
  readonly viaProxy: boolean;

  constructor(cause: unknown, viaProxy: boolean) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ConnectionFailed';
    this.cause = cause;
    this.viaProxy = viaProxy;
  }
}

/** The failure itself, whether or not it happened while a connection was being opened. */
export function underlying(error: unknown): unknown {
  return error instanceof ConnectionFailed ? error.cause : error;
}

type Undici = typeof import('undici');
type Callback = (error: Error | null, socket: unknown) => void;
type Connector = (options: object, callback: Callback) => void;

/**
 * The per-origin dispatcher factory for an Agent or a ProxyAgent: undici's own choice (a Client
 * for one connection, a Pool for more), whose connector reports every failure as ConnectionFailed.
 * A ProxyAgent hands its own connector (the CONNECT, then TLS) in `options.connect`.
 */
export function connectOnceFactory(undici: Undici, viaProxy: boolean): (origin: string | URL, options: object) => Dispatcher {
  return (origin, options) => {
    const { connect: given, connections } = options as { connect?: unknown; connections?: number | null };
    const connector = (typeof given === 'function' ? given : undici.buildConnector({ ...(given as object) })) as Connector;
    const connect: Connector = (connectOptions, callback) => {
      try {
        connector(connectOptions, (error, socket) => callback(error ? new ConnectionFailed(error, viaProxy) : null, socket));
      } catch (error) {
        callback(new ConnectionFailed(error, viaProxy), null);
      }
    };
    const settings = { ...options, connect } as never;
    return connections === 1 ? new undici.Client(origin, settings) : new undici.Pool(origin, settings);
  };
}

/**
 * The client that asks a proxy for its tunnels: the CONNECT is answered within the connect
 * timeout, or the connection counts as failed (undici's default waits 300 s for that answer).
 */
export function proxyClientFactory(undici: Undici, connectTimeoutMs: number): (origin: URL, options: object) => Dispatcher {
  return (origin, options) => new undici.Client(origin, { ...options, headersTimeout: connectTimeoutMs, bodyTimeout: connectTimeoutMs });
}
