import { z } from 'zod'
import { ACCOUNT_TYPES } from '../../domain/account.js'
import { INVOICE_PAYMENT_APPLICATION_URL } from '../../domain/contacts.js'
import { COVERAGE_SELECTIONS } from '../../domain/coverage.js'
import {
  type DirectDebitRequest,
  evaluateDirectDebit,
  INVOICE_PAYMENT_STATES,
} from '../../domain/direct-debit.js'
import { createTicket } from '../../domain/ticket.js'
import { guidanceMessage } from '../../render/messages.js'
import { DIRECT_DEBIT_CALLBACK_ID } from '../../render/modals/direct-debit.js'
import { saveAckAndPostTicket } from '../deliver.js'
import type { ListenerDeps } from '../deps.js'
import { operatorIdField } from '../fields.js'
import { postToOrigin } from '../post-message.js'
import { decodeOrigin } from '../private-metadata.js'
import type { Router } from '../router.js'
import { parseViewFields } from '../view-state.js'

/** The modal's fields, keyed by block_id, into the domain's request. */
export const directDebitForm = z
  .object({
    operator_id: operatorIdField,
    coverage: z.enum(COVERAGE_SELECTIONS, {
      error: 'カバレッジを「日本」「グローバル」「両方」から選んでください。',
    }),
    account_type: z.enum(ACCOUNT_TYPES, { error: 'アカウント区分を「法人」か「個人」から選んでください。' }),
    invoice_payment: z.enum(INVOICE_PAYMENT_STATES, {
      error: '請求書払いを利用中かどうかを選んでください。',
    }),
    consent: z
      .array(z.string())
      .optional()
      .transform((values) => values?.includes('agree') ?? false),
  })
  .transform(
    (f): DirectDebitRequest => ({
      operatorId: f.operator_id,
      coverage: f.coverage,
      accountType: f.account_type,
      invoicePayment: f.invoice_payment,
      consent: f.consent,
    }),
  )

export const CONSENT_REQUIRED_MESSAGE =
  '口座振替の依頼には注意点への同意が必要です。内容を確認して「上記の注意点に同意します」にチェックを入れてください。'

/** view_submission of the direct-debit modal: validate → decide → render → store → close → post. */
export function registerDirectDebitSubmission(app: Router, deps: ListenerDeps): void {
  app.view(DIRECT_DEBIT_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const form = parseViewFields(directDebitForm, view.state.values)
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors })
      return
    }
    const origin = decodeOrigin(view.private_metadata, body.user.id)
    const outcome = evaluateDirectDebit(form.value)
    switch (outcome.kind) {
      case 'consent_required':
        await ack({ response_action: 'errors', errors: { consent: CONSENT_REQUIRED_MESSAGE } })
        return
      case 'ineligible': {
        await ack()
        const text = deps.renderer.guidance(
          outcome.reason === 'individual_account'
            ? 'direct-debit-individual-account'
            : 'direct-debit-invoice-payment-required',
          { operatorId: outcome.operatorId, applicationUrl: INVOICE_PAYMENT_APPLICATION_URL },
        )
        await postToOrigin(
          client,
          origin,
          guidanceMessage(text, `口座振替はまだ申し込めません（${outcome.operatorId}）`),
        )
        return
      }
      case 'ticket': {
        const text = deps.renderer.ticket('direct-debit', outcome.model)
        const ticket = createTicket(
          {
            kind: 'direct_debit',
            destination: 'soracom',
            operatorId: form.value.operatorId,
            request: {
              coverage: form.value.coverage,
              accountType: form.value.accountType,
              invoicePayment: form.value.invoicePayment,
              consent: true,
            },
            requester: origin.user,
            channel: origin.channel,
          },
          text,
          { id: deps.newId(), now: deps.clock.now() },
        )
        await saveAckAndPostTicket(deps, client, ack, origin, ticket, view.id)
        return
      }
    }
  })
}
