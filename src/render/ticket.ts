import { billingDatesFor, npInvoiceMailSubject } from '../domain/billing-calendar.js'
import { NP_SUPPORT_DESK, SORACOM_SUPPORT } from '../domain/contacts.js'
import { DIRECT_DEBIT_NOTES, DIRECT_DEBIT_PROCESS } from '../domain/direct-debit.js'
import { checksFor, reissueGuidanceModel } from '../domain/invoice-reissue.js'
import type { YearMonth } from '../domain/plain-date.js'
import type { Ticket } from '../domain/ticket.js'
import { nextMilestone } from '../domain/ticket-progress.js'
import { type SlackMessage, ticketMessage } from './messages.js'
import type { Renderer } from './templates.js'

export const TICKET_PROGRESS_ACTION = 'ticket_progress'

const MILESTONE_BUTTONS: Record<string, string> = {
  sent: '送信した',
  form_received: '依頼書が届いた',
  form_returned: '依頼書を返送した',
  switched: '口座振替が始まった',
}

export const MILESTONE_LABELS: Record<string, string> = {
  sent: '送信済み',
  form_received: '依頼書到着',
  form_returned: '依頼書返送',
  switched: '口座振替開始',
}

/** The guidance above a ticket, rebuilt from what is stored, so an update shows the same text. */
function renderIntro(renderer: Renderer, ticket: Ticket): string {
  switch (ticket.kind) {
    case 'direct_debit':
      return renderer.guidance('direct-debit-ticket', {
        operatorId: ticket.operatorId,
        support: SORACOM_SUPPORT,
        np: NP_SUPPORT_DESK,
        notes: DIRECT_DEBIT_NOTES,
        process: DIRECT_DEBIT_PROCESS,
      })
    case 'invoice_reissue': {
      const { request } = ticket
      const usageMonth = request.usageMonth as YearMonth
      return renderer.guidance('invoice-reissue-ticket', {
        ...reissueGuidanceModel({
          operatorId: ticket.operatorId,
          dates: billingDatesFor(usageMonth),
          npMailSubject: npInvoiceMailSubject(usageMonth),
          pendingChecks: checksFor(request.delivery).filter((c) => !request.checks.includes(c)),
          delivery: request.delivery,
        }),
        destination: ticket.destination,
        support: SORACOM_SUPPORT,
        np: NP_SUPPORT_DESK,
      })
    }
    case 'invoice_merge':
      return renderer.guidance('invoice-merge-ticket', { ...ticket.request, support: SORACOM_SUPPORT })
  }
}

/** The whole ticket message as it stands: guidance, the ticket text, its progress and next step. */
export function renderTicketMessage(renderer: Renderer, ticket: Ticket): SlackMessage {
  const next = nextMilestone(ticket)
  const label =
    next === 'sent' && ticket.destination === 'np' ? 'NP へ送信した' : MILESTONE_BUTTONS[next ?? '']
  const progress = ticket.progress.map((p) => ({
    label: MILESTONE_LABELS[p.milestone] ?? p.milestone,
    by: p.by,
    at: p.at,
  }))
  return ticketMessage(ticket, renderIntro(renderer, ticket), {
    progress,
    ...(next && label
      ? { next: { actionId: TICKET_PROGRESS_ACTION, text: label, value: `${ticket.id}:${next}` } }
      : {}),
  })
}
