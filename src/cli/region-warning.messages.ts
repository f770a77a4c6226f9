/** The warning for a region outside the SDKs' list (src/cli/region-warning.ts). */
import { defineMessages } from '../core/i18n.js';

export const REGION_WARNING = defineMessages({
  unknownSuggest: {
    en: 'warning: %{source} "%{region}" is not a region this tool knows (did you mean %{suggestion}?); used as given',
    zh: '警告：%{source} "%{region}" 不是本工具已知的地域（是不是 %{suggestion}？）；按原样使用',
  },
  unknown: {
    en: 'warning: %{source} "%{region}" is not a region this tool knows; used as given (the API refuses a region it does not serve)',
    zh: '警告：%{source} "%{region}" 不是本工具已知的地域；按原样使用（API 会拒绝它不服务的地域）',
  },
});
