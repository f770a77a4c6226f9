/** What following a task says on the spinner line, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const FOLLOW = defineMessages({
  waiting: { en: '%{label}: waiting for task %{task}…', zh: '%{label}：正在等待任务 %{task}…' },
  waitingFor: { en: '%{label}: waiting for task %{task}… (%{elapsed})', zh: '%{label}：正在等待任务 %{task}…（%{elapsed}）' },
});
