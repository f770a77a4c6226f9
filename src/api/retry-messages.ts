/**
 * What the retry loop says when it is interrupted. The API layer does not know the run's language
 * (its errors are in English, like the API's own); the texts are here so both languages are
 * written once.
 */
import { defineMessages } from '../core/i18n.js';

export const RETRY_TEXT = defineMessages({
  interruptedBeforeRetry: {
    en: 'interrupted before %{action} was tried again; every try so far was refused or never reached the API (last: %{reason}), so nothing was changed',
    zh: '再次尝试 %{action} 之前被中断；此前每次尝试都被拒绝或未到达 API（最后一次：%{reason}），因此没有做任何更改',
  },
});
