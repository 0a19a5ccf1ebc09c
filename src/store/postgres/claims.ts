import { randomUUID } from 'node:crypto'
import type { PostingHolds } from '../../app/ports.js'
import { asPeriodicWork, type Sql } from './health.js'

/**
 * Work one replica does at a time, as rows of `claims` (team_id, job, holder, lease_until). A
 * claim is taken in one statement — inserted, or taken over when its lease has run out — so two
 * replicas asking at once cannot both get it; the lease is the database's clock, not the
 * replicas'. A replica killed while holding a claim leaves it to the others once the lease ends.
 */
export class PgClaims {
  constructor(
    private readonly sql: Sql,
    private readonly teamId: string,
  ) {}

  /** A token when `job` is now held by this call for `leaseMs`; undefined when someone holds it. */
  async take(job: string, leaseMs: number): Promise<string | undefined> {
    const token = randomUUID()
    const { rows } = await this.sql.query<{ holder: string }>(
      `INSERT INTO claims (team_id, job, holder, lease_until)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       ON CONFLICT (team_id, job) DO UPDATE SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until
       WHERE claims.lease_until < now()
       RETURNING holder`,
      [this.teamId, job, token, leaseMs / 1000],
    )
    return rows[0]?.holder === token ? token : undefined
  }

  /** Extends a held claim; false when it was lost (its lease ran out and another took it). */
  async renew(job: string, token: string, leaseMs: number): Promise<boolean> {
    const result = await this.sql.query(
      `UPDATE claims SET lease_until = now() + make_interval(secs => $4)
       WHERE team_id = $1 AND job = $2 AND holder = $3`,
      [this.teamId, job, token, leaseMs / 1000],
    )
    return result.rowCount === 1
  }

  async release(job: string, token: string): Promise<void> {
    await this.sql.query('DELETE FROM claims WHERE team_id = $1 AND job = $2 AND holder = $3', [
      this.teamId,
      job,
      token,
    ])
  }

  /**
   * Runs `work` unless another replica runs the same job for this workspace now: the claim is
   * renewed every third of its lease while it runs, and let go after. `{ ran: false }` when
   * another holds it.
   */
  async exclusive<T>(
    job: string,
    leaseMs: number,
    work: () => Promise<T>,
  ): Promise<{ ran: true; value: T } | { ran: false }> {
    const token = await this.take(job, leaseMs)
    if (!token) return { ran: false }
    const renewal = setInterval(() => {
      this.renew(job, token, leaseMs).catch(() => undefined)
    }, leaseMs / 3)
    renewal.unref()
    try {
      return { ran: true, value: await asPeriodicWork(work) }
    } finally {
      clearInterval(renewal)
      await this.release(job, token).catch(() => undefined)
    }
  }
}

/** Posting holds shared by the replicas: a claim per record (`post:<id>`). */
export class PgPostingHolds implements PostingHolds {
  constructor(
    private readonly claims: PgClaims,
    private readonly leaseMs: number,
  ) {}
  hold = (id: string) => this.claims.take(`post:${id}`, this.leaseMs)
  release = (id: string, token: string) => this.claims.release(`post:${id}`, token)
}
