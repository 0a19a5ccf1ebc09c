import { createChecklist } from '../domain/checklist.js'
import {
  type BankAccountInquiryRequest,
  type CompanyNameChangeRequest,
  evaluateBankAccountInquiry,
  evaluateCompanyNameChange,
  loginRecoverySteps,
} from '../domain/guided-requests.js'
import { diagnoseInvoiceApplication, type InvoiceApplicationFacts } from '../domain/invoice-application.js'
import type { OperatorId } from '../domain/operator-id.js'
import { createTicket } from '../domain/ticket.js'
import { bankAccountInquiryTicketModel, companyNameChangeTicketModel } from '../render/ticket-models.js'
import { storeChecklist, storeTicket } from './deliver-record.js'
import type { ChecklistIntakePorts, TicketIntakePorts } from './deps.js'
import { invalid, type SubmissionOutcome } from './outcomes.js'
import type { Origin } from './ports.js'

type Input<R> = { request: R; origin: Origin; viewId: string }

/** §3.4.2: a request to SORACOM for the bank account before the first invoice, once it can exist. */
export async function requestBankAccountInquiry(
  deps: TicketIntakePorts,
  input: Input<BankAccountInquiryRequest>,
): Promise<SubmissionOutcome> {
  const { request, origin } = input
  const outcome = evaluateBankAccountInquiry(request)
  if (outcome.kind === 'too_early') {
    return {
      kind: 'guidance',
      origin,
      guidance: { kind: 'bank_account_too_early', operatorId: outcome.operatorId },
    }
  }
  const ticket = createTicket(
    {
      kind: 'bank_account_inquiry',
      destination: 'soracom',
      operatorId: request.operatorId,
      request: { coverage: request.coverage },
      requester: origin.user,
      channel: origin.channel,
    },
    deps.renderer.ticket('bank-account-inquiry', bankAccountInquiryTicketModel(request)),
    { id: deps.newId(), now: deps.clock.now() },
  )
  return storeTicket(deps, ticket, input.viewId)
}

/** §3.3.2 / §6.2: a company-name change request to SORACOM; a transfer to a third party is refused. */
export async function requestCompanyNameChange(
  deps: TicketIntakePorts,
  input: Input<CompanyNameChangeRequest>,
): Promise<SubmissionOutcome> {
  const { request, origin } = input
  const outcome = evaluateCompanyNameChange(request)
  switch (outcome.kind) {
    case 'invalid':
      return invalid({ new_name: { code: 'same_company_name' } })
    case 'not_possible':
      return {
        kind: 'guidance',
        origin,
        guidance: { kind: 'company_name_change_not_possible', operatorId: outcome.operatorId },
      }
    case 'ticket': {
      const ticket = createTicket(
        {
          kind: 'company_name_change',
          destination: 'soracom',
          operatorId: request.operatorId,
          request: {
            reason: request.reason,
            currentName: outcome.names.currentName,
            newName: outcome.names.newName,
          },
          requester: origin.user,
          channel: origin.channel,
        },
        deps.renderer.ticket('company-name-change', companyNameChangeTicketModel(request, outcome.names)),
        { id: deps.newId(), now: deps.clock.now() },
      )
      return storeTicket(deps, ticket, input.viewId)
    }
  }
}

export interface LoginRecoveryRequest {
  operatorId?: OperatorId
  companyName: string
  applicant: string
  /** The login address is gone (the person left): SORACOM sets this one instead. */
  newEmail?: string
}

/** §7.3: the documents as a checklist, and the mail to contact-us@soracom.jp ready to send. */
export async function startLoginRecovery(
  deps: ChecklistIntakePorts,
  input: Input<LoginRecoveryRequest>,
): Promise<SubmissionOutcome> {
  const { request, origin } = input
  const checklist = createChecklist(
    {
      kind: 'login_recovery',
      operatorIds: request.operatorId ? [request.operatorId] : [],
      recovery: {
        companyName: request.companyName,
        applicant: request.applicant,
        ...(request.newEmail ? { newEmail: request.newEmail } : {}),
      },
      requester: origin.user,
      channel: origin.channel,
    },
    loginRecoverySteps(request.newEmail === undefined),
    { id: deps.newId(), now: deps.clock.now() },
  )
  return storeChecklist(deps, checklist, input.viewId)
}

/** §3.3.1: the application errors that apply, each with its fix (a message, nothing stored). */
export function diagnoseApplication(input: {
  request: InvoiceApplicationFacts
  origin: Origin
}): SubmissionOutcome {
  return {
    kind: 'guidance',
    origin: input.origin,
    guidance: { kind: 'invoice_application_diagnosis', causes: diagnoseInvoiceApplication(input.request) },
  }
}
