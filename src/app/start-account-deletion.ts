import { type AccountDeletionRequest, planAccountDeletion } from '../domain/account-deletion.js'
import { createChecklist } from '../domain/checklist.js'
import { CHECKLIST_DEFINITIONS } from '../domain/checklist-definitions.js'
import { tokyoDate } from '../domain/plain-date.js'
import { storeChecklist } from './deliver-record.js'
import type { ChecklistIntakePorts } from './deps.js'
import { invalid, type SubmissionOutcome } from './outcomes.js'
import type { Origin } from './ports.js'

/** Flow 4 (§6.4): the ordered checklist with the final invoice's dates and reminders. */
export async function startAccountDeletion(
  deps: ChecklistIntakePorts,
  input: { request: AccountDeletionRequest; origin: Origin; viewId: string },
): Promise<SubmissionOutcome> {
  const now = deps.clock.now()
  const outcome = planAccountDeletion(input.request, tokyoDate(now))
  if (outcome.kind === 'invalid')
    return invalid({
      cancel_date: { code: 'cancel_date_out_of_range', earliest: outcome.earliest, latest: outcome.latest },
    })
  const { plan } = outcome
  const checklist = createChecklist(
    {
      kind: 'account_deletion',
      operatorIds: [plan.operatorId],
      cancelDate: plan.cancelDate,
      ...(plan.paymentMethod ? { deletionPaymentMethod: plan.paymentMethod } : {}),
      requester: input.origin.user,
      channel: input.origin.channel,
    },
    CHECKLIST_DEFINITIONS.account_deletion.steps,
    { id: deps.newId(), now },
  )
  return storeChecklist(deps, checklist, input.viewId)
}
