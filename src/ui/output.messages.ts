/** What printing a result says when it cannot, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const OUTPUT = defineMessages({
  cannotWrite: { en: 'could not write the result to stdout (%{reason})', zh: '无法把结果写到标准输出（%{reason}）' },
  noSpace: { en: 'no space left on the device', zh: '设备上没有剩余空间' },
  noSuchField: {
    en: '--query "%{query}": the result has no field %{fields}; it has %{known}',
    zh: '--query "%{query}"：结果中没有字段 %{fields}；现有字段：%{known}',
  },
  nothingSent: { en: 'nothing was sent', zh: '未发送任何请求' },
});
