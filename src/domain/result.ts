/** Why a typed value was not taken: a code and what render/ needs to say what was expected. */
export type ParseProblem =
  | { code: 'operator_id_missing' }
  | { code: 'operator_id_too_long' }
  | { code: 'operator_id_malformed'; typed: string }
  | { code: 'operator_ids_missing' }
  /** `bad`: every token that is no operator ID, as typed (normalised). */
  | { code: 'operator_ids_malformed'; bad: string[] }
  | { code: 'operator_ids_too_many'; max: number }
  | { code: 'year_month_malformed' }
  | { code: 'plain_date_malformed' }

/** A parse outcome: a value, or the problem with what was typed. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ParseProblem }

export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value }
}

export function rejected<T = never>(problem: ParseProblem): Parsed<T> {
  return { ok: false, problem }
}
