/**
 * The SSL certificate service's DescribeCertificates (service `ssl`, version 2019-12-05), typed:
 * the certificates `create -i` offers for a listener. Call it with a client from
 * `client.forService(SSL_SERVICE)`.
 */
import type * as z from 'zod/mini';
import type * as Replies from './replies.js';
import type { CallOptions, ClbClient } from './client.js';
import { invoke, reply } from './clb.js';

export type CertificateSummary = z.infer<typeof Replies.Certificate>;
export type DescribeCertificatesResult = z.infer<typeof Replies.DescribeCertificates>;

export interface CertificateFilter {
  /** `SVR` for server certificates, `CA` for client CAs. */
  CertificateType?: 'SVR' | 'CA';
  SearchKey?: string;
  ExpirationSort?: 'ASC' | 'DESC';
  Offset?: number;
  /** Default 10, at most 1000. */
  Limit?: number;
}

export function describeCertificates(
  client: ClbClient,
  filter: CertificateFilter,
  options?: CallOptions,
): Promise<DescribeCertificatesResult> {
  return invoke(client, reply('DescribeCertificates'), 'DescribeCertificates', filter, options);
}
