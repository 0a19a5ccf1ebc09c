import type { CalendarSubscription } from '../domain/calendar-subscription.js'
import type { Reminder } from '../domain/reminder.js'
import { CALENDAR_PAYMENT_LABELS } from './labels.js'
import { reminderSummary } from './reminder.js'
import { formatJstDateTime } from './time.js'

/** The answer to a subscription: what was set up, and the next few dates. */
export function calendarSubscribedText(result: {
  kind: 'subscribed' | 'already'
  subscription: CalendarSubscription
  upcoming: Reminder[]
}): string {
  const next = result.upcoming
    .slice(0, 4)
    .map((r) => `• ${formatJstDateTime(r.dueAt)} ${reminderSummary(r)}`)
    .join('\n')
  const method = CALENDAR_PAYMENT_LABELS[result.subscription.paymentMethod ?? 'invoice']
  return result.kind === 'already'
    ? `このチャンネルはすでに請求カレンダーを購読しています。お支払い方法: ${method}\n${next}`
    : `このチャンネルで毎月の請求カレンダーのリマインドを始めました。お支払い方法: ${method} ・ 毎回 9:00\n*直近の予定*\n${next}`
}
