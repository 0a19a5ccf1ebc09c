import { describe, expect, it } from 'vitest'
import { normalizeOperatorId, parseOperatorId } from '../../src/domain/operator-id.js'
import { parseProblemText } from '../../src/render/problems.js'

describe('parseOperatorId', () => {
  it('accepts OP followed by ten digits', () => {
    expect(parseOperatorId('OP0123456789')).toEqual({ ok: true, value: 'OP0123456789' })
  })

  it('normalises full-width, lower-case input with surrounding spaces', () => {
    expect(parseOperatorId(' ｏｐ０１２３４５６７８９ ')).toEqual({ ok: true, value: 'OP0123456789' })
  })

  it('normalises an ideographic space around the ID', () => {
    expect(parseOperatorId('\u3000OP0123456789\u3000')).toEqual({ ok: true, value: 'OP0123456789' })
  })

  it.each([
    ['too few digits', 'OP012345678'],
    ['too many digits', 'OP01234567890'],
    ['another prefix', 'XP0123456789'],
    ['letters among the digits', 'OP01234567A9'],
    ['a space inside', 'OP01234 56789'],
  ])('rejects %s with a message showing the expected shape', (_case, input) => {
    const result = parseOperatorId(input)
    expect(result.ok).toBe(false)
    expect(!result.ok && parseProblemText(result.problem)).toContain('OP に続く数字 10 桁')
  })

  it('asks for an ID when the input is blank', () => {
    const result = parseOperatorId('   ')
    expect(!result.ok && parseProblemText(result.problem)).toContain('入力してください')
  })

  it('rejects oversized input without echoing it back whole', () => {
    const result = parseOperatorId('O'.repeat(10_000))
    expect(result.ok).toBe(false)
    expect(!result.ok && parseProblemText(result.problem).length).toBeLessThan(200)
  })
})

describe('normalizeOperatorId', () => {
  it('folds full-width letters and digits and upper-cases', () => {
    expect(normalizeOperatorId('ｏｐ１２')).toBe('OP12')
  })
})
