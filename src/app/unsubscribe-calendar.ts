import type { AppDeps } from './deps.js'
import { refreshHome } from './refresh-home.js'
import { withdrawReminders } from './reminders.js'

export type UnsubscribeOutcome = { kind: 'unsubscribed'; withdrawn: number } | { kind: 'not_subscribed' }

/** `/billing calendar unsubscribe`: ends the channel's subscription and withdraws its reminders. */
export async function unsubscribeCalendar(
  deps: AppDeps,
  input: { channel: string; user: string },
): Promise<UnsubscribeOutcome> {
  const existing = deps.subscriptions.activeIn(input.channel)
  if (!existing) return { kind: 'not_subscribed' }
  await deps.subscriptions.save({ ...existing, cancelledAt: deps.clock.now().toISOString() })
  const withdrawn = await withdrawReminders(deps, (r) => r.subscriptionId === existing.id)
  await refreshHome(deps, existing.subscribedBy)
  return { kind: 'unsubscribed', withdrawn }
}
