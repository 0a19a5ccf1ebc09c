import type pg from 'pg'
import { type Ticket, ticketSchema } from '../../domain/ticket.js'

/** How long a closed ticket stays among the live ones (the file store's archive age). */
const LIVE_DAYS = 30

/**
 * One workspace's tickets in PostgreSQL: every query carries the workspace's team_id, fixed at
 * construction, so none can read another's. Rows are validated with the domain's schema both ways.
 * The reads are asynchronous (the repository ports become `Awaitable` with issue 27's next step).
 */
export class PgTicketRepository {
  constructor(
    private readonly pool: pg.Pool,
    private readonly teamId: string,
    private readonly now: () => Date,
  ) {}

  async save(ticket: Ticket): Promise<void> {
    const t = ticketSchema.parse(ticket)
    await this.pool.query(
      `INSERT INTO tickets (team_id, id, requester, channel, source_view, status, created_at, updated_at, doc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (team_id, id) DO UPDATE SET requester = $3, channel = $4, source_view = $5,
         status = $6, created_at = $7, updated_at = $8, doc = $9`,
      [
        this.teamId,
        t.id,
        t.requester,
        t.channel,
        t.sourceViewId ?? null,
        t.status,
        t.createdAt,
        t.updatedAt,
        t,
      ],
    )
  }

  async get(id: string): Promise<Ticket | undefined> {
    return this.one('id = $2', [id])
  }

  async findBySourceView(viewId: string): Promise<Ticket | undefined> {
    return this.one('source_view = $2', [viewId])
  }

  /** Live tickets (open, or closed within the last 30 days), newest first. */
  async all(): Promise<Ticket[]> {
    return this.many(this.live(2), [this.liveSince()])
  }

  async listByRequester(userId: string): Promise<Ticket[]> {
    return this.many(`requester = $2 AND ${this.live(3)}`, [userId, this.liveSince()])
  }

  async historyOfRequester(userId: string): Promise<Ticket[]> {
    return this.many('requester = $2', [userId])
  }

  async historyOfChannel(channel: string): Promise<Ticket[]> {
    return this.many(`(channel = $2 OR doc->'message'->>'channel' = $2)`, [channel])
  }

  private live(param: number): string {
    return `(status IN ('rendered', 'sent') OR updated_at >= $${param})`
  }

  private liveSince(): string {
    return new Date(this.now().getTime() - LIVE_DAYS * 86_400_000).toISOString()
  }

  private async one(where: string, params: unknown[]): Promise<Ticket | undefined> {
    const { rows } = await this.pool.query<{ doc: unknown }>(
      `SELECT doc FROM tickets WHERE team_id = $1 AND ${where} LIMIT 1`,
      [this.teamId, ...params],
    )
    return rows[0] ? ticketSchema.parse(rows[0].doc) : undefined
  }

  private async many(where: string, params: unknown[]): Promise<Ticket[]> {
    const { rows } = await this.pool.query<{ doc: unknown }>(
      `SELECT doc FROM tickets WHERE team_id = $1 AND ${where} ORDER BY created_at DESC, id DESC`,
      [this.teamId, ...params],
    )
    return rows.map((r) => ticketSchema.parse(r.doc))
  }
}
