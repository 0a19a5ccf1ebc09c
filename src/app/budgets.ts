import type { BillCurrency } from '../domain/bill.js'
import type { Coverage } from '../domain/coverage.js'
import type { BudgetOutcome } from '../domain/outcomes.js'
import type { OperatorLink } from '../domain/soracom-link.js'
import { alreadyTrue, type Budget, type SpendAlertKind } from '../domain/spend.js'
import type { AppDeps } from './deps.js'
import { refused } from './outcomes.js'
import { chooseLink } from './read-bill.js'
import { soracomFailure } from './soracom-failure.js'
import { readRunningSpend } from './watch-spend.js'

type BudgetPorts = Pick<AppDeps, 'clock' | 'links' | 'logger' | 'soracom'>

/** The currency a link is billed in: its running or latest bill's, else its coverage's usual one. */
function currencyOf(link: OperatorLink, running: { currency: BillCurrency } | undefined): BillCurrency {
  return (
    running?.currency ??
    link.runningBill?.currency ??
    link.latestBill?.currency ??
    (link.coverage === 'jp' ? 'JPY' : 'USD')
  )
}

/**
 * `/billing budget OP… <金額> [jp|g]` (admins): the link's monthly budget, in its bill's currency.
 * The running month is read (after the ack) so that what is already true — over 80 %, over
 * budget, a forecast past it — is said in the reply and kept quiet for this month.
 */
export async function setBudget(
  deps: BudgetPorts,
  input: { user: string; admin: boolean; operatorId: string; coverage?: Coverage; amount: number },
): Promise<BudgetOutcome> {
  if (!input.admin) return refused({ on: 'admin_command', reason: 'admins_only' })
  const choice = await chooseLink(deps, input)
  if (choice.kind === 'no_links') return { kind: 'not_linked', operatorId: input.operatorId }
  if (choice.kind !== 'link') return choice
  const { link } = choice
  const api = deps.soracom.api(link)
  let running: Extract<BudgetOutcome, { kind: 'set' }>['running']
  let quiet: SpendAlertKind[] = []
  let currency = currencyOf(link, undefined)
  let readFailed = false
  try {
    const latest = await api.latest()
    if (latest) {
      currency = latest.currency
      // The month's figures only: the finalized months would be for a chart.
      const spend = await readRunningSpend(api, link, latest, [])
      quiet = alreadyTrue(spend, input.amount)
      running = { month: spend.month, soFar: spend.forecast.soFar, forecast: spend.forecast.total }
    }
  } catch (error) {
    readFailed = true
    deps.logger.warn('soracom read for a budget failed', {
      operatorId: link.operatorId,
      reason: soracomFailure(error),
    })
  }
  const budget: Budget = {
    amount: input.amount,
    currency,
    setBy: input.user,
    setAt: deps.clock.now().toISOString(),
    ...(running && quiet.length > 0 ? { quiet: { month: running.month, kinds: quiet } } : {}),
  }
  const current = (await deps.links.get(link.operatorId, link.coverage)) ?? link
  const updated = { ...current, budget }
  await deps.links.save(updated)
  deps.logger.info('budget set', { operatorId: link.operatorId, coverage: link.coverage, by: input.user })
  return { kind: 'set', link: updated, budget, ...(running ? { running } : {}), quiet, readFailed }
}

/** `/billing budget OP… off [jp|g]` (admins). */
export async function removeBudget(
  deps: Pick<AppDeps, 'links' | 'logger'>,
  input: { user: string; admin: boolean; operatorId: string; coverage?: Coverage },
): Promise<BudgetOutcome> {
  if (!input.admin) return refused({ on: 'admin_command', reason: 'admins_only' })
  const choice = await chooseLink(deps, input)
  if (choice.kind === 'no_links') return { kind: 'not_linked', operatorId: input.operatorId }
  if (choice.kind !== 'link') return choice
  const current = (await deps.links.get(choice.link.operatorId, choice.link.coverage)) ?? choice.link
  if (!current.budget) return { kind: 'removed', link: current, had: false }
  const { budget: _gone, ...rest } = current
  await deps.links.save(rest)
  deps.logger.info('budget removed', {
    operatorId: current.operatorId,
    coverage: current.coverage,
    by: input.user,
  })
  return { kind: 'removed', link: rest, had: true }
}
