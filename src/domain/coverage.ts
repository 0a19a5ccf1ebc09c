/**
 * カバレッジタイプ (§2.4): `jp` 日本 (plan-D, plan-K, plan-DU, plan-KM1; billed in JPY) and
 * `g` グローバル (plan01s, planP1, planX1; billed in USD converted at the month's TTS, §3.7.2).
 * Payment settings are registered per coverage (§3.7.1).
 */
export const COVERAGES = ['jp', 'g'] as const
export type Coverage = (typeof COVERAGES)[number]

/** A request may concern one coverage or both (the direct-debit format's 「両方」, §3.5.1). */
export const COVERAGE_SELECTIONS = ['jp', 'g', 'both'] as const
export type CoverageSelection = (typeof COVERAGE_SELECTIONS)[number]
