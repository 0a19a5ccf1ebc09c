import { z } from 'zod'
import { billingAlertSchema } from '../domain/billing-alert.js'
import { calendarSubscriptionSchema } from '../domain/calendar-subscription.js'
import { checklistSchema } from '../domain/checklist.js'
import { registeredOperatorSchema } from '../domain/operator-registry.js'
import { reminderSchema } from '../domain/reminder.js'
import { operatorLinkSchema } from '../domain/soracom-link.js'
import { ticketSchema } from '../domain/ticket.js'

/** Bumped with every change to the file's shape; `migrations.ts` carries older files forward. */
export const DB_SCHEMA_VERSION = 3

/** The whole lowdb file, validated on load. */
export const dbSchema = z.object({
  schemaVersion: z.literal(DB_SCHEMA_VERSION),
  tickets: z.array(ticketSchema),
  checklists: z.array(checklistSchema),
  reminders: z.array(reminderSchema),
  subscriptions: z.array(calendarSubscriptionSchema),
  operators: z.array(registeredOperatorSchema),
  links: z.array(operatorLinkSchema),
  alerts: z.array(billingAlertSchema),
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
    links: [],
    alerts: [],
  }
}
