import type { BillingAlert } from '../domain/billing-alert.js'
import type { Checklist } from '../domain/checklist.js'
import type { StaleMessage } from '../domain/outcomes.js'
import type { Ticket } from '../domain/ticket.js'
import { errorCode, isTransient } from '../errors.js'
import { alertMessage } from '../render/alert.js'
import { renderChecklist } from '../render/checklist.js'
import { describeChecklist } from '../render/checklist-view.js'
import { type LateReason, type SlackMessage, withLateNote } from '../render/messages.js'
import { renderTicketMessage } from '../render/ticket.js'
import { describeTicket } from '../render/ticket-view.js'
import type { AppDeps, HomePorts, PostingPorts } from './deps.js'
import type { StoredRecord } from './outcomes.js'
import type { Awaitable, Origin } from './ports.js'
import { refreshHome } from './refresh-home.js'
import { followDeletion } from './reminders.js'

/** The ticket message as it stands (with a warning for operator IDs the company has not registered). */
export async function ticketMessage(
  deps: Pick<AppDeps, 'renderer' | 'operators'>,
  ticket: Ticket,
): Promise<SlackMessage> {
  return renderTicketMessage(deps.renderer, describeTicket(ticket, await deps.operators.list()))
}

export function checklistMessage(deps: Pick<AppDeps, 'renderer'>, checklist: Checklist): SlackMessage {
  return renderChecklist(deps.renderer, describeChecklist(checklist))
}

/** How to read back, save and draw one kind of record: tickets and checklists are delivered alike. */
interface Records<T extends { id: string; message?: unknown }> {
  get(id: string): Awaitable<T | undefined>
  save(record: T): Promise<void>
  render(record: T): Awaitable<SlackMessage>
  /** Why a redelivered message comes late after Slack failed (default: the request was kept all along). */
  late?: LateReason
}

const ticketRecords = (deps: Pick<AppDeps, 'operators' | 'renderer' | 'tickets'>): Records<Ticket> => ({
  get: (id) => deps.tickets.get(id),
  save: (t) => deps.tickets.save(t),
  render: (t) => ticketMessage(deps, t),
})

const alertRecords = (deps: Pick<AppDeps, 'alerts'>): Records<BillingAlert> => ({
  get: (id) => deps.alerts.get(id),
  save: (a) => deps.alerts.save(a),
  render: alertMessage,
  late: 'slack_failed_alert',
})

/**
 * An alert of the checks: stored first (its id is its key, so it exists at most once), then
 * posted to the link's alert channel by `postAlert`; a post that fails is retried by the sweep.
 */
export function storeAlert(deps: PostingPorts, alert: BillingAlert): Promise<string | undefined> {
  return storeRecord(deps, alertRecords(deps), alert)
}

/** Posts a stored alert to its channel; true when it went out now. */
export function postAlert(
  deps: PostingPorts,
  alert: BillingAlert,
  hold: string | undefined,
): Promise<boolean> {
  return postRecord(deps, alertRecords(deps), alert.id, originOf(alert), { kind: 'alert', hold })
}

const checklistRecords = (deps: Pick<AppDeps, 'checklists' | 'renderer'>): Records<Checklist> => ({
  get: (id) => deps.checklists.get(id),
  save: (c) => deps.checklists.save(c),
  render: (c) => checklistMessage(deps, c),
})

/**
 * The end of every flow that produces a record: render it (a template bug fails before anything is
 * stored) and store it (on disk before the modal closes, so an acknowledged request is never lost).
 * Its message follows the ack: `deliverStored` (alerts: `postAlert`).
 */
async function storeRecord<T extends { id: string }>(
  deps: Pick<AppDeps, 'posting'>,
  records: Records<T>,
  record: T,
): Promise<string | undefined> {
  records.render(record)
  const hold = await deps.posting.hold(record.id)
  try {
    await records.save(record)
  } catch (error) {
    if (hold) await deps.posting.release(record.id, hold).catch(() => undefined)
    throw error
  }
  return hold
}

export async function storeTicket(
  deps: Pick<AppDeps, 'posting' | 'operators' | 'renderer' | 'tickets'>,
  ticket: Ticket,
  viewId: string,
): Promise<{ kind: 'stored'; record: StoredRecord }> {
  const hold = await storeRecord(deps, ticketRecords(deps), { ...ticket, sourceViewId: viewId })
  return { kind: 'stored', record: { kind: 'ticket', ticket, ...(hold ? { hold } : {}) } }
}

export async function storeChecklist(
  deps: Pick<AppDeps, 'posting' | 'checklists' | 'renderer'>,
  checklist: Checklist,
  viewId: string,
): Promise<{ kind: 'stored'; record: StoredRecord }> {
  const hold = await storeRecord(deps, checklistRecords(deps), { ...checklist, sourceViewId: viewId })
  return { kind: 'stored', record: { kind: 'checklist', checklist, ...(hold ? { hold } : {}) } }
}

/**
 * After the ack: posts a stored record's message, remembers where it went, and refreshes the
 * requester's App Home; an account-deletion checklist also schedules its final-invoice reminders.
 */
export async function deliverStored(deps: PostingPorts & HomePorts, stored: StoredRecord): Promise<void> {
  if (stored.kind === 'ticket') {
    const { ticket } = stored
    await postRecord(deps, ticketRecords(deps), ticket.id, originOf(ticket), {
      kind: 'ticket',
      hold: stored.hold,
    })
    await refreshHome(deps, ticket.requester)
    return
  }
  const { checklist } = stored
  await postRecord(deps, checklistRecords(deps), checklist.id, originOf(checklist), {
    kind: 'checklist',
    hold: stored.hold,
  })
  const current = await deps.checklists.get(checklist.id)
  if (current) await followDeletion(deps, current)
  await refreshHome(deps, checklist.requester)
}

/**
 * Updates a posted message after its record changed. The change is stored already: when Slack
 * refuses (message deleted, channel archived, Slack down), the answer is a notice for the user.
 */
export async function updatePosted(
  deps: Pick<AppDeps, 'notifier'>,
  target: { channel: string; ts: string } | undefined,
  message: SlackMessage,
): Promise<StaleMessage | undefined> {
  if (!target) return undefined
  try {
    await deps.notifier.update(target, message)
    return undefined
  } catch (error) {
    return { error: errorCode(error) }
  }
}

const originOf = (record: { channel: string; requester: string }): Origin => ({
  channel: record.channel,
  user: record.requester,
})

type RecordKind = 'ticket' | 'checklist' | 'alert'

/** What a record needs to be posted: its id, where its message went (or why not), and its age. */
interface Postable {
  id: string
  message?: { channel: string; ts: string }
  undelivered?: unknown
  createdAt: string
}

/**
 * Posts a stored record's message and remembers where it went, or that it could not go. Runs in
 * the record's queue and re-reads it first: a record posted meanwhile (by the sweep) is not posted
 * again, and a click on the message since is shown. A failure Slack will get over (5xx, 429, a
 * timeout) is tried again on its own schedule, seconds later, not only by the next sweep.
 */
async function postRecord<T extends Postable>(
  deps: PostingPorts,
  records: Records<T>,
  id: string,
  origin: Origin,
  options: { late?: boolean; kind: RecordKind; hold?: string | undefined },
): Promise<boolean> {
  // The request that stored it posts it: a late post (the sweep's) waits for its hold to end.
  const hold = (!options.late && options.hold) || (await deps.posting.hold(id))
  if (!hold) return false
  let result: Posting
  try {
    result = await postHeld(deps, records, id, origin, options)
  } finally {
    await deps.posting.release(id, hold).catch(() => undefined)
  }
  // Only once the hold is let go: a try that came before would find the record held, and stop.
  if (result.again !== undefined) {
    const kind = options.kind
    deps.redelivery.later(`post:${id}`, result.again, async () => {
      const posted = (await redeliverOne(deps, kind, id)) || (await records.get(id))?.message !== undefined
      return posted ? 'done' : 'again'
    })
  }
  return result.posted
}

/** Whether the record went out now, and (when Slack failed for a moment) the failure to try again after. */
interface Posting {
  posted: boolean
  again?: unknown
}

function postHeld<T extends Postable>(
  deps: PostingPorts,
  records: Records<T>,
  id: string,
  origin: Origin,
  options: { late?: boolean; kind: RecordKind },
): Promise<Posting> {
  return deps.queue.run(id, async (): Promise<Posting> => {
    const record = await records.get(id)
    if (!record || record.message) return { posted: false }
    const message = await records.render(record)
    let again: unknown
    let outcome: Pick<T, 'message'> | { undelivered: { error: string; at: string } }
    try {
      const posted = await deps.notifier.post(
        origin,
        options.late
          ? withLateNote(
              message,
              record.createdAt,
              // No failed post on file: the process stopped between storing and posting.
              record.undelivered === undefined ? 'interrupted' : (records.late ?? 'slack_failed'),
            )
          : message,
      )
      outcome = { message: posted } as Pick<T, 'message'>
    } catch (error) {
      const code = errorCode(error)
      const transient = isTransient(error)
      deps.logger.warn(
        transient
          ? 'message not delivered; trying again soon'
          : 'message not delivered; kept for the next sweep',
        { error: code, method: 'chat.postMessage', record: id },
      )
      outcome = { undelivered: { error: code, at: deps.clock.now().toISOString() } }
      if (transient) again = error
    }
    const current = await records.get(id)
    if (!current) return { posted: false }
    const { undelivered: _previous, ...rest } = current
    await records.save({ ...rest, ...outcome } as T)
    return 'message' in outcome ? { posted: true } : { posted: false, again }
  })
}

/** Posts one stored record that has no message yet, late; true when it was posted now. */
async function redeliverOne(deps: PostingPorts, kind: RecordKind, id: string): Promise<boolean> {
  if (kind === 'ticket') {
    const ticket = await deps.tickets.get(id)
    return ticket ? postRecord(deps, ticketRecords(deps), id, originOf(ticket), { late: true, kind }) : false
  }
  if (kind === 'alert') {
    const alert = await deps.alerts.get(id)
    return alert ? postRecord(deps, alertRecords(deps), id, originOf(alert), { late: true, kind }) : false
  }
  const checklist = await deps.checklists.get(id)
  if (!checklist) return false
  const posted = await postRecord(deps, checklistRecords(deps), id, originOf(checklist), { late: true, kind })
  const stored = await deps.checklists.get(id)
  if (posted && stored) await followDeletion(deps, stored)
  return posted
}

/**
 * Posts every stored ticket, checklist and alert that has no message yet — Slack refused it earlier, or
 * the process stopped between storing and posting — to where its flow started. Run by the sweep
 * (the first one at start-up), so nothing acknowledged stays unposted.
 */
export async function redeliverUnposted(deps: PostingPorts): Promise<number> {
  const unposted: Array<[RecordKind, string]> = [
    ...(await deps.tickets.all())
      .filter((t) => !t.message)
      .map((t): [RecordKind, string] => ['ticket', t.id]),
    ...(await deps.checklists.all())
      .filter((c) => !c.message)
      .map((c): [RecordKind, string] => ['checklist', c.id]),
    ...(await deps.alerts.all()).filter((a) => !a.message).map((a): [RecordKind, string] => ['alert', a.id]),
  ]
  let delivered = 0
  for (const [kind, id] of unposted) if (await redeliverOne(deps, kind, id)) delivered += 1
  return delivered
}
