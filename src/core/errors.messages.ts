/** What the error classes of errors.ts say, in both languages. */
import { defineMessages } from './i18n.js';

export const ERRORS = defineMessages({
  apiFailed: { en: '%{action} failed: %{code}: %{message}', zh: '%{action} 失败：%{code}：%{message}' },
  taskFailed: { en: 'task %{id} failed: %{reason}', zh: '任务 %{id} 失败：%{reason}' },
  taskFailedNoReason: { en: 'task %{id} failed: no reason given', zh: '任务 %{id} 失败：未给出原因' },
  gaveUpWaiting: {
    en: 'gave up waiting for task %{id} after %{seconds}s; it may still finish',
    zh: '等待任务 %{id} %{seconds} 秒后放弃；它仍可能完成',
  },
  resumeWith: { en: 'resume with: %{command}', zh: '继续等待：%{command}' },
  interrupted: { en: 'interrupted', zh: '已中断' },
  interruptedWaiting: { en: 'interrupted while waiting for task %{id}', zh: '已中断：正在等待任务 %{id}' },
  taskKeepsRunning: { en: 'the task keeps running; follow it with: %{command}', zh: '任务仍在运行；可用此命令跟踪：%{command}' },
  interruptedNothingSent: { en: 'interrupted; nothing was sent', zh: '已中断；未发送任何请求' },
  interruptedReadingStdin: { en: 'interrupted while reading stdin; nothing was sent', zh: '已中断：正在读取标准输入；未发送任何请求' },
  interruptedReading: { en: 'interrupted while reading %{path}; nothing was sent', zh: '已中断：正在读取 %{path}；未发送任何请求' },
  cancelledNothingSent: { en: 'cancelled; nothing was sent', zh: '已取消；未发送任何请求' },
  bug: {
    en: 'this is a bug in clb-listener; run again with --debug for details',
    zh: '这是 clb-listener 的缺陷；请加 --debug 重新运行以查看详情',
  },
  listenerIds: { en: 'listener ids: %{ids}', zh: '监听器 ID：%{ids}' },
  moreProblems: {
    en: '… and %{count} more (-o json lists every problem)',
    zh: '……另有 %{count} 个问题（-o json 会列出全部问题）',
  },
  errorLabel: { en: 'error:', zh: '错误：' },
  hintLabel: { en: 'hint:', zh: '提示：' },
  warningLabel: { en: 'warning:', zh: '警告：' },
  warningLine: { en: 'warning: %{message}', zh: '警告：%{message}' },
  requestIdSuffix: { en: '%{message} (RequestId: %{id})', zh: '%{message}（RequestId：%{id}）' },
});
