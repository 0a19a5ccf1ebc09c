import { z } from 'zod'
import { ACCOUNT_TYPES } from './account.js'
import { DESTINATIONS } from './contacts.js'
import { COVERAGE_SELECTIONS, COVERAGES } from './coverage.js'
import { INVOICE_PAYMENT_STATES } from './direct-debit.js'
import { NAME_CHANGE_REASONS } from './guided-requests.js'
import {
  AMOUNT_ZERO_ANSWERS,
  DELIVERIES,
  REISSUE_CHECKS,
  REISSUE_PAYMENT_METHODS,
} from './invoice-reissue.js'
import type { OperatorId } from './operator-id.js'

/**
 * A ticket is a support request rendered in the guide's format, kept so its progress can be tracked.
 * One ticket names exactly one operator: SORACOM refuses requests about another operator (§3.5.1).
 */
export const TICKET_STATUSES = ['rendered', 'sent', 'resolved', 'cancelled'] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

const operatorIdSchema = z
  .string()
  .regex(/^OP\d{10}$/)
  .transform((value) => value as OperatorId)
const instantSchema = z.iso.datetime({ offset: true })

const directDebitRequestSchema = z.object({
  coverage: z.enum(COVERAGE_SELECTIONS),
  accountType: z.enum(ACCOUNT_TYPES),
  invoicePayment: z.enum(INVOICE_PAYMENT_STATES),
  consent: z.literal(true),
})

const ticketCommon = {
  id: z.string().min(1),
  operatorId: operatorIdSchema,
  subject: z.string(),
  body: z.string(),
  requester: z.string().min(1),
  channel: z.string().min(1),
  status: z.enum(TICKET_STATUSES),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** Milestones the requester reported (sent, and for direct debit the §3.5.1 steps), with who and when. */
  progress: z.array(z.object({ milestone: z.string(), by: z.string(), at: instantSchema })).default([]),
  /** SORACOM's or NP's reference for the request, once the user has sent it. */
  reference: z.string().max(100).optional(),
  /** Every change after creation: who, when, what, and the status before and after. */
  history: z
    .array(
      z.object({
        at: instantSchema,
        by: z.string(),
        what: z.string(),
        from: z.enum(TICKET_STATUSES).optional(),
        to: z.enum(TICKET_STATUSES).optional(),
        detail: z.string().optional(),
      }),
    )
    .default([]),
  /** Where the ticket message was posted, so it can be updated later. */
  message: z.object({ channel: z.string(), ts: z.string() }).optional(),
  /** The modal submission that created it: a submission delivered twice creates nothing twice. */
  sourceViewId: z.string().optional(),
  /** Set while the message could not be posted (Slack down, channel gone and DM refused); retried by the sweep. */
  undelivered: z.object({ error: z.string(), at: z.iso.datetime({ offset: true }) }).optional(),
}

const invoiceReissueRequestSchema = z.object({
  coverage: z.enum(COVERAGES),
  usageMonth: z.string().regex(/^\d{4}-\d{2}$/),
  paymentMethod: z.enum(REISSUE_PAYMENT_METHODS),
  delivery: z.enum(DELIVERIES),
  address: z.string(),
  amountZero: z.enum(AMOUNT_ZERO_ANSWERS),
  checks: z.array(z.enum(REISSUE_CHECKS)),
  /** To NP only: the company as registered with NP. */
  companyName: z.string().max(100).optional(),
})

const invoiceMergeRequestSchema = z.object({
  sources: z.array(operatorIdSchema).min(1),
  target: operatorIdSchema,
})

export const ticketSchema = z.discriminatedUnion('kind', [
  z.object({
    ...ticketCommon,
    kind: z.literal('bank_account_inquiry'),
    destination: z.literal('soracom'),
    request: z.object({ coverage: z.enum(COVERAGE_SELECTIONS) }),
  }),
  z.object({
    ...ticketCommon,
    kind: z.literal('company_name_change'),
    destination: z.literal('soracom'),
    request: z.object({
      reason: z.enum(NAME_CHANGE_REASONS),
      currentName: z.string().max(100),
      newName: z.string().max(100),
    }),
  }),
  z.object({
    ...ticketCommon,
    kind: z.literal('direct_debit'),
    destination: z.literal('soracom'),
    request: directDebitRequestSchema,
  }),
  z.object({
    ...ticketCommon,
    kind: z.literal('invoice_reissue'),
    destination: z.enum(DESTINATIONS),
    request: invoiceReissueRequestSchema,
  }),
  z.object({
    ...ticketCommon,
    kind: z.literal('invoice_merge'),
    destination: z.literal('soracom'),
    request: invoiceMergeRequestSchema,
  }),
])

export type Ticket = z.infer<typeof ticketSchema>
export type TicketKind = Ticket['kind']

/** Ticket text as rendered from its template: 件名 and 本文. */
export interface TicketText {
  subject: string
  body: string
  /** The whole text, byte for byte as rendered: what the user pastes into the support form. */
  full: string
}

type TicketFields<K extends TicketKind> = Omit<
  Extract<Ticket, { kind: K }>,
  | 'id'
  | 'subject'
  | 'body'
  | 'status'
  | 'createdAt'
  | 'updatedAt'
  | 'message'
  | 'progress'
  | 'history'
  | 'reference'
>

/** A new ticket starts as `rendered`: the user has the text but has not sent it yet. */
export function createTicket<K extends TicketKind>(
  fields: TicketFields<K>,
  text: TicketText,
  meta: { id: string; now: Date },
): Extract<Ticket, { kind: K }> {
  const at = meta.now.toISOString()
  return {
    ...fields,
    id: meta.id,
    subject: text.subject,
    body: text.body,
    status: 'rendered',
    progress: [],
    history: [],
    createdAt: at,
    updatedAt: at,
  } as unknown as Extract<Ticket, { kind: K }>
}

/** Whether a milestone has been reported on the ticket. */
export function hasMilestone(ticket: Ticket, milestone: string): boolean {
  return ticket.progress.some((p) => p.milestone === milestone)
}
