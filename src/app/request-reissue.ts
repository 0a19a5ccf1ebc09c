import {
  evaluateInvoiceReissue,
  type InvoiceReissueRequest,
  reissueGuidanceModel,
  usageMonthLabel,
} from '../domain/invoice-reissue.js'
import { tokyoDate } from '../domain/plain-date.js'
import { createTicket } from '../domain/ticket.js'
import { REISSUE_REMIND_ACTION } from '../render/messages.js'
import { formatJpDate } from '../render/time.js'
import { storeTicket } from './deliver-record.js'
import { type AppDeps, accepted, invalid, type SubmissionOutcome } from './deps.js'
import type { Origin } from './ports.js'
import { postGuidance } from './post-guidance.js'

/** Flow 1 (§3.4.1): the guide's checks first; a reissue ticket only when one is due. */
export async function requestReissue(
  deps: AppDeps,
  input: { request: InvoiceReissueRequest; origin: Origin; viewId: string },
): Promise<SubmissionOutcome> {
  const { request, origin } = input
  const outcome = evaluateInvoiceReissue(request, tokyoDate(deps.clock.now()))
  switch (outcome.kind) {
    case 'invalid':
      return invalid({ [outcome.field === 'companyName' ? 'company_name' : 'usage_month']: outcome.message })
    case 'no_invoice':
      return accepted(() =>
        postGuidance(
          deps,
          origin,
          'invoice-reissue-no-invoice',
          {
            ...reissueGuidanceModel(outcome.context),
            zeroAmount: outcome.reasons.includes('zero_amount'),
            cardPayment: outcome.reasons.includes('card_payment'),
          },
          `${usageMonthLabel(request.usageMonth)}ご利用分の請求書は発行されません`,
        ),
      )
    case 'too_early':
      return accepted(() =>
        postGuidance(
          deps,
          origin,
          'invoice-reissue-too-early',
          {
            ...reissueGuidanceModel(outcome.context),
            expectedOn: outcome.expectedOn,
            waitUntil: outcome.waitUntil,
            remindOn: outcome.remindOn,
            issued: outcome.issued,
          },
          `${formatJpDate(outcome.waitUntil)} までは請求書が届いていなくても遅れではありません`,
          [
            {
              actionId: REISSUE_REMIND_ACTION,
              text: `${formatJpDate(outcome.remindOn)} にリマインド`,
              value: JSON.stringify({
                operatorId: request.operatorId,
                usageMonth: request.usageMonth,
                remindOn: outcome.remindOn,
              }),
              style: 'primary',
            },
          ],
        ),
      )
    case 'ticket': {
      const name = outcome.model.destination === 'np' ? 'invoice-reissue-np' : 'invoice-reissue-soracom'
      const ticket = createTicket(
        {
          kind: 'invoice_reissue',
          destination: request.destination,
          operatorId: request.operatorId,
          request: {
            coverage: request.coverage,
            usageMonth: request.usageMonth,
            paymentMethod: 'invoice',
            delivery: request.delivery,
            address: outcome.model.address,
            amountZero: request.amountZero,
            checks: request.checks,
            ...(outcome.model.companyName ? { companyName: outcome.model.companyName } : {}),
          },
          requester: origin.user,
          channel: origin.channel,
        },
        deps.renderer.ticket(name, outcome.model),
        { id: deps.newId(), now: deps.clock.now() },
      )
      return accepted(await storeTicket(deps, ticket, input.viewId))
    }
  }
}
