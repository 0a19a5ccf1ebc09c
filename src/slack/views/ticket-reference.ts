import { changeTicket } from '../../app/change-ticket.js'
import type { AppDeps } from '../../app/deps.js'
import { FORM_ERRORS } from '../../render/form-errors.js'
import { changeNote } from '../../render/refusals.js'
import type { ViewListener } from './submission.js'

/** 「受付番号を記録」's modal: the reference is stored on the ticket (requester or admin only). */
export const ticketReferenceSubmission =
  (deps: AppDeps): ViewListener =>
  async ({ ack, body, view }) => {
    const raw = Object.values(view.state?.values?.reference ?? {})[0]?.value ?? ''
    if (raw.length > 100) {
      await ack({
        response_action: 'errors',
        errors: { reference: FORM_ERRORS.referenceTooLong },
      })
      return
    }
    await ack()
    const user = body.user.id
    const outcome = await changeTicket(deps, {
      ticketId: view.private_metadata,
      user,
      request: { kind: 'reference', raw },
    })
    // The modal is closed by now: a refusal or notice goes to the user's DM.
    const text = changeNote(outcome)
    if (text) await deps.notifier.tell({ channel: user, user }, text)
  }
