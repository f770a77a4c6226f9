/**
 * Which existing listeners a new one's ports collide with. A load balancer has one port space per
 * transport: TCP, HTTP, HTTPS and TCP_SSL listeners share TCP's, UDP and QUIC listeners UDP's
 * (docs/api/create-listener.md); the API refuses a second listener on a taken port with
 * `InvalidParameter.PortCheckFailed`. That is certain for two listeners of the same protocol and
 * within the TCP family; between UDP and QUIC it is the emulator's reading, so callers should
 * warn rather than refuse there.
 */

export interface ExistingListener {
  ListenerId: string;
  Protocol: string;
  Port: number;
  EndPort?: number | null;
  ListenerName?: string | null;
}

export interface PortClash {
  port: number;
  holder: ExistingListener;
  /** The API's refusal is certain (same protocol, or both in TCP's port space). */
  certain: boolean;
}

/** TCP, HTTP, HTTPS and TCP_SSL share the TCP port space; UDP and QUIC share UDP's. */
export function transportOf(protocol: string): 'TCP' | 'UDP' {
  const p = protocol.toUpperCase();
  return p === 'UDP' || p === 'QUIC' ? 'UDP' : 'TCP';
}

/** Both ends of the port range a listener occupies (a port-range listener has an EndPort). */
function span(listener: ExistingListener): [number, number] {
  return [listener.Port, listener.EndPort && listener.EndPort > listener.Port ? listener.EndPort : listener.Port];
}

/** Every port of `ports` that a listener of `protocol` could not take, with who holds it. */
export function portClashes(ports: readonly number[], protocol: string, existing: readonly ExistingListener[]): PortClash[] {
  const wanted = protocol.toUpperCase();
  const out: PortClash[] = [];
  for (const port of ports) {
    for (const holder of existing) {
      const [from, to] = span(holder);
      if (port < from || port > to || transportOf(holder.Protocol) !== transportOf(wanted)) continue;
      const certain = holder.Protocol.toUpperCase() === wanted || transportOf(wanted) === 'TCP';
      out.push({ port, holder, certain });
    }
  }
  return out;
}

/** `443 is used by lbl-abcd1234 (HTTPS "web")`. */
export function describeClash(clash: PortClash): string {
  const { holder } = clash;
  const name = holder.ListenerName ? ` "${holder.ListenerName}"` : '';
  const range = holder.EndPort && holder.EndPort > holder.Port ? `, ports ${holder.Port}-${holder.EndPort}` : '';
  return `${clash.port} is used by ${holder.ListenerId} (${holder.Protocol}${name}${range})`;
}

/** What `holderOf` needs of a listener as DescribeListeners reports it. */
export type PortHolder = ExistingListener;

/** Both ends of the ports a listener holds. */
export function portSpan(listener: { Port: number; EndPort?: number | null }): [number, number] {
  return span(listener as ExistingListener);
}

/**
 * The listener holding any port of `[port, endPort]` in the port space of `protocol`, if one does
 * (two listeners never share a port of one space, so there is at most one).
 */
export function holderOf<L extends PortHolder>(
  listeners: readonly L[],
  protocol: string,
  port: number,
  endPort?: number | null,
): L | undefined {
  const transport = transportOf(protocol);
  const [start, end] = span({ ListenerId: '', Protocol: protocol, Port: port, EndPort: endPort ?? null });
  return listeners.find((l) => {
    if (transportOf(l.Protocol) !== transport) return false;
    const [from, to] = span(l);
    return start <= to && from <= end;
  });
}

/** `lbl-abcd1234 (TCP, "web")`, or without the name when it has none. */
export function describeHolder(listener: PortHolder): string {
  const name = listener.ListenerName ? `, "${listener.ListenerName}"` : '';
  return `${listener.ListenerId} (${listener.Protocol.toUpperCase()}${name})`;
}

/** `80`, or `8000-8010` for a port range. */
export function portLabel(port: number, endPort?: number | null): string {
  return typeof endPort === 'number' && endPort > port ? `${port}-${endPort}` : String(port);
}
