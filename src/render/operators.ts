import { accountTypeLabel } from '../domain/account.js'
import { coverageLabel } from '../domain/coverage.js'
import type { RegisteredOperator } from '../domain/operator-registry.js'
import { button, type SlackMessage } from './messages.js'
import { escapeMrkdwn } from './mrkdwn.js'

export const OPERATOR_ADD_ACTION = 'operator_add'

/** About 100 characters a line: 25 lines keep the section under Slack's 3,000 characters. */
const SHOWN = 25

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
  const text =
    operators.length === 0
      ? 'まだオペレーターが登録されていません。登録すると各フローで入力が補完され、登録外の ID には警告が出ます。'
      : `*登録済みのオペレーター（${operators.length} 件）*\n${lines.slice(0, SHOWN).join('\n')}${operators.length > SHOWN ? `\nほか ${operators.length - SHOWN} 件` : ''}`
  return {
    text: `登録済みのオペレーター ${operators.length} 件`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
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
