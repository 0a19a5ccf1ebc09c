import { describe, expect, it } from 'vitest'
import { evaluateInvoiceMerge, parseOperatorIdList } from '../../src/domain/invoice-merge.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import { parseProblemText } from '../../src/render/problems.js'

const A = 'OP1111111111' as OperatorId
const B = 'OP2222222222' as OperatorId
const C = 'OP3333333333' as OperatorId

describe('parseOperatorIdList', () => {
  it('splits on newlines, commas, ideographic commas and spaces', () => {
    expect(
      parseOperatorIdList('OP1111111111\nOP2222222222, OP3333333333、OP4444444444 OP5555555555'),
    ).toEqual({
      ok: true,
      value: ['OP1111111111', 'OP2222222222', 'OP3333333333', 'OP4444444444', 'OP5555555555'],
    })
  })

  it('normalises full-width and lower-case IDs and drops repeats, keeping the first order', () => {
    expect(parseOperatorIdList('ｏｐ２２２２２２２２２２，OP1111111111\nop2222222222')).toEqual({
      ok: true,
      value: ['OP2222222222', 'OP1111111111'],
    })
  })

  it('names the tokens that are not operator IDs', () => {
    const result = parseOperatorIdList('OP1111111111, OP12, hello')
    expect(!result.ok && parseProblemText(result.problem)).toContain('「OP12」「HELLO」')
  })

  it('asks for at least one ID when the text is blank', () => {
    expect(parseOperatorIdList(' \n , ').ok).toBe(false)
  })

  it('refuses more than 50 operators at once', () => {
    const many = Array.from({ length: 51 }, (_, i) => `OP${String(i).padStart(10, '0')}`).join('\n')
    expect(parseOperatorIdList(many).ok).toBe(false)
  })
})

describe('evaluateInvoiceMerge (§3.4.3)', () => {
  it('makes a 請求統合 ticket for one invoice, sent from the target operator', () => {
    expect(evaluateInvoiceMerge({ mode: 'single_invoice', sources: [A, B], target: C })).toEqual({
      kind: 'ticket',
      model: { kind: 'invoice_merge', destination: 'soracom', operatorId: C, sources: [A, B], target: C },
    })
  })

  it('requires a target for one invoice', () => {
    expect(evaluateInvoiceMerge({ mode: 'single_invoice', sources: [A], target: undefined })).toMatchObject({
      kind: 'invalid',
      field: 'target',
    })
  })

  it('refuses a target that is also a source', () => {
    const outcome = evaluateInvoiceMerge({ mode: 'single_invoice', sources: [A, B], target: B })
    expect(outcome).toMatchObject({ kind: 'invalid', field: 'target' })
    expect(outcome).toMatchObject({ problem: { code: 'merge_target_in_sources', target: 'OP2222222222' } })
  })

  it('gives the MyPage steps, not a ticket, for one bank account', () => {
    expect(evaluateInvoiceMerge({ mode: 'single_bank_account', sources: [A, B], target: undefined })).toEqual(
      {
        kind: 'self_service',
        model: { operatorIds: [A, B], representative: undefined },
      },
    )
  })

  it('puts the named representative first for one bank account', () => {
    expect(evaluateInvoiceMerge({ mode: 'single_bank_account', sources: [A, B], target: C })).toEqual({
      kind: 'self_service',
      model: { operatorIds: [C, A, B], representative: C },
    })
  })
})
