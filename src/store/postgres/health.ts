import { AsyncLocalStorage } from 'node:async_hooks'
import type pg from 'pg'
import { CodedError, errorCode } from '../../errors.js'

/** The database cannot be reached now: the request fails at once and says so, the store retries. */
export class DatabaseUnavailableError extends CodedError {
  override name = 'DatabaseUnavailableError' as const
  readonly code = 'store_unavailable'
  constructor(readonly problem: string) {
    super(`PostgreSQL is not reachable now (${problem}); requests are refused until it answers again`)
  }
}

/** Two replicas stored the same modal submission at once: the other one has it (and posts it). */
export class AlreadySubmittedError extends CodedError {
  override name = 'AlreadySubmittedError' as const
  readonly code = 'already_submitted'
  constructor() {
    super('this submission is stored already (another replica took it)')
  }
}

/** What one query needs of the pool: the repositories never see more. */
export interface Sql {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    params?: readonly unknown[],
  ): Promise<pg.QueryResult<R>>
}

/** Error codes that mean "the server is gone", not "this statement failed". */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown (the server is stopping)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
])

export function isUnreachable(error: unknown): boolean {
  if (UNREACHABLE.has(errorCode(error))) return true
  const message = error instanceof Error ? error.message : ''
  return /timeout exceeded when trying to connect|Connection terminated|connection timeout/i.test(message)
}

/**
 * Periodic work (sweeps, checks, their start-up catch-up) runs inside this context: its queries
 * share a few of the pool's connections, so the rest stay free for requests — a catch-up of
 * thousands of reminders must not make a submission wait for a connection (and, past the
 * connection timeout, read as "database down").
 */
const periodic = new AsyncLocalStorage<'periodic' | 'in_transaction'>()

/** Runs `work` as periodic work (see `periodic`). */
export function asPeriodicWork<T>(work: () => Promise<T>): Promise<T> {
  return periodic.run('periodic', work)
}

/** At most `limit` holders at a time; the others wait in arrival order. */
class Gate {
  private active = 0
  private readonly waiting: Array<() => void> = []
  constructor(private readonly limit: number) {}
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.active += 1
    try {
      return await work()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.active -= 1
    }
  }
}

/** How many of the pool's connections periodic work may use at once (a third, at least one). */
export const periodicShare = (poolMax: number) => Math.max(1, Math.floor(poolMax / 3))

/** How often the database is asked again while it does not answer. */
const PROBE_MS = 500

/**
 * Whether PostgreSQL answers, as the queries found it. The first query that finds the server
 * gone (refused, cut, or no connection within the pool's timeout) marks it down: from then on
 * every query fails at once with DatabaseUnavailableError — a request gets its clear answer in
 * milliseconds instead of waiting out a timeout — and a probe asks the server every 500 ms until
 * it answers, when queries go through again. Nothing needs a restart.
 */
export class DatabaseHealth implements Sql {
  private down?: string
  private probe?: NodeJS.Timeout

  private readonly periodicGate: Gate

  constructor(
    private readonly pool: pg.Pool,
    private readonly onChange: (problem: string | undefined) => void = () => undefined,
    periodicConnections = periodicShare(pool.options.max ?? 10),
  ) {
    this.periodicGate = new Gate(periodicConnections)
  }

  /** Why the database cannot be used now (undefined: it answers). */
  get problem(): string | undefined {
    return this.down
  }

  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    params: readonly unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    return this.guard(() => this.pool.query<R>(text, params as unknown[]))
  }

  /** Runs `work` on one connection inside a transaction (committed when it resolves). */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.guard(async () => {
      const client = await this.pool.connect()
      let broken: unknown
      try {
        await client.query('BEGIN')
        // Its connection is taken already: queries made inside do not queue at the gate again.
        const result = await (periodic.getStore() === 'periodic'
          ? periodic.run('in_transaction', () => work(client))
          : work(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        broken = error
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release(broken !== undefined && isUnreachable(broken))
      }
    })
  }

  async guard<T>(work: () => Promise<T>): Promise<T> {
    if (this.down) throw new DatabaseUnavailableError(this.down)
    try {
      return await (periodic.getStore() === 'periodic' ? this.periodicGate.run(work) : work())
    } catch (error) {
      if (isUnreachable(error)) {
        this.markDown(error)
        throw new DatabaseUnavailableError(this.down ?? 'unreachable')
      }
      throw error
    }
  }

  /** Asks the server now (for /healthz). */
  async check(): Promise<boolean> {
    if (this.down) return false
    try {
      await this.guard(() => this.pool.query('SELECT 1'))
      return true
    } catch {
      return false
    }
  }

  stop(): void {
    if (this.probe) clearInterval(this.probe)
    this.probe = undefined
  }

  private markDown(error: unknown): void {
    if (this.down) return
    const message = error instanceof Error ? error.message : String(error)
    this.down = `${errorCode(error)}: ${message}`.slice(0, 200)
    this.onChange(this.down)
    let asking = false
    this.probe = setInterval(() => {
      if (asking) return
      asking = true
      this.pool
        .query('SELECT 1')
        .then(() => {
          this.stop()
          this.down = undefined
          this.onChange(undefined)
        })
        .catch(() => undefined)
        .finally(() => {
          asking = false
        })
    }, PROBE_MS)
    this.probe.unref()
  }
}
