/**
 * Endpoint checks: HTTPS anywhere, plain HTTP only to this machine (the emulator), because a
 * signed request in clear text to another host would expose the signature and the body.
 */
import { UsageError } from '../core/errors.js';
import { message } from '../core/i18n.js';
import { NETWORK } from './network.messages.js';

/**
 * IP literals as node:net's isIP reads them (the same patterns): a dotted-decimal IPv4 address
 * in 127.0.0.0/8, and an IPv4-mapped IPv6 one (`::ffff:127.0.0.1`, which a socket may report),
 * with the zone suffix isIP allows. Matched here because isIP's IPv6 pattern is large: compiling
 * it cost a run more than the rest of the endpoint checks (docs/design.md, "Start-up").
 * test/loopback.test.ts checks these against isIP itself.
 */
const V4_SEGMENT = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const LOOPBACK_V4 = new RegExp(`^127\\.(?:${V4_SEGMENT}\\.){2}${V4_SEGMENT}$`);
const MAPPED_LOOPBACK_V4 = new RegExp(`^::ffff:127\\.(?:${V4_SEGMENT}\\.){2}${V4_SEGMENT}(?:%[0-9a-zA-Z-.:]{1,})?$`);

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  // Only `localhost` itself: a name under .localhost is resolved by whatever resolver is in use,
  // which need not keep it on this machine, and a signed request in clear text must.
  if (host === 'localhost') return true;
  if (LOOPBACK_V4.test(host)) return true;
  // A socket's remote address may be IPv4-mapped (::ffff:127.0.0.1).
  return host === '::1' || host === '0:0:0:0:0:0:0:1' || MAPPED_LOOPBACK_V4.test(host);
}

/** A bare host is taken as https: `clb.tencentcloudapi.com` → `https://clb.tencentcloudapi.com`. */
export function withScheme(text: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
}

/** An endpoint as it may be shown: a user name and password (`https://user:pass@host`) become `…`. */
export function maskEndpoint(text: string): string {
  return text.replace(/^((?:[a-z][a-z0-9+.-]*:)?\/\/)?[^/?#@]*@/i, (_, scheme: string | undefined) => `${scheme ?? ''}…@`);
}

/**
 * Accepts `https://host[:port]`, `http://loopback[:port]`, or a bare host (taken as https).
 * `label` names the value in errors: the --endpoint option, or a profile's `endpoint` key.
 */
export function parseEndpoint(input: string, label = '--endpoint'): URL {
  const text = input.trim();
  const raw = maskEndpoint(input);
  // The URL parser drops tabs and line breaks silently ("https://a\n.com" is https://a.com): a
  // value holding any is refused rather than guessed at.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(input) || text.includes(' ')) {
    throw new UsageError(message(NETWORK.endpointControl, { label, raw }), label, {
      hint: message(NETWORK.endpointExample),
    });
  }
  let url: URL;
  try {
    url = new URL(withScheme(text));
  } catch {
    throw new UsageError(message(NETWORK.endpointNotUrl, { label, raw }), label, { hint: message(NETWORK.endpointExample) });
  }
  // The API signs every request; a user name or password in the URL would only be sent in the
  // clear to whatever answers, and shown wherever the endpoint is.
  if (url.username || url.password) {
    throw new UsageError(message(NETWORK.endpointCredentials, { label, raw }), label, {
      hint: message(NETWORK.endpointOnlyOrigin),
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(message(NETWORK.endpointHttpsOnly, { label, raw }), label);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new UsageError(message(NETWORK.endpointHttpLoopback, { label, raw }), label, {
      hint: message(NETWORK.endpointUseHttps, { host: url.host }),
    });
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search) {
    throw new UsageError(message(NETWORK.endpointPath, { label, raw }), label);
  }
  return url;
}

/** `clb.tencentcloudapi.com`, `clb.intl.tencentcloudapi.com`, `clb.ap-guangzhou.tencentcloudapi.com` … */
const CLB_PUBLIC_HOST = /^clb(\.[a-z0-9-]+)*\.tencentcloudapi\.com$/i;

/**
 * The endpoint of another service beside a CLB endpoint. On Tencent Cloud's own hosts each
 * service has its own name in the same place (`clb.…` → `ssl.…`, the region or `intl` label kept);
 * any other endpoint (the emulator, a proxy, a private gateway) serves every service itself, so
 * it is used as it is.
 */
export function serviceEndpoint(clbEndpoint: URL, service: string): URL {
  if (!CLB_PUBLIC_HOST.test(clbEndpoint.hostname)) return new URL(clbEndpoint.href);
  const url = new URL(clbEndpoint.href);
  url.hostname = `${service}${clbEndpoint.hostname.slice('clb'.length)}`;
  return url;
}

/**
 * Financial regions (`ap-shanghai-fsi`, `ap-shenzhen-fsi`, …) are isolated from the others: the
 * nearest-access host `<service>.tencentcloudapi.com` serves only non-financial regions, so their
 * API is reached at `<service>.<region>.tencentcloudapi.com` (docs/credentials.md).
 */
export function isFinancialRegion(region: string | undefined): region is string {
  return !!region && /^[a-z]+-[a-z0-9-]+-fsi$/.test(region);
}

/** `https://<service>.<region>.tencentcloudapi.com` for a financial region, else the nearest-access host. */
export function regionalEndpoint(service: string, region: string | undefined): string {
  return isFinancialRegion(region) ? `https://${service}.${region}.tencentcloudapi.com` : `https://${service}.tencentcloudapi.com`;
}
