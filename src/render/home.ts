import type { HomeView, KnownBlock } from '@slack/types'
import { GUIDE_FLOWS } from '../domain/guide.js'
import { HOME_LIMITS, type HomeModel } from '../domain/home-view.js'
import type { Ticket } from '../domain/ticket.js'
import { isClosed } from '../domain/ticket-progress.js'
import { GUIDE_SHOW_ACTION } from './answer.js'
import { billLine } from './bill.js'
import { coverageLabel, formatAmount } from './labels.js'
import { button, ticketStatusLabel } from './messages.js'
import { escapeMrkdwn } from './mrkdwn.js'
import { listSections } from './sections.js'
import { formatJstDateTime } from './time.js'

export const HOME_START_ACTION = new RegExp(`^home_start_(${GUIDE_FLOWS.join('|')})$`)
export const HOME_FLOWS = [
  ['invoice_reissue', '請求書の再発行'],
  ['invoice_merge', '請求書をまとめる'],
  ['direct_debit', '口座振替にする'],
  ['account_deletion', 'アカウント退会'],
  ['payment_error', '支払いエラーの対応'],
] as const

/** The guide's other chores on App Home: a modal for requests, the answer (to the DM) for the rest. */
const HOME_GUIDED: ReadonlyArray<{ text: string } & ({ flow: string } | { section: string })> = [
  { text: 'ログインできない', flow: 'login_recovery' },
  { text: '入金口座を先に知りたい', flow: 'bank_account_inquiry' },
  { text: '社名が変わった', flow: 'company_name_change' },
  { text: '請求書払いの申請エラー', flow: 'invoice_application_check' },
  { text: '領収書・請求明細書', section: '5.4.2' },
  { text: '納品書', section: '5.4.1' },
  { text: '請求書に印鑑がほしい', section: '3.4.8' },
  { text: '請求書を郵送にする', section: '3.6' },
]

function guidedButtons(): KnownBlock[] {
  return [
    section('*ほかの手続き*（ガイドの答えから始められます。質問は `/billing ask` か、このアプリへの DM で）'),
    {
      type: 'actions',
      block_id: 'home_guided',
      elements: HOME_GUIDED.map((g, i) =>
        'flow' in g
          ? button({ actionId: `home_start_${g.flow}`, text: g.text, value: g.flow })
          : button({ actionId: `${GUIDE_SHOW_ACTION}:home${i}`, text: g.text, value: g.section }),
      ),
    },
  ]
}

const RECENT_CLOSED = HOME_LIMITS.recentClosed
const OPEN_LIMIT = HOME_LIMITS.open
const REMINDER_LIMIT = 10

function ticketLine(t: Ticket): string {
  const reference = t.reference ? ` ・ 受付番号 ${escapeMrkdwn(t.reference)}` : ''
  return `• \`${t.id}\` ${escapeMrkdwn(t.subject)}（${t.operatorId}）・ ${formatJstDateTime(t.updatedAt)}${reference}`
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } }
}

/** The smallest App Home, for when Slack refused the full one: the flows and where the lists are. */
function compactHomeView(args: HomeModel): HomeView {
  const shown = args.tickets.filter((t) => !isClosed(t)).length
  const open = args.openTotals ? args.openTotals.rendered + args.openTotals.sent : shown
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: '請求サポート' } },
      startButtons(),
      section(
        `対応中の依頼 ${open} 件、予定中のリマインダー ${args.reminders.length} 件。一覧は \`/billing tickets\` と \`/billing reminders\` で確認できます（ここには表示しきれませんでした）。`,
      ),
    ],
  }
}

function startButtons(): KnownBlock {
  return {
    type: 'actions',
    block_id: 'home_start',
    elements: HOME_FLOWS.map(([flow, label]) =>
      button({ actionId: `home_start_${flow}`, text: label, value: flow }),
    ),
  }
}

/**
 * The user's App Home: buttons to start each flow, their open tickets by status, recently
 * closed ones, and their pending reminders. Only the user's own records are passed in.
 */
export function homeView(args: HomeModel): HomeView {
  if (args.compact) return compactHomeView(args)
  const open = args.tickets.filter((t) => !isClosed(t))
  const closed = args.tickets
    .filter(isClosed)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, RECENT_CLOSED)
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: '請求サポート' } },
    section('SORACOM の請求まわりの手続きを、ガイドどおりの書式で一度で。'),
    startButtons(),
    ...guidedButtons(),
    { type: 'divider' },
  ]
  blocks.push(section('*対応中の依頼*'))
  if (open.length === 0) blocks.push(section('対応中の依頼はありません。'))
  const more = (hidden: number) => `ほか ${hidden} 件 ・ \`/billing tickets\` で一覧`
  for (const status of ['rendered', 'sent'] as const) {
    const group = open.filter((t) => t.status === status)
    if (group.length > 0)
      blocks.push(
        ...listSections(group.slice(0, OPEN_LIMIT).map(ticketLine), {
          heading: `*${ticketStatusLabel(status)}*`,
          maxLines: OPEN_LIMIT,
          total: args.openTotals?.[status] ?? group.length,
          more,
        }),
      )
  }
  if (closed.length > 0) {
    blocks.push(
      ...listSections(
        closed.map((t) => `${ticketLine(t)} ・ ${ticketStatusLabel(t.status)}`),
        { heading: '*最近完了した依頼*' },
      ),
    )
  }
  blocks.push({ type: 'divider' }, section('*予定中のリマインダー*'))
  if (args.reminders.length === 0) blocks.push(section('予定中のリマインダーはありません。'))
  else
    blocks.push(
      ...listSections(
        args.reminders
          .slice(0, REMINDER_LIMIT)
          .map((r) => `• *${formatJstDateTime(r.dueAt)}* ${(r.text.split('\n')[0] ?? '').slice(0, 150)}`),
        {
          maxLines: REMINDER_LIMIT,
          total: args.reminders.length,
          more: (hidden) => `ほか ${hidden} 件 ・ \`/billing reminders\` で一覧と取り消し`,
        },
      ),
    )
  if (args.bills?.length) blocks.push({ type: 'divider' }, ...billSections(args.bills))
  return { type: 'home', blocks }
}

const BILLS_SHOWN = 20

/** Linked operators' latest bills as last read from SORACOM (`/billing bill` for details and the CSV). */
function billSections(bills: NonNullable<HomeModel['bills']>): KnownBlock[] {
  const lines = bills.map((b) => {
    const latest = b.latestBill ? billLine(b.latestBill) : '確定した請求はまだ読めていません'
    const running = b.runningBill
      ? ` ・ 今月: ${formatAmount(b.runningBill.amount, b.runningBill.currency)}（集計中、${formatJstDateTime(b.runningBill.checkedAt)} 時点）`
      : ''
    const budget = b.budget
      ? ` ・ 予算: ${formatAmount(b.budget.amount, b.budget.currency)}${
          b.runningBill && b.runningBill.currency === b.budget.currency
            ? `（今月 ${Math.round((b.runningBill.amount / b.budget.amount) * 100)} %）`
            : ''
        }`
      : ''
    const broken = b.broken
      ? b.broken === 'unreachable'
        ? ' ・ :warning: SORACOM API に接続できない状態が続いています'
        : ' ・ :warning: 連携が使えなくなっています（管理者が `/billing link` で連携し直してください）'
      : ''
    return `• \`${b.operatorId}\`（${coverageLabel(b.coverage)}）${latest}${running}${budget}${broken}`
  })
  return listSections(lines, {
    heading: '*連携中のオペレーターの請求*（`/billing bill` で詳細と課金詳細 CSV）',
    maxLines: BILLS_SHOWN,
    total: lines.length,
    more: (hidden) => `ほか ${hidden} 件 ・ \`/billing bill\` で選べます`,
  })
}
