/** The words around a field's name when the edge names it (an alias, the file it came from), in both languages. */
import { defineMessages } from '../core/i18n.js';

export const NAMES = defineMessages({
  orAlias: { en: '%{flag} (or %{alias})', zh: '%{flag}（或 %{alias}）' },
  certificateFlags: { en: '--cert-id (or --cert-file, --certificate)', zh: '--cert-id（或 --cert-file、--certificate）' },
  inFile: { en: '%{name} (in %{file})', zh: '%{name}（位于 %{file}）' },
});
