import { describe, expect, it } from 'vitest'
import { linkFailureWorthTelling, UNREACHABLE_ALERT_AFTER_MS } from '../../src/domain/billing-alert.js'

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
