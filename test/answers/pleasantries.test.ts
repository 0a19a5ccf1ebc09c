import { describe, expect, it } from 'vitest'
import { GuideIndex, loadGuide } from '../../src/answers/guide-index.js'
import { withoutPleasantries } from '../../src/answers/pleasantries.js'

describe('a question without the greeting, who is writing and the closing (src/answers/pleasantries.ts)', () => {
  it('drops whole greeting, self-introduction and closing sentences, in Japanese and English', () => {
    expect(withoutPleasantries('お疲れ様です。請求書が届きません')).toBe('請求書が届きません')
    expect(
      withoutPleasantries(
        'お世話になっております。経理部の田中です。先月の請求書が届いていません。よろしくお願いいたします。',
      ),
    ).toBe('先月の請求書が届いていません。')
    expect(withoutPleasantries('総務課の佐藤と申します。領収書はもらえますか？')).toBe(
      '領収書はもらえますか?',
    )
    expect(withoutPleasantries('口座振替にしたいです よろしくお願いします')).toBe('口座振替にしたいです')
    expect(withoutPleasantries('Hi team, how do I get a receipt? Thanks in advance!')).toBe(
      'how do I get a receipt?',
    )
  })

  it('keeps a question that is nothing else, and a statement that only looks like one', () => {
    expect(withoutPleasantries('請求書を再発行してほしい')).toBe('請求書を再発行してほしい')
    expect(withoutPleasantries('よろしくお願いします')).toBe('よろしくお願いします')
    expect(withoutPleasantries('請求書の宛先は経理部です。担当者名を変えたい')).toBe(
      '請求書の宛先は経理部です。担当者名を変えたい',
    )
    expect(withoutPleasantries('Thanks')).toBe('Thanks')
  })

  it('answers the same with or without them, and still declines what the guide does not cover', () => {
    const index = new GuideIndex(loadGuide())
    const id = (q: string) => {
      const a = index.answer(q)
      return a.kind === 'answer' ? a.best.id : null
    }
    for (const q of [
      '請求書を再発行してほしい',
      '口座振替にしたい',
      'ログインできない',
      'how do I get a receipt',
    ]) {
      const plain = id(q)
      expect(plain, q).not.toBeNull()
      expect(id(`お疲れ様です。経理担当の者です。${q}。よろしくお願いします。`), q).toBe(plain)
      expect(id(`Hi team, ${q}. Thanks in advance!`), q).toBe(plain)
    }
    // 経理 and 担当 are the guide's words (§2.2 has asks about accounting staff): without the
    // stripping, this out-of-scope question was answered with §2.2.
    expect(index.answer('お疲れ様です。経理担当の者です。社内Wi-Fiのパスワードを教えてください').kind).toBe(
      'no_answer',
    )
  })
})
