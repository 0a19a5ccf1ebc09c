import { type Bill, paymentMethodFromFacts } from '../domain/bill.js'
import type { BillReport, BillTarget, ExportOutcome, LinkChoice } from '../domain/bill-report.js'
import type { Coverage } from '../domain/coverage.js'
import { addMonths, tokyoDate, type YearMonth, yearMonthOf } from '../domain/plain-date.js'
import type { KnownBill, OperatorLink } from '../domain/soracom-link.js'
import type { AppDeps } from './deps.js'
import { soracomFailure } from './soracom-failure.js'

export async function chooseLink(deps: Pick<AppDeps, 'links'>, target: BillTarget): Promise<LinkChoice> {
  const all = await deps.links.list()
  if (all.length === 0) return { kind: 'no_links' }
  const fitting = all.filter(
    (l) =>
      (!target.operatorId || l.operatorId === target.operatorId) &&
      (!target.coverage || l.coverage === target.coverage),
  )
  const [only] = fitting
  if (only && fitting.length === 1) return { kind: 'link', link: only }
  if (fitting.length === 0 && target.operatorId) return { kind: 'not_linked', operatorId: target.operatorId }
  return { kind: 'choose', links: fitting.length > 0 ? fitting : all }
}

/**
 * `/billing bill [YYYY-MM] [OP…]`: the month's bill (without a month, the latest finalized one),
 * the month before it for the change, and whether the operator pays by card. Calls SORACOM: only
 * after Slack's ack.
 */
export async function billReport(
  deps: Pick<AppDeps, 'clock' | 'links' | 'logger' | 'soracom'>,
  target: BillTarget,
): Promise<BillReport> {
  const choice = await chooseLink(deps, target)
  if (choice.kind === 'choose' && target.month) return { ...choice, month: target.month }
  if (choice.kind !== 'link') return choice
  const { link } = choice
  const api = deps.soracom.api(link)
  try {
    let bill: Bill | undefined
    let previous: Bill | undefined
    if (target.month) {
      ;[bill, previous] = await Promise.all([api.bill(target.month), api.bill(addMonths(target.month, -1))])
    } else {
      const history = [...(await api.history())].sort((a, b) => b.month.localeCompare(a.month))
      bill = history[0]
      const before = bill ? addMonths(bill.month, -1) : undefined
      previous = history.find((b) => b.month === before)
    }
    if (!bill) return { kind: 'no_bill', link, ...(target.month ? { month: target.month } : {}) }
    const method =
      bill.paymentStatus === 'delegated_to_third_party' || bill.paymentStatus === 'delegating_to_third_party'
        ? undefined
        : await api.paymentMethod()
    if (bill.state === 'closed') await rememberQuietly(deps, link, { latestBill: known(bill, deps) })
    return {
      kind: 'bill',
      link,
      bill,
      ...(previous ? { previous } : {}),
      cardPayer: paymentMethodFromFacts(bill, method) === 'card',
    }
  } catch (error) {
    const reason = soracomFailure(error)
    deps.logger.warn('soracom bill read failed', { operatorId: link.operatorId, reason })
    return { kind: 'failed', link, reason }
  }
}

/**
 * A bill button: the month's 課金詳細 CSV (`csv`; the running month's preliminary one for this
 * month) or 請求明細書 PDF (`statement`) download URL.
 */
export async function exportBillFile(
  deps: Pick<AppDeps, 'clock' | 'links' | 'soracom'>,
  input: { operatorId: string; coverage: Coverage; month: YearMonth; file: 'csv' | 'statement' },
): Promise<ExportOutcome> {
  const choice = await chooseLink(deps, input)
  if (choice.kind !== 'link') return choice
  const api = deps.soracom.api(choice.link)
  try {
    // The running month has no monthly CSV yet: SORACOM exports its preliminary one on its own path.
    const running = input.month === yearMonthOf(tokyoDate(deps.clock.now()))
    const url =
      input.file === 'csv'
        ? await (running ? api.exportLatestCsv() : api.exportCsv(input.month))
        : await api.exportStatement(input.month)
    return url
      ? { kind: 'url', url, link: choice.link, month: input.month }
      : { kind: 'none', link: choice.link, month: input.month }
  } catch (error) {
    return { kind: 'failed', reason: soracomFailure(error) }
  }
}

/**
 * Reads a link's newest finalized month and this month so far, and keeps them on the link (App
 * Home shows them without asking SORACOM again). Failures are logged and leave the link as it was.
 */
export async function refreshLinkBills(
  deps: Pick<AppDeps, 'clock' | 'links' | 'logger' | 'soracom'>,
  link: OperatorLink,
): Promise<OperatorLink> {
  const api = deps.soracom.api(link)
  try {
    const [history, running] = await Promise.all([api.history(), api.latest()])
    const newest = [...history].sort((a, b) => b.month.localeCompare(a.month))[0]
    return await rememberQuietly(deps, link, {
      ...(newest ? { latestBill: known(newest, deps) } : {}),
      ...(running ? { runningBill: known(running, deps) } : {}),
    })
  } catch (error) {
    deps.logger.warn('soracom bills refresh failed', {
      operatorId: link.operatorId,
      reason: soracomFailure(error),
    })
    return link
  }
}

function known(bill: Bill, deps: Pick<AppDeps, 'clock'>): KnownBill {
  return { ...bill, checkedAt: deps.clock.now().toISOString() }
}

/**
 * Keeps what was read on the stored link (unless it was unlinked meanwhile), never an older month
 * over a newer one; nothing is written when nothing changed but the time it was read. Failures
 * throw (the checks count them); the user-facing reads only log them.
 */
export async function rememberBills(
  deps: Pick<AppDeps, 'links'>,
  link: OperatorLink,
  seen: Pick<OperatorLink, 'latestBill' | 'runningBill' | 'watch'>,
): Promise<OperatorLink> {
  const current = await deps.links.get(link.operatorId, link.coverage)
  if (!current) return link
  const newer =
    seen.latestBill && (!current.latestBill || current.latestBill.month <= seen.latestBill.month)
      ? seen.latestBill
      : undefined
  const changed =
    seen.runningBill !== undefined ||
    seen.watch !== undefined ||
    (newer !== undefined && !sameBill(newer, current.latestBill))
  if (!changed) return current
  const updated: OperatorLink = {
    ...current,
    ...(newer ? { latestBill: newer } : {}),
    ...(seen.runningBill ? { runningBill: seen.runningBill } : {}),
    ...(seen.watch ? { watch: seen.watch } : {}),
  }
  await deps.links.save(updated)
  return updated
}

function sameBill(a: KnownBill, b: KnownBill | undefined): boolean {
  if (!b) return false
  const { checkedAt: _a, ...left } = a
  const { checkedAt: _b, ...right } = b
  return JSON.stringify(left) === JSON.stringify(right)
}

/** For reads a user asked for: a link not updated on disk is logged, the answer still goes out. */
function rememberQuietly(
  deps: Pick<AppDeps, 'links' | 'logger'>,
  link: OperatorLink,
  seen: Pick<OperatorLink, 'latestBill' | 'runningBill'>,
) {
  return rememberBills(deps, link, seen).catch((error: unknown) => {
    deps.logger.warn('link facts not saved', { operatorId: link.operatorId, error })
    return link
  })
}
