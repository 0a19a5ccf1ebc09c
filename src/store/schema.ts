import { z } from 'zod'
import { checklistSchema } from '../domain/checklist.js'
import { reminderSchema } from '../domain/reminder.js'
import { ticketSchema } from '../domain/ticket.js'

export const DB_SCHEMA_VERSION = 1

/** The whole lowdb file, validated on load. */
export const dbSchema = z.object({
  schemaVersion: z.literal(DB_SCHEMA_VERSION),
  tickets: z.array(ticketSchema),
  checklists: z.array(checklistSchema).default([]),
  reminders: z.array(reminderSchema).default([]),
})

export type DbData = z.infer<typeof dbSchema>

export function emptyDb(): DbData {
  return { schemaVersion: DB_SCHEMA_VERSION, tickets: [], checklists: [], reminders: [] }
}
