/** The headers of the tables commands print with `-o table`, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const HEADERS = defineMessages({
  listenerId: { en: 'LISTENER ID', zh: '监听器 ID' },
  port: { en: 'PORT', zh: '端口' },
  protocol: { en: 'PROTOCOL', zh: '协议' },
  name: { en: 'NAME', zh: '名称' },
  action: { en: 'ACTION', zh: '操作' },
  created: { en: 'CREATED', zh: '创建时间' },
});
