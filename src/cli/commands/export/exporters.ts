/**
 * What `export` exports, one exporter per kind of thing. Listeners are the only kind today. Each
 * exporter reads its kind on one load balancer and adds it to the entries of the file: listeners
 * add entries; a kind that belongs to a listener (forwarding rules, targets) adds its keys to
 * the entry of its listener, and runs after the listeners. What `apply` compares for a kind is
 * what its exporter writes, so a file exported and applied right away plans clean.
 */
import type { ClbClient } from '../../../api/client.js';
import { describeListeners, type ListenerFilter } from '../../../api/clb.js';
import type { ReportedListener } from '../../../model/compare.js';
import { exportListener, type ExportedEntry } from '../../../model/export-listener.js';
import type { PruneKind } from '../../../model/prune-scope.js';

/** The kinds `export` writes; the same kinds the prune scope is asked about. */
export type ExportKind = PruneKind;

export interface Exported extends ExportedEntry {
  kind: ExportKind;
}

export interface ExportOptions {
  signal: AbortSignal;
  now: number;
  /** Values never to be printed. */
  secrets: readonly string[];
}

export interface Exporter {
  kind: ExportKind;
  /** Reads this kind on `filter`'s load balancer and adds it to `entries` (all entries so far, of every load balancer). */
  export(client: ClbClient, filter: ListenerFilter, entries: Exported[], options: ExportOptions): Promise<void>;
}

/** The listener's ports: `80`, or a range `8000-8100` by its first port. */
function byPort(a: ReportedListener, b: ReportedListener): number {
  return Number(a.Port) - Number(b.Port) || String(a.Protocol).localeCompare(String(b.Protocol));
}

const listeners: Exporter = {
  kind: 'listener',
  async export(client, filter, entries, options) {
    const answer = await describeListeners(client, filter, { signal: options.signal });
    const reported = [...((answer.Listeners ?? []) as unknown as ReportedListener[])].sort(byPort);
    for (const listener of reported) {
      entries.push({
        kind: 'listener',
        ...exportListener(filter.LoadBalancerId, listener, { now: options.now, secrets: options.secrets }),
      });
    }
  },
};

/** In the order they run: listeners first, then (later) the kinds that attach to them. */
export const EXPORTERS: readonly Exporter[] = [listeners];
