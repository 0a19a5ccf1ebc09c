import { describe, expect, it } from 'vitest'
import { GuideIndex, loadGuide } from '../../src/answers/guide-index.js'
import { expandQuestion } from '../../src/answers/thesaurus.js'

describe('the thesaurus (src/answers/thesaurus.ts)', () => {
  it('adds the guide’s word for an everyday one, and keeps the question', () => {
    expect(expandQuestion('レシートがほしい')).toContain('領収書')
    expect(expandQuestion('レシートがほしい')).toContain('レシート')
    expect(expandQuestion('口振にしたい')).toContain('口座振替')
    expect(expandQuestion('〆日はいつ')).toContain('締め日')
    // A question without any of those words is left alone.
    expect(expandQuestion('請求書を再発行してほしい')).toBe('請求書を再発行してほしい')
  })

  it('answers an everyday word with the section that uses the guide’s word', () => {
    const entries = loadGuide()
    const best = (q: string, thesaurus: boolean) => {
      const a = new GuideIndex(entries, { thesaurus }).answer(q)
      return a.kind === 'answer' ? a.best.id : null
    }
    for (const q of ['レシートはもらえますか', 'レシートを発行してほしい']) {
      expect(best(q, true), q).toBe('5.4.2')
      expect(best(q, false), q).not.toBe('5.4.2')
    }
  })
})
