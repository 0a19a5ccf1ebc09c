import type { WebClient } from '@slack/web-api'
import { createReminder, type NewReminder, type Reminder } from '../domain/reminder.js'
import { ReminderDelivery } from '../reminders/delivery.js'
import type { AppDeps } from './deps.js'

export function deliveryFor(deps: AppDeps, client: WebClient): ReminderDelivery {
  return new ReminderDelivery({ client, reminders: deps.reminders, clock: deps.clock })
}

/**
 * Stores new reminders (skipping any whose key already exists and is still active; reviving a
 * cancelled one), then hands them to Slack. Returns the reminders as stored.
 */
export async function addReminders(
  deps: AppDeps,
  client: WebClient,
  wanted: NewReminder[],
): Promise<Reminder[]> {
  const now = deps.clock.now()
  const stored: Reminder[] = []
  const fresh: Reminder[] = []
  for (const fields of wanted) {
    const existing = deps.reminders.findReminderByKey(fields.key)
    if (existing && existing.state !== 'cancelled') {
      stored.push(existing)
      continue
    }
    const reminder = existing
      ? { ...existing, ...fields, state: 'pending' as const, updatedAt: now.toISOString() }
      : createReminder(fields, { id: deps.newId(), now })
    stored.push(reminder)
    fresh.push(reminder)
  }
  if (fresh.length > 0) {
    await deps.reminders.saveReminders(fresh)
    await deliveryFor(deps, client).deliver(fresh)
  }
  return stored.map((r) => deps.reminders.getReminder(r.id) ?? r)
}
