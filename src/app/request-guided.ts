import { createChecklist } from '../domain/checklist.js'
import { INVOICE_PAYMENT_APPLICATION_URL } from '../domain/contacts.js'
import {
  type BankAccountInquiryRequest,
  type CompanyNameChangeRequest,
  evaluateBankAccountInquiry,
  evaluateCompanyNameChange,
  loginRecoverySteps,
} from '../domain/guided-requests.js'
import {
  CAUSE_TEXT,
  diagnoseInvoiceApplication,
  type InvoiceApplicationFacts,
} from '../domain/invoice-application.js'
import type { OperatorId } from '../domain/operator-id.js'
import { createTicket } from '../domain/ticket.js'
import { storeChecklist, storeTicket } from './deliver-record.js'
import { type AppDeps, accepted, invalid, type SubmissionOutcome } from './deps.js'
import type { Origin } from './ports.js'
import { postGuidance } from './post-guidance.js'

type Input<R> = { request: R; origin: Origin; viewId: string }

/** §3.4.2: a request to SORACOM for the bank account before the first invoice, once it can exist. */
export async function requestBankAccountInquiry(
  deps: AppDeps,
  input: Input<BankAccountInquiryRequest>,
): Promise<SubmissionOutcome> {
  const { request, origin } = input
  const outcome = evaluateBankAccountInquiry(request)
  if (outcome.kind === 'too_early') {
    return accepted(() =>
      postGuidance(
        deps,
        origin,
        'bank-account-too-early',
        { operatorId: outcome.operatorId, applicationUrl: INVOICE_PAYMENT_APPLICATION_URL },
        `入金口座はまだ開設されていません（${outcome.operatorId}）`,
      ),
    )
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
    deps.renderer.ticket('bank-account-inquiry', outcome.model),
    { id: deps.newId(), now: deps.clock.now() },
  )
  return accepted(await storeTicket(deps, ticket, input.viewId))
}

/** §3.3.2 / §6.2: a company-name change request to SORACOM; a transfer to a third party is refused. */
export async function requestCompanyNameChange(
  deps: AppDeps,
  input: Input<CompanyNameChangeRequest>,
): Promise<SubmissionOutcome> {
  const { request, origin } = input
  const outcome = evaluateCompanyNameChange(request)
  switch (outcome.kind) {
    case 'invalid':
      return invalid({ new_name: outcome.message })
    case 'not_possible':
      return accepted(() =>
        postGuidance(
          deps,
          origin,
          'company-name-change-not-possible',
          { operatorId: outcome.operatorId },
          `この社名変更は依頼できません（${outcome.operatorId}）`,
        ),
      )
    case 'ticket': {
      const ticket = createTicket(
        {
          kind: 'company_name_change',
          destination: 'soracom',
          operatorId: request.operatorId,
          request: {
            reason: request.reason,
            currentName: outcome.model.currentName,
            newName: outcome.model.newName,
          },
          requester: origin.user,
          channel: origin.channel,
        },
        deps.renderer.ticket('company-name-change', outcome.model),
        { id: deps.newId(), now: deps.clock.now() },
      )
      return accepted(await storeTicket(deps, ticket, input.viewId))
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
  deps: AppDeps,
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
  return accepted(await storeChecklist(deps, checklist, input.viewId))
}

/** §3.3.1: the application errors that apply, each with its fix (a message, nothing stored). */
export function diagnoseApplication(
  deps: AppDeps,
  input: { request: InvoiceApplicationFacts; origin: Origin },
): SubmissionOutcome {
  const findings = diagnoseInvoiceApplication(input.request).map((cause) => CAUSE_TEXT[cause])
  return accepted(() =>
    postGuidance(
      deps,
      input.origin,
      'invoice-application-diagnosis',
      { findings, applicationUrl: INVOICE_PAYMENT_APPLICATION_URL },
      '請求書払いの申請で止まった原因と直し方',
    ),
  )
}
