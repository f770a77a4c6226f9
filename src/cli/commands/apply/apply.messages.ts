/** What `apply` says: its plan, its summaries and progress, its tables' words, in both languages. */
import { defineMessages } from '../../../core/i18n.js';

export const APPLY = defineMessages({
  create: { en: 'create', zh: '创建' },
  update: { en: 'update', zh: '更新' },
  unchanged: { en: 'unchanged', zh: '不变' },
  conflict: { en: 'conflict', zh: '冲突' },
  delete: { en: 'delete', zh: '删除' },
  created: { en: 'created', zh: '已创建' },
  updated: { en: 'updated', zh: '已更新' },
  deleted: { en: 'deleted', zh: '已删除' },
  ok: { en: 'ok', zh: '成功' },
  notTried: { en: 'not tried', zh: '未尝试' },
  failed: { en: 'failed', zh: '失败' },
  unknown: { en: 'unknown', zh: '未知' },
  none: { en: '(none)', zh: '（无）' },
  change: { en: '%{field}: %{old} → %{new}', zh: '%{field}：%{old} → %{new}' },
  changeNotInPlace: {
    en: '%{field}: %{old} → %{new} (cannot be changed in place)',
    zh: '%{field}：%{old} → %{new}（无法原地修改）',
  },
  note: { en: 'note: %{note}', zh: '注意：%{note}' },
  summary: {
    en: 'Plan: %{create} to create, %{update} to update, %{delete} to delete, %{unchanged} unchanged%{kept}.',
    zh: '计划：创建 %{create} 个，更新 %{update} 个，删除 %{delete} 个，不变 %{unchanged} 个%{kept}。',
  },
  summaryRequests: {
    en: 'Plan: %{create} to create (%{requests} CreateListener), %{update} to update, %{delete} to delete, %{unchanged} unchanged%{kept}.',
    zh: '计划：创建 %{create} 个（%{requests} 次 CreateListener），更新 %{update} 个，删除 %{delete} 个，不变 %{unchanged} 个%{kept}。',
  },
  summaryConflict: {
    en: 'Plan: %{create} to create, %{update} to update, %{delete} to delete, %{unchanged} unchanged, 1 conflict%{kept}.',
    zh: '计划：创建 %{create} 个，更新 %{update} 个，删除 %{delete} 个，不变 %{unchanged} 个，冲突 1 个%{kept}。',
  },
  summaryConflicts: {
    en: 'Plan: %{create} to create, %{update} to update, %{delete} to delete, %{unchanged} unchanged, %{conflict} conflicts%{kept}.',
    zh: '计划：创建 %{create} 个，更新 %{update} 个，删除 %{delete} 个，不变 %{unchanged} 个，冲突 %{conflict} 个%{kept}。',
  },
  summaryRequestsConflict: {
    en: 'Plan: %{create} to create (%{requests} CreateListener), %{update} to update, %{delete} to delete, %{unchanged} unchanged, 1 conflict%{kept}.',
    zh: '计划：创建 %{create} 个（%{requests} 次 CreateListener），更新 %{update} 个，删除 %{delete} 个，不变 %{unchanged} 个，冲突 1 个%{kept}。',
  },
  summaryRequestsConflicts: {
    en: 'Plan: %{create} to create (%{requests} CreateListener), %{update} to update, %{delete} to delete, %{unchanged} unchanged, %{conflict} conflicts%{kept}.',
    zh: '计划：创建 %{create} 个（%{requests} 次 CreateListener），更新 %{update} 个，删除 %{delete} 个，不变 %{unchanged} 个，冲突 %{conflict} 个%{kept}。',
  },
  keptSuffix: { en: ', %{kept}', zh: '，%{kept}' },
  keptOne: { en: '1 listener kept outside the prune scope', zh: '1 个监听器在 prune 范围之外，予以保留' },
  keptMany: { en: '%{count} listeners kept outside the prune scope', zh: '%{count} 个监听器在 prune 范围之外，予以保留' },
  keptOneMarked: {
    en: "1 listener kept outside the prune scope (%{marked} for a controller's name mark)",
    zh: '1 个监听器在 prune 范围之外，予以保留（其中 %{marked} 个带有控制器的名称标记）',
  },
  keptManyMarked: {
    en: "%{count} listeners kept outside the prune scope (%{marked} for a controller's name mark)",
    zh: '%{count} 个监听器在 prune 范围之外，予以保留（其中 %{marked} 个带有控制器的名称标记）',
  },
  headerAction: { en: 'ACTION', zh: '操作' },
  headerLoadBalancer: { en: 'LOAD BALANCER', zh: '负载均衡' },
  headerDetail: { en: 'DETAIL', zh: '详情' },
  headerResult: { en: 'RESULT', zh: '结果' },
  readingOne: { en: 'Reading the listeners of 1 load balancer (%{file})', zh: '正在读取 1 个负载均衡的监听器（%{file}）' },
  readingMany: {
    en: 'Reading the listeners of %{count} load balancers (%{file})',
    zh: '正在读取 %{count} 个负载均衡的监听器（%{file}）',
  },
  nothingOne: { en: 'Nothing to change: 1 listener as described', zh: '无需变更：1 个监听器与描述一致' },
  nothingMany: { en: 'Nothing to change: %{count} listeners as described', zh: '无需变更：%{count} 个监听器与描述一致' },
  appliedOne: { en: 'Applied 1 change in %{elapsed}', zh: '已应用 1 项变更，用时 %{elapsed}' },
  appliedMany: { en: 'Applied %{count} changes in %{elapsed}', zh: '已应用 %{count} 项变更，用时 %{elapsed}' },
  notSucceeded: {
    en: '%{failed} of %{total} %{total|change|changes} did not succeed',
    zh: '%{total} 项变更中有 %{failed} 项未成功',
  },
  applying: {
    en: 'Applying %{total} %{total|change|changes} (%{requests} %{requests|request|requests}) to %{lbs} load %{lbs|balancer|balancers}',
    zh: '正在对 %{lbs} 个负载均衡应用 %{total} 项变更（%{requests} 个请求）',
  },
  deleteItem: {
    en: '%{id} (%{protocol} %{port}%{name} on %{lb})',
    zh: '%{id}（%{lb} 上的 %{protocol} %{port}%{name}）',
  },
  pruneWouldDelete: {
    en: '--prune would delete %{count} %{count|listener|listeners}: %{list}; nothing was sent',
    zh: '--prune 将删除 %{count} 个监听器：%{list}；未发送任何请求',
  },
  pruneHint: {
    en: 'add --yes to delete %{count|it|them}, or run with --plan to review',
    zh: '加 --yes 以删除这 %{count} 个监听器，或用 --plan 先查看',
  },
  notDescribed: {
    en: 'Listeners the file does not describe:',
    zh: '文件未描述的监听器：',
  },
  deleteThem: {
    en: 'Delete %{count} %{count|listener|listeners}?',
    zh: '删除 %{count} 个监听器？',
  },
  conflict1: {
    en: '%{where}: %{reason}; nothing was changed',
    zh: '%{where}：%{reason}；未做任何更改',
  },
  conflictMore: {
    en: '%{where}: %{reason} (and %{more} more %{more|conflict|conflicts}); nothing was changed',
    zh: '%{where}：%{reason}（另有 %{more} 个冲突）；未做任何更改',
  },
  conflictHint: {
    en: 'clb-listener apply --plan lists every conflict; nothing is deleted or re-created implicitly',
    zh: 'clb-listener apply --plan 会列出全部冲突；不会隐式删除或重建任何监听器',
  },
  partial: {
    en: '%{done} %{done|change|changes} made, %{failed} failed, %{unknown} with an unknown outcome, %{notTried} not tried',
    zh: '已完成 %{done} 项变更，%{failed} 项失败，%{unknown} 项结果未知，%{notTried} 项未尝试',
  },
  partialDetail: {
    en: '%{done} %{done|change|changes} made, %{failed} failed, %{unknown} with an unknown outcome, %{notTried} not tried: %{detail}',
    zh: '已完成 %{done} 项变更，%{failed} 项失败，%{unknown} 项结果未知，%{notTried} 项未尝试：%{detail}',
  },
  partialHint: {
    en: 'the summary lists each listener; run apply again to retry what is left (what was done stays done)',
    zh: '摘要列出了每个监听器；再次运行 apply 可重试剩余部分（已完成的保持不变）',
  },
  applyingCounter: {
    en: 'Applying: %{done}/%{total} changes, %{finished}/%{lbs} load balancers done',
    zh: '正在应用：%{done}/%{total} 项变更，%{finished}/%{lbs} 个负载均衡已完成',
  },
  tally: {
    en: '%{count} %{verb}',
    zh: '%{verb} %{count} 个',
  },
  nothingChanged: {
    en: 'nothing changed',
    zh: '无变更',
  },
  lbDone: {
    en: '%{lb}: %{tally} in %{elapsed}',
    zh: '%{lb}：%{tally}，用时 %{elapsed}',
  },
  lbStopped: {
    en: '%{lb}: %{tally} in %{elapsed}; stopped, %{failure}',
    zh: '%{lb}：%{tally}，用时 %{elapsed}；已停止，%{failure}',
  },
  interruptedSummary: {
    en: 'interrupted; the summary says what was done, what was not tried, and what is unknown',
    zh: '已中断；摘要列出了已完成、未尝试和结果未知的变更',
  },
  conflictLine: { en: 'conflict: %{where}: %{reason}', zh: '冲突：%{where}：%{reason}' },
  reasonProtocol: {
    en: 'port %{port} is held by %{holder}; the protocol cannot be changed in place: delete %{id} and create it again to change it',
    zh: '端口 %{port} 已被 %{holder} 占用；协议无法原地修改：如要修改，请删除 %{id} 后重新创建',
  },
  reasonPorts: {
    en: 'port %{port} overlaps %{holder} on %{on}; ports cannot be changed in place: delete %{id} and create it again to change it',
    zh: '端口 %{port} 与 %{holder}（端口 %{on}）重叠；端口无法原地修改：如要修改，请删除 %{id} 后重新创建',
  },
  reasonFixed: {
    en: '%{fields} of %{holder} cannot be changed by ModifyListener: delete %{id} and create it again to change it',
    zh: '%{holder} 的 %{fields} 无法通过 ModifyListener 修改：如要修改，请删除 %{id} 后重新创建',
  },
});
