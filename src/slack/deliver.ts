import type { WebClient } from '@slack/web-api'
import type { Checklist } from '../domain/checklist.js'
import type { Ticket } from '../domain/ticket.js'
import { renderChecklist } from '../render/checklist.js'
import type { ListenerDeps } from './deps.js'
import { refreshHome } from './home.js'
import { postToOrigin } from './post-message.js'
import type { Origin } from './private-metadata.js'
import { ticketMessageFor } from './ticket-view.js'

/**
 * The end of every flow that produces a record: render it (a template bug fails before anything
 * is stored), store it (on disk before the modal closes, so an acknowledged request is never
 * lost), close the modal, post the message, then remember where it is so later changes update it.
 */
export async function saveAckAndPostTicket(
  deps: ListenerDeps,
  client: WebClient,
  ack: () => Promise<void>,
  origin: Origin,
  ticket: Ticket,
): Promise<void> {
  const message = ticketMessageFor(deps, ticket)
  await deps.tickets.save(ticket)
  await ack()
  const posted = await postToOrigin(client, origin, message)
  // Re-read: a click on the message may have changed the ticket since it was posted.
  await deps.tickets.save({ ...(deps.tickets.get(ticket.id) ?? ticket), message: posted })
  await refreshHome(deps, client, ticket.requester)
}

/** As for tickets; an account-deletion checklist also schedules its final-invoice reminders. */
export async function saveAckAndPostChecklist(
  deps: ListenerDeps,
  client: WebClient,
  ack: () => Promise<void>,
  origin: Origin,
  checklist: Checklist,
): Promise<void> {
  const message = renderChecklist(deps.renderer, checklist)
  await deps.checklists.saveChecklist(checklist)
  await ack()
  const posted = await postToOrigin(client, origin, message)
  const stored = { ...(deps.checklists.getChecklist(checklist.id) ?? checklist), message: posted }
  await deps.checklists.saveChecklist(stored)
  await deps.reminderService.onDeletionChecklist(stored)
  await refreshHome(deps, client, checklist.requester)
}
