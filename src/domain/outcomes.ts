import type { ApplicationCause } from './invoice-application.js'
import type { ReissueContext } from './invoice-reissue.js'
import type { OperatorId } from './operator-id.js'
import type { PlainDate, YearMonth } from './plain-date.js'
import type { OperatorLink } from './soracom-link.js'
import type { Budget, SpendAlertKind } from './spend.js'

/**
 * What a request comes to, as codes and values: the use cases decide them, `render/` words them.
 * Nothing here is text a user reads — this is the seam a second language would use.
 */

/** Why a field of a form cannot be taken as it is (shown under the field, by its block_id). */
export type FieldProblem =
  /** A question SORACOM could have answered, left empty for an operator without a link. */
  | { code: 'unanswered' }
  | { code: 'usage_month_in_future'; latest: YearMonth }
  | { code: 'company_name_required_for_np' }
  | { code: 'consent_required' }
  | { code: 'same_company_name' }
  | { code: 'merge_target_missing' }
  | { code: 'merge_target_in_sources'; target: OperatorId }
  | { code: 'cancel_date_out_of_range'; earliest: PlainDate; latest: PlainDate }
  /** An individual account pays by card only (§3.1). */
  | { code: 'individual_pays_by_card'; context: 'registration' | 'payment_error' }
  | { code: 'operator_registered_by_other'; operatorId: OperatorId }
  | { code: 'admins_only' }
  | { code: 'auth_key_refused' }
  | { code: 'auth_key_of_other_operator'; keyOperator: string; operatorId: string }
  | { code: 'auth_key_missing_permissions'; permissions: string[] }
  | { code: 'too_long'; max: number }

/** Problems by the form's block_id. */
export type FieldProblems = Readonly<Record<string, FieldProblem>>

/** Why a change to someone's record was not made. */
export type Refusal =
  | {
      on: 'ticket'
      reason: 'out_of_order' | 'closed' | 'not_sent' | 'unknown_milestone' | 'unknown' | 'not_owner'
    }
  | { on: 'checklist'; reason: 'unknown_step' | 'final_step_locked' | 'completed' | 'not_owner' | 'closed' }
  | { on: 'reminder'; reason: 'not_owner' }
  | { on: 'operator_link'; reason: 'admins_only' }
  | { on: 'admin_command'; reason: 'admins_only' }
  | { on: 'settings'; reason: 'admins_only' | 'locks_out_self' }

/** A change was stored but Slack kept the old message (`error`: Slack's reason). */
export interface StaleMessage {
  error: string
}

/**
 * A flow that ends without a record: what the guide says instead (ineligible, no invoice yet,
 * nothing to request), posted where the flow started.
 */
export type Guidance =
  | { kind: 'invoice_reissue_no_invoice'; context: ReissueContext; zeroAmount: boolean; cardPayment: boolean }
  | {
      kind: 'invoice_reissue_too_early'
      context: ReissueContext
      expectedOn: PlainDate
      waitUntil: PlainDate
      remindOn: PlainDate
      issued: boolean
      usageMonth: YearMonth
    }
  | {
      kind: 'direct_debit_ineligible'
      reason: 'individual_account' | 'invoice_payment_required'
      operatorId: OperatorId
    }
  | { kind: 'bank_account_too_early'; operatorId: OperatorId }
  | { kind: 'company_name_change_not_possible'; operatorId: OperatorId }
  | { kind: 'invoice_application_diagnosis'; causes: ApplicationCause[] }

/** What `/billing budget …` comes to. */
export type BudgetOutcome =
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'not_linked'; operatorId: string }
  | { kind: 'choose'; links: OperatorLink[] }
  | {
      kind: 'set'
      link: OperatorLink
      budget: Budget
      /** The running month as read when it was set, and what of it was already true (no alert for that this month). */
      running?: { month: YearMonth; soFar: number; forecast: number }
      quiet: SpendAlertKind[]
      readFailed: boolean
    }
  | { kind: 'removed'; link: OperatorLink; had: boolean }
