import { GUIDE_FLOWS, type GuideFlow } from '../domain/guide.js'
import { normalizeOperatorId, parseOperatorId } from '../domain/operator-id.js'
import { operatorToPrefill, type RegisteredOperator } from '../domain/operator-registry.js'
import { addMonths, tokyoDate, yearMonthOf } from '../domain/plain-date.js'
import type { OperatorLink } from '../domain/soracom-link.js'
import { errorCode } from '../errors.js'
import type { FlowPrefill } from '../render/modals/flows.js'
import type { AppDeps } from './deps.js'

/** Every chore with a modal: the four flows, the payment error and the guide's guided requests. */
export const FLOWS = GUIDE_FLOWS
export type Flow = GuideFlow

/** Text after a slash command that pre-fills the operator ID: normalised when valid, else shown as typed. */
export function operatorIdPrefill(commandText: string): string | undefined {
  const text = commandText.trim().split(/\s+/)[0] ?? ''
  if (text === '') return undefined
  const result = parseOperatorId(text)
  return result.ok ? result.value : normalizeOperatorId(text).slice(0, 100)
}

/**
 * What a flow's modal opens with: what the user typed after the command and what the company
 * registered (`/billing operators`), whether it was opened by a slash command or from App Home.
 * render/modals/flows.ts draws it.
 */
export async function flowPrefill(
  deps: Pick<AppDeps, 'operators' | 'clock' | 'links' | 'logger'>,
  flow: Flow,
  text: string,
): Promise<FlowPrefill> {
  const typed = operatorIdPrefill(text)
  // The modal opens even when the store cannot be read (the trigger lives 3 s): without what the
  // company registered, and the submission says whether it could be saved.
  let operators: RegisteredOperator[] = []
  let links: OperatorLink[] = []
  try {
    operators = await deps.operators.list()
    links = await deps.links.list()
  } catch (error) {
    deps.logger.warn('modal opened without stored answers: the store cannot be read', {
      error: errorCode(error),
    })
  }
  const known = operatorToPrefill(typed, operators)
  const today = tokyoDate(deps.clock.now())
  switch (flow) {
    case 'invoice_reissue':
      return {
        flow: 'invoice_reissue',
        operatorId: typed ?? known?.operatorId,
        coverage: known && known.coverage !== 'both' ? known.coverage : undefined,
        paymentMethod: known ? (known.paymentMethod === 'card' ? 'card' : 'invoice') : undefined,
        usageMonth: addMonths(yearMonthOf(today), -1),
        soracomAnswers: links.length > 0,
      }
    case 'invoice_merge':
      return { flow: 'invoice_merge', sources: text.trim().slice(0, 2000) || undefined }
    case 'direct_debit':
      return {
        flow: 'direct_debit',
        operatorId: typed ?? known?.operatorId,
        accountType: known?.accountType,
        invoicePayment: known ? (known.paymentMethod === 'card' ? 'not_yet' : 'active') : undefined,
        soracomAnswers: links.length > 0,
      }
    case 'payment_error': {
      const linked = links.find((l) => l.operatorId === (typed ?? known?.operatorId))
      return {
        flow: 'payment_error',
        operatorId: typed ?? known?.operatorId,
        coverage: linked?.coverage ?? (known && known.coverage !== 'both' ? known.coverage : undefined),
        paymentMethod: known ? (known.paymentMethod === 'card' ? 'card' : 'invoice') : undefined,
        accountType: known?.accountType,
      }
    }
    case 'invoice_application_check':
      return { flow: 'invoice_application_check' }
    case 'login_recovery':
      return { flow: 'login_recovery', operatorId: typed ?? known?.operatorId }
    case 'bank_account_inquiry':
      return { flow: 'bank_account_inquiry', operatorId: typed ?? known?.operatorId }
    case 'company_name_change':
      return { flow: 'company_name_change', operatorId: typed ?? known?.operatorId }
    case 'account_deletion':
      return {
        flow: 'account_deletion',
        operatorId: typed ?? operatorToPrefill(undefined, operators)?.operatorId,
        today,
      }
  }
}
