import { unregisteredOperators } from '../domain/operator-registry.js'
import type { Ticket } from '../domain/ticket.js'
import type { SlackMessage } from '../render/messages.js'
import { renderTicketMessage } from '../render/ticket.js'
import type { ListenerDeps } from './deps.js'

/** The operator IDs a ticket names: the one it is for, and for a merge every source. */
function namedOperators(ticket: Ticket): string[] {
  return ticket.kind === 'invoice_merge'
    ? [...ticket.request.sources, ticket.request.target]
    : [ticket.operatorId]
}

/** The ticket message as it stands, with a warning for operator IDs the company has not registered. */
export function ticketMessageFor(
  deps: Pick<ListenerDeps, 'renderer' | 'operators'>,
  ticket: Ticket,
): SlackMessage {
  const registry = deps.operators.operators()
  return renderTicketMessage(deps.renderer, ticket, {
    unregistered: unregisteredOperators(namedOperators(ticket), registry),
    empty: registry.length === 0,
  })
}
