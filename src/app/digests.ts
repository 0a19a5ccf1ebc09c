import type { DigestRecord } from '../domain/billing-alert.js'
import { DIGEST_LINKS_SHOWN, type DigestCadence, digestPeriodDue } from '../domain/digest.js'
import type { Refusal } from '../domain/outcomes.js'
import { addMonths } from '../domain/plain-date.js'
import { type SpendChartData, topCosts } from '../domain/spend.js'
import { postAlert, storeAlert } from './deliver-record.js'
import type { AppDeps } from './deps.js'
import { refused } from './outcomes.js'
import { soracomFailure } from './soracom-failure.js'
import { budgetOf, readRunningSpend, type SpendPorts, TOP_SERVICES, uploadChart } from './watch-spend.js'

/**
 * `/billing digest weekly|monthly|off` in a channel (admins: it shows the amounts to everyone
 * there): one cadence per channel, kept in the workspace's settings.
 */
export async function setDigest(
  deps: Pick<AppDeps, 'clock' | 'logger' | 'settings'>,
  input: { user: string; admin: boolean; channel: string; cadence: DigestCadence | 'off' },
): Promise<{ kind: 'refused'; refusal: Refusal } | { kind: 'set' | 'stopped' | 'none' }> {
  if (!input.admin) return refused({ on: 'admin_command', reason: 'admins_only' })
  const settings = deps.settings.get()
  const others = (settings.digests ?? []).filter((d) => d.channel !== input.channel)
  const had = others.length !== (settings.digests ?? []).length
  if (input.cadence === 'off') {
    if (!had) return { kind: 'none' }
    await deps.settings.save({ ...settings, digests: others })
    return { kind: 'stopped' }
  }
  const digest = {
    channel: input.channel,
    cadence: input.cadence,
    by: input.user,
    at: deps.clock.now().toISOString(),
  }
  await deps.settings.save({ ...settings, digests: [...others, digest] })
  deps.logger.info('digest set', { channel: input.channel, cadence: input.cadence, by: input.user })
  return { kind: 'set' }
}

/**
 * The digests due now (part of the periodic checks, under their claim across replicas): each
 * channel's for this period, stored under `digest:<channel>:<period>` before it is posted so it
 * goes out once, with each linked operator's chart in its thread. An operator SORACOM cannot
 * answer for is left out of that digest (logged). Returns how many were stored.
 */
export async function sendDigests(deps: SpendPorts & Pick<AppDeps, 'links' | 'settings'>): Promise<number> {
  const now = deps.clock.now()
  // Read once per run, however many channels have a digest due.
  let read: Promise<Array<{ part: DigestPart; chart: SpendChartData }>> | undefined
  let sent = 0
  for (const subscription of deps.settings.get().digests ?? []) {
    const period = digestPeriodDue(subscription.cadence, now)
    if (!period) continue
    const id = `digest:${subscription.channel}:${period}`
    if (await deps.alerts.get(id)) continue
    read ??= readDigestParts(deps)
    const parts = await read
    const digest: DigestRecord = {
      id,
      kind: 'digest',
      cadence: subscription.cadence,
      period,
      links: parts.map((p) => p.part),
      channel: subscription.channel,
      requester: subscription.by,
      createdAt: now.toISOString(),
    }
    await postAlert(deps, digest, await storeAlert(deps, digest))
    sent += 1
    const posted = (await deps.alerts.get(id))?.message
    if (!posted) continue
    for (const { chart } of parts.slice(0, DIGEST_LINKS_SHOWN)) {
      await uploadChart(deps, { channel: posted.channel, threadTs: posted.ts }, deps.charts.spend(chart), id)
    }
  }
  return sent
}

type DigestPart = DigestRecord['links'][number]

/** Each linked operator's running month for a digest; one SORACOM cannot answer for is left out (logged). */
async function readDigestParts(
  deps: Pick<AppDeps, 'links' | 'logger' | 'soracom'>,
): Promise<Array<{ part: DigestPart; chart: SpendChartData }>> {
  const parts: Array<{ part: DigestPart; chart: SpendChartData }> = []
  for (const link of await deps.links.list()) {
    try {
      const api = deps.soracom.api(link)
      const [latest, history] = await Promise.all([api.latest(), api.history()])
      if (!latest) continue
      const spend = await readRunningSpend(api, link, latest, history)
      const before = addMonths(latest.month, -1)
      const previous = history.find((b) => b.month === before) ?? (await api.bill(before))
      const { services } = await api.costDrivers(latest.month)
      const budget = budgetOf(link, latest)
      parts.push({
        part: {
          operatorId: link.operatorId,
          coverage: link.coverage,
          month: latest.month,
          currency: latest.currency,
          soFar: spend.forecast.soFar,
          forecast: spend.forecast.total,
          ...(budget ? { budget: budget.amount } : {}),
          ...(previous ? { previous: previous.amount } : {}),
          services: topCosts(services, TOP_SERVICES).map((s) => ({ name: s.name, amount: s.amount })),
        },
        chart: spend.chart,
      })
    } catch (error) {
      deps.logger.warn('digest part left out', { operatorId: link.operatorId, reason: soracomFailure(error) })
    }
  }
  return parts
}
