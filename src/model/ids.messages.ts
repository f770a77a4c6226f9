/** What the checks of load balancer and listener ids say, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const IDS = defineMessages({
  mustLookLike: { en: '%{flag} %{value} must look like %{usual}', zh: '%{flag} %{value} 的格式应为 %{usual}' },
  lbPrefix: { en: 'load balancer ids start with lb-', zh: '负载均衡 ID 以 lb- 开头' },
  listenerPrefix: { en: 'listener ids start with lbl-', zh: '监听器 ID 以 lbl- 开头' },
  atLeastOne: { en: '%{flag} needs at least one listener id', zh: '%{flag} 至少需要一个监听器 ID' },
  atMost: { en: '%{flag}: at most %{max} listeners per call, got %{count}', zh: '%{flag}：每次调用最多 %{max} 个监听器，实际为 %{count}' },
});
