/** What is said when requested ports are held already, and the fix that fits, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const CONFLICTS = defineMessages({
  heldOne: { en: 'port %{port} on %{lb} is held by %{holder}', zh: '%{lb} 上的端口 %{port} 已被 %{holder} 占用' },
  heldMany: { en: 'ports on %{lb} are held: %{holders}', zh: '%{lb} 上的端口已被占用：%{holders}' },
  holderUnlike: { en: '%{holder}, %{why}', zh: '%{holder}，%{why}' },
  portBy: { en: '%{port} by %{holder}', zh: '%{port} 被 %{holder} 占用' },
  askedFor: {
    en: '%{count|it is the listener|they are the listeners} asked for: add --if-not-exists to keep %{count|it|them} and create only the missing ports',
    zh: '占用者正是所请求的 %{count} 个监听器：加 --if-not-exists 以保留它们，只创建缺少的端口',
  },
  pickOrDelete: {
    en: 'pick %{ports|another port|other ports}, or delete the %{count|listener|listeners} in the way first: %{command}',
    zh: '请换用其他端口（%{ports} 个），或先删除占用的 %{count} 个监听器：%{command}',
  },
  notAsked: {
    en: '%{ids} %{count|is not the listener|are not the listeners} asked for: pick other ports, or delete %{count|it|them} first (%{command}) and add --if-not-exists to keep %{kept}',
    zh: '%{ids} 不是所请求的监听器（%{count} 个）：请换用其他端口，或先删除（%{command}）并加 --if-not-exists 以保留 %{kept}',
  },
  nothingSent: { en: '%{summary}; nothing was sent', zh: '%{summary}；未发送任何请求' },
  mayRefuse: {
    en: 'port %{port} is held by %{holder}; the API may refuse a %{protocol} listener beside it',
    zh: '端口 %{port} 已被 %{holder} 占用；API 可能拒绝在其旁边创建 %{protocol} 监听器',
  },
});
