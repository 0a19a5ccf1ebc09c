import type { Refusal } from '../domain/outcomes.js'
import { type AppDeps, type HomePorts, mayManage } from './deps.js'
import { refused } from './outcomes.js'
import { refreshHome } from './refresh-home.js'
import { withdrawReminders } from './reminders.js'

export type CancelReminderOutcome = { kind: 'cancelled' } | { kind: 'refused'; refusal: Refusal }

/** 「取り消す」 in `/billing reminders`: the owner (or an admin) withdraws one reminder. */
export async function cancelReminder(
  deps: HomePorts & Pick<AppDeps, 'isAdmin' | 'scheduler'>,
  input: { reminderId: string; user: string },
): Promise<CancelReminderOutcome> {
  const reminder = await deps.reminders.get(input.reminderId)
  if (!reminder || !mayManage(deps, input.user, reminder.owner)) {
    return refused({ on: 'reminder', reason: 'not_owner' })
  }
  await withdrawReminders(deps, (r) => r.id === reminder.id, { byUser: true })
  await refreshHome(deps, input.user)
  return { kind: 'cancelled' }
}
