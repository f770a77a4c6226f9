/** Why `--prune` may delete a listener or keeps it, in both languages (the plan's text; -o json keeps the English). */
import { defineMessages } from '../core/i18n.js';

export const PRUNE_SCOPE = defineMessages({
  controllerMark: {
    en: '%{name} carries the %{prefix} mark of %{who}; kept unless prune.names names it (e.g. "%{prefix}*")',
    zh: '%{name} 带有 %{who} 的 %{prefix} 标记；除非 prune.names 指明它（例如 "%{prefix}*"），否则保留',
  },
  noScope: {
    en: 'not in the file; the file has no prune: scope, so every listener it does not describe is in scope',
    zh: '不在文件中；文件没有 prune: 范围，因此文件未描述的每个监听器都在范围内',
  },
  noGlob: { en: 'name %{name} matches no prune.names glob', zh: '名称 %{name} 不匹配任何 prune.names 通配符' },
  portNotWithin: { en: 'port %{port} not within prune.ports', zh: '端口 %{port} 不在 prune.ports 之内' },
  portsNotWithin: { en: 'ports %{port}-%{end} not within prune.ports', zh: '端口 %{port}-%{end} 不在 prune.ports 之内' },
  inScopeName: {
    en: 'not in the file; in the prune: scope (name %{name} matches "%{glob}")',
    zh: '不在文件中；在 prune: 范围内（名称 %{name} 匹配 "%{glob}"）',
  },
  inScopePorts: {
    en: 'not in the file; in the prune: scope (%{ports} within %{range})',
    zh: '不在文件中；在 prune: 范围内（%{ports} 在 %{range} 之内）',
  },
  inScopeNameAndPorts: {
    en: 'not in the file; in the prune: scope (name %{name} matches "%{glob}", %{ports} within %{range})',
    zh: '不在文件中；在 prune: 范围内（名称 %{name} 匹配 "%{glob}"，%{ports} 在 %{range} 之内）',
  },
  port: { en: 'port %{port}', zh: '端口 %{port}' },
  ports: { en: 'ports %{port}-%{end}', zh: '端口 %{port}-%{end}' },
  noName: { en: '(no name)', zh: '（无名称）' },
});
