import { z } from 'zod'
import { isBusinessDay, nthBusinessDay } from './billing-calendar.js'
import { japanInstant } from './japan-time.js'
import { addDays, dayOfWeek, type PlainDate, tokyoDate, yearMonthOf } from './plain-date.js'

/**
 * The spend digest (issue 28): a channel opts in (`/billing digest weekly|monthly|off`) and gets one
 * message on the first bank business day of each week or month, from 09:00 Tokyo time — month to
 * date, forecast against budget, the change against last month, the top drivers, the chart.
 */
export const DIGEST_CADENCES = ['weekly', 'monthly'] as const
export type DigestCadence = (typeof DIGEST_CADENCES)[number]

export const digestSubscriptionSchema = z.object({
  channel: z.string().regex(/^[CGD][A-Z0-9]{2,}$/),
  cadence: z.enum(DIGEST_CADENCES),
  by: z.string(),
  at: z.iso.datetime({ offset: true }),
})
export type DigestSubscription = z.infer<typeof digestSubscriptionSchema>

/** A digest names this many linked operators at most (and uploads their charts); the rest are counted. */
export const DIGEST_LINKS_SHOWN = 20

/** The hour (Tokyo) from which a due digest goes out. */
export const DIGEST_HOUR = 9

/** The first business day of the week (Monday to Sunday) `date` is in, when it has one. */
export function firstBusinessDayOfWeek(date: PlainDate): PlainDate | undefined {
  const monday = addDays(date, -((dayOfWeek(date) + 6) % 7))
  for (let d = monday, i = 0; i < 7; d = addDays(d, 1), i++) if (isBusinessDay(d)) return d
  return undefined
}

/**
 * The period a digest of this cadence is due for at `now` — the week's Monday (`2026-11-30`) or
 * the month (`2026-12`) — when `now` is on or after that period's first business day at 09:00 JST
 * and still in its first business day; otherwise undefined. One digest per channel and period.
 */
export function digestPeriodDue(cadence: DigestCadence, now: Date): string | undefined {
  const today = tokyoDate(now)
  if (now < japanInstant(today, DIGEST_HOUR)) return undefined
  if (cadence === 'monthly') {
    const month = yearMonthOf(today)
    return nthBusinessDay(month, 1) === today ? month : undefined
  }
  const first = firstBusinessDayOfWeek(today)
  return first === today ? addDays(today, -((dayOfWeek(today) + 6) % 7)) : undefined
}
