import { billingDatesFor } from '../domain/billing-calendar.js'
import { checksFor } from '../domain/invoice-reissue.js'
import { type RegisteredOperator, unregisteredOperators } from '../domain/operator-registry.js'
import type { YearMonth } from '../domain/plain-date.js'
import type { Ticket } from '../domain/ticket.js'
import { isClosed, nextMilestone } from '../domain/ticket-progress.js'
import { NP_SUPPORT_DESK, SORACOM_SUPPORT } from './contacts.js'
import { DIRECT_DEBIT_NOTES, DIRECT_DEBIT_PROCESS } from './guide-text.js'
import { reissueGuidanceModel } from './ticket-models.js'

/** What the renderer needs to draw a ticket message as it stands; no rule is left for it to apply. */
export interface TicketView {
  ticket: Ticket
  /** The guidance above the ticket: `templates/guidance/<template>.njk` with this model. */
  intro: { template: string; model: object }
  /** The milestone the requester reports next (its button), if any. */
  next?: string
  canResolve: boolean
  canRecordReference: boolean
  canCancel: boolean
  /** SORACOM refuses requests about another operator (§3.5.1): IDs the company has not registered. */
  /**
   * `fromConsole`: the request is sent from one operator's console (SORACOM support, one operator):
   * only then does SORACOM's "no requests about another operator" rule apply (§3.5.1). A merge names
   * several operators by design, and an NP request goes by e-mail.
   */
  registry: { kind: 'empty' } | { kind: 'unregistered'; ids: string[]; fromConsole: boolean } | { kind: 'ok' }
}

/** The operator IDs a ticket names: the one it is for, and for a merge every source. */
function namedOperators(ticket: Ticket): string[] {
  return ticket.kind === 'invoice_merge'
    ? [...ticket.request.sources, ticket.request.target]
    : [ticket.operatorId]
}

/** Describes a stored ticket for its message: the intro rebuilt from what is stored, so an update shows the same text. */
export function describeTicket(ticket: Ticket, registry: readonly RegisteredOperator[]): TicketView {
  const open = !isClosed(ticket)
  const unregistered = unregisteredOperators(namedOperators(ticket), registry)
  const next = nextMilestone(ticket)
  return {
    ticket,
    intro: introOf(ticket),
    ...(next ? { next } : {}),
    canResolve: open && ticket.status === 'sent',
    canRecordReference: open && ticket.status === 'sent',
    canCancel: open,
    registry:
      registry.length === 0
        ? { kind: 'empty' }
        : unregistered.length > 0
          ? {
              kind: 'unregistered',
              ids: unregistered,
              fromConsole: ticket.destination === 'soracom' && ticket.kind !== 'invoice_merge',
            }
          : { kind: 'ok' },
  }
}

function introOf(ticket: Ticket): TicketView['intro'] {
  switch (ticket.kind) {
    case 'direct_debit':
      return {
        template: 'direct-debit-ticket',
        model: {
          operatorId: ticket.operatorId,
          support: SORACOM_SUPPORT,
          np: NP_SUPPORT_DESK,
          notes: DIRECT_DEBIT_NOTES,
          process: DIRECT_DEBIT_PROCESS,
        },
      }
    case 'invoice_reissue': {
      const { request } = ticket
      const usageMonth = request.usageMonth as YearMonth
      return {
        template: 'invoice-reissue-ticket',
        model: {
          ...reissueGuidanceModel({
            operatorId: ticket.operatorId,
            dates: billingDatesFor(usageMonth),
            pendingChecks: checksFor(request.delivery).filter((c) => !request.checks.includes(c)),
            delivery: request.delivery,
          }),
          destination: ticket.destination,
          support: SORACOM_SUPPORT,
          np: NP_SUPPORT_DESK,
        },
      }
    }
    case 'invoice_merge':
      return { template: 'invoice-merge-ticket', model: { ...ticket.request, support: SORACOM_SUPPORT } }
    case 'bank_account_inquiry':
      return {
        template: 'bank-account-inquiry-ticket',
        model: { operatorId: ticket.operatorId, support: SORACOM_SUPPORT },
      }
    case 'company_name_change':
      return {
        template: 'company-name-change-ticket',
        model: { operatorId: ticket.operatorId, support: SORACOM_SUPPORT },
      }
  }
}
