import type { AccountType } from '../domain/account.js'
import { createChecklist } from '../domain/checklist.js'
import { CHECKLIST_DEFINITIONS } from '../domain/checklist-definitions.js'
import type { Coverage } from '../domain/coverage.js'
import type { OperatorId } from '../domain/operator-id.js'
import { storeChecklist } from './deliver-record.js'
import type { ChecklistIntakePorts } from './deps.js'
import { invalid, type SubmissionOutcome } from './outcomes.js'
import type { Origin } from './ports.js'

export interface PaymentErrorRequest {
  operatorId: OperatorId
  coverage: Coverage
  paymentMethod: 'card' | 'invoice'
  accountType: AccountType
}

/**
 * 支払いエラーの対応 (§3.8.1) started by the user (SORACOM's mail, NP's call): the recovery steps
 * for how they pay as a checklist, ticked in Slack like the deletion checklist. With a linked
 * operator the checks start the same checklist by themselves and close it once paid.
 */
export async function startPaymentError(
  deps: ChecklistIntakePorts,
  input: { request: PaymentErrorRequest; origin: Origin; viewId: string },
): Promise<SubmissionOutcome> {
  const { request, origin } = input
  if (request.accountType === 'individual' && request.paymentMethod === 'invoice') {
    return invalid({ payment_method: { code: 'individual_pays_by_card', context: 'payment_error' } })
  }
  const kind =
    request.paymentMethod === 'invoice'
      ? 'payment_error_invoice'
      : request.accountType === 'individual'
        ? 'payment_error_card_individual'
        : 'payment_error_card'
  const checklist = createChecklist(
    {
      kind,
      operatorIds: [request.operatorId],
      coverage: request.coverage,
      cause: { kind: 'reported' },
      requester: origin.user,
      channel: origin.channel,
    },
    CHECKLIST_DEFINITIONS[kind].steps,
    { id: deps.newId(), now: deps.clock.now() },
  )
  return storeChecklist(deps, checklist, input.viewId)
}
