import { type AppDeps, type HomePorts, mayManage } from './deps.js'
import { refreshHome } from './refresh-home.js'
import { withdrawReminders } from './reminders.js'

export type UnsubscribeOutcome =
  | { kind: 'unsubscribed'; withdrawn: number }
  | { kind: 'not_subscribed' }
  | { kind: 'not_owner'; owner: string }

/** `/billing calendar unsubscribe`: the subscriber (or an admin) ends it and its reminders are withdrawn. */
export async function unsubscribeCalendar(
  deps: HomePorts & Pick<AppDeps, 'clock' | 'isAdmin' | 'scheduler' | 'subscriptions'>,
  input: { channel: string; user: string },
): Promise<UnsubscribeOutcome> {
  const existing = await deps.subscriptions.activeIn(input.channel)
  if (!existing) return { kind: 'not_subscribed' }
  if (!mayManage(deps, input.user, existing.subscribedBy))
    return { kind: 'not_owner', owner: existing.subscribedBy }
  await deps.subscriptions.save({ ...existing, cancelledAt: deps.clock.now().toISOString() })
  const withdrawn = await withdrawReminders(deps, (r) => r.subscriptionId === existing.id)
  await refreshHome(deps, existing.subscribedBy)
  return { kind: 'unsubscribed', withdrawn }
}
