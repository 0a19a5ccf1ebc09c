import { describe, expect, it } from 'vitest'
import { invalid, type SubmissionOutcome } from '../../src/app/outcomes.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import { completeSubmission, SUBMISSION_ACK_BUDGET_MS } from '../../src/slack/views/submission.js'
import { memoryDeps, ORIGIN } from '../support/memory-ports.js'

type Args = Parameters<typeof completeSubmission>[1]

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
  it('closes the modal when the request is stored in time, then takes the follow-up step of the outcome', async () => {
    const { args, acks } = fakeArgs()
    const deps = memoryDeps()
    await completeSubmission(deps, args, {}, async () => ({
      kind: 'operator_registered',
      origin: ORIGIN,
      operatorId: 'OP0123456789' as OperatorId,
    }))
    expect(acks).toEqual([undefined])
    expect(deps.notifier.told).toEqual([{ origin: ORIGIN, text: expect.stringContaining('OP0123456789') }])
  })

  it('answers 「保存しています」 past the budget, and shows inline problems found only later in the modal and by DM', async () => {
    const { args, acks, updates, dms } = fakeArgs()
    const late: SubmissionOutcome = invalid({ new_name: { code: 'same_company_name' } })

    await completeSubmission(memoryDeps(), args, {}, () => after(SUBMISSION_ACK_BUDGET_MS + 200, late))

    expect(JSON.stringify(acks)).toContain('保存に時間がかかっています')
    expect(JSON.stringify(updates)).toContain('変更後の社名が現在の社名と同じです')
    expect(dms).toEqual([
      { channel: 'U0ALICE', text: expect.stringContaining('この依頼は受け付けられていません') },
    ])
  })
})
