/** CreateTime strings as the real API prints them: `YYYY-MM-DD HH:mm:ss` in China Standard Time (UTC+8). */
const UTC_PLUS_8_MS = 8 * 3600 * 1000;

export function formatCreateTime(ms: number): string {
  return new Date(ms + UTC_PLUS_8_MS).toISOString().slice(0, 19).replace('T', ' ');
}
