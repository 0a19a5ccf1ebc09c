import { setChecklistStep } from '../domain/checklist.js'
import { CHECKLIST_DEFINITIONS } from '../domain/checklist-definitions.js'
import { checklistMessage, updatePosted } from './deliver-record.js'
import { type AppDeps, mayManage } from './deps.js'
import { type ChangeOutcome, refused } from './outcomes.js'
import type { PostedMessage } from './ports.js'
import { followDeletion, withdrawReminders } from './reminders.js'

export type ToggleOutcome = ChangeOutcome

/**
 * A tick or untick on a checklist step (the button says which, so a double click is harmless):
 * stored with who and when, then the message is updated. Paying the final invoice of an account
 * deletion makes its reminders moot; unticking brings them back. Clicks on one checklist run in order.
 */
export function toggleChecklistStep(
  deps: Pick<
    AppDeps,
    | 'checklists'
    | 'clock'
    | 'isAdmin'
    | 'newId'
    | 'notifier'
    | 'queue'
    | 'reminders'
    | 'renderer'
    | 'scheduler'
  >,
  input: { checklistId: string; step: string; tick: boolean; user: string; message?: PostedMessage },
): Promise<ToggleOutcome> {
  return deps.queue.run(input.checklistId, async (): Promise<ToggleOutcome> => {
    const checklist = await deps.checklists.get(input.checklistId)
    if (!checklist) return refused({ on: 'checklist', reason: 'unknown_step' })
    if (!mayManage(deps, input.user, checklist.requester))
      return refused({ on: 'checklist', reason: 'not_owner' })
    const outcome = setChecklistStep(
      checklist,
      input.step,
      input.tick,
      { by: input.user, now: deps.clock.now() },
      CHECKLIST_DEFINITIONS[checklist.kind],
    )
    if (outcome.kind === 'refused') return refused({ on: 'checklist', reason: outcome.reason })
    if (outcome.kind === 'unchanged') return { kind: 'unchanged' }
    await deps.checklists.save(outcome.checklist)
    const target = checklist.message ?? input.message
    const stale = await updatePosted(deps, target, checklistMessage(deps, outcome.checklist))
    if (outcome.checklist.kind === 'account_deletion' && input.step === 'payments_complete') {
      if (outcome.action === 'tick') await withdrawReminders(deps, (r) => r.checklistId === checklist.id)
      else await followDeletion(deps, outcome.checklist)
    }
    return { kind: 'changed', ...(stale ? { stale } : {}) }
  })
}
