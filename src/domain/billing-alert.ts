import { z } from 'zod'
import { BILL_CURRENCIES, PAYMENT_STATUSES } from './bill.js'
import { COVERAGES, type Coverage } from './coverage.js'
import { DIGEST_CADENCES } from './digest.js'
import { SPEND_ALERT_KINDS } from './spend.js'

/**
 * What the checks of linked operators tell the billing desk unasked: a month's amount became final,
 * a payment failed (a bill `fail`), the card on file cannot be charged. Each at most once per
 * operator, coverage, month and kind: the key says which.
 */
export const ALERT_KINDS = [
  'amount_final',
  'payment_failed',
  'card_error',
  'link_broken',
  ...SPEND_ALERT_KINDS,
] as const
export type AlertKind = (typeof ALERT_KINDS)[number]

/** `amount_final:OP0123456789/jp:2026-10`; for `link_broken` the scope is when the breakage was noticed. */
export function alertKey(
  kind: AlertKind,
  target: { operatorId: string; coverage: Coverage },
  scope: string,
): string {
  return `${kind}:${target.operatorId}/${target.coverage}:${scope}`
}

/**
 * Why the checks of a link fail: the stored key refused (deleted or disabled, the SAM user gone),
 * the reads refused (the SAM user's permissions changed), or SORACOM not answering.
 */
export const LINK_FAILURES = ['auth_failed', 'refused', 'unreachable'] as const
export type LinkFailure = (typeof LINK_FAILURES)[number]

/** SORACOM not answering is told only after this long without a successful check (an outage passes). */
export const UNREACHABLE_ALERT_AFTER_MS = 24 * 60 * 60 * 1000

/**
 * Whether a failing check is news for the desk: while the link is broken no amount-final or
 * payment-error alert can come, and silence would read as "nothing happened". A refused key or
 * permission is told at once — it will not mend itself; an unreachable SORACOM after a day.
 */
export function linkFailureWorthTelling(reason: LinkFailure, lastSuccess: Date, now: Date): boolean {
  return reason !== 'unreachable' || now.getTime() - lastSuccess.getTime() >= UNREACHABLE_ALERT_AFTER_MS
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

/** What every stored-then-posted message of the checks carries: where it goes, and whether it went. */
const deliveryFields = {
  id: z.string().min(1),
  channel: z.string().min(1),
  requester: z.string().min(1),
  message: z.object({ channel: z.string(), ts: z.string() }).optional(),
  undelivered: z.object({ error: z.string(), at: instant }).optional(),
  createdAt: instant,
}

const alertFields = {
  ...deliveryFields,
  operatorId: z.string().regex(/^OP\d{10}$/),
  coverage: z.enum(COVERAGES),
}

/** One linked operator's part of a spend digest. */
export const digestLinkSchema = z.object({
  operatorId: z.string(),
  coverage: z.enum(COVERAGES),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  currency: z.enum(BILL_CURRENCIES),
  soFar: z.number(),
  forecast: z.number(),
  budget: z.number().optional(),
  /** Last month as billed (finalized or not), for the change. */
  previous: z.number().optional(),
  services: z.array(z.object({ name: z.string(), amount: z.number() })),
})

/**
 * An alert of the checks, stored before it is posted and delivered like a ticket: `id` is its key,
 * `channel` the link's alert channel, `requester` who linked the operator (told by DM when the
 * bot may not post in the channel). Payment errors are checklists carrying the key instead.
 * `amount_final`: a month's amount became final. `link_broken`: the link stopped working; its
 * message is updated when a check succeeds again (`restored`).
 */
export const billingAlertSchema = z.discriminatedUnion('kind', [
  z.object({
    ...alertFields,
    kind: z.literal('amount_final'),
    bill: billSnapshotSchema,
    previous: billSnapshotSchema.optional(),
  }),
  z.object({
    ...alertFields,
    kind: z.literal('spend'),
    spend: z.enum(SPEND_ALERT_KINDS),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    currency: z.enum(BILL_CURRENCIES),
    budget: z.number().optional(),
    forecast: z.object({
      total: z.number(),
      soFar: z.number(),
      fixed: z.number(),
      dailyRate: z.number(),
      through: z.string().optional(),
      remainingDays: z.number(),
      rateDays: z.number(),
    }),
    /** At this pace, the day the budget is reached (forecast alerts). */
    reachedOn: z.string().optional(),
    spike: z.object({ date: z.string(), amount: z.number(), usual: z.number() }).optional(),
    services: z.array(z.object({ name: z.string(), amount: z.number() })),
    sims: z.array(z.object({ simId: z.string(), amount: z.number() })),
  }),
  z.object({
    ...alertFields,
    kind: z.literal('link_broken'),
    reason: z.enum(LINK_FAILURES),
    lastSuccess: instant,
    restored: instant.optional(),
  }),
  z.object({
    ...deliveryFields,
    kind: z.literal('digest'),
    cadence: z.enum(DIGEST_CADENCES),
    /** The week's Monday or the month it is for. */
    period: z.string(),
    links: z.array(digestLinkSchema),
  }),
])

export type BillingAlert = z.infer<typeof billingAlertSchema>
export type AmountFinalAlert = Extract<BillingAlert, { kind: 'amount_final' }>
export type LinkBrokenAlert = Extract<BillingAlert, { kind: 'link_broken' }>
export type SpendAlert = Extract<BillingAlert, { kind: 'spend' }>
/** A channel's spend digest for one period (`digest:<channel>:<period>`), stored and posted like an alert, so it goes out once. */
export type DigestRecord = Extract<BillingAlert, { kind: 'digest' }>

/** The link's `link_broken` alert still waiting for a successful check, if any. */
export function openLinkBroken(
  alerts: readonly BillingAlert[],
  link: { operatorId: string; coverage: Coverage },
): LinkBrokenAlert | undefined {
  return alerts.find(
    (a): a is LinkBrokenAlert =>
      a.kind === 'link_broken' &&
      !a.restored &&
      a.operatorId === link.operatorId &&
      a.coverage === link.coverage,
  )
}
