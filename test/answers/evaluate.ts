import { GuideIndex, type GuideIndexOptions } from '../../src/answers/guide-index.js'
import type { GuideEntry } from '../../src/domain/guide.js'
import { QUESTIONS } from './questions.js'

/** Questions with the sections that answer them (more than one where the guide repeats itself), or null. */
export type QuestionSet = ReadonlyArray<readonly [question: string, sections: readonly string[] | null]>

/** The tuned question set (test/answers/questions.ts) in that shape. */
export const TUNED_SET: QuestionSet = QUESTIONS.map(([q, s]) => [q, s === null ? null : [s]] as const)

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
