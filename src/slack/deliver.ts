import type { WebClient } from '@slack/web-api'
import type { Checklist } from '../domain/checklist.js'
import type { Ticket } from '../domain/ticket.js'
import type { SlackMessage } from '../render/messages.js'
import type { AppDeps } from './deps.js'
import { postToOrigin } from './post-message.js'
import type { Origin } from './private-metadata.js'

/**
 * The end of every flow that produces a record: store it (on disk before the modal closes, so an
 * acknowledged request is never lost), close the modal, post the message, then remember where
 * the message is so later changes can update it.
 */
export async function saveAckAndPostTicket(
  deps: AppDeps,
  client: WebClient,
  ack: () => Promise<void>,
  origin: Origin,
  ticket: Ticket,
  message: SlackMessage,
): Promise<void> {
  await deps.tickets.save(ticket)
  await ack()
  const posted = await postToOrigin(client, origin, message)
  await deps.tickets.save({ ...ticket, message: posted })
}

export async function saveAckAndPostChecklist(
  deps: AppDeps,
  client: WebClient,
  ack: () => Promise<void>,
  origin: Origin,
  checklist: Checklist,
  message: SlackMessage,
): Promise<void> {
  await deps.checklists.saveChecklist(checklist)
  await ack()
  const posted = await postToOrigin(client, origin, message)
  await deps.checklists.saveChecklist({ ...checklist, message: posted })
}
