import { GuideIndex, type GuideIndexOptions } from '../../src/answers/guide-index.js'
import type { GuideEntry } from '../../src/domain/guide.js'
import { HELD_OUT_2026_12_B } from './held-out-2026-12-b.js'
import { QUESTIONS } from './questions.js'

/** Questions with the sections that answer them (more than one where the guide repeats itself), or null. */
export type QuestionSet = ReadonlyArray<readonly [question: string, sections: readonly string[] | null]>

/** The tuned question set (test/answers/questions.ts) in that shape. */
export const TUNED_SET: QuestionSet = QUESTIONS.map(([q, s]) => [q, s === null ? null : [s]] as const)

/**
 * The third held-out set's questions that are not scored: those identical (after `normalize`, with
 * spaces and punctuation dropped) to a way of asking in knowledge/guide.yaml or to a question of the
 * sets tuned on (questions.ts, held-out.ts, held-out-2026-12.ts), listed once, at the freeze and
 * before any tuning. They would measure what was already written down, not new phrasings. The
 * knowledge test fails if a scored question ever becomes one of the knowledge base's phrasings.
 */
export const NOT_SCORED_2026_12_B: ReadonlySet<string> = new Set([
  '日本カバレッジとグローバルカバレッジの違い',
  'アメックスは使えますか',
  'How do I apply for invoice payment?',
  '振込先の口座番号を前もって知りたい',
  '請求メールアドレスは何件まで登録できる？',
  'Can you change the invoice format?',
  'Can I get a stamped invoice?',
  'Can I pay by direct debit?',
  'コンビニで支払いたい',
  'Can I pay at a convenience store?',
  'My card payment failed, what should I do?',
  '前払いクーポンって何？',
  'Can I change the payment due date?',
  '無料枠はありますか',
  'Where is the price list?',
  'SIMを注文する手順',
  'How do I order SIM cards?',
  '納品書はもらえる？',
  'Change the login email address',
  'SIMの解約日を予約できる？',
  'ソラコムに電話で問い合わせたい',
  '前任者が退職してログインできない',
  'リカバリメールアドレスを設定したい',
  '長期利用割引を申し込みたい',
  'セキュリティチェックシートがほしい',
  'SIMの通信速度が遅い',
  'Slackの通知をオフにしたい',
  'SORACOM Harvestのデータ保存期間',
  'ソラコムの採用情報',
])

/** The third held-out set as scored: the measure of issue 29 (nobody tuned on it). */
export const FROZEN_SET: QuestionSet = HELD_OUT_2026_12_B.filter(([q]) => !NOT_SCORED_2026_12_B.has(q))

export interface Score {
  answerable: number
  top1: number
  /** The right section among those shown: the answer and its 関連 buttons. */
  shown: number
  declined: number
  unanswerable: number
  /** Unanswerable questions correctly declined. */
  correctlyDeclined: number
  misses: Array<{ question: string; expected: readonly string[] | null; got: string | null }>
}

/** Scores the guide's answers on a question set (top-1 section, and declining what it cannot answer). */
export function evaluate(
  entries: readonly GuideEntry[],
  options: GuideIndexOptions = {},
  questions: QuestionSet = TUNED_SET,
): Score {
  const index = new GuideIndex(entries, options)
  const score: Score = {
    answerable: 0,
    top1: 0,
    shown: 0,
    declined: 0,
    unanswerable: 0,
    correctlyDeclined: 0,
    misses: [],
  }
  for (const [question, expected] of questions) {
    const answer = index.answer(question)
    const got = answer.kind === 'answer' ? answer.best.id : null
    if (expected === null) {
      score.unanswerable += 1
      if (got === null) score.correctlyDeclined += 1
      else score.misses.push({ question, expected, got })
      continue
    }
    score.answerable += 1
    if (got !== null && expected.includes(got)) score.top1 += 1
    else score.misses.push({ question, expected, got })
    if (got === null) score.declined += 1
    if (answer.kind === 'answer' && [answer.best, ...answer.related].some((e) => expected.includes(e.id)))
      score.shown += 1
  }
  return score
}
