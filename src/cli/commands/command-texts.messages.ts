/** What the commands say of their own flags and of a result that could not be printed, in both languages. */
import { defineMessages } from '../../core/i18n.js';

export const COMMAND_TEXTS = defineMessages({
  emptyValue: { en: '%{flag}: the value is empty', zh: '%{flag}：值为空' },
  giveAValue: { en: 'give %{flag} a value, or leave it out', zh: '请给 %{flag} 一个值，或者不给出它' },
  contradict: { en: '%{first} and %{second} contradict each other', zh: '%{first} 与 %{second} 相互矛盾' },
  giveOnce: { en: 'give %{flag} once', zh: '%{flag} 只需给出一次' },
  giveOneOf: { en: 'give %{first} or %{second} once', zh: '%{first} 或 %{second} 只需给出一次' },
  fileRequired: { en: '-f/--file is required: the listeners file (YAML or JSON)', zh: '必须给出 -f/--file：监听器文件（YAML 或 JSON）' },
  seeApplyHelp: { en: "see 'clb-listener apply --help'", zh: "参见 'clb-listener apply --help'" },
  detailedNeedsPlan: { en: '--detailed-exitcode goes with --plan', zh: '--detailed-exitcode 须与 --plan 同用' },
  applyPrintFailed: {
    en: 'what was done stays done; %{command} shows where things stand',
    zh: '已完成的改动保持不变；%{command} 可查看当前状态',
  },
  sameOption: {
    en: '--cli-input-json and --from-file are the same option; give one',
    zh: '--cli-input-json 与 --from-file 是同一个选项；只需给出一个',
  },
  noPathAfterFile: { en: '%{flag} "%{raw}": no path after file://', zh: '%{flag} "%{raw}"：file:// 后面没有路径' },
  checkTask: { en: 'check the task with %{command}', zh: '可用 %{command} 检查任务' },
  idsAboveCheckTask: {
    en: 'the listener ids are above; check the task with %{command}',
    zh: '监听器 ID 见上方；可用 %{command} 检查任务',
  },
  notRequestId: {
    en: 'request id "%{raw}" does not look like a RequestId (a UUID such as 6aa274e5-ff78-4e9e-b13c-30a9e21b107e)',
    zh: '请求 ID "%{raw}" 不像 RequestId（应为 UUID，例如 6aa274e5-ff78-4e9e-b13c-30a9e21b107e）',
  },
  createdMeanwhileButDiffers: {
    en: '%{id} on port %{port} was created meanwhile and kept, but differs: %{changes} (apply -f changes it)',
    zh: '端口 %{port} 上的 %{id} 是在此期间创建的，已保留，但有差异：%{changes}（apply -f 可修改它）',
  },
  takesOnePort: { en: 'takes one port', zh: '只接受一个端口' },
  flagProblem: { en: '%{flag} %{problem}', zh: '%{flag} %{problem}' },
});
