import { describe, expect, it } from 'vitest'
import { parseBillTarget } from '../../src/slack/commands/billing.js'

describe('the words after `/billing bill` and `/billing unlink`', () => {
  it('reads a month, an operator and a coverage in any order, full-width and lower-case too', () => {
    expect(parseBillTarget('bill 2022-08')).toEqual({ month: '2022-08' })
    expect(parseBillTarget('bill ｏｐ０１２３４５６７８９ G 2022年8月')).toEqual({
      operatorId: 'OP0123456789',
      coverage: 'g',
      month: '2022-08',
    })
    expect(parseBillTarget('unlink OP0123456789 jp')).toEqual({ operatorId: 'OP0123456789', coverage: 'jp' })
  })

  it('names the first word it cannot read, without mrkdwn', () => {
    expect(parseBillTarget('bill *august* 2022-08')).toEqual({ month: '2022-08', bad: 'august' })
  })
})
