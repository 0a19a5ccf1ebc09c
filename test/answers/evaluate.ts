import { GuideIndex, type GuideIndexOptions } from '../../src/answers/guide-index.js'
import type { GuideEntry } from '../../src/domain/guide.js'
import { QUESTIONS } from './questions.js'

export interface Score {
  answerable: number
  top1: number
  declined: number
  unanswerable: number
  /** Unanswerable questions correctly declined. */
  correctlyDeclined: number
  misses: Array<{ question: string; expected: string | null; got: string | null }>
}

/** Scores the guide's answers on the question set (top-1 section, and declining what it cannot answer). */
export function evaluate(entries: readonly GuideEntry[], options: GuideIndexOptions = {}): Score {
  const index = new GuideIndex(entries, options)
  const score: Score = {
    answerable: 0,
    top1: 0,
    declined: 0,
    unanswerable: 0,
    correctlyDeclined: 0,
    misses: [],
  }
  for (const [question, expected] of QUESTIONS) {
    const answer = index.answer(question)
    const got = answer.kind === 'answer' ? answer.best.id : null
    if (expected === null) {
      score.unanswerable += 1
      if (got === null) score.correctlyDeclined += 1
    } else {
      score.answerable += 1
      if (got === expected) score.top1 += 1
      if (got === null) score.declined += 1
    }
    if (got !== expected) score.misses.push({ question, expected, got })
  }
  return score
}
