import { z } from 'zod'

/**
 * A checklist is a list of steps the user works through in Slack, ticking each one: who ticked it
 * and when is kept. Account deletion (§6.4) and the NP MyPage bank-account merge (§3.4.3 ②) use it.
 */
export const CHECKLIST_KINDS = ['account_deletion', 'bank_account_merge'] as const
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number]

export interface ChecklistStep {
  key: string
  title: string
  detail: string
}

const instant = z.iso.datetime({ offset: true })

export const checklistSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(CHECKLIST_KINDS),
  operatorIds: z.array(z.string().regex(/^OP\d{10}$/)).min(1),
  /** Account deletion: the planned cancellation day the final invoice follows from. */
  cancelDate: z.iso.date().optional(),
  /** Bank-account merge: the operator whose key should be registered first. */
  representative: z.string().optional(),
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
  steps: readonly ChecklistStep[],
  meta: { id: string; now: Date },
): Checklist {
  const at = meta.now.toISOString()
  return {
    ...fields,
    id: meta.id,
    items: steps.map((s) => ({ key: s.key })),
    history: [],
    createdAt: at,
    updatedAt: at,
  }
}

export type StepOutcome =
  | { kind: 'changed'; checklist: Checklist; action: 'tick' | 'untick' }
  | { kind: 'unchanged'; checklist: Checklist }
  | { kind: 'refused'; reason: 'unknown_step' | 'final_step_locked' | 'completed' }

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
