import { z } from 'zod'
import { calendarSubscriptionSchema } from '../domain/calendar-subscription.js'
import { checklistSchema } from '../domain/checklist.js'
import { registeredOperatorSchema } from '../domain/operator-registry.js'
import { reminderSchema } from '../domain/reminder.js'
import { ticketSchema } from '../domain/ticket.js'

export const DB_SCHEMA_VERSION = 1

/** The whole lowdb file, validated on load. */
export const dbSchema = z.object({
  schemaVersion: z.literal(DB_SCHEMA_VERSION),
  tickets: z.array(ticketSchema),
  checklists: z.array(checklistSchema).default([]),
  reminders: z.array(reminderSchema).default([]),
  subscriptions: z.array(calendarSubscriptionSchema).default([]),
  operators: z.array(registeredOperatorSchema).default([]),
})

export type DbData = z.infer<typeof dbSchema>

export function emptyDb(): DbData {
  return {
    schemaVersion: DB_SCHEMA_VERSION,
    tickets: [],
    checklists: [],
    reminders: [],
    subscriptions: [],
    operators: [],
  }
}
