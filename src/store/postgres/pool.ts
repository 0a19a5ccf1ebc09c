import { fileURLToPath } from 'node:url'
import { runner } from 'node-pg-migrate'
import pg from 'pg'

/** Where the versioned SQL migrations are (shipped beside dist/ in the image). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/postgres', import.meta.url))

/** The table recording which migrations ran (node-pg-migrate's). */
export const MIGRATIONS_TABLE = 'schema_migrations'

export interface PostgresOptions {
  /** Connections at most (each replica). */
  max?: number
  /** Giving up on getting a connection (the server down or every connection busy). */
  connectionTimeoutMs?: number
  /** Any one statement, server-side. */
  statementTimeoutMs?: number
}

/**
 * A bounded pool with a timeout on every connection and statement, so a database that hangs
 * fails a request in bounded time instead of holding it. An idle connection the server drops (a
 * restart) is reported to `onError`, never thrown: the pool makes a new one on the next query.
 */
export function createPool(
  url: string,
  options: PostgresOptions = {},
  onError?: (error: Error) => void,
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 2_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs ?? 5_000,
    application_name: 'billing-bot',
  })
  pool.on('error', (error) => onError?.(error))
  return pool
}

/**
 * Runs the migrations not yet run, once, whichever replica starts first: node-pg-migrate holds a
 * PostgreSQL advisory lock for the run, and the others wait for it (then find nothing to do).
 * Each migration runs in its own transaction. Returns the names of those run now.
 */
export async function migrateDatabase(
  url: string,
  log: (message: string) => void = () => undefined,
): Promise<string[]> {
  const ran = await runner({
    databaseUrl: url,
    dir: MIGRATIONS_DIR,
    migrationsTable: MIGRATIONS_TABLE,
    direction: 'up',
    advisoryLockMode: 'wait',
    checkOrder: true,
    log: () => undefined,
    logger: { debug: () => undefined, info: log, warn: log, error: log },
  })
  return ran.map((m) => m.name)
}
