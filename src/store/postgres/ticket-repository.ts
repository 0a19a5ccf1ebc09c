import type { TicketRepository } from '../../app/ports.js'
import { HOME_LIMITS, type HomeTickets, type OpenTotals } from '../../domain/home-view.js'
import { type Ticket, ticketSchema } from '../../domain/ticket.js'
import { isClosed } from '../../domain/ticket-progress.js'
import type { Sql } from './health.js'
import { WorkspaceTable } from './table.js'

/** How long a closed ticket stays among the live ones (the file store's archive age). */
const LIVE_DAYS = 30

const NEWEST_FIRST = 'created_at DESC, id DESC'

/**
 * One workspace's tickets in PostgreSQL (team_id fixed at construction), behind the same port
 * as the file store's.
 */
export class PgTicketRepository implements TicketRepository {
  private readonly rows: WorkspaceTable<Ticket>

  constructor(
    private readonly pool: Sql,
    private readonly teamId: string,
    private readonly now: () => Date,
  ) {
    this.rows = new WorkspaceTable(pool, teamId, {
      table: 'tickets',
      schema: ticketSchema,
      key: ['id'],
      columns: {
        id: (t) => t.id,
        requester: (t) => t.requester,
        channel: (t) => t.channel,
        source_view: (t) => t.sourceViewId,
        status: (t) => t.status,
        created_at: (t) => t.createdAt,
        updated_at: (t) => t.updatedAt,
      },
    })
  }

  save(ticket: Ticket): Promise<void> {
    return this.rows.upsert([ticket])
  }

  get(id: string): Promise<Ticket | undefined> {
    return this.rows.one('id = $2', [id])
  }

  findBySourceView(viewId: string): Promise<Ticket | undefined> {
    return this.rows.one('source_view = $2', [viewId])
  }

  /** Live tickets (open, or closed within the last 30 days), newest first. */
  all(): Promise<Ticket[]> {
    return this.rows.many(this.live(2), [this.liveSince()], NEWEST_FIRST)
  }

  listByRequester(userId: string): Promise<Ticket[]> {
    return this.rows.many(`requester = $2 AND ${this.live(3)}`, [userId, this.liveSince()], NEWEST_FIRST)
  }

  /**
   * What App Home shows, in one statement that returns at most HOME_LIMITS.open rows per open
   * status and HOME_LIMITS.recentClosed closed ones, with the open counts: a requester with
   * thousands of live tickets costs App Home no more rows than one with twenty.
   */
  async homeOf(userId: string): Promise<HomeTickets> {
    const { rows } = await this.pool.query<{ doc: unknown; grp: string; total: number }>(
      `SELECT doc, grp, total FROM (
         SELECT doc, grp, id, created_at, updated_at, count(*) OVER (PARTITION BY grp)::int AS total,
                row_number() OVER (
                  PARTITION BY grp
                  ORDER BY CASE WHEN grp = 'closed' THEN updated_at ELSE created_at END DESC, id DESC
                ) AS rn
         FROM (SELECT doc, id, created_at, updated_at,
                      CASE WHEN status IN ('rendered', 'sent') THEN status ELSE 'closed' END AS grp
               FROM tickets
               WHERE team_id = $1 AND requester = $2 AND ${this.live(3)}) live
       ) ranked
       WHERE rn <= CASE WHEN grp = 'closed' THEN $5::int ELSE $4::int END
       ORDER BY CASE WHEN grp = 'closed' THEN updated_at ELSE created_at END DESC, id DESC`,
      [this.teamId, userId, this.liveSince(), HOME_LIMITS.open, HOME_LIMITS.recentClosed],
    )
    const openTotals: OpenTotals = { rendered: 0, sent: 0 }
    for (const r of rows) if (r.grp === 'rendered' || r.grp === 'sent') openTotals[r.grp] = r.total
    const tickets = rows.map((r) => ticketSchema.parse(r.doc))
    return { tickets: [...tickets.filter((t) => !isClosed(t)), ...tickets.filter(isClosed)], openTotals }
  }

  historyOfRequester(userId: string): Promise<Ticket[]> {
    return this.rows.many('requester = $2', [userId], NEWEST_FIRST)
  }

  historyOfChannel(channel: string): Promise<Ticket[]> {
    return this.rows.many(`(channel = $2 OR doc->'message'->>'channel' = $2)`, [channel], NEWEST_FIRST)
  }

  private live(param: number): string {
    return `(status IN ('rendered', 'sent') OR updated_at >= $${param})`
  }

  private liveSince(): string {
    return new Date(this.now().getTime() - LIVE_DAYS * 86_400_000).toISOString()
  }
}
