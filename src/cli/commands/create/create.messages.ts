/** What `create` says while it works, and its table's headers, in both languages. */
import { defineMessages } from '../../../core/i18n.js';

export const CREATE = defineMessages({
  creatingOne: {
    en: 'Creating 1 %{protocol} listener on %{lb} (port %{ports})',
    zh: '正在 %{lb} 上创建 1 个 %{protocol} 监听器（端口 %{ports}）',
  },
  creatingMany: {
    en: 'Creating %{count} %{protocol} listeners on %{lb} (ports %{ports})',
    zh: '正在 %{lb} 上创建 %{count} 个 %{protocol} 监听器（端口 %{ports}）',
  },
  createdOne: {
    en: 'Created 1 %{protocol} listener on %{lb} (port %{ports}) in %{elapsed}: %{ids}',
    zh: '已在 %{lb} 上创建 1 个 %{protocol} 监听器（端口 %{ports}），用时 %{elapsed}：%{ids}',
  },
  createdMany: {
    en: 'Created %{count} %{protocol} listeners on %{lb} (ports %{ports}) in %{elapsed}: %{ids}',
    zh: '已在 %{lb} 上创建 %{count} 个 %{protocol} 监听器（端口 %{ports}），用时 %{elapsed}：%{ids}',
  },
  existsOne: {
    en: 'The %{protocol} listener on %{lb} (port %{ports}) exists already: %{ids}',
    zh: '%{lb} 上的 %{protocol} 监听器（端口 %{ports}）已存在：%{ids}',
  },
  existsMany: {
    en: 'All %{count} %{protocol} listeners on %{lb} (ports %{ports}) exist already: %{ids}',
    zh: '%{lb} 上的全部 %{count} 个 %{protocol} 监听器（端口 %{ports}）均已存在：%{ids}',
  },
  acceptedCreating: {
    en: 'Accepted: creating %{ids} on %{lb} (task %{task} still running); follow it with: %{command}',
    zh: '已接受：正在 %{lb} 上创建 %{ids}（任务 %{task} 仍在运行）；可用此命令跟踪：%{command}',
  },
  keptButDiffers: {
    en: '%{id} on port %{port} already exists and was kept, but differs: %{changes} (apply -f changes it)',
    zh: '端口 %{port} 上的 %{id} 已存在并被保留，但有差异：%{changes}（apply -f 可修改它）',
  },
  acceptedThen: {
    en: 'CreateListener was accepted (task %{id}), but then: %{reason}',
    zh: 'CreateListener 已被接受（任务 %{id}），但随后：%{reason}',
  },
  answerLost: {
    en: 'The answer was lost; checking whether the listeners were created on %{lb}',
    zh: '应答丢失；正在检查 %{lb} 上是否已创建监听器',
  },
  idOnPort: {
    en: '%{id} (port %{port})',
    zh: '%{id}（端口 %{port}）',
  },
  foundAfterLoss: {
    en: 'the answer to CreateListener was lost (%{reason}), but DescribeListeners shows the listeners were created: %{ids}, still listed once their task should have ended (its id was in the lost answer, so it could not be followed)',
    zh: 'CreateListener 的应答丢失（%{reason}），但 DescribeListeners 显示监听器已创建：%{ids}，在其任务应已结束后仍然存在（任务 ID 在丢失的应答中，无法跟踪）',
  },
  toCreateIt: {
    en: "to create it: set up credentials ('clb-listener configure', or TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY), then run the equivalent command above",
    zh: "如要创建：先设置凭据（'clb-listener configure'，或 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY），然后运行上面的等效命令",
  },
  dryRunNothingSent: { en: 'dry run: nothing was sent', zh: '试运行：未发送任何请求' },
});
