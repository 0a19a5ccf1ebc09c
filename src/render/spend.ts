import type { BillCurrency } from '../domain/bill.js'
import type { DigestRecord, SpendAlert } from '../domain/billing-alert.js'
import type { Coverage } from '../domain/coverage.js'
import { DIGEST_LINKS_SHOWN } from '../domain/digest.js'
import type { BudgetOutcome } from '../domain/outcomes.js'
import type { YearMonth } from '../domain/plain-date.js'
import type { Budget, Forecast, ServiceCost, SimCost, SpendAlertKind } from '../domain/spend.js'
import { BILL_CSV_ACTION, type BillButtonValue } from './bill.js'
import { coverageLabel, formatAmount, usageMonthLabel } from './labels.js'
import { button, type SlackMessage } from './messages.js'
import { refusalText } from './refusals.js'
import { formatJpDate } from './time.js'

/** A forecast as computed or as stored with an alert. */
type ForecastFigures = Omit<Forecast, 'through'> & { through?: string | undefined }

/** SORACOM's own caveats on the running month's figures (ご利用料金アラート). */
export const PRELIMINARY_CAVEAT =
  '金額は SORACOM の速報値（集計中）です。反映まで1日ほど遅れることがあり、初期費用は含まれません。確定額は翌月の第2営業日ごろに決まります。'

const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)} %`

/** How the forecast was made, in one sentence (every alert and the digest say it). */
export function forecastMethodText(forecast: ForecastFigures, currency: BillCurrency): string {
  const money = (v: number) => formatAmount(v, currency)
  const through = forecast.through ? `${formatJpDate(forecast.through)}までの` : ''
  const fixed =
    forecast.fixed > 0 ? `（月額で請求される ${money(forecast.fixed)} は一度だけ数え、延長していません）` : ''
  return `予測の方法: ${through}累計 ${money(forecast.soFar)} ＋ 直近${forecast.rateDays}日の1日平均 ${money(forecast.dailyRate)} × 残り${forecast.remainingDays}日${fixed}。飛び抜けて高い日はふだんの日として数えています。`
}

function headline(alert: SpendAlert): string {
  const month = usageMonthLabel(alert.month as YearMonth)
  const money = (v: number) => formatAmount(v, alert.currency)
  const budget = alert.budget
  switch (alert.spend) {
    case 'budget_80':
      return `${month}のご利用料金が予算の ${percent(alert.forecast.soFar, budget ?? 1)} に達しました（予算 ${money(budget ?? 0)}）`
    case 'budget_100':
      return `${month}のご利用料金が予算 ${money(budget ?? 0)} を超えました`
    case 'forecast_100':
      return `${month}のご利用料金は月末に予算 ${money(budget ?? 0)} を超える見込みです${alert.reachedOn ? `（このペースでは ${formatJpDate(alert.reachedOn)} ごろに達します）` : ''}`
    case 'spike': {
      const spike = alert.spike
      if (!spike) return `${month}のご利用料金に急増がありました`
      const times =
        spike.usual > 0 ? `ふだんの ${(spike.amount / spike.usual).toFixed(1)} 倍` : 'ふだんより大幅に多い'
      return `${formatJpDate(spike.date)}のご利用料金が${times}でした（${money(spike.amount)}、ふだんは1日 ${money(spike.usual)}）`
    }
  }
}

const ICONS: Record<SpendAlertKind, string> = {
  budget_80: ':large_yellow_circle:',
  budget_100: ':red_circle:',
  forecast_100: ':chart_with_upwards_trend:',
  spike: ':zap:',
}

/** The lines every spend message has: so far, budget, forecast, the biggest services and SIMs. */
export function spendFigures(input: {
  currency: BillCurrency
  forecast: ForecastFigures
  budget?: number | undefined
  services: readonly Pick<ServiceCost, 'name' | 'amount'>[]
  sims: readonly SimCost[]
}): string {
  const money = (v: number) => formatAmount(v, input.currency)
  const { forecast, budget } = input
  const lines = [
    `*今月の累計*: ${money(forecast.soFar)}${forecast.through ? `（${formatJpDate(forecast.through)}まで）` : ''}`,
    `*予算*: ${budget !== undefined ? `${money(budget)}（${percent(forecast.soFar, budget)} 使用）` : '未設定（`/billing budget` で設定できます）'}`,
    `*月末の予測*: ${money(forecast.total)}${budget !== undefined ? `（予算の ${percent(forecast.total, budget)}）` : ''}`,
  ]
  if (input.services.length > 0)
    lines.push(`*主なサービス*: ${input.services.map((s) => `${s.name} ${money(s.amount)}`).join('、')}`)
  if (input.sims.length > 0)
    lines.push(`*料金の多い SIM*: ${input.sims.map((s) => `\`${s.simId}\` ${money(s.amount)}`).join('、')}`)
  return lines.join('\n')
}

/** A spend alert in the link's alert channel: what happened, the figures, the method, the caveats, the CSV. */
export function spendAlertMessage(alert: SpendAlert): SlackMessage {
  const title = headline(alert)
  const target = `${alert.operatorId}（${coverageLabel(alert.coverage)}）`
  const value = JSON.stringify({
    o: alert.operatorId,
    c: alert.coverage,
    m: alert.month,
  } satisfies BillButtonValue)
  return {
    text: `${title}（${alert.operatorId}）`,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `${ICONS[alert.spend]} *${title}*\n${target}` },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: spendFigures({
            currency: alert.currency,
            forecast: alert.forecast,
            budget: alert.budget,
            services: alert.services,
            sims: alert.sims,
          }),
        },
      },
      {
        type: 'actions',
        block_id: 'spend_actions',
        elements: [
          button({ actionId: BILL_CSV_ACTION, text: '課金詳細 CSV（速報値）', value, style: 'primary' }),
        ],
      },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: forecastMethodText(alert.forecast, alert.currency) },
          { type: 'mrkdwn', text: `${PRELIMINARY_CAVEAT} グラフはこのメッセージのスレッドにあります。` },
        ],
      },
    ],
  }
}

export const SPEND_TEXT = {
  budgetUsage:
    '使い方: `/billing budget` で一覧、`/billing budget OP0123456789 50000 [jp|g]` で月の予算を設定、`/billing budget OP0123456789 off [jp|g]` で削除します（金額は請求の通貨で）。',
  noBudgets: '予算はまだありません。`/billing budget OP0123456789 50000` で設定できます。',
  notLinked: (operatorId: string) =>
    `${operatorId} は連携されていません。先に \`/billing link\` で連携してください（予算は連携したオペレーターごとです）。`,
  removed: (target: string) =>
    `${target}の予算を削除しました。予算のアラートは送られなくなります（急増のお知らせは続きます）。`,
  noneToRemove: (target: string) => `${target}には予算が設定されていません。`,
  chartSent: '今月と直近12か月のグラフを DM に送りました。',
  chartFailed: 'グラフを作れなかったため、金額だけをお知らせしています。',
}

/** What was already true when the budget was set, said once instead of alerting. */
function alreadyText(quiet: readonly SpendAlertKind[], budget: string): string | undefined {
  if (quiet.includes('budget_100')) return `今月はすでに予算 ${budget} を超えています`
  const parts = [
    ...(quiet.includes('budget_80') ? ['今月はすでに予算の 80 % を超えています'] : []),
    ...(quiet.includes('forecast_100') ? ['今のペースでは今月は予算を超える見込みです'] : []),
  ]
  return parts.length > 0 ? parts.join('。') : undefined
}

/** The reply to setting a budget: the budget, this month so far, and what is already true (no alert for it this month). */
export function budgetSetText(input: {
  operatorId: string
  coverage: Coverage
  budget: Budget
  month?: YearMonth
  soFar?: number
  forecast?: number
  quiet: SpendAlertKind[]
  readFailed: boolean
}): string {
  const money = (v: number) => formatAmount(v, input.budget.currency)
  const target = `${input.operatorId}（${coverageLabel(input.coverage)}）`
  const lines = [
    `${target}の月の予算を ${money(input.budget.amount)} にしました。80 %・100 % に達したとき、月末の予測が予算を超えたとき、利用が急に増えた日に、連携のアラートチャンネルでお知らせします。`,
  ]
  if (input.soFar !== undefined && input.month) {
    lines.push(
      `${usageMonthLabel(input.month)}の累計は ${money(input.soFar)}（予算の ${percent(input.soFar, input.budget.amount)}）${input.forecast !== undefined ? `、月末の予測は ${money(input.forecast)}` : ''}です。`,
    )
  }
  const already = alreadyText(input.quiet, money(input.budget.amount))
  if (already && input.month)
    lines.push(
      `:information_source: ${already}。今月はこのことのアラートは送りません（来月から通常どおりお知らせします）。`,
    )
  if (input.readFailed) lines.push('SORACOM から今月の金額を読めませんでした。次の確認のときに判断します。')
  return lines.join('\n')
}

/** `/billing budget`: every link with its budget. */
export function budgetListText(
  links: ReadonlyArray<{
    operatorId: string
    coverage: Coverage
    budget?: Budget | undefined
    /** This month so far as last read (the checks keep it on the link). */
    runningBill?: { amount: number; currency: BillCurrency } | undefined
  }>,
): string {
  const withBudget = links.filter((l) => l.budget)
  if (withBudget.length === 0) return SPEND_TEXT.noBudgets
  return [
    '*月の予算*',
    ...withBudget.map((l) => {
      const budget = l.budget as Budget
      const running = l.runningBill?.currency === budget.currency ? l.runningBill : undefined
      const so = running
        ? `（今月の累計 ${formatAmount(running.amount, budget.currency)}、${percent(running.amount, budget.amount)}）`
        : ''
      return `• ${l.operatorId}（${coverageLabel(l.coverage)}）: ${formatAmount(budget.amount, budget.currency)}${so}`
    }),
    SPEND_TEXT.budgetUsage,
  ].join('\n')
}

/** What `/billing budget …` answers, by outcome. */
export function budgetOutcomeText(outcome: BudgetOutcome): string {
  switch (outcome.kind) {
    case 'refused':
      return refusalText(outcome.refusal)
    case 'not_linked':
      return SPEND_TEXT.notLinked(outcome.operatorId)
    case 'choose':
      return `${outcome.links.map((l) => `${l.operatorId}（${coverageLabel(l.coverage)}）`).join('、')}が連携されています。\`jp\` か \`g\` を付けてどちらか指定してください。`
    case 'removed': {
      const target = `${outcome.link.operatorId}（${coverageLabel(outcome.link.coverage)}）`
      return outcome.had ? SPEND_TEXT.removed(target) : SPEND_TEXT.noneToRemove(target)
    }
    case 'set':
      return budgetSetText({
        operatorId: outcome.link.operatorId,
        coverage: outcome.link.coverage,
        budget: outcome.budget,
        ...(outcome.running
          ? { month: outcome.running.month, soFar: outcome.running.soFar, forecast: outcome.running.forecast }
          : {}),
        quiet: outcome.quiet,
        readFailed: outcome.readFailed,
      })
  }
}

/** The change from last month, as `+12 %` / `−3 %`. */
const change = (now: number, before: number) => {
  const pct = Math.round(((now - before) / before) * 100)
  return `${pct >= 0 ? '+' : '−'}${Math.abs(pct)} %`
}

/** The spend digest of a channel: each linked operator's month so far, forecast against budget, change, drivers. */
export function digestMessage(digest: DigestRecord): SlackMessage {
  const title = digest.cadence === 'weekly' ? '今週の利用料金のまとめ' : '今月の利用料金のまとめ'
  const sections = digest.links.slice(0, DIGEST_LINKS_SHOWN).map((l) => {
    const money = (v: number) => formatAmount(v, l.currency)
    const lines = [
      `*${l.operatorId}（${coverageLabel(l.coverage)}）* ${usageMonthLabel(l.month as YearMonth)}`,
      `今月の累計 ${money(l.soFar)} ・ 月末の予測 ${money(l.forecast)}${
        l.budget !== undefined
          ? `（予算 ${money(l.budget)} の ${percent(l.forecast, l.budget)}）`
          : '（予算は未設定）'
      }`,
      l.previous !== undefined && l.previous > 0
        ? `前月 ${money(l.previous)} に対し予測は ${change(l.forecast, l.previous)}`
        : '前月の金額はまだありません',
      ...(l.services.length > 0
        ? [`主なサービス: ${l.services.map((s) => `${s.name} ${money(s.amount)}`).join('、')}`]
        : []),
    ]
    return { type: 'section' as const, text: { type: 'mrkdwn' as const, text: lines.join('\n') } }
  })
  return {
    text: title,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title } },
      ...(sections.length > 0
        ? sections
        : [
            {
              type: 'section' as const,
              text: {
                type: 'mrkdwn' as const,
                text: '連携中のオペレーターはありません（`/billing link`）。',
              },
            },
          ]),
      ...(digest.links.length > DIGEST_LINKS_SHOWN
        ? [
            {
              type: 'context' as const,
              elements: [
                {
                  type: 'mrkdwn' as const,
                  text: `ほか ${digest.links.length - DIGEST_LINKS_SHOWN} 件のオペレーターは \`/billing bill\` で確認できます。`,
                },
              ],
            },
          ]
        : []),
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `予測は累計に直近7日の1日平均 × 残りの日数を足したものです（月額の料金は延長しません）。${PRELIMINARY_CAVEAT} \`/billing digest off\` で止められます。`,
          },
        ],
      },
    ],
  }
}

export const DIGEST_TEXT = {
  usage:
    '使い方: このチャンネルで `/billing digest weekly`（毎週最初の営業日）・`monthly`（毎月最初の営業日）・`off`。',
  set: (cadence: 'weekly' | 'monthly') =>
    `このチャンネルに利用料金のまとめを${cadence === 'weekly' ? '毎週最初の営業日' : '毎月最初の営業日'}の 9 時以降に投稿します（累計・月末予測と予算・前月比・主なサービス・グラフ）。`,
  off: 'このチャンネルへの利用料金のまとめを止めました。',
  noneToStop: 'このチャンネルには利用料金のまとめは設定されていません。',
}
