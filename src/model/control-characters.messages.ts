/** What the control-character rule says of a string, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const CONTROL_CHARACTERS = defineMessages({
  secretHolds: {
    en: 'holds a control character (%{character} at position %{position})',
    zh: '含有控制字符（第 %{position} 个字符 %{character}）',
  },
  valueHolds: {
    en: '"%{value}" holds a control character (%{character} at position %{position})',
    zh: '"%{value}" 含有控制字符（第 %{position} 个字符 %{character}）',
  },
});
