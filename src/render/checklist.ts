import { ACCOUNT_DELETION_WARNINGS } from '../domain/account-deletion.js'
import { billingDatesFor } from '../domain/billing-calendar.js'
import type { Checklist } from '../domain/checklist.js'
import { CHECKLIST_DEFINITIONS } from '../domain/checklist-definitions.js'
import { type PlainDate, yearMonthOf } from '../domain/plain-date.js'
import { checklistMessage, type SlackMessage } from './messages.js'
import type { Renderer } from './templates.js'

/** Renders a stored checklist as it stands: when it is first posted and after every tick. */
export function renderChecklist(renderer: Renderer, checklist: Checklist): SlackMessage {
  const definition = CHECKLIST_DEFINITIONS[checklist.kind]
  const view = { checklist, ...definition }
  if (checklist.kind === 'account_deletion') {
    const cancelDate = (checklist.cancelDate ?? checklist.createdAt.slice(0, 10)) as PlainDate
    const operatorId = checklist.operatorIds[0] ?? ''
    const header = renderer.guidance('account-deletion-checklist', {
      operatorId,
      cancelDate,
      finalInvoice: billingDatesFor(yearMonthOf(cancelDate)),
      warnings: ACCOUNT_DELETION_WARNINGS,
    })
    return checklistMessage(view, header, `アカウント退会のチェックリスト（${operatorId}）`)
  }
  const header = renderer.guidance('invoice-merge-self-service', {
    operatorIds: checklist.operatorIds,
    representative: checklist.representative,
  })
  return checklistMessage(view, header, '入金口座をまとめる手順（NP 掛け払いマイページ）')
}
