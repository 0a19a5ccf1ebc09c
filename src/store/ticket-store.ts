import type { TicketRepository } from '../app/ports.js'
import { type HomeTickets, homeTickets } from '../domain/home-view.js'
import type { Ticket } from '../domain/ticket.js'
import { Collection } from './collection.js'
import type { Partition } from './database.js'

/** Tickets in the live file, and the archived ones for whole histories. */
export class TicketStore implements TicketRepository {
  readonly collection: Collection<'tickets', 'sourceView'>

  constructor(private readonly db: Partition) {
    this.collection = new Collection(db, 'tickets', { sourceView: (t) => t.sourceViewId })
  }

  save(ticket: Ticket): Promise<void> {
    return this.collection.save([ticket])
  }

  get(id: string): Ticket | undefined {
    return this.collection.get(id)
  }

  findBySourceView(viewId: string): Ticket | undefined {
    return this.collection.findBy('sourceView', viewId)
  }

  all(): readonly Ticket[] {
    return this.collection.records
  }

  listByRequester(userId: string): Ticket[] {
    return newestFirst(this.collection.records.filter((t) => t.requester === userId))
  }

  homeOf(userId: string): HomeTickets {
    return homeTickets(this.listByRequester(userId))
  }

  async historyOfRequester(userId: string): Promise<Ticket[]> {
    return newestFirst(await this.withArchived((t) => t.requester === userId))
  }

  async historyOfChannel(channel: string): Promise<Ticket[]> {
    return newestFirst(
      await this.withArchived((t) => t.channel === channel || t.message?.channel === channel),
    )
  }

  private async withArchived(keep: (t: Ticket) => boolean): Promise<Ticket[]> {
    const live = this.collection.records.filter(keep)
    const liveIds = new Set(this.collection.records.map((t) => t.id))
    const archived = (await this.db.archive.tickets()).filter((t) => keep(t) && !liveIds.has(t.id))
    return [...live, ...archived]
  }
}

/** Newest first; tickets created in the same instant keep their creation order, latest first. */
function newestFirst(tickets: Ticket[]): Ticket[] {
  return tickets
    .map((t, i) => ({ t, i }))
    .sort((a, b) => b.t.createdAt.localeCompare(a.t.createdAt) || b.i - a.i)
    .map(({ t }) => t)
}
