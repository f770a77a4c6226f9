/** What `delete` and `wait` say while they work, in both languages. */
import { defineMessages } from '../../../core/i18n.js';

export const DELETE = defineMessages({
  deleting: {
    en: 'Deleting %{count} %{count|listener|listeners} on %{lb}',
    zh: '正在删除 %{lb} 上的 %{count} 个监听器',
  },
  deleted: { en: 'Deleted %{ids} in %{elapsed}', zh: '已删除 %{ids}，用时 %{elapsed}' },
  acceptedDeleting: {
    en: 'Accepted: deleting %{ids} on %{lb} (task %{task} still running); follow it with: %{command}',
    zh: '已接受：正在删除 %{lb} 上的 %{ids}（任务 %{task} 仍在运行）；可用此命令跟踪：%{command}',
  },
  headerStatus: { en: 'STATUS', zh: '状态' },
  waiting: { en: 'Waiting', zh: '正在等待' },
  waitingTask: { en: 'Waiting: task %{id}', zh: '正在等待：任务 %{id}' },
  succeeded: { en: 'Task %{id} succeeded (%{elapsed})', zh: '任务 %{id} 已成功（%{elapsed}）' },
  headerRequestId: { en: 'REQUEST ID', zh: '请求 ID' },
  headerLoadBalancers: { en: 'LOAD BALANCERS', zh: '负载均衡' },
});
