/**
 * Which proxy, if any, a request to an endpoint goes through: the environment's
 * `https_proxy`/`HTTPS_PROXY` for https endpoints (falling back to the http proxy, as undici and
 * the Node SDK do), `http_proxy`/`HTTP_PROXY` for http ones, minus the hosts `no_proxy`/`NO_PROXY`
 * lists. Lower case is read first, as curl does. A loopback endpoint is never proxied (Go's rule):
 * plain http is allowed only to this machine, and sending it to a proxy would put the signed
 * request on the network. Pure: the environment is passed in, nothing is imported from undici,
 * so `--dry-run` and validation never load it. docs/credentials.md describes the behaviour.
 */
import type { BlockList } from 'node:net';
import { UsageError } from '../core/errors.js';
import { message } from '../core/i18n.js';
import { NETWORK } from './network.messages.js';
import { isLoopbackHost } from './endpoint.js';

type Env = Record<string, string | undefined>;

/** node:net, loaded only when a no_proxy list is read. */
const net = () => process.getBuiltinModule('node:net');

export interface ProxyChoice {
  /** The proxy URL, credentials included (undici sends them as Proxy-Authorization). */
  url: URL;
  /** The variable it came from, for --debug. */
  source: string;
}

/** Proxies undici can talk to. */
const PROXY_SCHEMES = new Set(['http:', 'https:', 'socks5:', 'socks:']);

function firstSet(env: Env, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

function parseProxy(value: string, source: string): URL {
  // curl and the SDKs take `proxy:3128` as http://proxy:3128.
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(message(NETWORK.proxyNotUrl, { source, value: redactProxy(value) }), undefined, {
      hint: message(NETWORK.proxyExample, { source }),
    });
  }
  if (!PROXY_SCHEMES.has(url.protocol)) {
    throw new UsageError(message(NETWORK.proxyScheme, { source, scheme: url.protocol }), undefined, {
      hint: message(NETWORK.proxyExample, { source }),
    });
  }
  return url;
}

interface NoProxyEntry {
  host?: string;
  port?: number;
  /** An IP range (`10.0.0.0/8`), matched against IP-literal endpoints. */
  range?: BlockList;
}

function parseNoProxy(value: string): NoProxyEntry[] | 'all' {
  const { BlockList, isIP } = net();
  const entries: NoProxyEntry[] = [];
  for (const raw of value.split(/[\s,]+/)) {
    const item = raw.trim().toLowerCase();
    if (!item) continue;
    if (item === '*') return 'all';
    const cidr = /^\[?([0-9a-f:.]+)\]?\/(\d{1,3})$/.exec(item);
    if (cidr && isIP(cidr[1]!)) {
      const family = isIP(cidr[1]!) === 6 ? 'ipv6' : 'ipv4';
      const prefix = Number(cidr[2]);
      if (prefix <= (family === 'ipv6' ? 128 : 32)) {
        const range = new BlockList();
        range.addSubnet(cidr[1]!, prefix, family);
        entries.push({ range });
      }
      continue;
    }
    // host, .host, *.host, host:port, [v6], [v6]:port
    const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(item);
    const host = (withPort ? withPort[1]! : item).replace(/^\*?\./, '').replace(/^\[|\]$/g, '');
    entries.push({ host, ...(withPort ? { port: Number(withPort[2]) } : {}) });
  }
  return entries;
}

function defaultPort(url: URL): number {
  return Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
}

/** Whether `no_proxy`/`NO_PROXY` exempts the endpoint: exact host, a parent domain, `*`, or an IP range. */
export function isExempt(target: URL, noProxy: string): boolean {
  const entries = parseNoProxy(noProxy);
  if (entries === 'all') return true;
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = defaultPort(target);
  const family = net().isIP(host);
  return entries.some((entry) => {
    if (entry.range) return family !== 0 && entry.range.check(host, family === 6 ? 'ipv6' : 'ipv4');
    if (entry.port !== undefined && entry.port !== port) return false;
    return host === entry.host || host.endsWith(`.${entry.host}`);
  });
}

/** The proxy for requests to `target`, or undefined for a direct connection. */
export function proxyFor(target: URL, env: Env): ProxyChoice | undefined {
  if (isLoopbackHost(target.hostname)) return undefined;
  const candidates =
    target.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const found = firstSet(env, candidates);
  if (!found) return undefined;
  const noProxy = firstSet(env, ['no_proxy', 'NO_PROXY'])?.value ?? '';
  if (isExempt(target, noProxy)) return undefined;
  return { url: parseProxy(found.value, found.name), source: found.name };
}

/** The proxy URL with any password replaced, for messages and --debug. */
export function redactProxy(value: string | URL): string {
  const text = String(value);
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/i, '$1:****@');
}

/** The password in a proxy URL, to register as a secret. */
export function proxyPassword(choice: ProxyChoice | undefined): string | undefined {
  return choice?.url.password ? decodeURIComponent(choice.url.password) : undefined;
}
