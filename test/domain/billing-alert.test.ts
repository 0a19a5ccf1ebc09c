import { describe, expect, it } from 'vitest'
import {
  type BillingAlert,
  linkFailureWorthTelling,
  openLinkBroken,
  UNREACHABLE_ALERT_AFTER_MS,
} from '../../src/domain/billing-alert.js'

describe('linkFailureWorthTelling', () => {
  const lastSuccess = new Date('2026-11-26T01:00:00Z')
  const later = (ms: number) => new Date(lastSuccess.getTime() + ms)

  it('tells a refused key or permission at once: it will not mend itself', () => {
    expect(linkFailureWorthTelling('auth_failed', lastSuccess, later(1))).toBe(true)
    expect(linkFailureWorthTelling('refused', lastSuccess, later(1))).toBe(true)
  })

  it('tells an unreachable SORACOM only after a day without a successful check', () => {
    expect(UNREACHABLE_ALERT_AFTER_MS).toBe(24 * 3_600_000)
    expect(linkFailureWorthTelling('unreachable', lastSuccess, later(UNREACHABLE_ALERT_AFTER_MS - 1))).toBe(
      false,
    )
    expect(linkFailureWorthTelling('unreachable', lastSuccess, later(UNREACHABLE_ALERT_AFTER_MS))).toBe(true)
  })
})

describe('openLinkBroken', () => {
  const broken = (id: string, coverage: 'jp' | 'g', restored?: string): BillingAlert => ({
    id,
    kind: 'link_broken',
    operatorId: 'OP0123456789',
    coverage,
    reason: 'auth_failed',
    lastSuccess: '2026-11-26T01:00:00.000Z',
    channel: 'C0ALERTS',
    requester: 'U0ADMIN',
    createdAt: '2026-11-26T02:00:00.000Z',
    ...(restored ? { restored } : {}),
  })

  it('finds the link’s breakage not yet mended, and no other coverage’s or restored one', () => {
    const alerts = [broken('A', 'jp', '2026-11-26T03:00:00.000Z'), broken('B', 'g'), broken('C', 'jp')]
    expect(openLinkBroken(alerts, { operatorId: 'OP0123456789', coverage: 'jp' })?.id).toBe('C')
    expect(openLinkBroken(alerts.slice(0, 1), { operatorId: 'OP0123456789', coverage: 'jp' })).toBeUndefined()
    expect(openLinkBroken(alerts, { operatorId: 'OP0000000001', coverage: 'g' })).toBeUndefined()
  })
})
