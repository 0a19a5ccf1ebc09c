import type { RegisteredOperator } from '../domain/operator-registry.js'
import { accountTypeLabel, coverageLabel } from './labels.js'
import { button, type SlackMessage } from './messages.js'
import { escapeMrkdwn } from './mrkdwn.js'
import { listSections } from './sections.js'

export const OPERATOR_ADD_ACTION = 'operator_add'

/** Shown in the list; the rest are counted. Sections are packed to fit Slack whatever the names. */
const SHOWN = 40

const PAYMENT_LABELS: Record<RegisteredOperator['paymentMethod'], string> = {
  card: 'クレジットカード',
  invoice: '請求書払い',
  direct_debit: '口座振替',
  convenience_store: 'コンビニ払込票',
}

/** `/billing operators`: the company's registered operators and a button to add one. */
export function operatorListMessage(operators: RegisteredOperator[]): SlackMessage {
  const lines = operators.map(
    (o) =>
      `• \`${o.operatorId}\`${o.name ? ` ${escapeMrkdwn(o.name)}` : ''} — ${coverageLabel(o.coverage)} ・ ${accountTypeLabel(o.accountType)} ・ ${PAYMENT_LABELS[o.paymentMethod]}`,
  )
  const list =
    operators.length === 0
      ? listSections([
          'まだオペレーターが登録されていません。登録すると各フローで入力が補完され、登録外の ID には警告が出ます。',
        ])
      : listSections(lines, {
          heading: `*登録済みのオペレーター（${operators.length} 件）*`,
          maxLines: SHOWN,
        })
  return {
    text: `登録済みのオペレーター ${operators.length} 件`,
    blocks: [
      ...list,
      {
        type: 'actions',
        elements: [
          button({
            actionId: OPERATOR_ADD_ACTION,
            text: 'オペレーターを登録',
            value: 'add',
            style: 'primary',
          }),
        ],
      },
    ],
  }
}

/** The confirmation after 「オペレーターを登録」's modal. */
export const operatorRegisteredText = (operatorId: string): string =>
  `オペレーター \`${operatorId}\` を登録しました。\`/billing operators\` で一覧を確認できます。`
