/**
 * Which existing listeners a new one's ports collide with. A load balancer has one port space per
 * transport: TCP, HTTP, HTTPS and TCP_SSL listeners share TCP's, UDP and QUIC listeners UDP's
 * (docs/api/create-listener.md, "Ports already taken"); the API refuses a second listener on a
 * taken port with `InvalidParameter.PortCheckFailed`. That is certain for two listeners of the
 * same protocol and within the TCP family; between UDP and QUIC it is the emulator's reading, so
 * callers warn rather than refuse there.
 */
import { type Language, type Message, message, render, say } from '../core/i18n.js';
import { PORTS } from './ports.messages.js';

/**
 * The most ports one CreateListener takes. The API refuses 50 or more ("Length of .Ports should be
 * less than 50"), as Tencent's own TKE service controller records, which creates listeners in
 * batches of 49 (docs/api/create-listener.md, "How many ports one request takes").
 */
export const MAX_PORTS_PER_CREATE = 49;

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
export function describeClash(clash: PortClash, language: Language = 'en'): string {
  const { holder } = clash;
  const name = holder.ListenerName ? ` "${holder.ListenerName}"` : '';
  const range = holder.EndPort && holder.EndPort > holder.Port ? say(language, PORTS.range, { from: holder.Port, to: holder.EndPort }) : '';
  return say(language, PORTS.usedBy, { port: clash.port, id: holder.ListenerId, protocol: holder.Protocol, name, range });
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

/** A requested port that a listener already on the load balancer holds. */
export interface PortInTheWay<L extends PortHolder = PortHolder> {
  /** The requested port (the start port of a port-range request). */
  port: number;
  holder: L;
  /**
   * The API's PortCheckFailed is certain: the holder has the request's protocol, or both are in
   * TCP's port space. Between UDP and QUIC it is not documented, so only a warning.
   */
  certain: boolean;
  /**
   * The holder is the listener asked for: same protocol and ports, and the same name when one is
   * asked for. `create --if-not-exists` keeps such a listener instead of creating it.
   */
  asked: boolean;
  /** Why it is not the listener asked for: `not HTTP`, `not named "web"`, `on ports 8000-8010`. */
  unlike?: string;
  /** The same, as a catalogue message, for saying it in the run's language. */
  unlikeText?: Message;
}

/** The requested ports that listeners already hold, one entry per port, in the request's order. */
export function portsInTheWay<L extends PortHolder>(
  request: { Ports: readonly number[]; Protocol: string; EndPort?: number | null; ListenerNames?: readonly string[] },
  listeners: readonly L[],
): PortInTheWay<L>[] {
  const protocol = request.Protocol.toUpperCase();
  return request.Ports.flatMap((port, index) => {
    const holder = holderOf(listeners, protocol, port, request.EndPort);
    if (!holder) return [];
    const sameProtocol = holder.Protocol.toUpperCase() === protocol;
    const samePorts = holder.Port === port && (holder.EndPort ?? 0) === (request.EndPort ?? 0);
    const name = request.ListenerNames?.[index];
    const sameName = name === undefined || (holder.ListenerName ?? '') === name;
    const unlikeText = !sameProtocol
      ? message(PORTS.notProtocol, { protocol })
      : !samePorts
        ? message(PORTS.onPorts, { ports: portLabel(holder.Port, holder.EndPort) })
        : !sameName
          ? message(PORTS.notNamed, { name: name! })
          : undefined;
    const unlike = unlikeText && render('en', unlikeText);
    return [
      {
        port,
        holder,
        certain: sameProtocol || transportOf(protocol) === 'TCP',
        asked: unlike === undefined,
        ...(unlike && unlikeText ? { unlike, unlikeText } : {}),
      },
    ];
  });
}

/**
 * The listeners of one load balancer, indexed by port space and start port, so that finding the
 * holder of a port costs a binary search instead of a scan: a plan of tens of thousands of ports
 * against as many listeners stays n log n. Answers what `holderOf` answers (where a range spans
 * several listeners, the lowest-starting one, where `holderOf` takes the first listed).
 */
export class PortIndex<L extends PortHolder> {
  private readonly spaces = new Map<'TCP' | 'UDP', { starts: number[]; ends: number[]; reach: number[]; holders: L[] }>();

  constructor(listeners: readonly L[]) {
    const bySpace = new Map<'TCP' | 'UDP', L[]>();
    for (const listener of listeners) {
      const transport = transportOf(listener.Protocol);
      let list = bySpace.get(transport);
      if (!list) {
        list = [];
        bySpace.set(transport, list);
      }
      list.push(listener);
    }
    for (const [transport, list] of bySpace) {
      // A stable sort: of two listeners on one start port, the first listed stays first.
      const sorted = list.map((holder, order) => ({ holder, order, span: span(holder) }));
      sorted.sort((a, b) => a.span[0] - b.span[0] || a.order - b.order);
      // reach[i]: the highest port any of the first i + 1 listeners holds.
      let highest = -1;
      const reach = sorted.map((s) => {
        highest = Math.max(highest, s.span[1]);
        return highest;
      });
      this.spaces.set(transport, {
        starts: sorted.map((s) => s.span[0]),
        ends: sorted.map((s) => s.span[1]),
        reach,
        holders: sorted.map((s) => s.holder),
      });
    }
  }

  /**
   * A listener holding any port of `[port, endPort]` in the port space of `protocol`: of several
   * (a range can span more than one), the one starting lowest.
   */
  holderOf(protocol: string, port: number, endPort?: number | null): L | undefined {
    const space = this.spaces.get(transportOf(protocol));
    if (!space) return undefined;
    const [start, end] = span({ ListenerId: '', Protocol: protocol, Port: port, EndPort: endPort ?? null });
    // The first listener whose ports reach `start` or beyond, counting those before it (reach
    // only grows, so a binary search finds it); from there, the first that does overlap.
    let low = 0;
    let high = space.reach.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (space.reach[middle]! < start) low = middle + 1;
      else high = middle;
    }
    // Listeners never overlap one another, so this loop looks at one; a listing that overlaps
    // itself costs a few more.
    for (let i = low; i < space.starts.length && space.starts[i]! <= end; i++) {
      if (space.ends[i]! >= start) return space.holders[i];
    }
    return undefined;
  }
}
