import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type pg from 'pg'
import { afterEach, inject } from 'vitest'
import type {
  AlertRepository,
  ChecklistRepository,
  LinkRepository,
  OperatorRepository,
  QuestionRepository,
  ReminderRepository,
  SubscriptionRepository,
  ThreadRepository,
  TicketRepository,
} from '../../src/app/ports.js'
import type { WorkspaceSettings } from '../../src/domain/workspace-settings.js'
import { openStore } from '../../src/store/index.js'
import { createPool, migrateDatabase } from '../../src/store/postgres/pool.js'
import {
  PgAlertRepository,
  PgChecklistRepository,
  PgLinkRepository,
  PgOperatorRepository,
  PgQuestionRepository,
  PgReminderRepository,
  PgSettingsRepository,
  PgSubscriptionRepository,
  PgThreadRepository,
} from '../../src/store/postgres/repositories.js'
import { PgTicketRepository } from '../../src/store/postgres/ticket-repository.js'
import { freshDatabase } from './postgres-server.js'

/** The test PostgreSQL server (global setup), when there is one. */
export const POSTGRES_URL = (() => {
  const server = inject('postgres')
  return 'url' in server ? server.url : undefined
})()

/** One workspace's repositories, whichever backend holds them. */
export interface Repositories {
  tickets: TicketRepository
  checklists: ChecklistRepository
  reminders: ReminderRepository
  subscriptions: SubscriptionRepository
  operators: OperatorRepository
  links: LinkRepository
  alerts: AlertRepository
  questions: QuestionRepository
  threads: ThreadRepository
  settings: {
    load(): Promise<void>
    get(): WorkspaceSettings
    save(settings: WorkspaceSettings): Promise<void>
  }
}

/** A PostgreSQL database of its own for one test, migrated, with a small pool. */
export async function openPostgres(): Promise<{ pool: pg.Pool; close: () => Promise<void> }> {
  const db = await freshDatabase(POSTGRES_URL ?? '')
  await migrateDatabase(db.url)
  const pool = createPool(db.url, { max: 4 })
  return {
    pool,
    async close() {
      await pool.end()
      await db.drop()
    },
  }
}

/** A workspace's repositories on PostgreSQL. */
export function postgresRepositories(pool: pg.Pool, team: string, now: () => Date): Repositories {
  return {
    tickets: new PgTicketRepository(pool, team, now),
    checklists: new PgChecklistRepository(pool, team),
    reminders: new PgReminderRepository(pool, team),
    subscriptions: new PgSubscriptionRepository(pool, team),
    operators: new PgOperatorRepository(pool, team),
    links: new PgLinkRepository(pool, team),
    alerts: new PgAlertRepository(pool, team),
    questions: new PgQuestionRepository(pool, team),
    threads: new PgThreadRepository(pool, team),
    settings: new PgSettingsRepository(pool, team),
  }
}

export interface OpenedBackend {
  of(team: string): Repositories
  /** The same workspace's repositories as another process would open them (the file: the same process). */
  fresh(team: string): Repositories
  /** What time does to closed tickets (the file store archives them; PostgreSQL filters by age). */
  age(team: string): Promise<void>
  close(): Promise<void>
}

/**
 * Both backends, for the contract tests: the same tests run on each. `teams` are installed first;
 * `now` is the clock the repositories (and the file store's archiving) go by.
 */
export function storeBackends(teams: readonly string[], now: Date) {
  return [
    {
      name: 'the data file (lowdb)',
      available: true,
      async open(): Promise<OpenedBackend> {
        const dir = await mkdtemp(join(tmpdir(), 'contract-'))
        const store = await openStore(join(dir, 'db.json'))
        for (const team of teams)
          await store.workspaces.install({
            teamId: team,
            installedAt: now.toISOString(),
            installation: 'sealed',
          })
        return {
          of: (team) => store.workspace(team),
          fresh: (team) => store.workspace(team),
          age: async (team) => {
            await store.workspace(team).archiveOld(now)
          },
          async close() {
            await store.close()
            await rm(dir, { recursive: true, force: true })
          },
        }
      },
    },
    {
      name: 'PostgreSQL',
      available: POSTGRES_URL !== undefined,
      async open(): Promise<OpenedBackend> {
        const { pool, close } = await openPostgres()
        return {
          of: (team) => postgresRepositories(pool, team, () => now),
          fresh: (team) => postgresRepositories(pool, team, () => now),
          age: async () => undefined,
          close,
        }
      },
    },
  ]
}

/** Inside a backend's describe: `open()` gives this test a fresh backend, closed after it. */
export function openedPerTest(backend: { open(): Promise<OpenedBackend> }): () => Promise<OpenedBackend> {
  let opened: OpenedBackend | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })
  return async () => {
    opened = await backend.open()
    return opened
  }
}
