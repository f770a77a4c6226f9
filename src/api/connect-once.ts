/**
 * undici retries nothing on its own here: every connection it opens is tried once, and a failure
 * fails the requests that were waiting for it, so the client's one retry policy (src/api/client.ts)
 * decides what happens next, with its count, its backoff and its deadline.
 *
 * Left alone, undici keeps a request queued while it reconnects after a connection that closed
 * before any request was written ("other side closed" while opening it): a proxy that closes every
 * CONNECT is then asked again thousands of times a second, for ever, and the request's abort
 * signal is not heard, because undici only looks at it once the request is on a socket. Here the
 * client whose connection failed is destroyed with a `ConnectionFailed`, which the waiting
 * requests receive instead.
 */
import type { Dispatcher } from 'undici';

/** The connection was never open, so no request was written on it: resending cannot duplicate anything. */
export class ConnectionFailed extends Error {
  /** The failure as undici saw it (its `code` says what happened). */
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

type Undici = typeof import('undici');
type Connections = InstanceType<Undici['Client']> | InstanceType<Undici['Pool']>;

/**
 * The per-origin dispatcher factory for an Agent or a ProxyAgent: undici's own choice (a Client
 * for one connection, a Pool for more), with connection failures ending the requests they hold.
 */
export function connectOnceFactory(undici: Undici, viaProxy: boolean): (origin: string | URL, options: object) => Dispatcher {
  return (origin, options) => {
    const connections = (options as { connections?: number | null }).connections;
    const dispatcher: Connections =
      connections === 1 ? new undici.Client(origin, options as never) : new undici.Pool(origin, options as never);
    dispatcher.on('connectionError', (_origin: unknown, targets: readonly Dispatcher[], error: Error) => {
      // The last target is the Client whose connection failed; a Pool's other clients go on.
      const failed = targets.at(-1) as (Dispatcher & { destroyed?: boolean }) | undefined;
      if (failed && !failed.destroyed) void failed.destroy(new ConnectionFailed(error, viaProxy)).catch(() => {});
    });
    return dispatcher;
  };
}

/**
 * The client that asks a proxy for its tunnels: the CONNECT is answered within the connect
 * timeout, or the connection counts as failed (undici's default waits 300 s for that answer).
 */
export function proxyClientFactory(undici: Undici, connectTimeoutMs: number): (origin: URL, options: object) => Dispatcher {
  return (origin, options) => new undici.Client(origin, { ...options, headersTimeout: connectTimeoutMs, bodyTimeout: connectTimeoutMs });
}
