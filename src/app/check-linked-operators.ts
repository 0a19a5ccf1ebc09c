import { type Bill, type PaymentMethodFacts, paymentMethodFailing } from '../domain/bill.js'
import {
  alertKey,
  type BillingAlert,
  type LinkBrokenAlert,
  type LinkFailure,
  linkFailureWorthTelling,
  openLinkBroken,
} from '../domain/billing-alert.js'
import { type Checklist, createChecklist } from '../domain/checklist.js'
import { CHECKLIST_DEFINITIONS } from '../domain/checklist-definitions.js'
import type { PaymentErrorCause } from '../domain/payment-error.js'
import { tokyoDate, yearMonthOf } from '../domain/plain-date.js'
import { linkKey, type OperatorLink } from '../domain/soracom-link.js'
import { errorCode } from '../errors.js'
import { alertMessage } from '../render/alert.js'
import {
  checklistMessage,
  deliverStored,
  postAlert,
  storeAlert,
  storeChecklist,
  updatePosted,
} from './deliver-record.js'
import type { AppDeps, HomePorts, PostingPorts } from './deps.js'
import { sendDigests } from './digests.js'
import { rememberBills } from './read-bill.js'
import { refreshHome } from './refresh-home.js'
import { asSoracomFailure } from './soracom-failure.js'
import { watchSpend } from './watch-spend.js'

/** A month that closed long ago is not news: after downtime, at most this many are announced. */
const AMOUNT_FINAL_CATCH_UP = 2

export interface CheckReport {
  checked: number
  failed: number
  alerts: number
  closed: number
  /** Spend digests stored (and posted) this run. */
  digests?: number
}

/**
 * The checks of every linked operator (at start-up and every SORACOM_POLL_MINUTES): its finalized
 * bills, this month so far and the payment method. A month newly closed → one amount-final alert;
 * a failed payment or a card SORACOM cannot charge → one payment-error alert with the §3.8.1
 * checklist; a payment made again → that checklist closes itself. One operator failing (SORACOM
 * down, key revoked) is logged and the others go on; the next run catches up.
 */
export async function checkLinkedOperators(
  deps: PostingPorts & HomePorts & Pick<AppDeps, 'soracom' | 'charts' | 'settings'>,
): Promise<CheckReport> {
  const report: CheckReport = { checked: 0, failed: 0, alerts: 0, closed: 0 }
  for (const link of await deps.links.list()) {
    const queue = `link:${linkKey(link)}`
    try {
      const outcome = await deps.queue.run(queue, () => checkLink(deps, link))
      report.checked += 1
      report.alerts += outcome.alerts
      report.closed += outcome.closed
    } catch (error) {
      report.failed += 1
      const code = errorCode(error)
      const reason = asSoracomFailure(error)
      deps.logger.warn('soracom check failed; next run retries', {
        operatorId: link.operatorId,
        coverage: link.coverage,
        reason: reason ?? code,
      })
      if (!reason) continue
      try {
        if (await deps.queue.run(queue, () => alertLinkBroken(deps, link, reason))) report.alerts += 1
      } catch (alertError) {
        deps.logger.warn('link-broken alert not stored', {
          operatorId: link.operatorId,
          error: errorCode(alertError),
        })
      }
    }
  }
  try {
    report.digests = await sendDigests(deps)
  } catch (error) {
    deps.logger.warn('digests not sent; next run retries', { error: errorCode(error) })
  }
  if (report.checked + report.failed > 0) deps.logger.info('soracom checks done', { ...report })
  return report
}

async function checkLink(
  deps: PostingPorts & HomePorts & Pick<AppDeps, 'soracom' | 'charts'>,
  stale: OperatorLink,
): Promise<{ alerts: number; closed: number }> {
  const link = await deps.links.get(stale.operatorId, stale.coverage)
  if (!link) return { alerts: 0, closed: 0 }
  const api = deps.soracom.api(link)
  const [history, running, method] = await Promise.all([api.history(), api.latest(), api.paymentMethod()])
  const now = deps.clock.now()
  const at = now.toISOString()
  const closedBills = history
    .filter((b) => b.state === 'closed')
    .sort((a, b) => a.month.localeCompare(b.month))
  const newest = closedBills.at(-1)
  const baseline = link.watch?.closedThrough
  const newlyClosed =
    baseline === undefined ? [] : closedBills.filter((b) => b.month > baseline).slice(-AMOUNT_FINAL_CATCH_UP)

  let alerts = 0
  for (const bill of newlyClosed) {
    const previous = closedBills[closedBills.indexOf(bill) - 1]
    if (await alertAmountFinal(deps, link, bill, previous)) alerts += 1
  }
  for (const bill of history.filter((b) => b.paymentStatus === 'fail')) {
    if (
      await alertPaymentError(
        deps,
        link,
        alertKey('payment_failed', link, bill.month),
        { kind: 'bill_failed', month: bill.month },
        method,
      )
    )
      alerts += 1
  }
  // One recovery checklist at a time per link: a declined card behind a failed bill is the same chore.
  if (paymentMethodFailing(method) && (await openPaymentChecklists(deps, link)).length === 0) {
    const month = yearMonthOf(tokyoDate(now))
    const cause: PaymentErrorCause = { kind: 'card_error', errorCode: method?.errorCode ?? 'unknown' }
    if (await alertPaymentError(deps, link, alertKey('card_error', link, month), cause, method)) alerts += 1
  }
  const closed = await closeRecovered(deps, link, history, method)
  await markLinkRestored(deps, link)
  try {
    alerts += await watchSpend(deps, link, running, history)
  } catch (error) {
    // The spend reads need permissions of their own (README): the other checks stand without them.
    deps.logger.warn('spend watch failed; next run retries', {
      operatorId: link.operatorId,
      coverage: link.coverage,
      reason: asSoracomFailure(error) ?? errorCode(error),
    })
  }

  await rememberBills(deps, link, {
    ...(newest ? { latestBill: { ...newest, checkedAt: at } } : {}),
    ...(running ? { runningBill: { ...running, checkedAt: at } } : {}),
    watch: { ...closedThrough(baseline, newest?.month), checkedAt: at },
  })
  return { alerts, closed }
}

/** The later of the two months, when there is one. */
function closedThrough(baseline: string | undefined, newest: string | undefined): { closedThrough?: string } {
  const later = [baseline, newest]
    .filter((m) => m !== undefined)
    .sort()
    .at(-1)
  return later ? { closedThrough: later } : {}
}

/** One amount-final message in the alert channel (unless this month's was stored already). */
async function alertAmountFinal(
  deps: PostingPorts,
  link: OperatorLink,
  bill: Bill,
  previous: Bill | undefined,
): Promise<boolean> {
  const id = alertKey('amount_final', link, bill.month)
  if (await deps.alerts.get(id)) return false
  const alert: BillingAlert = {
    id,
    kind: 'amount_final',
    operatorId: link.operatorId,
    coverage: link.coverage,
    bill,
    ...(previous ? { previous } : {}),
    channel: link.alertChannel,
    requester: link.linkedBy,
    createdAt: deps.clock.now().toISOString(),
  }
  await postAlert(deps, alert, await storeAlert(deps, alert))
  return true
}

const openPaymentChecklists = async (
  deps: Pick<AppDeps, 'checklists'>,
  link: OperatorLink,
): Promise<Checklist[]> =>
  (await deps.checklists.all()).filter(
    (c) =>
      c.alertKey !== undefined &&
      !c.closed &&
      c.operatorIds[0] === link.operatorId &&
      c.coverage === link.coverage,
  )

/**
 * A payment-error alert: the §3.8.1 checklist (card or invoice, as SORACOM shows the operator
 * pays) posted in the alert channel. The checklist carries the alert's key, so it exists once.
 */
async function alertPaymentError(
  deps: PostingPorts & HomePorts,
  link: OperatorLink,
  key: string,
  cause: PaymentErrorCause,
  method: PaymentMethodFacts | undefined,
): Promise<boolean> {
  if ((await deps.checklists.all()).some((c) => c.alertKey === key)) return false
  const card = cause.kind === 'card_error' || method?.providerType === 'WebPay'
  const registered = await deps.operators.get(link.operatorId)
  const kind = !card
    ? 'payment_error_invoice'
    : registered?.accountType === 'individual'
      ? 'payment_error_card_individual'
      : 'payment_error_card'
  const checklist = createChecklist(
    {
      kind,
      operatorIds: [link.operatorId],
      coverage: link.coverage,
      cause,
      alertKey: key,
      requester: link.linkedBy,
      channel: link.alertChannel,
    },
    CHECKLIST_DEFINITIONS[kind].steps,
    { id: deps.newId(), now: deps.clock.now() },
  )
  const stored = await storeChecklist(deps, checklist, `alert:${key}`)
  await deliverStored(deps, stored.record)
  return true
}

/** Closes the payment-error checklists whose payment SORACOM now shows made; returns how many. */
async function closeRecovered(
  deps: HomePorts & Pick<AppDeps, 'checklists' | 'clock' | 'queue' | 'renderer'>,
  link: OperatorLink,
  history: Bill[],
  method: PaymentMethodFacts | undefined,
): Promise<number> {
  let closed = 0
  for (const open of await openPaymentChecklists(deps, link)) {
    const cause = open.cause
    const reason =
      cause?.kind === 'bill_failed'
        ? history.find((b) => b.month === cause.month)?.paymentStatus === 'paid'
          ? 'bill_paid'
          : undefined
        : cause?.kind === 'card_error' && method?.errorCode === 'success'
          ? 'card_recovered'
          : undefined
    if (!reason) continue
    await deps.queue.run(open.id, async () => {
      const current = await deps.checklists.get(open.id)
      if (!current || current.closed) return
      const at = deps.clock.now().toISOString()
      const updated: Checklist = { ...current, closed: { at, reason }, updatedAt: at }
      await deps.checklists.save(updated)
      const notice = await updatePosted(deps, updated.message, checklistMessage(deps, updated))
      if (notice) deps.logger.warn('closed checklist message not updated', { checklist: open.id })
      closed += 1
    })
  }
  if (closed > 0) await refreshHome(deps, link.linkedBy)
  return closed
}

/**
 * The link's checks fail: tell the alert channel once per breakage (a refused key or permission at
 * once, SORACOM unreachable after a day without a successful check), since no other alert can
 * come until it is mended. Returns whether an alert was stored.
 */
async function alertLinkBroken(
  deps: PostingPorts & HomePorts,
  stale: OperatorLink,
  reason: LinkFailure,
): Promise<boolean> {
  const link = await deps.links.get(stale.operatorId, stale.coverage)
  if (!link || openLinkBroken(await deps.alerts.all(), link)) return false
  const now = deps.clock.now()
  const lastSuccess = link.watch?.checkedAt ?? link.linkedAt
  if (!linkFailureWorthTelling(reason, new Date(lastSuccess), now)) return false
  const alert: BillingAlert = {
    // Once per breakage is kept by `openLinkBroken`; the id only has to be new.
    id: alertKey('link_broken', link, `${now.toISOString()}:${deps.newId()}`),
    kind: 'link_broken',
    operatorId: link.operatorId,
    coverage: link.coverage,
    reason,
    lastSuccess,
    channel: link.alertChannel,
    requester: link.linkedBy,
    createdAt: now.toISOString(),
  }
  await postAlert(deps, alert, await storeAlert(deps, alert))
  return true
}

/** A check succeeded: a `link_broken` alert of the link says it is mended (its message updated). */
async function markLinkRestored(
  deps: Pick<AppDeps, 'alerts' | 'clock' | 'logger' | 'notifier' | 'queue'>,
  link: OperatorLink,
): Promise<void> {
  const open = openLinkBroken(await deps.alerts.all(), link)
  if (!open) return
  await deps.queue.run(open.id, async () => {
    const current = await deps.alerts.get(open.id)
    if (current?.kind !== 'link_broken' || current.restored) return
    const restored: LinkBrokenAlert = { ...current, restored: deps.clock.now().toISOString() }
    await deps.alerts.save(restored)
    const notice = await updatePosted(deps, restored.message, alertMessage(restored))
    if (notice) deps.logger.warn('restored link message not updated', { alert: open.id })
  })
}
