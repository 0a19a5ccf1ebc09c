import { z } from 'zod'
import { DELETION_PAYMENT_METHODS } from './account-deletion.js'
import { COVERAGES } from './coverage.js'

/**
 * A checklist is a list of steps the user works through in Slack, ticking each one: who ticked it
 * and when is kept. Account deletion (§6.4), the NP MyPage bank-account merge (§3.4.3 ②) and the
 * payment-error recovery (§3.8.1) use it.
 */
export const CHECKLIST_KINDS = [
  'account_deletion',
  'bank_account_merge',
  'payment_error_card',
  'payment_error_card_individual',
  'payment_error_invoice',
  'login_recovery',
] as const
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number]

const instant = z.iso.datetime({ offset: true })

export const checklistSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(CHECKLIST_KINDS),
  /** At least one, except for a login recovery (whoever cannot log in may not know it). */
  operatorIds: z.array(z.string().regex(/^OP\d{10}$/)),
  /** Login recovery: who asks, for which company, and the new login address when the old one is gone. */
  recovery: z
    .object({
      companyName: z.string().max(100),
      applicant: z.string().max(60),
      newEmail: z.string().max(254).optional(),
    })
    .optional(),
  /** Account deletion: the planned cancellation day the final invoice follows from. */
  cancelDate: z.iso.date().optional(),
  /** Account deletion: how the account pays, when the requester said (card: no invoice, §4.1.1). */
  deletionPaymentMethod: z.enum(DELETION_PAYMENT_METHODS).optional(),
  /** Bank-account merge: the operator whose key should be registered first. */
  representative: z.string().optional(),
  /** Payment error: the coverage, and what started it (SORACOM's API, or the user's report). */
  coverage: z.enum(COVERAGES).optional(),
  cause: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('bill_failed'), month: z.string().regex(/^\d{4}-\d{2}$/) }),
      z.object({ kind: z.literal('card_error'), errorCode: z.string() }),
      z.object({ kind: z.literal('reported') }),
    ])
    .optional(),
  /** Payment-error alert: `payment_failed:OP…/jp:2026-10` — one alert per operator, coverage, month and kind. */
  alertKey: z.string().optional(),
  /** Closed by the bot when SORACOM shows the payment made (the bill `paid`, the card `success`). */
  /** `reason`: `bill_paid` or `card_recovered` (older data: a sentence). */
  closed: z.object({ at: instant, reason: z.string() }).optional(),
  items: z.array(
    z.object({
      key: z.string(),
      ticked: z.object({ by: z.string(), at: instant }).optional(),
    }),
  ),
  history: z.array(
    z.object({ key: z.string(), action: z.enum(['tick', 'untick']), by: z.string(), at: instant }),
  ),
  requester: z.string().min(1),
  channel: z.string().min(1),
  message: z.object({ channel: z.string(), ts: z.string() }).optional(),
  /** The modal submission that created it: a submission delivered twice creates nothing twice. */
  sourceViewId: z.string().optional(),
  /** Set while the message could not be posted (Slack down, channel gone and DM refused); retried by the sweep. */
  undelivered: z.object({ error: z.string(), at: z.iso.datetime({ offset: true }) }).optional(),
  createdAt: instant,
  updatedAt: instant,
})

export type Checklist = z.infer<typeof checklistSchema>

export function createChecklist(
  fields: Omit<
    Checklist,
    'id' | 'items' | 'history' | 'createdAt' | 'updatedAt' | 'message' | 'sourceViewId' | 'undelivered'
  >,
  steps: readonly string[],
  meta: { id: string; now: Date },
): Checklist {
  const at = meta.now.toISOString()
  return {
    ...fields,
    id: meta.id,
    items: steps.map((key) => ({ key })),
    history: [],
    createdAt: at,
    updatedAt: at,
  }
}

export type StepOutcome =
  | { kind: 'changed'; checklist: Checklist; action: 'tick' | 'untick' }
  | { kind: 'unchanged'; checklist: Checklist }
  | { kind: 'refused'; reason: 'unknown_step' | 'final_step_locked' | 'completed' | 'closed' }

/**
 * Ticks or unticks a step. The wanted state comes from the button, so a double click or a retried
 * request changes nothing twice. When `lastStepAfterOthers` holds, the last step can be ticked only
 * once every other step is, and once it is ticked the list is complete and frozen: account
 * deletion is irreversible (§6.4).
 */
export function setChecklistStep(
  checklist: Checklist,
  key: string,
  ticked: boolean,
  change: { by: string; now: Date },
  rules: { lastStepAfterOthers: boolean },
): StepOutcome {
  const index = checklist.items.findIndex((i) => i.key === key)
  const item = checklist.items[index]
  if (!item) return { kind: 'refused', reason: 'unknown_step' }
  if (checklist.closed) return { kind: 'refused', reason: 'closed' }
  if (Boolean(item.ticked) === ticked) return { kind: 'unchanged', checklist }
  const lastIndex = checklist.items.length - 1
  if (rules.lastStepAfterOthers && checklist.items[lastIndex]?.ticked)
    return { kind: 'refused', reason: 'completed' }
  if (rules.lastStepAfterOthers && ticked && index === lastIndex) {
    if (checklist.items.slice(0, lastIndex).some((i) => !i.ticked))
      return { kind: 'refused', reason: 'final_step_locked' }
  }
  const at = change.now.toISOString()
  const action = ticked ? 'tick' : 'untick'
  const items = checklist.items.map((i, n) => {
    if (n !== index) return i
    return ticked ? { key: i.key, ticked: { by: change.by, at } } : { key: i.key }
  })
  return {
    kind: 'changed',
    action,
    checklist: {
      ...checklist,
      items,
      history: [...checklist.history, { key, action, by: change.by, at }],
      updatedAt: at,
    },
  }
}

export function isChecklistComplete(checklist: Checklist): boolean {
  return checklist.items.every((i) => i.ticked)
}
