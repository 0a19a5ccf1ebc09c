import type { ReissueFacts } from '../domain/bill.js'
import {
  answeredReissue,
  evaluateInvoiceReissue,
  type InvoiceReissueDraft,
  type InvoiceReissueRequest,
  reissueWithFacts,
} from '../domain/invoice-reissue.js'
import { tokyoDate } from '../domain/plain-date.js'
import type { OperatorLink } from '../domain/soracom-link.js'
import { createTicket } from '../domain/ticket.js'
import { reissueTicketModel } from '../render/ticket-models.js'
import { storeTicket } from './deliver-record.js'
import type { AppDeps, TicketIntakePorts } from './deps.js'
import {
  decideWithFacts,
  type FactCheckedOutcome,
  type FactCheckPlan,
  type FactQuestions,
  planFactCheck,
  unansweredWithoutLink,
} from './fact-checked.js'
import { invalid, type SubmissionOutcome } from './outcomes.js'
import type { Origin } from './ports.js'
import { lookupReissueFacts } from './soracom-facts.js'

/** Flow 1 (§3.4.1): the guide's checks first; a reissue ticket only when one is due. */
export async function requestReissue(
  deps: TicketIntakePorts,
  input: { request: InvoiceReissueRequest; origin: Origin; viewId: string },
): Promise<SubmissionOutcome> {
  const { request, origin } = input
  const outcome = evaluateInvoiceReissue(request, tokyoDate(deps.clock.now()))
  switch (outcome.kind) {
    case 'invalid':
      return invalid(
        outcome.field === 'companyName'
          ? { company_name: { code: 'company_name_required_for_np' } }
          : { usage_month: { code: 'usage_month_in_future', latest: outcome.latest } },
      )
    case 'no_invoice':
      return {
        kind: 'guidance',
        origin,
        guidance: {
          kind: 'invoice_reissue_no_invoice',
          context: outcome.context,
          zeroAmount: outcome.reasons.includes('zero_amount'),
          cardPayment: outcome.reasons.includes('card_payment'),
        },
      }
    case 'too_early':
      return {
        kind: 'guidance',
        origin,
        guidance: {
          kind: 'invoice_reissue_too_early',
          context: outcome.context,
          expectedOn: outcome.expectedOn,
          waitUntil: outcome.waitUntil,
          remindOn: outcome.remindOn,
          issued: outcome.issued,
          usageMonth: request.usageMonth,
        },
      }
    case 'ticket': {
      const name = request.destination === 'np' ? 'invoice-reissue-np' : 'invoice-reissue-soracom'
      const model = reissueTicketModel(request, outcome)
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
            address: model.address,
            amountZero: request.amountZero,
            checks: request.checks,
            ...(outcome.companyName ? { companyName: outcome.companyName } : {}),
          },
          requester: origin.user,
          channel: origin.channel,
        },
        deps.renderer.ticket(name, model),
        { id: deps.newId(), now: deps.clock.now() },
      )
      return storeTicket(deps, ticket, input.viewId)
    }
  }
}

/** The questions SORACOM answers for a linked operator: how the month was paid, and whether it was 0 yen. */
const REISSUE_QUESTIONS: FactQuestions<InvoiceReissueDraft, InvoiceReissueRequest> = {
  questions: { payment_method: 'paymentMethod', amount_zero: 'amountZero' },
  answered: answeredReissue,
}

/** A form that did not parse: the SORACOM questions left empty, when the typed operator has no link. */
export function reissueQuestionsLeft(deps: Pick<AppDeps, 'links'>, raw: Readonly<Record<string, unknown>>) {
  return unansweredWithoutLink(deps, REISSUE_QUESTIONS, raw)
}

/** Before the ack: the operator's link to ask SORACOM with, or the user's own answers. */
export async function planReissue(
  deps: Pick<AppDeps, 'links'>,
  draft: InvoiceReissueDraft,
): Promise<FactCheckPlan<InvoiceReissueRequest>> {
  return planFactCheck(REISSUE_QUESTIONS, draft, await deps.links.get(draft.operatorId, draft.coverage))
}

/** After the ack, for a linked operator: SORACOM says whether the month was 0 yen and how it is paid. */
export function requestReissueWithFacts(
  deps: TicketIntakePorts & Pick<AppDeps, 'logger' | 'soracom'>,
  input: { draft: InvoiceReissueDraft; link: OperatorLink; origin: Origin; viewId: string },
): Promise<FactCheckedOutcome<ReissueFacts>> {
  const { draft, link, origin, viewId } = input
  return decideWithFacts(deps, {
    lookup: () => lookupReissueFacts(deps, link, draft.usageMonth),
    complete: (facts) => reissueWithFacts(draft, facts),
    run: (request) => requestReissue(deps, { request, origin, viewId }),
  })
}
