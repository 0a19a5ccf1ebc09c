import type { Ticket } from '../domain/ticket.js'
import type { TicketScope } from '../render/ticket-list.js'
import type { AppDeps } from './deps.js'

/** `/billing tickets [channel]`: the whole history of a scope, archived tickets included, newest first. */
export function listTickets(
  deps: Pick<AppDeps, 'tickets'>,
  scope: TicketScope,
  user: string,
): Promise<Ticket[]> {
  return scope.kind === 'mine'
    ? deps.tickets.historyOfRequester(user)
    : deps.tickets.historyOfChannel(scope.channel)
}
