/** What the input limits say beyond the input catalogue, in both languages. */
import { defineMessages } from '../core/i18n.js';

export const LIMITS = defineMessages({
  fourLevels: { en: 'a CreateListener body is at most four levels deep', zh: 'CreateListener 请求体最多四层嵌套' },
});
