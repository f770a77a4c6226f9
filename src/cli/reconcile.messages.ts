/** What the reads after a lost answer found, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const RECONCILE = defineMessages({
  noListener: { en: 'no listener on port %{port}', zh: '端口 %{port} 上没有监听器' },
  heldNot: {
    en: 'port %{port} is held by %{holder}, not a %{protocol} listener',
    zh: '端口 %{port} 被 %{holder} 占用，不是 %{protocol} 监听器',
  },
  heldNotNamed: {
    en: 'port %{port} is held by %{holder}, not a %{protocol} listener named "%{name}"',
    zh: '端口 %{port} 被 %{holder} 占用，不是名为 "%{name}" 的 %{protocol} 监听器',
  },
  heldBefore: {
    en: 'port %{port} is held by %{holder}, which was there before the request',
    zh: '端口 %{port} 被 %{holder} 占用，它在请求之前就已存在',
  },
  heldCreatedAt: {
    en: 'port %{port} is held by %{holder}, created %{time} +08:00, before the request was sent',
    zh: '端口 %{port} 被 %{holder} 占用，创建于 %{time} +08:00，早于请求发出',
  },
  heldCreatedUnknown: {
    en: 'port %{port} is held by %{holder}, created at an unknown time, before the request was sent',
    zh: '端口 %{port} 被 %{holder} 占用，创建时间未知，早于请求发出',
  },
  couldNotRead: { en: 'DescribeListeners could not be read', zh: '无法读取 DescribeListeners' },
  readFailed: { en: 'DescribeListeners failed: %{reason}', zh: 'DescribeListeners 失败：%{reason}' },
  vanished: {
    en: 'DescribeListeners on %{lb} listed the listeners, then %{reads} %{reads|read|reads} and %{seconds}s later no longer (%{problems}): their task failed',
    zh: 'DescribeListeners 在 %{lb} 上列出了这些监听器，%{reads} 次读取、%{seconds} 秒后不再列出（%{problems}）：它们的任务失败了',
  },
  checked: {
    en: 'checked DescribeListeners on %{lb} %{reads} %{reads|time|times} over %{seconds}s: %{last}',
    zh: '在 %{seconds} 秒内查询了 %{lb} 的 DescribeListeners %{reads} 次：%{last}',
  },
  lostNothingCreated: {
    en: 'the answer to CreateListener was lost (%{reason}); %{checked}; nothing was created',
    zh: 'CreateListener 的应答丢失（%{reason}）；%{checked}；未创建任何监听器',
  },
  seeWhatIsThere: { en: 'see what is there with %{command}', zh: '可用 %{command} 查看现有内容' },
  lostMayHaveApplied: {
    en: '%{checked}; the request may or may not have been applied: check with %{command} before retrying (create --if-not-exists keeps what is there)',
    zh: '%{checked}；请求可能已生效，也可能未生效：重试前请用 %{command} 核实（create --if-not-exists 会保留已有的）',
  },
  lostApiFailedMayHaveApplied: {
    en: '%{checked}; the API failed while handling the request, which may or may not have been applied: check with %{command} before retrying (create --if-not-exists keeps what is there)',
    zh: '%{checked}；API 在处理请求时失败，请求可能已生效，也可能未生效：重试前请用 %{command} 核实（create --if-not-exists 会保留已有的）',
  },
  listedMayStillFail: {
    en: 'DescribeListeners lists them, but their task may still be running (its id was in the lost answer) and a failed task removes them: check with %{command}; do not send it again',
    zh: 'DescribeListeners 列出了它们，但其任务可能仍在运行（任务 ID 在丢失的应答中），任务失败会删除它们：请用 %{command} 核实；不要再次发送',
  },
  lostButListed: {
    en: 'the answer to CreateListener was lost (%{reason}); its listeners are listed: %{ids}',
    zh: 'CreateListener 的应答丢失（%{reason}）；其监听器已列出：%{ids}',
  },
});
