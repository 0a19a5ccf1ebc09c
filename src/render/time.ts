import { calendarDay, japanClock } from '../domain/japan-time.js'

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const

/**
 * `2026年11月26日(木) 9:05` in Japan time, whatever the server's zone (hours unpadded, domain.md).
 * dayjs in UTC mode on the instant shifted by +9 hours (src/domain/japan-time.ts): no time-zone
 * conversion per call — App Home formats one of these per ticket line.
 */
export function formatJstDateTime(instant: Date | string): string {
  // Read the fields rather than `format()` a pattern: no pattern to parse per call.
  const t = japanClock(instant)
  const minute = t.minute()
  return `${t.year()}年${t.month() + 1}月${t.date()}日(${WEEKDAYS[t.day()]}) ${t.hour()}:${minute < 10 ? '0' : ''}${minute}`
}

/** `2027年5月11日(火)` for a plain calendar date `YYYY-MM-DD`. */
export function formatJpDate(date: string): string {
  const d = calendarDay(date)
  return `${d.year()}年${d.month() + 1}月${d.date()}日(${WEEKDAYS[d.day()]})`
}
