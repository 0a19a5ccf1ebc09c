import { describe, expect, it } from 'vitest'
import { cleanFreeText } from '../../src/domain/free-text.js'

describe('free text a user types', () => {
  it('loses control and bidirectional-override characters', () => {
    expect(cleanFreeText('本番\u0000環境\u202Eabc\u2066\u200F\u0085')).toBe('本番環境abc')
  })

  it('keeps line breaks, tabs, full-width text and emoji as typed', () => {
    expect(cleanFreeText('東京都 千代田区\n１－２－３\t🏢')).toBe('東京都 千代田区\n１－２－３\t🏢')
  })
})
