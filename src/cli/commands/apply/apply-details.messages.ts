/** What apply says of one change's outcome (its result's detail), in both languages; -o json keeps the English. */
import { defineMessages } from '../../../core/i18n.js';

export const DETAILS = defineMessages({
  taskFailed: { en: 'task %{id} failed: %{reason}', zh: '任务 %{id} 失败：%{reason}' },
  taskFailedNoReason: { en: 'task %{id} failed: no reason given', zh: '任务 %{id} 失败：未给出原因' },
  stillRunning: {
    en: 'task %{id} still running; follow it with: clb-listener wait %{id}',
    zh: '任务 %{id} 仍在运行；可用此命令跟踪：clb-listener wait %{id}',
  },
  interrupted: { en: 'interrupted; task %{id} keeps running', zh: '已中断；任务 %{id} 仍在运行' },
  notFollowed: { en: 'task %{id} could not be followed: %{reason}', zh: '无法跟踪任务 %{id}：%{reason}' },
  lostFoundSettled: {
    en: 'the answer was lost (%{reason}); the listeners were found by reading, still listed once their task should have ended',
    zh: '应答丢失（%{reason}）；通过查询找到了这些监听器，且在其任务应已结束时仍被列出',
  },
  lostListed: {
    en: 'the answer was lost (%{reason}); the listeners are listed, but their task may still be running',
    zh: '应答丢失（%{reason}）；监听器已列出，但其任务可能仍在运行',
  },
  lostChecked: { en: 'the answer was lost (%{reason}); %{checked}', zh: '应答丢失（%{reason}）；%{checked}' },
  lostChangeMade: { en: 'the answer was lost (%{reason}); the change was found made', zh: '应答丢失（%{reason}）；查询发现改动已生效' },
  lostChangeNotSeen: {
    en: 'the answer was lost (%{reason}); the change was not seen in DescribeListeners',
    zh: '应答丢失（%{reason}）；在 DescribeListeners 中未看到该改动',
  },
  lostGone: { en: 'the answer was lost (%{reason}); the listeners are gone', zh: '应答丢失（%{reason}）；监听器已不存在' },
  lostStillListed: { en: 'the answer was lost (%{reason}); the listeners are still listed', zh: '应答丢失（%{reason}）；监听器仍被列出' },
});
