import { describe, expect, it } from 'vitest'
import { removeBudget, setBudget } from '../../src/app/budgets.js'
import { checkLinkedOperators } from '../../src/app/check-linked-operators.js'
import { sendDigests, setDigest } from '../../src/app/digests.js'
import { linkOperator } from '../../src/app/link-operator.js'
import { exportBillFile } from '../../src/app/read-bill.js'
import { refreshHome } from '../../src/app/refresh-home.js'
import { watchSpend } from '../../src/app/watch-spend.js'
import type { Bill } from '../../src/domain/bill.js'
import type { SpendAlert } from '../../src/domain/billing-alert.js'
import type { HomeModel } from '../../src/domain/home-view.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import type { PlainDate, YearMonth } from '../../src/domain/plain-date.js'
import type { DailyAmount } from '../../src/domain/spend.js'
import { homeView } from '../../src/render/home.js'
import { type MemoryDeps, memoryDeps } from '../support/memory-ports.js'

/** Spend watch (issue 28) over in-memory ports: budgets, the alerts each once, the chart beside them. */

const OP = 'OP0123456789' as OperatorId
const closed = (month: string, amount: number): Bill => ({
  month: month as YearMonth,
  amount,
  currency: 'JPY',
  state: 'closed',
})
const days = (month: string, count: number, amount: (d: number) => number): DailyAmount[] =>
  Array.from({ length: count }, (_, i) => ({
    date: `${month}-${String(i + 1).padStart(2, '0')}` as PlainDate,
    amount: amount(i + 1),
  }))
const running = (amount: number): Bill => ({
  month: '2026-11' as YearMonth,
  amount,
  currency: 'JPY',
  state: 'temporary',
})

/** Linked, with October's days at 1,000 yen and November's 25 days so far at 1,000 yen. */
async function linked(deps: MemoryDeps, soFar = 25_000) {
  deps.soracom.set(OP, 'jp', {
    bills: [closed('2026-09', 28_000), closed('2026-10', 31_000)],
    latest: running(soFar),
    method: { providerType: 'NP' },
    days: [...days('2026-10', 31, () => 1000), ...days('2026-11', 25, () => 1000)],
    services: [
      { name: 'plan-D 基本料金', amount: 9000 },
      { name: 'データ通信料', amount: 15_000 },
      { name: 'SMS', amount: 1000 },
      { name: 'Unified Endpoint', amount: 0 },
    ],
    sims: Array.from({ length: 8 }, (_, i) => ({ simId: `8981100000000000${i}`, amount: 1000 * (i + 1) })),
  })
  const outcome = await linkOperator(deps, {
    user: 'U0ADMIN',
    admin: true,
    operatorId: OP,
    coverage: 'jp',
    key: { authKeyId: 'keyId-abc', authKey: 'secret-xyz' },
    alertChannel: 'C0ALERTS',
  })
  if (outcome.kind !== 'linked') throw new Error(outcome.kind)
}

const spendAlerts = (deps: MemoryDeps) => deps.alerts.all().filter((a): a is SpendAlert => a.kind === 'spend')

function moveTo(deps: MemoryDeps, soFar: number, through = 25, extra: Record<number, number> = {}) {
  const billing = deps.soracom.billing.get(`${OP}/jp`)
  if (!billing) throw new Error('not linked')
  billing.latest = running(soFar)
  billing.days = [...days('2026-10', 31, () => 1000), ...days('2026-11', through, (d) => extra[d] ?? 1000)]
}

describe('setBudget / removeBudget', () => {
  it('sets the budget in the bill’s currency, for admins only', async () => {
    const deps = memoryDeps()
    await linked(deps)
    const refused = await setBudget(deps, { user: 'U0BOB', admin: false, operatorId: OP, amount: 50_000 })
    expect(refused.kind).toBe('refused')
    const set = await setBudget(deps, { user: 'U0ADMIN', admin: true, operatorId: OP, amount: 50_000 })
    expect(set).toMatchObject({ kind: 'set', budget: { amount: 50_000, currency: 'JPY' }, quiet: [] })
    expect(deps.links.get(OP, 'jp')?.budget).toMatchObject({ amount: 50_000, setBy: 'U0ADMIN' })
  })

  it('a month already over budget when it was set stays quiet, and the reply says so instead', async () => {
    const deps = memoryDeps()
    await linked(deps, 25_000)
    const set = await setBudget(deps, { user: 'U0ADMIN', admin: true, operatorId: OP, amount: 20_000 })
    expect(set).toMatchObject({ kind: 'set', quiet: ['budget_80', 'budget_100', 'forecast_100'] })
    await checkLinkedOperators(deps)
    expect(spendAlerts(deps)).toEqual([])
  })

  it('removing it stops the budget alerts; removing none says so', async () => {
    const deps = memoryDeps()
    await linked(deps)
    await setBudget(deps, { user: 'U0ADMIN', admin: true, operatorId: OP, amount: 50_000 })
    expect(await removeBudget(deps, { user: 'U0ADMIN', admin: true, operatorId: OP })).toMatchObject({
      had: true,
    })
    expect(deps.links.get(OP, 'jp')?.budget).toBeUndefined()
    expect(await removeBudget(deps, { user: 'U0ADMIN', admin: true, operatorId: OP })).toMatchObject({
      had: false,
    })
    expect((await removeBudget(deps, { user: 'U0BOB', admin: false, operatorId: OP })).kind).toBe('refused')
  })

  it('an operator not linked is said so', async () => {
    const deps = memoryDeps()
    await linked(deps)
    const outcome = await setBudget(deps, {
      user: 'U0ADMIN',
      admin: true,
      operatorId: 'OP0000000001',
      amount: 1,
    })
    expect(outcome).toEqual({ kind: 'not_linked', operatorId: 'OP0000000001' })
  })
})

describe('the spend alerts of the checks', () => {
  it('80 % and 100 % each give one alert with the figures, the drivers and the chart in its thread', async () => {
    const deps = memoryDeps()
    await linked(deps, 20_000)
    await setBudget(deps, { user: 'U0ADMIN', admin: true, operatorId: OP, amount: 40_000 })

    moveTo(deps, 33_000) // 82 %, forecast 38,000: under budget
    await checkLinkedOperators(deps)
    await checkLinkedOperators(deps)
    expect(spendAlerts(deps).map((a) => a.spend)).toEqual(['budget_80'])
    const [early] = spendAlerts(deps)
    expect(early).toMatchObject({
      month: '2026-11',
      budget: 40_000,
      forecast: { soFar: 33_000, fixed: 8000, dailyRate: 1000, remainingDays: 5, total: 38_000 },
      services: [
        { name: 'データ通信料', amount: 15_000 },
        { name: 'plan-D 基本料金', amount: 9000 },
        { name: 'SMS', amount: 1000 },
      ],
    })
    expect(early?.sims.map((s) => s.amount)).toEqual([8000, 7000, 6000, 5000, 4000])
    expect(deps.notifier.uploads).toHaveLength(1)
    expect(deps.notifier.uploads[0]?.to).toEqual({ channel: 'C0ALERTS', threadTs: early?.message?.ts })
    expect(deps.charts.drawn[0]?.running?.budget).toBe(40_000)

    moveTo(deps, 41_000, 26)
    await checkLinkedOperators(deps)
    await checkLinkedOperators(deps)
    expect(spendAlerts(deps).map((a) => a.spend)).toEqual(['budget_80', 'budget_100'])
    expect(deps.notifier.posts.filter((p) => p.origin.channel === 'C0ALERTS')).toHaveLength(2)
  })

  it('the forecast passing the budget is told once, with the day it will be reached at this pace', async () => {
    const deps = memoryDeps()
    await linked(deps, 10_000)
    const billing = deps.soracom.billing.get(`${OP}/jp`)
    if (!billing) throw new Error('not linked')
    billing.latest = running(17_500) // 25 days at 700: 63 %, 21,000 by the end
    billing.days = [...days('2026-10', 31, () => 700), ...days('2026-11', 25, () => 700)]
    await setBudget(deps, { user: 'U0ADMIN', admin: true, operatorId: OP, amount: 28_000 })
    await checkLinkedOperators(deps)
    expect(spendAlerts(deps)).toEqual([])
    // The last week runs at 1,300 a day: 21,700 so far (78 %), 21,700 + 5 x 1,300 = 28,200 by the end.
    billing.latest = running(21_700)
    billing.days = [...days('2026-10', 31, () => 700), ...days('2026-11', 25, (d) => (d > 18 ? 1300 : 700))]
    await checkLinkedOperators(deps)
    await checkLinkedOperators(deps)
    const [forecast] = spendAlerts(deps)
    expect(spendAlerts(deps).map((a) => a.spend)).toEqual(['forecast_100'])
    expect(forecast?.forecast.total).toBe(28_200)
    expect(forecast?.reachedOn).toBe('2026-11-30')
  })

  it('a spike is one alert (with or without a budget), naming the day, its amount and the usual', async () => {
    const deps = memoryDeps()
    await linked(deps)
    moveTo(deps, 30_000, 25, { 25: 6000 })
    await checkLinkedOperators(deps)
    await checkLinkedOperators(deps)
    expect(spendAlerts(deps).map((a) => a.spend)).toEqual(['spike'])
    expect(spendAlerts(deps)[0]?.spike).toEqual({ date: '2026-11-25', amount: 6000, usual: 1000 })
  })

  it.each(['drawn', 'sent'] as const)(
    'a chart that cannot be %s never keeps the alert from going out',
    async (step) => {
      const deps = memoryDeps()
      await linked(deps)
      if (step === 'drawn') deps.charts.fail = true
      else deps.notifier.refuseUploads = 'missing_scope'
      moveTo(deps, 30_000, 25, { 25: 6000 })
      await checkLinkedOperators(deps)
      expect(spendAlerts(deps)[0]?.message).toBeDefined()
      expect(deps.notifier.uploads).toEqual([])
      expect(deps.logger.lines.some((l) => l.message === 'chart not sent')).toBe(true)
    },
  )

  it('a budget in another currency than the bill’s is not applied (no budget alerts, the spike still)', async () => {
    const deps = memoryDeps()
    await linked(deps, 10_000)
    await setBudget(deps, { user: 'U0ADMIN', admin: true, operatorId: OP, amount: 100_000 }) // not quiet
    const link = deps.links.get(OP, 'jp')
    if (!link?.budget) throw new Error('no budget')
    await deps.links.save({ ...link, budget: { ...link.budget, amount: 20_000, currency: 'USD' } })
    moveTo(deps, 30_000, 25, { 25: 6000 }) // 150 % of the amount, were it in yen
    await checkLinkedOperators(deps)
    expect(spendAlerts(deps).map((a) => a.spend)).toEqual(['spike'])
    expect(spendAlerts(deps)[0]?.budget).toBeUndefined()
  })

  it('a spend read refused (a SAM user without the new permissions) leaves the other checks standing', async () => {
    const deps = memoryDeps()
    await linked(deps)
    const api = deps.soracom.api.bind(deps.soracom)
    deps.soracom.api = (link) => ({
      ...api(link),
      daily: async () => {
        throw Object.assign(new Error('soracom_forbidden'), { code: 'soracom_forbidden' })
      },
    })
    const report = await checkLinkedOperators(deps)
    expect(report).toMatchObject({ checked: 1, failed: 0 })
    expect(deps.logger.lines.some((l) => l.message === 'spend watch failed; next run retries')).toBe(true)
  })

  it('without a running month there is nothing to watch', async () => {
    const deps = memoryDeps()
    await linked(deps)
    const link = deps.links.get(OP, 'jp')
    if (!link) throw new Error('not linked')
    expect(await watchSpend(deps, link, undefined, [])).toBe(0)
  })
})

describe('App Home', () => {
  it('shows the budget beside the latest bill, with this month’s share of it', async () => {
    const deps = memoryDeps()
    await linked(deps, 25_000)
    await setBudget(deps, { user: 'U0ADMIN', admin: true, operatorId: OP, amount: 50_000 })
    await checkLinkedOperators(deps) // keeps this month so far on the link
    await refreshHome(deps, 'U0ALICE')
    const home = deps.notifier.homes.at(-1)?.home
    expect(home?.bills?.[0]?.budget).toMatchObject({ amount: 50_000, currency: 'JPY' })
    const shown = JSON.stringify(homeView(home as HomeModel).blocks)
    expect(shown).toContain('予算: 50,000 円（今月 50 %）')
  })
})

describe('setDigest / sendDigests', () => {
  it('a channel opts in (admins only), gets one digest on the week’s first business day, with the chart', async () => {
    const deps = memoryDeps({ now: '2026-11-30T00:30:00Z' }) // Monday 09:30 in Tokyo
    await linked(deps, 25_000)
    await setBudget(deps, { user: 'U0ADMIN', admin: true, operatorId: OP, amount: 50_000 })
    const refused = await setDigest(deps, {
      user: 'U0BOB',
      admin: false,
      channel: 'C0BILLING',
      cadence: 'weekly',
    })
    expect(refused.kind).toBe('refused')
    expect(
      await setDigest(deps, { user: 'U0ADMIN', admin: true, channel: 'C0BILLING', cadence: 'weekly' }),
    ).toEqual({ kind: 'set' })

    expect(await sendDigests(deps)).toBe(1)
    expect(await sendDigests(deps)).toBe(0)
    const digest = deps.alerts.all().find((a) => a.kind === 'digest')
    expect(digest).toMatchObject({
      id: 'digest:C0BILLING:2026-11-30',
      period: '2026-11-30',
      links: [{ operatorId: OP, soFar: 25_000, budget: 50_000, previous: 31_000 }],
    })
    expect(deps.notifier.posts.filter((p) => p.origin.channel === 'C0BILLING')).toHaveLength(1)
    expect(deps.notifier.uploads.map((u) => u.to)).toEqual([
      { channel: 'C0BILLING', threadTs: digest?.message?.ts },
    ])

    deps.clock.set('2026-12-01T00:30:00Z') // Tuesday: not the week's first business day
    expect(await sendDigests(deps)).toBe(0)
    expect(
      await setDigest(deps, { user: 'U0ADMIN', admin: true, channel: 'C0BILLING', cadence: 'off' }),
    ).toEqual({
      kind: 'stopped',
    })
    expect(deps.settings.get().digests).toEqual([])
    expect(
      await setDigest(deps, { user: 'U0ADMIN', admin: true, channel: 'C0BILLING', cadence: 'off' }),
    ).toEqual({
      kind: 'none',
    })
  })

  it('two channels due in one run: SORACOM is read once for both digests', async () => {
    const deps = memoryDeps({ now: '2026-12-01T01:00:00Z' })
    await linked(deps)
    await setDigest(deps, { user: 'U0ADMIN', admin: true, channel: 'C0BILLING', cadence: 'monthly' })
    await setDigest(deps, { user: 'U0ADMIN', admin: true, channel: 'C0DESK', cadence: 'monthly' })
    deps.soracom.calls.length = 0
    expect(await sendDigests(deps)).toBe(2)
    expect(deps.soracom.calls.filter((c) => c.startsWith('latest '))).toHaveLength(1)
  })

  it('runs with the checks; an operator SORACOM cannot answer for is left out, the digest still goes', async () => {
    const deps = memoryDeps({ now: '2026-12-01T01:00:00Z' }) // 1 Dec, 10:00 in Tokyo
    await linked(deps)
    await setDigest(deps, { user: 'U0ADMIN', admin: true, channel: 'C0BILLING', cadence: 'monthly' })
    const billing = deps.soracom.billing.get(`${OP}/jp`)
    if (billing) billing.fail = 'soracom_unreachable'
    await checkLinkedOperators(deps)
    const digest = deps.alerts.all().find((a) => a.kind === 'digest')
    expect(digest).toMatchObject({ period: '2026-12', links: [] })
    expect(digest?.message).toBeDefined()
  })
})

describe('the alerts’ CSV button', () => {
  it('exports the running month’s preliminary CSV from its own path, a past month from the month’s', async () => {
    const deps = memoryDeps() // 26 Nov 2026
    await linked(deps)
    const running = await exportBillFile(deps, {
      operatorId: OP,
      coverage: 'jp',
      month: '2026-11' as YearMonth,
      file: 'csv',
    })
    const past = await exportBillFile(deps, {
      operatorId: OP,
      coverage: 'jp',
      month: '2026-10' as YearMonth,
      file: 'csv',
    })
    expect(running).toMatchObject({ kind: 'url', url: 'https://soracom.example/csv/latest' })
    expect(past).toMatchObject({ kind: 'url', url: 'https://soracom.example/csv/2026-10' })
  })
})
