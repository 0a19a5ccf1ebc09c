import type { KnownBlock } from '@slack/types'
import type { GuideAnswer, GuideEntry, GuideFlow } from '../domain/guide.js'
import { maskQuestion, type QuestionReport } from '../domain/guide-feedback.js'
import { button, mrkdwnSections, type SlackMessage } from './messages.js'
import { escapeMrkdwn } from './mrkdwn.js'

/** The button under an answer that starts its chore: value = the flow. */
export const GUIDE_START_ACTION = 'guide_start'
/** A related section's button: shows that section's answer (value = its §). */
export const GUIDE_SHOW_ACTION = 'guide_show'
/** 「解決した」/「違う」 under an answer (value: `FeedbackValue`). */
export const GUIDE_SOLVED_ACTION = 'guide_feedback_solved'
export const GUIDE_WRONG_ACTION = 'guide_feedback_wrong'

/** What a feedback button carries: the § answered and the question (masked, cut to fit a button's 2,000 characters). */
export interface FeedbackValue {
  s: string
  q: string
}

export const FEEDBACK_TEXT = {
  solved: 'よかったです。ありがとうございました。',
  wrong:
    'ご指摘ありがとうございます。この質問は管理者が `/billing ask report` で確認し、ガイドの答えを増やすのに使います。急ぎのときは、言い方を変えて聞き直すか、ソラコムサポート窓口（ユーザーコンソール →「サポート」→「お問い合わせ」）へどうぞ。',
}

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
export function answerMessage(answer: GuideAnswer, asked?: { question: string }): SlackMessage {
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
  if (asked) {
    const value = JSON.stringify({
      s: best.id,
      q: maskQuestion(asked.question).slice(0, 300),
    } satisfies FeedbackValue)
    blocks.push({
      type: 'actions',
      block_id: 'guide_feedback',
      elements: [
        button({ actionId: GUIDE_SOLVED_ACTION, text: '解決した', value }),
        button({ actionId: GUIDE_WRONG_ACTION, text: '違う', value }),
      ],
    })
  }
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

const reportLines = (lines: QuestionReport['declined'], withSection: boolean) =>
  lines.length === 0
    ? 'なし'
    : lines
        .slice(0, 20)
        .map(
          (l) =>
            `• ${escapeMrkdwn(l.question.slice(0, 120))} — ${l.count} 回${withSection && l.sections.length > 0 ? `（答えた節: ${l.sections.map((s) => `§${s}`).join(', ')}）` : ''}`,
        )
        .join('\n') + (lines.length > 20 ? `\nほか ${lines.length - 20} 件` : '')

/** `/billing ask report`: the last 30 days' unanswered and disliked questions, most asked first. */
export function questionReportMessage(report: QuestionReport): SlackMessage {
  return {
    text: '答えられなかった質問・「違う」と言われた答え（直近30日）',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'ガイドの答えのふりかえり（直近30日）' } },
      ...mrkdwnSections(`*答えが見つからなかった質問*\n${reportLines(report.declined, false)}`),
      ...mrkdwnSections(`*「違う」と言われた答え*\n${reportLines(report.wrong, true)}`),
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'オペレーター ID・メールアドレス・長い数字は伏せて記録しています。ガイドの答えを増やす方法は docs/knowledge-base.md にあります。',
          },
        ],
      },
    ],
  }
}
