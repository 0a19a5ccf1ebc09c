/**
 * Japan-time formatting, A/B in one run: the app's dayjs formatter (UTC mode, +9 h) against the
 * cached `Intl.DateTimeFormat` it replaced, and dayjs's timezone plugin (the slow path that once
 * cost 1.2 s of CPU per bench run). Same instants, alternating rounds, median of rounds.
 */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'
import { formatJstDateTime } from '../src/render/time.js'

dayjs.extend(utc)
dayjs.extend(timezone)

const WEEKDAY_OF: Record<string, string> = {
  Sun: '日',
  Mon: '月',
  Tue: '火',
  Wed: '水',
  Thu: '木',
  Fri: '金',
  Sat: '土',
}
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

/** The formatter before dayjs came back (kept here as the baseline). */
function intlFormat(instant: Date | string): string {
  const parts: Record<string, string> = {}
  for (const { type, value } of TOKYO_PARTS.formatToParts(new Date(instant))) parts[type] = value
  const { year, month, day, weekday = '', hour, minute } = parts
  return `${year}年${month}月${day}日(${WEEKDAY_OF[weekday]}) ${Number(hour)}:${minute}`
}

const DAYJS_WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土']
function timezonePluginFormat(instant: Date | string): string {
  const t = dayjs(instant).tz('Asia/Tokyo')
  return `${t.format('YYYY年M月D日')}(${DAYJS_WEEKDAYS[t.day()]}) ${t.format('H:mm')}`
}

function microsPerCall(format: (i: string) => string, instants: string[]): number {
  const started = process.hrtime.bigint()
  let sink = 0
  for (const i of instants) sink += format(i).length
  if (sink === 0) throw new Error('nothing formatted')
  return Number(process.hrtime.bigint() - started) / 1000 / instants.length
}

export function japanTimeBench(): { dayjsUtcUs: number; intlUs: number; timezonePluginUs: number } {
  const instants = Array.from({ length: 20_000 }, (_, n) =>
    new Date(1_700_000_000_000 + n * 3_601_000).toISOString(),
  )
  for (const i of instants.slice(0, 50)) {
    if (formatJstDateTime(i) !== intlFormat(i)) throw new Error(`formatters disagree on ${i}`)
  }
  const rounds = { dayjs: [] as number[], intl: [] as number[], tz: [] as number[] }
  for (let round = 0; round < 7; round++) {
    rounds.dayjs.push(microsPerCall(formatJstDateTime, instants))
    rounds.intl.push(microsPerCall(intlFormat, instants))
    rounds.tz.push(microsPerCall(timezonePluginFormat, instants.slice(0, 2_000)))
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
  const round2 = (x: number) => Math.round(x * 100) / 100
  return {
    dayjsUtcUs: round2(median(rounds.dayjs)),
    intlUs: round2(median(rounds.intl)),
    timezonePluginUs: round2(median(rounds.tz)),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(japanTimeBench())
