/**
 * Characters that never belong in what a user types into a request: C0 and C1 control characters
 * (but line breaks and tabs) and the bidirectional controls that can make stored text display in
 * another order than it is stored (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069).
 */
const UNWANTED_RANGES: Array<[number, number]> = [
  [0x00, 0x08],
  [0x0b, 0x0c],
  [0x0e, 0x1f],
  [0x7f, 0x9f],
  [0x61c, 0x61c],
  [0x200e, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
]
const hex = (n: number) => `\\u{${n.toString(16)}}`
const UNWANTED = new RegExp(`[${UNWANTED_RANGES.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]`, 'gu')

/** Free text as it may be stored and shown: unwanted control characters removed, nothing else changed. */
export function cleanFreeText(raw: string): string {
  return raw.replace(UNWANTED, '')
}
