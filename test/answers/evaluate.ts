import { GuideIndex, type GuideIndexOptions } from '../../src/answers/guide-index.js'
import { HAS_JAPANESE } from '../../src/answers/tokenize.js'
import type { GuideEntry } from '../../src/domain/guide.js'
import { HELD_OUT_2026_12_B } from './held-out-2026-12-b.js'
import { HELD_OUT_2026_12_C } from './held-out-2026-12-c.js'
import { OUT_OF_SCOPE_2026_12 } from './out-of-scope-2026-12.js'
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

/**
 * The third held-out set as scored: issue 29's measure until 2026-12-03, when it was scored once
 * (137/153, 17/21); a development set since.
 */
export const HELD_OUT_2026_12_B_SCORED: QuestionSet = HELD_OUT_2026_12_B.filter(
  ([q]) => !NOT_SCORED_2026_12_B.has(q),
)

/**
 * The fourth held-out set's questions that are not scored, listed once at the freeze, before any
 * tuning: those whose character bigrams (after `normalize`, spaces and punctuation dropped) overlap
 * a way of asking in knowledge/guide.yaml or knowledge/not-in-guide.yaml, or a question of the
 * development sets (questions.ts and the three earlier held-out sets), by a Jaccard index of 0.75
 * or more. Near-repeats of what was already written down, or of questions that may be tuned on,
 * would not measure new phrasings.
 */
export const NOT_SCORED_2026_12_C: ReadonlySet<string> = new Set([
  'ｵﾍﾟﾚｰﾀｰIDの確認方法',
  'NP掛け払いのサポートデスクの電話番号',
  'How can I contact Net Protections?',
  'グローバルカバレッジでJCBは使える？',
  'カード登録でエラーになる',
  '住所欄に都道府県を入れたらエラーになった',
  'My invoice never arrived, can you resend it?',
  'SIMごとに請求書を分けて発行してほしい',
  'I need the invoice with a company seal',
  'Is the global coverage billed in USD or JPY?',
  '請求書払いで支払いエラーの連絡がNPから来た',
  'When is my credit card charged for monthly usage?',
  '請求書は毎月何日ごろ発行される？',
  'How much have I used so far this month?',
  '去年の請求額を確認したい',
  'How do I download the billing detail CSV?',
  '見積書を作りたい',
  'When am I charged for devices I order?',
  'Do you issue delivery notes?',
  'How do I update our contract information?',
  '全サービスが解約済みか確認する方法',
  'コンソールの画面が真っ白',
  'SIMカードのサイズは何種類？',
  'クレジットカードのポイント還元率は？',
  '年末調整の書類はどこ？',
  '自社の請求書テンプレートをExcelで作りたい',
])

/** The fourth held-out set as scored: the measure of issue 29 (nobody tuned on it). */
export const FROZEN_SET: QuestionSet = HELD_OUT_2026_12_C.filter(([q]) => !NOT_SCORED_2026_12_C.has(q))

/** The out-of-scope development set (out-of-scope-2026-12.ts) in that shape: every answer is a decline. */
export const OUT_OF_SCOPE_SET: QuestionSet = OUT_OF_SCOPE_2026_12.map((q) => [q, null] as const)

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
  // A guide subsection the knowledge base keeps inside its parent (the guide's 3.5.1 is part of the
  // knowledge base's 3.5) counts as that parent: the fourth set names 3.5.1 alone twice.
  const ids = new Set(entries.map((e) => e.id))
  const asKnown = (id: string): string =>
    ids.has(id) || !id.includes('.') ? id : asKnown(id.replace(/\.\d+$/, ''))
  for (const [question, named] of questions) {
    const expected = named?.map(asKnown) ?? null
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

/**
 * Leave one ask out: each way of asking in the knowledge base put to an index built without it —
 * how the search does on a phrasing it has never seen, without any question set. `english`: the
 * asks written without Japanese.
 */
export function leaveOneAskOut(
  entries: readonly GuideEntry[],
  options: GuideIndexOptions = {},
): { right: number; total: number; englishRight: number; english: number } {
  const tally = { right: 0, total: 0, englishRight: 0, english: 0 }
  for (const [i, entry] of entries.entries())
    entry.asks.forEach((ask, k) => {
      const without = entries.map((e, j) => (j === i ? { ...e, asks: e.asks.filter((_, m) => m !== k) } : e))
      const answer = new GuideIndex(without, options).answer(ask)
      const right = answer.kind === 'answer' && answer.best.id === entry.id
      const english = !HAS_JAPANESE.test(ask)
      tally.total += 1
      if (right) tally.right += 1
      if (english) tally.english += 1
      if (english && right) tally.englishRight += 1
    })
  return tally
}
