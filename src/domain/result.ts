/** A parse outcome: a value, or a message that says what was expected. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value }
}

export function rejected<T = never>(error: string): Parsed<T> {
  return { ok: false, error }
}
