import { describe, expect, it } from 'vitest'
import {
  evaluateBankAccountInquiry,
  evaluateCompanyNameChange,
  loginRecoverySteps,
} from '../../src/domain/guided-requests.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import {
  bankAccountInquiryTicketModel,
  companyNameChangeTicketModel,
} from '../../src/render/ticket-models.js'

const OP = 'OP0123456789' as OperatorId

describe('the guide\u2019s guided requests', () => {
  it('§3.4.2: no bank-account inquiry before the switch mail (the account does not exist yet)', () => {
    expect(evaluateBankAccountInquiry({ operatorId: OP, coverage: 'jp', switchMailReceived: false })).toEqual(
      {
        kind: 'too_early',
        operatorId: OP,
      },
    )
    expect(
      evaluateBankAccountInquiry({ operatorId: OP, coverage: 'both', switchMailReceived: true }),
    ).toEqual({ kind: 'ticket' })
    expect(
      bankAccountInquiryTicketModel({ operatorId: OP, coverage: 'both', switchMailReceived: true }),
    ).toEqual({ operatorId: OP, coverageLabel: '両方' })
  })

  it('§6.2: a transfer to a third party is not possible; the same name again is an inline error', () => {
    const base = { operatorId: OP, currentName: '株式会社サンプル', newName: '株式会社サンプル2' }
    expect(evaluateCompanyNameChange({ ...base, reason: 'transfer' }).kind).toBe('not_possible')
    expect(
      evaluateCompanyNameChange({ ...base, reason: 'merger', newName: ' 株式会社サンプル ' }),
    ).toMatchObject({
      kind: 'invalid',
      field: 'newName',
    })
    const change = evaluateCompanyNameChange({ ...base, reason: 'trade_name' })
    expect(change).toMatchObject({ kind: 'ticket', names: { newName: '株式会社サンプル2' } })
    if (change.kind !== 'ticket') throw new Error('expected a ticket')
    expect(companyNameChangeTicketModel({ ...base, reason: 'trade_name' }, change.names)).toMatchObject({
      reasonLabel: '商号変更',
      newName: '株式会社サンプル2',
    })
  })

  it('§7.3: the three documents, the new address only when the old one is unusable, then mail and reset', () => {
    const keys = (usable: boolean) => loginRecoverySteps(usable)
    expect(keys(true)).toEqual([
      'id_document',
      'relation_document',
      'invoices',
      'mail_sent',
      'password_reset',
    ])
    expect(keys(false)).toEqual([
      'id_document',
      'relation_document',
      'invoices',
      'new_email',
      'mail_sent',
      'password_reset',
    ])
  })
})
