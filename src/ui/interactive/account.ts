/**
 * What `create -i` can look up in the account while it asks: load balancers (DescribeLoadBalancers,
 * a page at a time, with each one's listener count), a load balancer's listeners (for the port
 * check) and certificates (the SSL certificate service's DescribeCertificates). Every call is
 * bounded by the client's short timeout and retry policy, so a slow or unreachable API costs
 * seconds, never a hang; the flow falls back to typing when a call fails.
 */
import type { ClbClient } from '../../api/client.js';
import { describeListeners, describeLoadBalancers, type ListenerSummary, type LoadBalancerSummary } from '../../api/clb.js';
import { describeCertificates, type CertificateSummary } from '../../api/ssl.js';

export interface LoadBalancerItem {
  id: string;
  name: string;
  vips: string[];
  /** OPEN (public) or INTERNAL. */
  type: string;
  /** Undefined when it could not be counted in time. */
  listeners?: number;
}

export interface LoadBalancerPage {
  items: LoadBalancerItem[];
  /** How many the account has in this region (for the filter given). */
  total: number;
}

export interface CertificateItem {
  id: string;
  domain: string;
  alias: string;
  /** RSA, ECC, SM2… as the service names it. */
  algorithm: string;
  /** `YYYY-MM-DD HH:mm:ss`, UTC+8, or '' when unknown. */
  expires: string;
  expired: boolean;
  /** The service's status code (1 approved, 3 expired, others pending or revoked). */
  status: number | undefined;
}

export interface AccountLookup {
  /** Where the listing comes from, for messages (`ap-guangzhou`). */
  region: string;
  /** A page of load balancers: from `offset`, or those matching `search` (name, VIP, or an exact id). */
  loadBalancers(query: { offset?: number; search?: string }, signal?: AbortSignal): Promise<LoadBalancerPage>;
  /**
   * Load balancers whose id, name or a VIP holds `text` (any part of it, any case): the account's
   * load balancers are listed once, a hundred a page (the API's SearchKey matches names and VIPs,
   * never ids), up to SEARCHED of them; beyond that, the API's own search adds what it finds.
   */
  search(text: string, signal?: AbortSignal): Promise<LoadBalancerItem[]>;
  /** The listeners of one load balancer (as listed for its count, when it was). */
  listeners(loadBalancerId: string, signal?: AbortSignal): Promise<ListenerSummary[]>;
  /** Server (`SVR`) or client CA (`CA`) certificates, the usable first. */
  certificates(type: 'SVR' | 'CA', signal?: AbortSignal): Promise<CertificateItem[]>;
}

/**
 * A page of load balancers: as many as the list shows at once. Each costs a DescribeListeners
 * call for its count, so a small page keeps the first list quick and within the rate limit.
 */
export const LOAD_BALANCER_PAGE = 10;
/** How long counting the listeners of a page may take before the list is shown without them. */
const COUNT_BUDGET_MS = 3000;
const CERTIFICATE_LIMIT = 1000;
/** The API's largest page of DescribeLoadBalancers. */
const SEARCH_PAGE = 100;
/** How many load balancers a search lists to find a part of an id (ten requests at most). */
export const SEARCHED = 1000;

const LB_ID = /^lb-[a-z0-9]{8}$/;

function item(lb: LoadBalancerSummary): LoadBalancerItem {
  return {
    id: lb.LoadBalancerId,
    name: lb.LoadBalancerName ?? '',
    vips: lb.LoadBalancerVips ?? [],
    type: lb.LoadBalancerType ?? '',
  };
}

/** `2026-01-31 23:59:59` (UTC+8) → epoch ms; NaN when it is not that shape. */
export function parseServiceTime(text: string): number {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text.trim());
  return match ? Date.parse(`${match[1]}T${match[2]}+08:00`) : Number.NaN;
}

function certificate(c: CertificateSummary, now: number): CertificateItem {
  const expires = c.CertEndTime ?? '';
  const end = parseServiceTime(expires);
  return {
    id: c.CertificateId,
    domain: c.Domain ?? '',
    alias: c.Alias ?? '',
    algorithm: c.EncryptAlgorithm ?? '',
    expires,
    expired: c.Status === 3 || (Number.isFinite(end) && end < now),
    status: c.Status ?? undefined,
  };
}

/** `work`, or a rejection as soon as `signal` aborts (the work itself goes on, for whoever else waits on it). */
function until<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** `runSignal`: the run's interrupt, which alone cancels the one listing every search shares. */
export function accountLookup(clb: ClbClient, ssl: ClbClient, now: () => number, runSignal?: AbortSignal): AccountLookup {
  // Each load balancer's listeners as fetched for its count: the port check uses them too, so
  // picking one costs no further request (and a page of counts stays within the rate limit).
  const known = new Map<string, ListenerSummary[]>();

  async function countListeners(items: LoadBalancerItem[], signal?: AbortSignal): Promise<void> {
    const budget = AbortSignal.timeout(COUNT_BUDGET_MS);
    const stop = signal ? AbortSignal.any([signal, budget]) : budget;
    for (const lb of items) {
      if (stop.aborted) break;
      const cached = known.get(lb.id);
      if (cached !== undefined) {
        lb.listeners = cached.length;
        continue;
      }
      try {
        const { Listeners } = await describeListeners(clb, { LoadBalancerId: lb.id }, { signal: stop });
        known.set(lb.id, Listeners ?? []);
        lb.listeners = Listeners?.length ?? 0;
      } catch (error) {
        // Ctrl-C ends the run; anything else only leaves this count (and the rest) unknown.
        if (signal?.aborted) throw error;
        break;
      }
    }
  }

  // Every load balancer (up to SEARCHED), listed on the first search: ids are matched here.
  let everything: Promise<{ items: LoadBalancerItem[]; complete: boolean }> | undefined;
  const listEverything = () => {
    everything ??= (async () => {
      const items: LoadBalancerItem[] = [];
      for (;;) {
        const answer = await describeLoadBalancers(
          clb,
          { Offset: items.length, Limit: SEARCH_PAGE },
          runSignal ? { signal: runSignal } : {},
        );
        const page = (answer.LoadBalancerSet ?? []).map(item);
        items.push(...page);
        const total = answer.TotalCount ?? items.length;
        if (page.length === 0 || items.length >= total) return { items, complete: true };
        if (items.length >= SEARCHED) return { items, complete: false };
      }
    })();
    // A failed or cancelled listing is tried again by the next search.
    everything.catch(() => (everything = undefined));
    return everything;
  };
  const holds = (text: string) => (lb: LoadBalancerItem) => [lb.id, lb.name, ...lb.vips].some((f) => f.toLowerCase().includes(text));

  return {
    region: clb.region,
    async search(text, signal) {
      const wanted = text.trim().toLowerCase();
      // Shared by every keystroke's search: one that is overtaken stops waiting, the listing goes on.
      const { items, complete } = await until(listEverything(), signal);
      let found = items.filter(holds(wanted));
      if (!complete) {
        // More than SEARCHED: the API's search (names, VIPs; an exact id) finds the rest.
        const filter = LB_ID.test(wanted) ? { LoadBalancerIds: [wanted] } : { SearchKey: wanted, Limit: LOAD_BALANCER_PAGE };
        const answer = await describeLoadBalancers(clb, filter, signal ? { signal } : {});
        found = [...found, ...(answer.LoadBalancerSet ?? []).map(item).filter((r) => !found.some((f) => f.id === r.id))];
      }
      // Counted for the first screenful only: each count is a request.
      await countListeners(found.slice(0, LOAD_BALANCER_PAGE), signal);
      return found;
    },
    async loadBalancers(query, signal) {
      const search = query.search?.trim();
      const filter = search
        ? LB_ID.test(search)
          ? { LoadBalancerIds: [search] }
          : { SearchKey: search, Limit: LOAD_BALANCER_PAGE }
        : { Offset: query.offset ?? 0, Limit: LOAD_BALANCER_PAGE };
      const answer = await describeLoadBalancers(clb, filter, signal ? { signal } : {});
      const items = (answer.LoadBalancerSet ?? []).map(item);
      await countListeners(items, signal);
      return { items, total: answer.TotalCount ?? items.length };
    },
    async listeners(loadBalancerId, signal) {
      const cached = known.get(loadBalancerId);
      if (cached) return cached;
      const { Listeners } = await describeListeners(clb, { LoadBalancerId: loadBalancerId }, signal ? { signal } : {});
      known.set(loadBalancerId, Listeners ?? []);
      return Listeners ?? [];
    },
    async certificates(type, signal) {
      const answer = await describeCertificates(
        ssl,
        { CertificateType: type, ExpirationSort: 'DESC', Limit: CERTIFICATE_LIMIT },
        signal ? { signal } : {},
      );
      const items = (answer.Certificates ?? []).map((c) => certificate(c, now()));
      // Usable first, newest expiry first within each group (the order asked for).
      return [...items.filter((c) => !c.expired), ...items.filter((c) => c.expired)];
    },
  };
}
