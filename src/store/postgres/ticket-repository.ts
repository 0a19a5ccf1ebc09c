import type { TicketRepository } from '../../app/ports.js'
import { type Ticket, ticketSchema } from '../../domain/ticket.js'
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
    pool: Sql,
    teamId: string,
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
