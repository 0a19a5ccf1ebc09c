import { describe, expect, it } from 'vitest'
import { askInThread, keepThread } from '../../src/app/ask-guide.js'
import type { GuideAnswer } from '../../src/domain/guide.js'
import { memoryDeps } from '../support/memory-ports.js'

/**
 * Follow-ups in a DM thread (issue 27: the thread's first question lives in the store, so every
 * replica reads a follow-up alike). 「カード払いの場合は？」 alone is not about receipts; after
 * 「領収書はもらえますか？」 it is.
 */
const best = (answer: GuideAnswer) => (answer.kind === 'answer' ? answer.best.id : 'declined')
const FIRST = {
  channel: 'D0ALICE',
  ts: '5.1',
  user: 'U0ALICE',
  question: '領収書はもらえますか？ OP0123456789',
}
const FOLLOW_UP = {
  channel: 'D0ALICE',
  ts: '5.2',
  threadTs: '5.1',
  user: 'U0ALICE',
  question: 'カード払いの場合は？',
}

describe('askInThread / keepThread', () => {
  it('reads a follow-up together with the thread\u2019s first question, which is kept masked', async () => {
    const deps = memoryDeps()
    const alone = await askInThread(deps, { ...FOLLOW_UP, threadTs: '9.9' })
    expect(best(alone.answer)).not.toBe('5.4.2')
    expect(alone.threadKnown).toBe(false)

    const first = await askInThread(deps, FIRST)
    expect(first.threadKnown).toBe(false)
    await keepThread(deps, FIRST)
    expect(deps.threads.records).toEqual([
      {
        id: 'D0ALICE:5.1',
        at: '2026-11-26T01:00:00.000Z',
        question: '領収書はもらえますか? OP**********',
        user: 'U0ALICE',
      },
    ])
    const followUp = await askInThread(deps, FOLLOW_UP)
    expect(followUp).toMatchObject({ threadKnown: true })
    expect(best(followUp.answer)).toBe('5.4.2')
  })

  it('reads a follow-up alone when someone else asked the first question, or it is over 7 days old', async () => {
    const deps = memoryDeps()
    await keepThread(deps, FIRST)
    expect(best((await askInThread(deps, { ...FOLLOW_UP, user: 'U0BOB' })).answer)).not.toBe('5.4.2')
    deps.clock.set('2026-12-02T01:00:00Z')
    expect(best((await askInThread(deps, FOLLOW_UP)).answer)).toBe('5.4.2')
    deps.clock.set('2026-12-03T01:00:01Z')
    expect(best((await askInThread(deps, FOLLOW_UP)).answer)).not.toBe('5.4.2')
  })

  it('answers when the store fails, without the context, and logs why', async () => {
    const deps = memoryDeps()
    await keepThread(deps, FIRST)
    deps.threads.failing = Object.assign(new Error('down'), { code: 'database_unavailable' })
    const { answer, threadKnown } = await askInThread(deps, FOLLOW_UP)
    expect([answer.kind, threadKnown]).toEqual([expect.stringMatching(/answer/), false])
    expect(best(answer)).not.toBe('5.4.2')
    await keepThread(deps, { ...FIRST, ts: '6.1' })
    expect(deps.logger.lines.map((e) => e.message)).toEqual(
      expect.arrayContaining(['thread question not read', 'thread question not kept']),
    )
  })
})
