import { describe, expect, it } from 'vitest'
import { giveFeedback, keepDeclined, reportQuestions } from '../../src/app/guide-feedback.js'
import { maskQuestion } from '../../src/domain/guide-feedback.js'
import { memoryDeps } from '../support/memory-ports.js'

/** The loop that learns (issue 29): declines and 「違う」 kept masked, once; the admins' report. */

describe('maskQuestion', () => {
  it('masks operator IDs, e-mail addresses and long digit runs, and keeps the words', () => {
    expect(maskQuestion('OP0123456789 の請求書を keiri@example.co.jp に、電話 03-1234-5678 へ')).toBe(
      'OP********** の請求書を ***@*** に、電話 **-****-**** へ',
    )
    expect(maskQuestion('ＯＰ０１２３４５６７８９')).toBe('OP**********')
  })
})

describe('keepDeclined / giveFeedback / reportQuestions', () => {
  it('keeps a declined question masked, and a 「違う」 once per answer message; 「解決した」 keeps nothing', async () => {
    const deps = memoryDeps()
    await keepDeclined(deps, { question: 'Wi-Fi のパスワードは？ OP0123456789', user: 'U0ALICE' })
    await giveFeedback(deps, {
      user: 'U0ALICE',
      verdict: 'solved',
      question: 'q',
      section: '3.4.8',
      messageTs: '1.1',
    })
    for (let i = 0; i < 2; i++)
      await giveFeedback(deps, {
        user: 'U0BOB',
        verdict: 'wrong',
        question: 'SIMを解約したい',
        section: '6.4',
        messageTs: '1.2',
      })
    expect(deps.questions.records.map((r) => [r.outcome, r.question, r.section])).toEqual([
      ['declined', 'Wi-Fi のパスワードは? OP**********', undefined],
      ['wrong', 'SIMを解約したい', '6.4'],
    ])
  })

  it('reports the last 30 days to admins only, the same wording counted together, most asked first', async () => {
    const deps = memoryDeps({ now: '2026-11-26T01:00:00Z' })
    deps.clock.set('2026-10-01T00:00:00Z')
    await keepDeclined(deps, { question: '古い質問', user: 'U0ALICE' })
    deps.clock.set('2026-11-20T00:00:00Z')
    await keepDeclined(deps, { question: '納品所はもらえる？', user: 'U0ALICE' })
    await keepDeclined(deps, { question: '納品所はもらえる', user: 'U0BOB' })
    await keepDeclined(deps, { question: 'Wi-Fiのパスワード', user: 'U0BOB' })
    await giveFeedback(deps, {
      user: 'U0BOB',
      verdict: 'wrong',
      question: 'SIM解約',
      section: '6.4',
      messageTs: '9',
    })
    deps.clock.set('2026-11-26T01:00:00Z')

    expect((await reportQuestions(deps, { admin: false })).kind).toBe('refused')
    const report = await reportQuestions(deps, { admin: true })
    if (report.kind !== 'report') throw new Error(report.kind)
    expect(report.declined.map((l) => [l.question, l.count])).toEqual([
      ['納品所はもらえる?', 2],
      ['Wi-Fiのパスワード', 1],
    ])
    expect(report.wrong).toMatchObject([{ question: 'SIM解約', count: 1, sections: ['6.4'] }])
  })

  it('a store that cannot keep a declined question costs the asker nothing (logged)', async () => {
    const deps = memoryDeps()
    deps.questions.save = async () => {
      throw new Error('disk full')
    }
    await expect(keepDeclined(deps, { question: 'x', user: 'U0ALICE' })).resolves.toBeUndefined()
    expect(deps.logger.lines.some((l) => l.message === 'declined question not kept')).toBe(true)
  })
})
