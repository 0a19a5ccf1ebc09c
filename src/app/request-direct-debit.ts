import { INVOICE_PAYMENT_APPLICATION_URL } from '../domain/contacts.js'
import { type DirectDebitRequest, evaluateDirectDebit } from '../domain/direct-debit.js'
import { createTicket } from '../domain/ticket.js'
import { storeTicket } from './deliver-record.js'
import { type AppDeps, accepted, invalid, type SubmissionOutcome } from './deps.js'
import type { Origin } from './ports.js'
import { postGuidance } from './post-guidance.js'

export const CONSENT_REQUIRED_MESSAGE =
  '口座振替の依頼には注意点への同意が必要です。内容を確認して「上記の注意点に同意します」にチェックを入れてください。'

/** Flow 3 (§3.5): the documented 「口座振替の希望」 request when eligible, else what is missing. */
export async function requestDirectDebit(
  deps: AppDeps,
  input: { request: DirectDebitRequest; origin: Origin; viewId: string },
): Promise<SubmissionOutcome> {
  const { request, origin } = input
  const outcome = evaluateDirectDebit(request)
  switch (outcome.kind) {
    case 'consent_required':
      return invalid({ consent: CONSENT_REQUIRED_MESSAGE })
    case 'ineligible':
      return accepted(() =>
        postGuidance(
          deps,
          origin,
          outcome.reason === 'individual_account'
            ? 'direct-debit-individual-account'
            : 'direct-debit-invoice-payment-required',
          { operatorId: outcome.operatorId, applicationUrl: INVOICE_PAYMENT_APPLICATION_URL },
          `口座振替はまだ申し込めません（${outcome.operatorId}）`,
        ),
      )
    case 'ticket': {
      const ticket = createTicket(
        {
          kind: 'direct_debit',
          destination: 'soracom',
          operatorId: request.operatorId,
          request: {
            coverage: request.coverage,
            accountType: request.accountType,
            invoicePayment: request.invoicePayment,
            consent: true,
          },
          requester: origin.user,
          channel: origin.channel,
        },
        deps.renderer.ticket('direct-debit', outcome.model),
        { id: deps.newId(), now: deps.clock.now() },
      )
      return accepted(await storeTicket(deps, ticket, input.viewId))
    }
  }
}
