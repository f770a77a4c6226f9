/** What following a task says on the spinner line, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const FOLLOW = defineMessages({
  waiting: { en: '%{label}: waiting for task %{task}…', zh: '%{label}：正在等待任务 %{task}…' },
  waitingFor: { en: '%{label}: waiting for task %{task}… (%{elapsed})', zh: '%{label}：正在等待任务 %{task}…（%{elapsed}）' },
  unknownTask: {
    en: 'the API knows no task %{id} in %{region}: check the id was copied whole from the RequestId a write printed (create --no-wait, or an interrupted or timed-out create), and that --region and --endpoint are those of that write',
    zh: 'API 在 %{region} 中找不到任务 %{id}：请检查该 ID 是否完整复制自写操作打印的 RequestId（create --no-wait，或被中断、超时的 create），以及 --region 和 --endpoint 是否与该写操作相同',
  },
  thisRegion: { en: 'this region', zh: '此地域' },
  outcomeUnknown: {
    en: "the task's outcome is unknown; ask again with: %{command}",
    zh: '任务结果未知；可用此命令再次查询：%{command}',
  },
  outcomeUnknownAfter: {
    en: "%{hint}; the task's outcome is unknown; ask again with: %{command}",
    zh: '%{hint}；任务结果未知；可用此命令再次查询：%{command}',
  },
  waitFailed: {
    en: '%{action} was accepted (task %{id}), but waiting for it failed: %{reason}',
    zh: '%{action} 已被接受（任务 %{id}），但等待时失败：%{reason}',
  },
  findOut: {
    en: 'find out how it ended with %{command} (do not send it again)',
    zh: '请用 %{command} 查看其结果（不要再次发送）',
  },
  findOutRefused: {
    en: 'the credentials were refused while waiting; fix them, then find out how it ended with %{command} (do not send it again)',
    zh: '等待期间凭据被拒绝；请修正凭据，然后用 %{command} 查看其结果（不要再次发送）',
  },
});
