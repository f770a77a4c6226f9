/**
 * The SSL certificate service's DescribeCertificates (service `ssl`, version 2019-12-05), typed:
 * the certificates `create -i` offers for a listener. Call it with a client from
 * `client.forService(SSL_SERVICE)`.
 */
import { z } from './zod.js';
import type { CallOptions, ClbClient } from './client.js';
import { invoke } from './clb.js';

const Certificate = z.looseObject({
  CertificateId: z.string(),
  /** `SVR` (server) or `CA` (client CA). */
  CertificateType: z.string().nullish(),
  Domain: z.string().nullish(),
  Alias: z.string().nullish(),
  SubjectAltName: z.array(z.string()).nullish(),
  /** e.g. `RSA`, `ECC`, `SM2`. */
  EncryptAlgorithm: z.string().nullish(),
  CertBeginTime: z.string().nullish(),
  /** `YYYY-MM-DD HH:mm:ss`, UTC+8. */
  CertEndTime: z.string().nullish(),
  /** 1 approved, 3 expired, others pending or revoked (docs/api/ssl-certificates.md). */
  Status: z.number().int().nullish(),
  Deployable: z.boolean().nullish(),
});

export const DescribeCertificatesResponse = z.looseObject({
  Certificates: z.array(Certificate).nullish(),
  TotalCount: z.number().int().nullish(),
  RequestId: z.string().min(1),
});

export type CertificateSummary = z.infer<typeof Certificate>;
export type DescribeCertificatesResult = z.infer<typeof DescribeCertificatesResponse>;

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
  return invoke(client, DescribeCertificatesResponse, 'DescribeCertificates', filter, options);
}
