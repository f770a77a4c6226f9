/** How a port held by another listener is described, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const PORTS = defineMessages({
  usedBy: { en: '%{port} is used by %{id} (%{protocol}%{name}%{range})', zh: '%{port} 已被 %{id} 占用（%{protocol}%{name}%{range}）' },
  range: { en: ', ports %{from}-%{to}', zh: '，端口 %{from}-%{to}' },
  notProtocol: { en: 'not %{protocol}', zh: '不是 %{protocol}' },
  onPorts: { en: 'on ports %{ports}', zh: '位于端口 %{ports}' },
  notNamed: { en: 'not named "%{name}"', zh: '名称不是 "%{name}"' },
});
