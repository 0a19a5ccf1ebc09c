import type { KnownBlock } from '@slack/types'
import type { GuideAnswer, GuideEntry, GuideFlow } from '../domain/guide.js'
import { button, mrkdwnSections, type SlackMessage } from './messages.js'
import { escapeMrkdwn } from './mrkdwn.js'

/** The button under an answer that starts its chore: value = the flow. */
export const GUIDE_START_ACTION = 'guide_start'
/** A related section's button: shows that section's answer (value = its §). */
export const GUIDE_SHOW_ACTION = 'guide_show'

const FLOW_LABELS: Record<GuideFlow, string> = {
  invoice_reissue: '再発行の確認を始める',
  invoice_merge: '請求書のおまとめを始める',
  direct_debit: '口座振替の依頼文を作る',
  account_deletion: '退会チェックリストを作る',
  payment_error: '支払いエラーの対応を始める',
  login_recovery: 'ログイン情報の開示を依頼する',
  bank_account_inquiry: '入金口座の問い合わせ文を作る',
  company_name_change: '社名変更の依頼文を作る',
  invoice_application_check: '申請エラーの原因を調べる',
}

const SOURCE = '出典: SORACOM 管理の手引き（2021年3月版）'

/**
 * `/billing ask` and DMs: the best section's answer with its § first, its chore's button, and up
 * to two related sections; or, without a good match, that the guide has no answer and what the
 * bot can do instead.
 */
export function answerMessage(answer: GuideAnswer): SlackMessage {
  if (answer.kind === 'no_answer') return noAnswerMessage(answer.question)
  const { best, related } = answer
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*§${best.id} ${escapeMrkdwn(best.title)}*` } },
    ...mrkdwnSections(best.answer.trim()),
  ]
  const buttons = [
    ...(best.flow
      ? [
          button({
            actionId: GUIDE_START_ACTION,
            text: FLOW_LABELS[best.flow],
            value: best.flow,
            style: 'primary',
          }),
        ]
      : []),
    ...related.map((r, i) =>
      button({ actionId: `${GUIDE_SHOW_ACTION}:${i}`, text: `関連 §${r.id}`.slice(0, 75), value: r.id }),
    ),
  ]
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: 'guide_actions', elements: buttons })
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: [
          related.length > 0
            ? `関連: ${related.map((r) => `§${r.id} ${escapeMrkdwn(r.title)}`).join(' / ')}`
            : '',
          SOURCE,
        ]
          .filter(Boolean)
          .join('\n'),
      },
    ],
  })
  return { text: `§${best.id} ${best.title}`, blocks }
}

/** One section's answer, as a related button or App Home shows it. */
export function sectionMessage(entry: GuideEntry): SlackMessage {
  return answerMessage({ kind: 'answer', best: entry, related: [] })
}

function noAnswerMessage(question: string): SlackMessage {
  const text =
    'ガイド（SORACOM 管理の手引き）には、この質問に合う答えが見つかりませんでした。言い方を変えて聞き直すか、SIM の設定など請求以外のことはソラコムサポート窓口（ユーザーコンソール →「サポート」→「お問い合わせ」）に問い合わせてください。'
  return {
    text: 'ガイドに答えが見つかりませんでした',
    blocks: [
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `質問: ${escapeMrkdwn(question.slice(0, 200))}` }],
      },
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*このボットでできること*: 請求書の再発行の確認、請求書のおまとめ、口座振替の依頼、退会チェックリスト、支払いエラーの対応、ログイン情報の開示依頼、入金口座・社名変更の問い合わせ（`/billing help` に一覧）',
        },
      },
      {
        type: 'actions',
        block_id: 'guide_actions',
        elements: (['invoice_reissue', 'payment_error', 'login_recovery'] as const).map((flow) =>
          button({ actionId: `${GUIDE_START_ACTION}:${flow}`, text: FLOW_LABELS[flow], value: flow }),
        ),
      },
    ],
  }
}
