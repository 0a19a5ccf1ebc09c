import type {
  AlertRepository,
  ChecklistRepository,
  LinkRepository,
  OperatorRepository,
  QuestionRepository,
  ReminderRepository,
  SettingsRepository,
  SubscriptionRepository,
  ThreadRepository,
} from '../../app/ports.js'
import { type BillingAlert, billingAlertSchema } from '../../domain/billing-alert.js'
import { type CalendarSubscription, calendarSubscriptionSchema } from '../../domain/calendar-subscription.js'
import { type Checklist, checklistSchema } from '../../domain/checklist.js'
import type { Coverage } from '../../domain/coverage.js'
import { type QuestionRecord, questionRecordSchema } from '../../domain/guide-feedback.js'
import { type GuideThread, guideThreadSchema } from '../../domain/guide-thread.js'
import { type RegisteredOperator, registeredOperatorSchema } from '../../domain/operator-registry.js'
import { type Reminder, reminderSchema } from '../../domain/reminder.js'
import { type OperatorLink, operatorLinkSchema } from '../../domain/soracom-link.js'
import { type WorkspaceSettings, workspaceSettingsSchema } from '../../domain/workspace-settings.js'
import type { Sql } from './health.js'
import { WorkspaceTable } from './table.js'

/*
 * One workspace's records in PostgreSQL, repository by repository, answering as the file store's
 * do (test/store/repositories.contract.test.ts runs the same tests on both). team_id is fixed at
 * construction (WorkspaceTable).
 */

export class PgChecklistRepository implements ChecklistRepository {
  private readonly rows: WorkspaceTable<Checklist>
  constructor(pool: Sql, teamId: string) {
    this.rows = new WorkspaceTable(pool, teamId, {
      table: 'checklists',
      schema: checklistSchema,
      key: ['id'],
      columns: { id: (c) => c.id, source_view: (c) => c.sourceViewId },
    })
  }
  save = (checklist: Checklist) => this.rows.upsert([checklist])
  get = (id: string) => this.rows.one('id = $2', [id])
  findBySourceView = (viewId: string) => this.rows.one('source_view = $2', [viewId])
  all = () => this.rows.many('', [], "doc->>'createdAt', id")
}

export class PgReminderRepository implements ReminderRepository {
  private readonly rows: WorkspaceTable<Reminder>
  constructor(pool: Sql, teamId: string) {
    this.rows = new WorkspaceTable(pool, teamId, {
      table: 'reminders',
      schema: reminderSchema,
      key: ['id'],
      columns: {
        id: (r) => r.id,
        key: (r) => r.key,
        owner: (r) => r.owner,
        state: (r) => r.state,
        due_at: (r) => r.dueAt,
      },
    })
  }
  /** All of them or none (one statement). */
  save = (reminders: Reminder[]) => this.rows.upsert(reminders)
  get = (id: string) => this.rows.one('id = $2', [id])
  findByKey = (key: string) => this.rows.one('key = $2', [key])
  /** Pending and scheduled, soonest first. */
  active = () => this.rows.many("state IN ('pending', 'scheduled')", [], 'due_at, id')
  ofOwner = (owner: string) => this.rows.many('owner = $2', [owner], 'due_at, id')
}

export class PgSubscriptionRepository implements SubscriptionRepository {
  private readonly rows: WorkspaceTable<CalendarSubscription>
  constructor(pool: Sql, teamId: string) {
    this.rows = new WorkspaceTable(pool, teamId, {
      table: 'subscriptions',
      schema: calendarSubscriptionSchema,
      key: ['id'],
      columns: { id: (s) => s.id, channel: (s) => s.channel, active: (s) => !s.cancelledAt },
    })
  }
  save = (subscription: CalendarSubscription) => this.rows.upsert([subscription])
  activeIn = (channel: string) => this.rows.one('active AND channel = $2', [channel])
  active = () => this.rows.many('active', [], "doc->>'createdAt', id")
}

export class PgOperatorRepository implements OperatorRepository {
  private readonly rows: WorkspaceTable<RegisteredOperator>
  constructor(pool: Sql, teamId: string) {
    this.rows = new WorkspaceTable(pool, teamId, {
      table: 'operators',
      schema: registeredOperatorSchema,
      key: ['operator_id'],
      columns: { operator_id: (o) => o.operatorId },
    })
  }
  save = (operator: RegisteredOperator) => this.rows.upsert([operator])
  list = () => this.rows.many('', [], 'operator_id COLLATE "C"')
  get = (operatorId: string) => this.rows.one('operator_id = $2', [operatorId])
}

export class PgLinkRepository implements LinkRepository {
  private readonly rows: WorkspaceTable<OperatorLink>
  constructor(pool: Sql, teamId: string) {
    this.rows = new WorkspaceTable(pool, teamId, {
      table: 'links',
      schema: operatorLinkSchema,
      key: ['operator_id', 'coverage'],
      columns: { operator_id: (l) => l.operatorId, coverage: (l) => l.coverage },
    })
  }
  save = (link: OperatorLink) => this.rows.upsert([link])
  get = (operatorId: string, coverage: Coverage) =>
    this.rows.one('operator_id = $2 AND coverage = $3', [operatorId, coverage])
  list = () => this.rows.many('', [], 'operator_id COLLATE "C", coverage COLLATE "C"')
  /** False when there was no such link. */
  remove = async (operatorId: string, coverage: Coverage) =>
    (await this.rows.remove('operator_id = $2 AND coverage = $3', [operatorId, coverage])) > 0
}

export class PgAlertRepository implements AlertRepository {
  private readonly rows: WorkspaceTable<BillingAlert>
  constructor(pool: Sql, teamId: string) {
    this.rows = new WorkspaceTable(pool, teamId, {
      table: 'alerts',
      schema: billingAlertSchema,
      key: ['id'],
      columns: { id: (a) => a.id },
    })
  }
  save = (alert: BillingAlert) => this.rows.upsert([alert])
  get = (id: string) => this.rows.one('id = $2', [id])
  all = () => this.rows.many('', [], "doc->>'createdAt', id")
}

/**
 * The workspace's settings. The access check reads them synchronously on every request, so they
 * are read from the database before each request (`load`, slack/middleware/workspace.ts) and
 * kept for it: a change saved through another replica applies from the next request on.
 */
export class PgSettingsRepository implements SettingsRepository {
  private readonly rows: WorkspaceTable<WorkspaceSettings>
  private current: WorkspaceSettings = {}
  constructor(pool: Sql, teamId: string) {
    this.rows = new WorkspaceTable(pool, teamId, {
      table: 'settings',
      schema: workspaceSettingsSchema,
      key: [],
      columns: {},
    })
  }
  load = async (): Promise<void> => {
    this.current = (await this.rows.one('')) ?? {}
  }
  get = (): WorkspaceSettings => this.current
  save = async (settings: WorkspaceSettings): Promise<void> => {
    await this.rows.upsert([settings])
    this.current = settings
  }
}

/** Declined and disliked questions (issue 29): kept once per id, read by time. */
export class PgQuestionRepository implements QuestionRepository {
  private readonly rows: WorkspaceTable<QuestionRecord>
  constructor(pool: Sql, teamId: string) {
    this.rows = new WorkspaceTable(pool, teamId, {
      table: 'questions',
      schema: questionRecordSchema,
      key: ['id'],
      columns: { id: (q) => q.id, at: (q) => q.at },
    })
  }
  save = (record: QuestionRecord) => this.rows.upsert([record])
  since = (since: string) => this.rows.many('at >= $2', [since], 'at DESC')
}

/** DM threads' first questions (issue 27): kept once per thread, so every replica reads a follow-up alike. */
export class PgThreadRepository implements ThreadRepository {
  private readonly rows: WorkspaceTable<GuideThread>
  constructor(pool: Sql, teamId: string) {
    this.rows = new WorkspaceTable(pool, teamId, {
      table: 'threads',
      schema: guideThreadSchema,
      key: ['id'],
      columns: { id: (t) => t.id, at: (t) => t.at },
      onConflict: 'keep-first',
    })
  }
  save = (thread: GuideThread) => this.rows.upsert([thread])
  get = (id: string) => this.rows.one('id = $2', [id])
}
