import { z } from 'zod'
import { createChecklist } from '../../domain/checklist.js'
import {
  BANK_ACCOUNT_MERGE_STEPS,
  evaluateInvoiceMerge,
  type InvoiceMergeRequest,
  MERGE_MODES,
} from '../../domain/invoice-merge.js'
import { parseOperatorId } from '../../domain/operator-id.js'
import { createTicket } from '../../domain/ticket.js'
import { INVOICE_MERGE_CALLBACK_ID } from '../../render/modals/invoice-merge.js'
import { saveAckAndPostChecklist, saveAckAndPostTicket } from '../deliver.js'
import type { ListenerDeps } from '../deps.js'
import { operatorIdListField } from '../fields.js'
import { decodeOrigin } from '../private-metadata.js'
import type { Router } from '../router.js'
import { parseViewFields } from '../view-state.js'

export const invoiceMergeForm = z
  .object({
    mode: z.enum(MERGE_MODES, {
      error: '「1 枚の請求書で複数アカウントを支払う」か「入金口座だけまとめる」を選んでください。',
    }),
    source_operator_ids: operatorIdListField,
    target_operator_id: z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined || raw.trim() === '') return undefined
        const result = parseOperatorId(raw)
        if (!result.ok) {
          ctx.addIssue({ code: 'custom', message: `統合先は 1 つだけ入力してください。${result.error}` })
          return z.NEVER
        }
        return result.value
      }),
  })
  .transform(
    (f): InvoiceMergeRequest => ({
      mode: f.mode,
      sources: f.source_operator_ids,
      target: f.target_operator_id,
    }),
  )

/** view_submission of the merge modal: a 請求統合 ticket, or the NP MyPage checklist (§3.4.3). */
export function registerInvoiceMergeSubmission(app: Router, deps: ListenerDeps): void {
  app.view(INVOICE_MERGE_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const form = parseViewFields(invoiceMergeForm, view.state.values)
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors })
      return
    }
    const origin = decodeOrigin(view.private_metadata, body.user.id)
    const outcome = evaluateInvoiceMerge(form.value)
    const now = deps.clock.now()
    switch (outcome.kind) {
      case 'invalid':
        await ack({ response_action: 'errors', errors: { target_operator_id: outcome.message } })
        return
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
        await saveAckAndPostTicket(deps, client, ack, origin, ticket, view.id)
        return
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
          BANK_ACCOUNT_MERGE_STEPS,
          { id: deps.newId(), now },
        )
        await saveAckAndPostChecklist(deps, client, ack, origin, checklist, view.id)
        return
      }
    }
  })
}
