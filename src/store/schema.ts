import { z } from 'zod'
import { billingAlertSchema } from '../domain/billing-alert.js'
import { calendarSubscriptionSchema } from '../domain/calendar-subscription.js'
import { checklistSchema } from '../domain/checklist.js'
import { questionRecordSchema } from '../domain/guide-feedback.js'
import { guideThreadSchema } from '../domain/guide-thread.js'
import { registeredOperatorSchema } from '../domain/operator-registry.js'
import { reminderSchema } from '../domain/reminder.js'
import { operatorLinkSchema } from '../domain/soracom-link.js'
import { ticketSchema } from '../domain/ticket.js'
import { workspaceSettingsSchema } from '../domain/workspace-settings.js'

/** Bumped with every change to the file's shape; `migrations.ts` carries older files forward. */
export const DB_SCHEMA_VERSION = 5

export type { WorkspaceSettings } from '../domain/workspace-settings.js'

/** Everything one workspace owns: no record is shared between workspaces. */
export const workspaceDataSchema = z.object({
  tickets: z.array(ticketSchema),
  checklists: z.array(checklistSchema),
  reminders: z.array(reminderSchema),
  subscriptions: z.array(calendarSubscriptionSchema),
  operators: z.array(registeredOperatorSchema),
  links: z.array(operatorLinkSchema),
  alerts: z.array(billingAlertSchema),
  /** Declined and disliked questions to the guide (issue 29); absent in files written before it. */
  questions: z.array(questionRecordSchema).default([]),
  /** DM threads' first questions (issue 27: not in a process's memory); absent in older files. */
  threads: z.array(guideThreadSchema).default([]),
  settings: workspaceSettingsSchema.optional(),
})

export type WorkspaceData = z.infer<typeof workspaceDataSchema>

/** The lists of records a workspace owns (its settings beside them are one value, not a list). */
export const RECORD_COLLECTIONS = [
  'tickets',
  'checklists',
  'reminders',
  'subscriptions',
  'operators',
  'links',
  'alerts',
  'questions',
  'threads',
] as const satisfies ReadonlyArray<keyof WorkspaceData>

/** A Slack workspace (and its Enterprise Grid org, when it belongs to one). */
export const workspaceRefSchema = z.object({
  teamId: z.string().regex(/^T[A-Z0-9]{2,}$/),
  enterpriseId: z
    .string()
    .regex(/^E[A-Z0-9]{2,}$/)
    .optional(),
})

/** A workspace that installed the app through OAuth: its data, and its installation sealed. */
export const installedWorkspaceSchema = workspaceDataSchema.extend({
  ...workspaceRefSchema.shape,
  installedAt: z.iso.datetime({ offset: true }),
  /** Bolt's Installation (bot token, scopes, installer) as JSON, sealed under CREDENTIALS_KEY. */
  installation: z.string(),
  /** The folder of its monthly archive, under `<DATA_FILE>.archive` ('' = that folder itself). */
  archive: z.string(),
  /** Why Slack refuses this workspace's token (its work is parked until it installs again). */
  parked: z.string().optional(),
})

export type InstalledWorkspace = z.infer<typeof installedWorkspaceSchema>

/**
 * The whole lowdb file, validated on load. Its top-level collections are the single-workspace
 * bot's (SLACK_BOT_TOKEN); `workspaces` holds each OAuth installation's, keyed by team ID. The
 * first installation takes over the top-level data (`migrateToInstallation`).
 */
export const dbSchema = workspaceDataSchema.extend({
  schemaVersion: z.literal(DB_SCHEMA_VERSION),
  /** The workspace the single-workspace data belongs to, once Slack has said (auth.test). */
  team: workspaceRefSchema.optional(),
  workspaces: z.record(z.string(), installedWorkspaceSchema),
})

export type DbData = z.infer<typeof dbSchema>

/** What the main file keeps of an installed workspace (v5): who it is; its records have a file of their own. */
export type WorkspaceRegistration = Omit<InstalledWorkspace, keyof WorkspaceData>

/** The collections a workspace owns (and its settings), as its own file holds them. */
export function workspaceDataOf(data: WorkspaceData): WorkspaceData {
  const records = Object.fromEntries(RECORD_COLLECTIONS.map((c) => [c, data[c]])) as Omit<
    WorkspaceData,
    'settings'
  >
  return { ...records, ...(data.settings ? { settings: data.settings } : {}) }
}

/** An installed workspace without its records: what the main file says of it. */
export function registrationOf(w: InstalledWorkspace): WorkspaceRegistration {
  return {
    teamId: w.teamId,
    ...(w.enterpriseId ? { enterpriseId: w.enterpriseId } : {}),
    installedAt: w.installedAt,
    installation: w.installation,
    archive: w.archive,
    ...(w.parked ? { parked: w.parked } : {}),
  }
}

export function emptyWorkspaceData(): WorkspaceData {
  return {
    tickets: [],
    checklists: [],
    reminders: [],
    subscriptions: [],
    operators: [],
    links: [],
    alerts: [],
    questions: [],
    threads: [],
  }
}

export function emptyDb(): DbData {
  return { schemaVersion: DB_SCHEMA_VERSION, ...emptyWorkspaceData(), workspaces: {} }
}
