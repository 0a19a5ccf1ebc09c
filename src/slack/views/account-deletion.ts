import { z } from 'zod'
import {
  ACCOUNT_DELETION_STEPS,
  type AccountDeletionRequest,
  planAccountDeletion,
} from '../../domain/account-deletion.js'
import { createChecklist } from '../../domain/checklist.js'
import { tokyoDate } from '../../domain/plain-date.js'
import { ACCOUNT_DELETION_CALLBACK_ID } from '../../render/modals/account-deletion.js'
import { saveAckAndPostChecklist } from '../deliver.js'
import type { ListenerDeps } from '../deps.js'
import { operatorIdField, plainDateField } from '../fields.js'
import { decodeOrigin } from '../private-metadata.js'
import type { Router } from '../router.js'
import { parseViewFields } from '../view-state.js'

export const accountDeletionForm = z
  .object({
    operator_id: operatorIdField,
    cancel_date: plainDateField('解約予定日を選んでください（YYYY-MM-DD）。'),
  })
  .transform((f): AccountDeletionRequest => ({ operatorId: f.operator_id, cancelDate: f.cancel_date }))

/** view_submission of the deletion modal: posts the ordered checklist with the final invoice's dates (§6.4). */
export function registerAccountDeletionSubmission(app: Router, deps: ListenerDeps): void {
  app.view(ACCOUNT_DELETION_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const form = parseViewFields(accountDeletionForm, view.state.values)
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors })
      return
    }
    const now = deps.clock.now()
    const outcome = planAccountDeletion(form.value, tokyoDate(now))
    if (outcome.kind === 'invalid') {
      await ack({ response_action: 'errors', errors: { cancel_date: outcome.message } })
      return
    }
    const { plan } = outcome
    const origin = decodeOrigin(view.private_metadata, body.user.id)
    const checklist = createChecklist(
      {
        kind: 'account_deletion',
        operatorIds: [plan.operatorId],
        cancelDate: plan.cancelDate,
        requester: origin.user,
        channel: origin.channel,
      },
      ACCOUNT_DELETION_STEPS,
      { id: deps.newId(), now },
    )
    await saveAckAndPostChecklist(deps, client, ack, origin, checklist, view.id)
  })
}
