import { describe, expect, it } from 'vitest'
import type { DigestRecord } from '../../src/domain/billing-alert.js'
import { digestMessage } from '../../src/render/spend.js'
import { violationsOf } from '../support/slack-limits.js'

describe('digestMessage', () => {
  it('stays within Slack’s limits however many operators are linked: 20 named, the rest counted', () => {
    const links = Array.from({ length: 60 }, (_, i) => ({
      operatorId: `OP${String(i).padStart(10, '0')}`,
      coverage: 'jp' as const,
      month: '2026-11',
      currency: 'JPY' as const,
      soFar: 40_000,
      forecast: 52_000,
      budget: 50_000,
      previous: 48_000,
      services: [{ name: 'データ通信料', amount: 30_000 }],
    }))
    const digest: DigestRecord = {
      id: 'digest:C0DESK:2026-11-30',
      kind: 'digest',
      cadence: 'weekly',
      period: '2026-11-30',
      links,
      channel: 'C0DESK',
      requester: 'U0ADMIN',
      createdAt: '2026-11-30T00:30:00.000Z',
    }
    const message = digestMessage(digest)
    expect(violationsOf('chat.postMessage', { channel: 'C0DESK', ...message }, 1_790_000_000)).toEqual([])
    const text = JSON.stringify(message.blocks)
    expect(text).toContain('OP0000000019')
    expect(text).not.toContain('OP0000000020')
    expect(text).toContain('ほか 40 件のオペレーター')
  })
})
