/** The CLB API this tool speaks: one version, one product name in every credential scope. */
export const API_VERSION = '2018-03-17';
/** Fixed: endpoints may be IPs or proxies, whose first host label is not the product. */
export const SERVICE = 'clb';

/** A TencentCloud API service: the name its credential scope uses, and the version spoken. */
export interface ServiceSpec {
  name: string;
  version: string;
}

export const CLB_SERVICE: ServiceSpec = { name: SERVICE, version: API_VERSION };
/** The SSL certificate service, for DescribeCertificates (docs/api/ssl-certificates.md). */
export const SSL_SERVICE: ServiceSpec = { name: 'ssl', version: '2019-12-05' };
