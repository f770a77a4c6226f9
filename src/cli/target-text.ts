/** The words of the target (backend) options, steps and listings, in English and Simplified Chinese. */
import { defineMessages } from '../core/i18n.js';

export const TARGET_TEXT = defineMessages({
  emulatorInstances: {
    en: 'comma-separated instance ids targets may name (default: ins-emu00001 … ins-emu00008)',
    zh: '后端可使用的实例 ID，逗号分隔（默认：ins-emu00001 … ins-emu00008）',
  },
  emulatorHealthDelay: {
    en: 'how long a newly bound target reports Unknown before Alive (default: 2000)',
    zh: '新绑定的后端在变为 Alive 之前保持 Unknown 的时长，毫秒（默认：2000）',
  },
});
