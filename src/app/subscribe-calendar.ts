import type { CalendarPaymentMethod, CalendarSubscription } from '../domain/calendar-subscription.js'
import type { Reminder } from '../domain/reminder.js'
import type { AppDeps } from './deps.js'
import { refreshHome } from './refresh-home.js'
import { extendCalendar, pendingReminders } from './reminders.js'

export interface SubscribeOutcome {
  kind: 'subscribed' | 'already'
  subscription: CalendarSubscription
  upcoming: Reminder[]
  /** Hands the stored reminders to Slack (a call each) and refreshes App Home: after the ack. */
  afterAck: () => Promise<void>
}

/** `/billing calendar subscribe`: the channel's monthly billing-calendar reminders, stored before the answer. */
export async function subscribeCalendar(
  deps: AppDeps,
  input: { channel: string; user: string; paymentMethod: CalendarPaymentMethod },
): Promise<SubscribeOutcome> {
  const { channel, user } = input
  const afterAck = async () => {
    await deps.scheduler.deliver(
      pendingReminders(deps, (r) => r.channel === channel && r.state === 'pending'),
    )
    await refreshHome(deps, user)
  }
  const existing = deps.subscriptions.activeIn(channel)
  if (existing) {
    const upcoming = pendingReminders(deps, (r) => r.subscriptionId === existing.id)
    return { kind: 'already', subscription: existing, upcoming, afterAck }
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
  const upcoming = pendingReminders(deps, (r) => r.subscriptionId === subscription.id)
  return { kind: 'subscribed', subscription, upcoming, afterAck }
}
