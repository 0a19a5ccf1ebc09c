import { z } from 'zod'
import { BILL_CURRENCIES, PAYMENT_STATUSES } from './bill.js'
import { COVERAGES, type Coverage } from './coverage.js'

/**
 * What the checks of linked operators tell the billing desk unasked: a month's amount became final,
 * a payment failed (a bill `fail`), the card on file cannot be charged. Each at most once per
 * operator, coverage, month and kind: the key says which.
 */
export const ALERT_KINDS = ['amount_final', 'payment_failed', 'card_error'] as const
export type AlertKind = (typeof ALERT_KINDS)[number]

export function alertKey(
  kind: AlertKind,
  target: { operatorId: string; coverage: Coverage },
  month: string,
): string {
  return `${kind}:${target.operatorId}/${target.coverage}:${month}`
}

const billSnapshotSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  amount: z.number(),
  currency: z.enum(BILL_CURRENCIES),
  couponAmount: z.number().optional(),
  state: z.enum(['temporary', 'closed']),
  paymentStatus: z.enum(PAYMENT_STATUSES).optional(),
})

const instant = z.iso.datetime({ offset: true })

/**
 * An amount-final alert, stored before it is posted and delivered like a ticket: `id` is its key,
 * `channel` the link's alert channel, `requester` who linked the operator (told by DM when the
 * bot may not post in the channel). Payment errors are checklists carrying the key instead.
 */
export const billingAlertSchema = z.object({
  id: z.string().min(1),
  kind: z.literal('amount_final'),
  operatorId: z.string().regex(/^OP\d{10}$/),
  coverage: z.enum(COVERAGES),
  bill: billSnapshotSchema,
  previous: billSnapshotSchema.optional(),
  channel: z.string().min(1),
  requester: z.string().min(1),
  message: z.object({ channel: z.string(), ts: z.string() }).optional(),
  undelivered: z.object({ error: z.string(), at: instant }).optional(),
  createdAt: instant,
})

export type BillingAlert = z.infer<typeof billingAlertSchema>
