/** The CLB API this tool speaks: one version, one product name in every credential scope. */
export const API_VERSION = '2018-03-17';
/** Fixed: endpoints may be IPs or proxies, whose first host label is not the product. */
export const SERVICE = 'clb';
