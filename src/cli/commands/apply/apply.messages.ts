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
    en: 'Plan: %{create} to create, %{update} to update, %{delete} to delete, %{unchanged} unchanged.',
    zh: '计划：创建 %{create} 个，更新 %{update} 个，删除 %{delete} 个，不变 %{unchanged} 个。',
  },
  summaryRequests: {
    en: 'Plan: %{create} to create (%{requests} CreateListener), %{update} to update, %{delete} to delete, %{unchanged} unchanged.',
    zh: '计划：创建 %{create} 个（%{requests} 次 CreateListener），更新 %{update} 个，删除 %{delete} 个，不变 %{unchanged} 个。',
  },
  summaryConflict: {
    en: 'Plan: %{create} to create, %{update} to update, %{delete} to delete, %{unchanged} unchanged, 1 conflict.',
    zh: '计划：创建 %{create} 个，更新 %{update} 个，删除 %{delete} 个，不变 %{unchanged} 个，冲突 1 个。',
  },
  summaryConflicts: {
    en: 'Plan: %{create} to create, %{update} to update, %{delete} to delete, %{unchanged} unchanged, %{conflict} conflicts.',
    zh: '计划：创建 %{create} 个，更新 %{update} 个，删除 %{delete} 个，不变 %{unchanged} 个，冲突 %{conflict} 个。',
  },
  summaryRequestsConflict: {
    en: 'Plan: %{create} to create (%{requests} CreateListener), %{update} to update, %{delete} to delete, %{unchanged} unchanged, 1 conflict.',
    zh: '计划：创建 %{create} 个（%{requests} 次 CreateListener），更新 %{update} 个，删除 %{delete} 个，不变 %{unchanged} 个，冲突 1 个。',
  },
  summaryRequestsConflicts: {
    en: 'Plan: %{create} to create (%{requests} CreateListener), %{update} to update, %{delete} to delete, %{unchanged} unchanged, %{conflict} conflicts.',
    zh: '计划：创建 %{create} 个（%{requests} 次 CreateListener），更新 %{update} 个，删除 %{delete} 个，不变 %{unchanged} 个，冲突 %{conflict} 个。',
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
});
