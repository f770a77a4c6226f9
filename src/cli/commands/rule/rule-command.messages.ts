/** What the `rule` commands say beyond the shared rule texts, in both languages. */
import { defineMessages } from '../../../core/i18n.js';

export const RULE_COMMAND = defineMessages({
  badLocationId: { en: '--location-id %{value}: must look like loc-xxxxxxxx', zh: '--location-id %{value}：格式应为 loc-xxxxxxxx' },
});
