import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'

dayjs.extend(utc)
dayjs.extend(timezone)

const TOKYO = 'Asia/Tokyo'
const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const

/** `2026年11月26日(木) 9:05` in Japan time, whatever the server's zone (hours unpadded, domain.md). */
export function formatJstDateTime(instant: Date | string): string {
  const t = dayjs(instant).tz(TOKYO)
  return `${t.format('YYYY年M月D日')}(${WEEKDAYS[t.day()]}) ${t.format('H:mm')}`
}

/** `2027年5月11日(火)` for a plain calendar date `YYYY-MM-DD`. */
export function formatJpDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return `${y}年${m}月${d}日(${WEEKDAYS[dow]})`
}
