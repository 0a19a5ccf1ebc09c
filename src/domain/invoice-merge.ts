import { isOperatorId, normalizeOperatorId, type OperatorId } from './operator-id.js'
import type { FieldProblem } from './outcomes.js'
import { type Parsed, parsed, rejected } from './result.js'

/**
 * 複数ある請求書を一つにまとめたい (§3.4.3) means one of two different things:
 * ① one invoice for several operators — SORACOM merges billing (請求統合) on request;
 * ② several invoices paid into one bank account — the customer does it on NP's MyPage.
 */
export const MERGE_MODES = ['single_invoice', 'single_bank_account'] as const
export type MergeMode = (typeof MERGE_MODES)[number]

const MAX_OPERATORS = 50

/**
 * Reads operator IDs separated by newlines, commas (also 、 and full-width ，) or spaces;
 * normalises each and drops repeats, keeping the first-seen order.
 */
export function parseOperatorIdList(raw: string): Parsed<OperatorId[]> {
  const tokens = raw
    .normalize('NFKC')
    .split(/[\s,、;；]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
  if (tokens.length === 0) return rejected({ code: 'operator_ids_missing' })
  const ids = tokens.map(normalizeOperatorId)
  const bad = ids.filter((id) => !isOperatorId(id))
  if (bad.length > 0) return rejected({ code: 'operator_ids_malformed', bad: bad.map((b) => b.slice(0, 20)) })
  const unique = [...new Set(ids)] as OperatorId[]
  if (unique.length > MAX_OPERATORS) {
    return rejected({ code: 'operator_ids_too_many', max: MAX_OPERATORS })
  }
  return parsed(unique)
}

export interface InvoiceMergeRequest {
  mode: MergeMode
  sources: OperatorId[]
  target: OperatorId | undefined
}

export interface InvoiceMergeTicketModel {
  kind: 'invoice_merge'
  destination: 'soracom'
  /** The ticket is about, and sent from, the operator that receives the merged invoice. */
  operatorId: OperatorId
  sources: OperatorId[]
  target: OperatorId
}

/** NP MyPage steps (§3.4.3 ②); the representative account is that of the first key registered. */
export interface BankAccountMergeModel {
  operatorIds: OperatorId[]
  /** The operator whose invoice's 紐づけキー should be registered first, when the user named one. */
  representative: OperatorId | undefined
}

export type InvoiceMergeOutcome =
  | { kind: 'invalid'; field: 'target'; problem: FieldProblem }
  | { kind: 'ticket'; model: InvoiceMergeTicketModel }
  | { kind: 'self_service'; model: BankAccountMergeModel }

/** Decides between the 請求統合 ticket and the NP MyPage self-service steps (§3.4.3). */
export function evaluateInvoiceMerge(request: InvoiceMergeRequest): InvoiceMergeOutcome {
  const { mode, sources, target } = request
  if (mode === 'single_bank_account') {
    const operatorIds = target && !sources.includes(target) ? [target, ...sources] : sources
    return { kind: 'self_service', model: { operatorIds, representative: target } }
  }
  if (target === undefined) {
    return { kind: 'invalid', field: 'target', problem: { code: 'merge_target_missing' } }
  }
  if (sources.includes(target)) {
    return { kind: 'invalid', field: 'target', problem: { code: 'merge_target_in_sources', target } }
  }
  return {
    kind: 'ticket',
    model: { kind: 'invoice_merge', destination: 'soracom', operatorId: target, sources, target },
  }
}

/** NP 掛け払いマイページ, where the customer groups invoices under one bank account (§3.4.3 ②). */
export const NP_MYPAGE_URL = 'https://np-kakebarai.com/buy/'
