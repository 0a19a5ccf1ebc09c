import { type Parsed, parsed, rejected } from './result.js'

/** オペレーター ID: `OP` followed by 10 digits, one per SORACOM account (§2.1, §2.3). */
export type OperatorId = string & { readonly __brand: 'OperatorId' }

const OPERATOR_ID = /^OP\d{10}$/
const MAX_INPUT = 200

/**
 * Users paste IDs from the console, e-mails or spreadsheets, often full-width (`ＯＰ０１２…`),
 * lower-case or with stray spaces: NFKC folds full-width forms, then trim and upper-case.
 */
export function normalizeOperatorId(raw: string): string {
  return raw.normalize('NFKC').trim().toUpperCase()
}

/** Normalises and validates an operator ID (§2.1). */
export function parseOperatorId(raw: string): Parsed<OperatorId> {
  if (raw.length > MAX_INPUT) return rejected({ code: 'operator_id_too_long' })
  const candidate = normalizeOperatorId(raw)
  if (candidate === '') return rejected({ code: 'operator_id_missing' })
  if (!OPERATOR_ID.test(candidate))
    return rejected({ code: 'operator_id_malformed', typed: candidate.slice(0, 40) })
  return parsed(candidate as OperatorId)
}

export function isOperatorId(value: string): value is OperatorId {
  return OPERATOR_ID.test(value)
}
