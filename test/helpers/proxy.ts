/** A tiny forward proxy on loopback for the proxy tests. */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  target: string;
  auth?: string;
}

/**
 * A tiny proxy on 127.0.0.1: records every request; a CONNECT is tunnelled to `tunnelTo` (a port
 * on loopback, whatever host was asked for) or refused with 403 when there is none.
 */
export async function startProxy(tunnelTo?: () => number): Promise<{ port: number; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    seen.push({
      method: req.method ?? '',
      target: req.url ?? '',
      ...(req.headers['proxy-authorization'] && { auth: req.headers['proxy-authorization'] }),
    });
    res.writeHead(403).end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push({
      method: 'CONNECT',
      target: req.url ?? '',
      ...(req.headers['proxy-authorization'] && { auth: req.headers['proxy-authorization'] }),
    });
    if (!tunnelTo) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect({ host: '127.0.0.1', port: tunnelTo() }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A proxy on 127.0.0.1 that never opens a tunnel: `close` closes the connection as each CONNECT
 * arrives (a proxy refusing the host without an answer), `reset` resets it (TCP RST), `silent`
 * keeps it open and says nothing.
 * `connects` counts the CONNECTs it received.
 */
export async function startDeafProxy(
  mode: 'close' | 'reset' | 'silent',
): Promise<{ port: number; connects(): number; close(): Promise<void> }> {
  let connects = 0;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(403).end());
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (_req: http.IncomingMessage, client: net.Socket) => {
    connects++;
    client.on('error', () => {});
    if (mode === 'close') client.destroy();
    if (mode === 'reset') client.resetAndDestroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connects: () => connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
