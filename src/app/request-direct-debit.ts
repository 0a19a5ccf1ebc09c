import {
  answeredDirectDebit,
  type DirectDebitDraft,
  type DirectDebitRequest,
  directDebitWithFacts,
  evaluateDirectDebit,
} from '../domain/direct-debit.js'
import type { OperatorLink } from '../domain/soracom-link.js'
import { createTicket } from '../domain/ticket.js'
import { directDebitTicketModel } from '../render/ticket-models.js'
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
import { lookupPaymentMethod } from './soracom-facts.js'

/** Flow 3 (§3.5): the documented 「口座振替の希望」 request when eligible, else what is missing. */
export async function requestDirectDebit(
  deps: TicketIntakePorts,
  input: { request: DirectDebitRequest; origin: Origin; viewId: string },
): Promise<SubmissionOutcome> {
  const { request, origin } = input
  const outcome = evaluateDirectDebit(request)
  switch (outcome.kind) {
    case 'consent_required':
      return invalid({ consent: { code: 'consent_required' } })
    case 'ineligible':
      return {
        kind: 'guidance',
        origin,
        guidance: { kind: 'direct_debit_ineligible', reason: outcome.reason, operatorId: outcome.operatorId },
      }
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
        deps.renderer.ticket('direct-debit', directDebitTicketModel(request)),
        { id: deps.newId(), now: deps.clock.now() },
      )
      return storeTicket(deps, ticket, input.viewId)
    }
  }
}

/** The question SORACOM answers for a linked operator: whether it pays by invoice already. */
const DIRECT_DEBIT_QUESTIONS: FactQuestions<DirectDebitDraft, DirectDebitRequest> = {
  questions: { invoice_payment: 'invoicePayment' },
  answered: answeredDirectDebit,
}

/** A form that did not parse: the SORACOM question left empty, when the typed operator has no link. */
export function directDebitQuestionsLeft(
  deps: Pick<AppDeps, 'links'>,
  raw: Readonly<Record<string, unknown>>,
) {
  return unansweredWithoutLink(deps, DIRECT_DEBIT_QUESTIONS, raw)
}

/** Before the ack: a link is asked only for one coverage (a request for both asks the user). */
export async function planDirectDebit(
  deps: Pick<AppDeps, 'links'>,
  draft: DirectDebitDraft,
): Promise<FactCheckPlan<DirectDebitRequest>> {
  const link = draft.coverage === 'both' ? undefined : await deps.links.get(draft.operatorId, draft.coverage)
  return planFactCheck(DIRECT_DEBIT_QUESTIONS, draft, link)
}

/** After the ack, for a linked operator: SORACOM says whether it pays by invoice (口座振替 needs it first) or card. */
export function requestDirectDebitWithFacts(
  deps: TicketIntakePorts & Pick<AppDeps, 'logger' | 'soracom'>,
  input: { draft: DirectDebitDraft; link: OperatorLink; origin: Origin; viewId: string },
): Promise<FactCheckedOutcome<Awaited<ReturnType<typeof lookupPaymentMethod>>>> {
  const { draft, link, origin, viewId } = input
  return decideWithFacts(deps, {
    lookup: () => lookupPaymentMethod(deps, link),
    complete: (facts) => directDebitWithFacts(draft, facts),
    run: (request) => requestDirectDebit(deps, { request, origin, viewId }),
  })
}
