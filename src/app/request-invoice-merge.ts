import { createChecklist } from '../domain/checklist.js'
import { CHECKLIST_DEFINITIONS } from '../domain/checklist-definitions.js'
import { evaluateInvoiceMerge, type InvoiceMergeRequest } from '../domain/invoice-merge.js'
import { createTicket } from '../domain/ticket.js'
import { storeChecklist, storeTicket } from './deliver-record.js'
import type { ChecklistIntakePorts, TicketIntakePorts } from './deps.js'
import { invalid, type SubmissionOutcome } from './outcomes.js'
import type { Origin } from './ports.js'

/** Flow 2 (§3.4.3): a 請求統合 ticket, or the NP MyPage steps as a checklist. */
export async function requestInvoiceMerge(
  deps: TicketIntakePorts & ChecklistIntakePorts,
  input: { request: InvoiceMergeRequest; origin: Origin; viewId: string },
): Promise<SubmissionOutcome> {
  const { origin } = input
  const outcome = evaluateInvoiceMerge(input.request)
  const now = deps.clock.now()
  switch (outcome.kind) {
    case 'invalid':
      return invalid({ target_operator_id: outcome.problem })
    case 'ticket': {
      const { model } = outcome
      const ticket = createTicket(
        {
          kind: 'invoice_merge',
          destination: 'soracom',
          operatorId: model.operatorId,
          request: { sources: model.sources, target: model.target },
          requester: origin.user,
          channel: origin.channel,
        },
        deps.renderer.ticket('invoice-merge', model),
        { id: deps.newId(), now },
      )
      return storeTicket(deps, ticket, input.viewId)
    }
    case 'self_service': {
      const { model } = outcome
      const checklist = createChecklist(
        {
          kind: 'bank_account_merge',
          operatorIds: model.operatorIds,
          representative: model.representative,
          requester: origin.user,
          channel: origin.channel,
        },
        CHECKLIST_DEFINITIONS.bank_account_merge.steps,
        { id: deps.newId(), now },
      )
      return storeChecklist(deps, checklist, input.viewId)
    }
  }
}
