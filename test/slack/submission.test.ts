import { describe, expect, it } from 'vitest'
import { accepted, invalid, type SubmissionOutcome } from '../../src/app/deps.js'
import { completeSubmission, SUBMISSION_ACK_BUDGET_MS } from '../../src/slack/views/submission.js'

type Args = Parameters<typeof completeSubmission>[0]

/** A hand-written stand-in for Bolt's view_submission arguments, recording what the listener does. */
function fakeArgs() {
  const acks: unknown[] = []
  const updates: unknown[] = []
  const dms: Array<{ channel: string; text: string }> = []
  const args = {
    ack: async (response?: unknown) => {
      acks.push(response)
    },
    body: { user: { id: 'U0ALICE' } },
    view: {
      id: 'V0001',
      callback_id: 'direct_debit',
      title: { type: 'plain_text', text: '口座振替の依頼' },
      private_metadata: JSON.stringify({ channel: 'C0BILLING', user: 'U0ALICE' }),
      state: { values: { operator_id: {} } },
    },
    client: {
      views: {
        update: async (update: unknown) => {
          updates.push(update)
          return { ok: true }
        },
      },
      chat: {
        postMessage: async (message: { channel: string; text: string }) => {
          dms.push(message)
          return { ok: true }
        },
      },
    },
    logger: { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined },
  }
  return { args: args as unknown as Args, acks, updates, dms }
}

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms))

describe('completeSubmission', () => {
  it('closes the modal when the request is stored in time, then runs what follows the ack', async () => {
    const { args, acks } = fakeArgs()
    let followed = false
    await completeSubmission(args, {}, async () =>
      accepted(async () => {
        followed = true
      }),
    )
    expect(acks).toEqual([undefined])
    expect(followed).toBe(true)
  })

  it('answers 「保存しています」 past the budget, and shows inline problems found only later in the modal and by DM', async () => {
    const { args, acks, updates, dms } = fakeArgs()
    const late: SubmissionOutcome = invalid({ operator_id: 'オペレーター ID を確かめてください。' })

    await completeSubmission(args, {}, () => after(SUBMISSION_ACK_BUDGET_MS + 200, late))

    expect(JSON.stringify(acks)).toContain('保存に時間がかかっています')
    expect(JSON.stringify(updates)).toContain('オペレーター ID を確かめてください。')
    expect(dms).toEqual([
      { channel: 'U0ALICE', text: expect.stringContaining('この依頼は受け付けられていません') },
    ])
  })
})
