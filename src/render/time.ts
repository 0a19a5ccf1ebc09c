import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'

dayjs.extend(utc)
dayjs.extend(timezone)

const TOKYO = 'Asia/Tokyo'
const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const

/** `2026年11月26日(木) 10:53` in Japan time, whatever the server's zone. */
export function formatJstDateTime(instant: Date | string): string {
  const t = dayjs(instant).tz(TOKYO)
  return `${t.format('YYYY年M月D日')}(${WEEKDAYS[t.day()]}) ${t.format('HH:mm')}`
}
