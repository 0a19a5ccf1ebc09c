import type { Bill } from '../domain/bill.js'
import { alertKey, type SpendAlert } from '../domain/billing-alert.js'
import { addMonths, type YearMonth } from '../domain/plain-date.js'
import type { OperatorLink } from '../domain/soracom-link.js'
import {
  budgetReachedOn,
  chartMonths,
  findSpike,
  forecastMonthEnd,
  type SpendAlertKind,
  type SpendChartData,
  type SpendFacts,
  spendAlertsDue,
  topCosts,
} from '../domain/spend.js'
import { errorCode } from '../errors.js'
import { postAlert, storeAlert } from './deliver-record.js'
import type { AppDeps, PostingPorts } from './deps.js'
import type { BillingApi, UploadTarget } from './ports.js'

/** How many services and SIMs an alert names. */
export const TOP_SERVICES = 3
export const TOP_SIMS = 5

export type SpendPorts = PostingPorts & Pick<AppDeps, 'charts' | 'soracom'>

/** The running month of a link as the spend watch sees it: the figures, and what a chart of it shows. */
export interface RunningSpend extends SpendFacts {
  running: Bill
  chart: SpendChartData
}

/**
 * Reads what the spend watch needs of a link's running month: its days (and the month before's,
 * for the spike's usual day), the forecast, the spike, and the chart's data (with `history`,
 * the finalized months).
 */
export async function readRunningSpend(
  api: BillingApi,
  link: OperatorLink,
  running: Bill,
  history: readonly Bill[],
): Promise<RunningSpend> {
  const month = running.month
  const [days, before] = await Promise.all([api.daily(month), api.daily(addMonths(month, -1))])
  const forecast = forecastMonthEnd(month, running.amount, days)
  const spike = findSpike(month, [...before, ...days], running.currency)
  const budget = budgetOf(link, running)
  return {
    month,
    forecast,
    spike,
    running,
    chart: {
      operatorId: link.operatorId,
      currency: running.currency,
      months: chartMonths(
        history.filter((b) => b.currency === running.currency),
        { month, amount: forecast.soFar },
      ),
      // No days yet (the month just began, or SORACOM has none): the months alone.
      ...(days.length > 0
        ? { running: { month, days, forecast, ...(budget ? { budget: budget.amount } : {}) } }
        : {}),
    },
  }
}

/** A budget applies to bills in its currency only (a link's coverage fixes it; a mismatch is ignored). */
export const budgetOf = (link: OperatorLink, bill: Pick<Bill, 'currency'>) =>
  link.budget && link.budget.currency === bill.currency ? link.budget : undefined

/**
 * The spend alerts of one link's running month (part of its check): 80 % and 100 % of the budget,
 * the forecast passing it, a spike — each stored under its key (kind, operator, coverage, month)
 * before it is posted, so it goes out once across restarts; the checks run under one claim
 * across replicas. An alert carries the chart in its thread; a chart that cannot be made or
 * uploaded is logged and the alert stands. Returns how many alerts were stored.
 */
export async function watchSpend(
  deps: SpendPorts,
  link: OperatorLink,
  running: Bill | undefined,
  history: readonly Bill[],
): Promise<number> {
  if (!running) return 0
  const api = deps.soracom.api(link)
  const spend = await readRunningSpend(api, link, running, history)
  const budget = budgetOf(link, running)
  const due: SpendAlertKind[] = []
  for (const kind of spendAlertsDue(spend, budget)) {
    if (!(await deps.alerts.get(alertKey(kind, link, spend.month)))) due.push(kind)
  }
  if (due.length === 0) return 0
  const drivers = await api.costDrivers(spend.month)
  let chart: ReturnType<AppDeps['charts']['spend']> | undefined
  for (const kind of due) {
    const alert: SpendAlert = {
      id: alertKey(kind, link, spend.month),
      kind: 'spend',
      spend: kind,
      operatorId: link.operatorId,
      coverage: link.coverage,
      month: spend.month,
      currency: running.currency,
      ...(budget ? { budget: budget.amount } : {}),
      forecast: spend.forecast,
      ...reachedOn(kind, spend, budget?.amount),
      ...(kind === 'spike' && spend.spike ? { spike: spend.spike } : {}),
      services: topCosts(drivers.services, TOP_SERVICES).map((s) => ({ name: s.name, amount: s.amount })),
      sims: topCosts(drivers.sims, TOP_SIMS),
      channel: link.alertChannel,
      requester: link.linkedBy,
      createdAt: deps.clock.now().toISOString(),
    }
    await postAlert(deps, alert, await storeAlert(deps, alert))
    const posted = (await deps.alerts.get(alert.id))?.message
    if (!posted) continue
    chart ??= deps.charts.spend(spend.chart)
    await uploadChart(deps, { channel: posted.channel, threadTs: posted.ts }, chart, alert.id)
  }
  return due.length
}

function reachedOn(kind: SpendAlertKind, spend: SpendFacts, budget: number | undefined) {
  if (kind !== 'forecast_100' || budget === undefined) return {}
  const date = budgetReachedOn(spend.month as YearMonth, spend.forecast, budget)
  return date ? { reachedOn: date } : {}
}

/** Uploads a chart; a chart that could not be drawn or sent is logged, never in the way. */
export async function uploadChart(
  deps: Pick<AppDeps, 'logger' | 'notifier'>,
  to: UploadTarget,
  chart: ReturnType<AppDeps['charts']['spend']>,
  about: string,
): Promise<boolean> {
  try {
    await deps.notifier.upload(to, await chart)
    return true
  } catch (error) {
    deps.logger.warn('chart not sent', { about, error: errorCode(error) })
    return false
  }
}

/**
 * `/billing bill`'s chart, into the asker's DM (the bill answer is ephemeral; a file in the
 * channel would show the amounts to everyone): the months as billed and the running month with
 * its forecast. False when it could not be made or sent (logged; the text answer stands).
 */
export async function sendSpendChart(
  deps: Pick<AppDeps, 'charts' | 'logger' | 'notifier' | 'soracom'>,
  link: OperatorLink,
  user: string,
): Promise<boolean> {
  let chart: SpendChartData
  try {
    const api = deps.soracom.api(link)
    const [history, latest] = await Promise.all([api.history(), api.latest()])
    chart = latest
      ? (await readRunningSpend(api, link, latest, history)).chart
      : { operatorId: link.operatorId, currency: history[0]?.currency ?? 'JPY', months: chartMonths(history) }
  } catch (error) {
    deps.logger.warn('chart not sent', { about: `bill:${link.operatorId}`, error: errorCode(error) })
    return false
  }
  return uploadChart(deps, { user }, deps.charts.spend(chart), `bill:${link.operatorId}`)
}
