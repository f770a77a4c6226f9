/** What comparing a listener with its description notes about fields it cannot compare, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const COMPARE = defineMessages({
  uploadNotCompared: {
    en: 'Certificate: an uploaded certificate is not compared (the API reports only ids); give CertId to manage it here',
    zh: 'Certificate：上传的证书不做比较（API 只报告 ID）；如要在此管理，请给出 CertId',
  },
  uploadsNotCompared: {
    en: 'MultiCertInfo: uploaded certificates are not compared (the API reports only ids); give CertId to manage them here',
    zh: 'MultiCertInfo：上传的证书不做比较（API 只报告 ID）；如要在此管理，请给出 CertId',
  },
  notReported: {
    en: '%{field}: not reported by DescribeListeners, so not compared',
    zh: '%{field}：DescribeListeners 不报告此字段，因此不做比较',
  },
});
