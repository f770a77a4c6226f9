/** What the target actions say when a caller hands them a call the API would refuse, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const TARGET_CALLS = defineMessages({
  noTargets: { en: '%{action}: no targets given', zh: '%{action}：没有给出任何后端目标' },
  tooMany: {
    en: '%{action}: at most %{max} targets a call, got %{count}',
    zh: '%{action}：每次调用最多 %{max} 个后端目标，实际为 %{count} 个',
  },
});
