import { describe, expect, it } from 'vitest'
import type { Bill } from '../../src/domain/bill.js'
import type { BillReport } from '../../src/domain/bill-report.js'
import type { YearMonth } from '../../src/domain/plain-date.js'
import { billReportMessage } from '../../src/render/bill.js'

const link = { operatorId: 'OP0123456789', coverage: 'g' } as Extract<BillReport, { kind: 'bill' }>['link']
const bill = (currency: Bill['currency']): Bill => ({
  month: '2026-10' as YearMonth,
  amount: 123.45,
  currency,
  state: 'closed',
})
const shown = (report: BillReport) => JSON.stringify(billReportMessage(report).blocks)

describe('a bill in another currency than yen (issue 24; §3.7.2)', () => {
  it('says a global-coverage bill in USD is invoiced in yen at the month\u2019s average TTS rate', () => {
    const text = shown({ kind: 'bill', link, bill: bill('USD'), cardPayer: false })
    expect(text).toContain('月中平均 TTS')
    expect(text).toContain('円に換算した金額が請求されます（§3.7.2）')
  })

  it('adds nothing to a bill in yen', () => {
    expect(shown({ kind: 'bill', link, bill: bill('JPY'), cardPayer: false })).not.toContain('TTS')
  })

  it('writes no space between a full-width bracket and the particle after it (domain.md)', () => {
    expect(billReportMessage({ kind: 'no_bill', link }).text).toBe(
      'OP0123456789（グローバル）には確定した請求がまだありません。',
    )
  })
})
