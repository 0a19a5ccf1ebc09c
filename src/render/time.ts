const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const
const WEEKDAY_OF: Record<string, (typeof WEEKDAYS)[number]> = {
  Sun: '日',
  Mon: '月',
  Tue: '火',
  Wed: '水',
  Thu: '木',
  Fri: '金',
  Sat: '土',
}

/**
 * One formatter for Japan time, built once. dayjs's timezone plugin converted through
 * `toLocaleString` with a `timeZone` option, which sets one up on every call (about 99 µs a time
 * against 4 µs here); App Home paid that once per ticket line on every refresh — 1.2 s of CPU in
 * one `npm run bench` run (README, Performance).
 */
const TOKYO_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  weekday: 'short',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** `2026年11月26日(木) 9:05` in Japan time, whatever the server's zone (hours unpadded, domain.md). */
export function formatJstDateTime(instant: Date | string): string {
  const parts: Record<string, string> = {}
  for (const { type, value } of TOKYO_PARTS.formatToParts(new Date(instant))) parts[type] = value
  const { year, month, day, weekday = '', hour, minute } = parts
  return `${year}年${month}月${day}日(${WEEKDAY_OF[weekday]}) ${Number(hour)}:${minute}`
}

/** `2027年5月11日(火)` for a plain calendar date `YYYY-MM-DD`. */
export function formatJpDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return `${y}年${m}月${d}日(${WEEKDAYS[dow]})`
}
