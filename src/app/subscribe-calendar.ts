import type { CalendarPaymentMethod, CalendarSubscription } from '../domain/calendar-subscription.js'
import type { AppDeps } from './deps.js'
import type { CalendarOutcome } from './outcomes.js'
import { extendCalendar, pendingReminders } from './reminders.js'

/**
 * `/billing calendar subscribe`: the channel's monthly billing-calendar reminders, stored before the
 * answer; `handOverCalendar` (follow-up.ts) gives them to Slack after it.
 */
export async function subscribeCalendar(
  deps: Pick<AppDeps, 'clock' | 'links' | 'newId' | 'reminders' | 'renderer' | 'scheduler' | 'subscriptions'>,
  input: { channel: string; user: string; paymentMethod: CalendarPaymentMethod },
): Promise<CalendarOutcome> {
  const { channel, user } = input
  const existing = await deps.subscriptions.activeIn(channel)
  if (existing) {
    const upcoming = await pendingReminders(deps, (r) => r.subscriptionId === existing.id)
    return { kind: 'already', subscription: existing, upcoming }
  }
  const subscription: CalendarSubscription = {
    id: deps.newId(),
    channel,
    subscribedBy: user,
    paymentMethod: input.paymentMethod,
    createdAt: deps.clock.now().toISOString(),
  }
  await deps.subscriptions.save(subscription)
  await extendCalendar(deps, subscription, { handOver: false })
  const upcoming = await pendingReminders(deps, (r) => r.subscriptionId === subscription.id)
  return { kind: 'subscribed', subscription, upcoming }
}
