import type { WebClient } from '@slack/web-api'
import type { Checklist } from '../domain/checklist.js'
import type { Ticket } from '../domain/ticket.js'
import { renderChecklist } from '../render/checklist.js'
import type { SlackMessage } from '../render/messages.js'
import { formatJstDateTime } from '../render/time.js'
import type { ListenerDeps } from './deps.js'
import { refreshHome } from './home.js'
import { postToOrigin, slackErrorCode } from './post-message.js'
import type { Origin } from './private-metadata.js'
import { ticketMessageFor } from './ticket-view.js'

/**
 * The end of every flow that produces a record: render it (a template bug fails before anything
 * is stored), store it (on disk before the modal closes, so an acknowledged request is never
 * lost), close the modal, post the message, then remember where it is so later changes update it.
 * When Slack will not take the message, the record stays, marked undelivered, and the sweep
 * posts it later.
 */
export async function saveAckAndPostTicket(
  deps: ListenerDeps,
  client: WebClient,
  ack: () => Promise<void>,
  origin: Origin,
  ticket: Ticket,
  viewId: string,
): Promise<void> {
  const message = ticketMessageFor(deps, ticket)
  await deps.tickets.save({ ...ticket, sourceViewId: viewId })
  await ack()
  await postRecord(deps, client, ticketRecords(deps), origin, ticket.id, message)
  await refreshHome(deps, client, ticket.requester)
}

/** As for tickets; an account-deletion checklist also schedules its final-invoice reminders. */
export async function saveAckAndPostChecklist(
  deps: ListenerDeps,
  client: WebClient,
  ack: () => Promise<void>,
  origin: Origin,
  checklist: Checklist,
  viewId: string,
): Promise<void> {
  const message = renderChecklist(deps.renderer, checklist)
  await deps.checklists.saveChecklist({ ...checklist, sourceViewId: viewId })
  await ack()
  await postRecord(deps, client, checklistRecords(deps), origin, checklist.id, message)
  const stored = deps.checklists.getChecklist(checklist.id)
  if (stored) await deps.reminderService.onDeletionChecklist(stored)
  await refreshHome(deps, client, checklist.requester)
}

/** How to read back and save one kind of record: tickets and checklists are delivered alike. */
interface Records<T extends { message?: unknown; undelivered?: unknown }> {
  get(id: string): T | undefined
  save(record: T): Promise<void>
}

const ticketRecords = (deps: ListenerDeps): Records<Ticket> => ({
  get: (id) => deps.tickets.get(id),
  save: (t) => deps.tickets.save(t),
})

const checklistRecords = (deps: ListenerDeps): Records<Checklist> => ({
  get: (id) => deps.checklists.getChecklist(id),
  save: (c) => deps.checklists.saveChecklist(c),
})

/**
 * Posts a stored record's message and remembers where it went, or that it could not go.
 * Re-reads the record first: a click on the message may have changed it since it was posted.
 */
async function postRecord<T extends { message?: { channel: string; ts: string }; undelivered?: unknown }>(
  deps: ListenerDeps,
  client: WebClient,
  records: Records<T>,
  origin: Origin,
  id: string,
  message: SlackMessage,
): Promise<void> {
  const outcome = await tryPost(deps, client, origin, message)
  const current = records.get(id)
  if (!current) return
  const { undelivered: _previous, ...rest } = current
  await records.save(
    (outcome.ok ? { ...rest, message: outcome.posted } : { ...rest, undelivered: outcome.undelivered }) as T,
  )
}

type PostOutcome =
  | { ok: true; posted: { channel: string; ts: string } }
  | { ok: false; undelivered: { error: string; at: string } }

async function tryPost(
  deps: ListenerDeps,
  client: WebClient,
  origin: Origin,
  message: SlackMessage,
): Promise<PostOutcome> {
  try {
    return { ok: true, posted: await postToOrigin(client, origin, message) }
  } catch (error) {
    const code = slackErrorCode(error) ?? (error as { code?: string }).code ?? 'unknown_error'
    deps.logger?.warn('message not delivered; kept for the next sweep', { error: code })
    return { ok: false, undelivered: { error: code, at: deps.clock.now().toISOString() } }
  }
}

/**
 * Posts tickets and checklists that Slack refused earlier (kept as `undelivered`) to where their
 * flow started. Run by the periodic sweep.
 */
export async function redeliverUndelivered(deps: ListenerDeps, client: WebClient): Promise<number> {
  let delivered = 0
  for (const ticket of deps.tickets.allTickets().filter((t) => t.undelivered && !t.message)) {
    const message = withLateNote(ticketMessageFor(deps, ticket), ticket.createdAt)
    await postRecord(
      deps,
      client,
      ticketRecords(deps),
      { channel: ticket.channel, user: ticket.requester },
      ticket.id,
      message,
    )
    if (deps.tickets.get(ticket.id)?.message) delivered += 1
  }
  for (const checklist of deps.checklists.undeliveredChecklists().filter((c) => !c.message)) {
    const origin = { channel: checklist.channel, user: checklist.requester }
    const message = withLateNote(renderChecklist(deps.renderer, checklist), checklist.createdAt)
    await postRecord(deps, client, checklistRecords(deps), origin, checklist.id, message)
    if (deps.checklists.getChecklist(checklist.id)?.message) delivered += 1
  }
  return delivered
}

/** Tells the user why the message comes late, and that their request was kept all along. */
function withLateNote(message: SlackMessage, createdAt: string): SlackMessage {
  const note = {
    type: 'context' as const,
    elements: [
      {
        type: 'mrkdwn' as const,
        text: `:hourglass: Slack の一時的な障害で投稿が遅れました。依頼は ${formatJstDateTime(createdAt)} に受け付け、保存されています。`,
      },
    ],
  }
  return { ...message, blocks: [note, ...message.blocks] }
}
