/**
 * What `export` exports, one exporter per kind of thing: listeners, forwarding rules, targets. Each
 * exporter reads its kind on one load balancer and adds it to the entries of the file: listeners
 * add entries; a kind that belongs to a listener (forwarding rules, targets) adds its keys to
 * the entry of its listener, and runs after the listeners. Forwarding rules come in the same
 * DescribeListeners answer as their listeners, so their exporter reads the listener's report
 * (`reported`) rather than the API again. Targets are one DescribeTargets call per load balancer
 * (every listener's and rule's targets in one answer), and none when it has no listener or rule
 * that takes targets. What `apply` compares for a kind is
 * what its exporter writes, so a file exported and applied right away plans clean.
 */
import type { ClbClient } from '../../../api/client.js';
import { describeListeners, type ListenerFilter } from '../../../api/clb.js';
import type { ReportedListener } from '../../../model/compare.js';
import type { Language } from '../../../core/i18n.js';
import { exportListener, type ExportedEntry } from '../../../model/export-listener.js';
import { exportRules } from '../../../model/export-rule.js';
import { exportTargets } from '../../../model/export-target.js';
import { LAYER4_PROTOCOLS } from '../../../model/target-fields.js';
import type { PruneKind } from '../../../model/prune-scope.js';

/** The kinds `export` writes; the same kinds the prune scope is asked about. */
export type ExportKind = PruneKind;

export interface Exported extends ExportedEntry {
  kind: ExportKind;
  /** The listener as DescribeListeners reported it, for the kinds that come with it (forwarding rules). */
  reported?: ReportedListener;
}

export interface ExportOptions {
  signal: AbortSignal;
  now: number;
  /** Values never to be printed. */
  secrets: readonly string[];
  language: Language;
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
        reported: listener,
        ...exportListener(filter.LoadBalancerId, listener, { now: options.now, secrets: options.secrets }),
      });
    }
  },
};

/** Each HTTP/HTTPS listener's forwarding rules, as its entry's `Rules:` (none written for a listener without rules). */
const rules: Exporter = {
  kind: 'rule',
  async export(_client, filter, entries, options) {
    for (const exported of entries) {
      if (exported.kind !== 'listener' || !exported.reported || exported.entry.LoadBalancerId !== filter.LoadBalancerId) continue;
      const out = exportRules(exported.reported, options);
      if (out.rules.length > 0) exported.entry.Rules = out.rules;
      exported.notes.push(...out.notes);
      if (out.refused) exported.refused = true;
    }
  },
};

const LAYER4: ReadonlySet<string> = new Set(LAYER4_PROTOCOLS);

/**
 * The targets of each layer-4 listener (its entry's `Targets:`) and of each forwarding rule (the
 * rule's `Targets:`), read with one DescribeTargets for the whole load balancer; none is written
 * where nothing is bound, so such an entry leaves its targets alone.
 */
const targets: Exporter = {
  kind: 'target',
  async export(client, filter, entries, options) {
    const mine = entries.filter((e) => e.kind === 'listener' && e.entry.LoadBalancerId === filter.LoadBalancerId && e.listenerId);
    const takesTargets = (e: Exported) => LAYER4.has(String(e.entry.Protocol)) || Array.isArray(e.entry.Rules);
    if (!mine.some(takesTargets)) return;
    const { readBound, ruleKey } = await import('../../targets-step.js');
    const bound = await readBound(client, filter.LoadBalancerId, undefined, options.signal);
    for (const exported of mine) {
      if (LAYER4.has(String(exported.entry.Protocol))) {
        const list = exportTargets(bound.get(exported.listenerId) ?? []);
        if (list.length > 0) exported.entry.Targets = list;
      }
      if (!Array.isArray(exported.entry.Rules)) continue;
      for (const rule of exported.entry.Rules as Record<string, unknown>[]) {
        const domain = Array.isArray(rule.Domains) ? rule.Domains[0] : rule.Domain;
        if (typeof domain !== 'string' || typeof rule.Url !== 'string') continue;
        const list = exportTargets(bound.get(ruleKey(exported.listenerId, domain, rule.Url)) ?? []);
        if (list.length > 0) rule.Targets = list;
      }
    }
  },
};

/** In the order they run: listeners first, then the kinds that attach to them (targets after rules). */
export const EXPORTERS: readonly Exporter[] = [listeners, rules, targets];
