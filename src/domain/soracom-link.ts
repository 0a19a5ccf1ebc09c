import { z } from 'zod'
import { BILL_CURRENCIES, PAYMENT_STATUSES } from './bill.js'
import { COVERAGES, type Coverage } from './coverage.js'
import { budgetSchema } from './spend.js'

/** The last bill the bot read for a link, shown on App Home without asking SORACOM again. */
export const knownBillSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  amount: z.number(),
  currency: z.enum(BILL_CURRENCIES),
  couponAmount: z.number().optional(),
  state: z.enum(['temporary', 'closed']),
  paymentStatus: z.enum(PAYMENT_STATUSES).optional(),
  checkedAt: z.iso.datetime({ offset: true }),
})

/**
 * A SORACOM operator linked by an admin (`/billing link`): one per operator and coverage. The SAM
 * auth key is kept only sealed (`credentials`: AES-256-GCM under CREDENTIALS_KEY, opened by
 * src/soracom alone); nothing else here is secret.
 */
export const operatorLinkSchema = z.object({
  operatorId: z.string().regex(/^OP\d{10}$/),
  coverage: z.enum(COVERAGES),
  credentials: z.string().startsWith('v1.'),
  alertChannel: z.string(),
  linkedBy: z.string(),
  linkedAt: z.iso.datetime({ offset: true }),
  /** The newest finalized month the bot has read. */
  latestBill: knownBillSchema.optional(),
  /** This month so far (集計中), from `GET /bills/latest`. */
  runningBill: knownBillSchema.optional(),
  /**
   * The checks' memory: the newest month already finalized when last checked (a month newer than
   * it that is closed now "became closed"; the first check only sets it), and when that was.
   */
  watch: z
    .object({ closedThrough: z.string().optional(), checkedAt: z.iso.datetime({ offset: true }) })
    .optional(),
  /** The monthly budget an admin set (`/billing budget`), in the bill's currency. */
  budget: budgetSchema.optional(),
})

export type OperatorLink = z.infer<typeof operatorLinkSchema>
export type KnownBill = z.infer<typeof knownBillSchema>

/** `OP0123456789/jp`: a link's identity, also the context its sealed key is bound to. */
export function linkKey(link: { operatorId: string; coverage: Coverage }): string {
  return `${link.operatorId}/${link.coverage}`
}
