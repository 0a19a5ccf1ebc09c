import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { evaluateDirectDebit } from '../../src/domain/direct-debit.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import { createRenderer, splitTicketText } from '../../src/render/templates.js'

const renderer = createRenderer()
const goldenPath = (name: string) => new URL(`./golden/${name}.txt`, import.meta.url)

/** Compares with the golden file; `UPDATE_GOLDEN=1 npm test` rewrites it so the change shows in review. */
async function expectGolden(name: string, actual: string): Promise<void> {
  if (process.env.UPDATE_GOLDEN) await writeFile(goldenPath(name), actual)
  expect(actual).toBe(await readFile(goldenPath(name), 'utf8'))
}

describe('ticket templates', () => {
  it('renders the direct-debit request exactly as §3.5.1 documents it', async () => {
    const outcome = evaluateDirectDebit({
      operatorId: 'OP0123456789' as OperatorId,
      coverage: 'both',
      accountType: 'corporate',
      invoicePayment: 'active',
      consent: true,
    })
    if (outcome.kind !== 'ticket') throw new Error('expected a ticket')

    const text = renderer.ticket('direct-debit', outcome.model)

    await expectGolden('direct-debit', text.full)
    expect(text.subject).toBe('口座振替の希望')
    expect(text.body).toBe('オペレーター ID: OP0123456789\n対象カバレッジ: 両方\n上記の注意点: 同意')
  })

  it('fails loudly when a view-model field is missing rather than leaving a blank in a ticket', () => {
    expect(() => renderer.ticket('direct-debit', { operatorId: 'OP0123456789' })).toThrow()
  })

  it('escapes user text in guidance so it cannot ping a channel', () => {
    const text = renderer.guidance('direct-debit-individual-account', { operatorId: '<!channel>' })
    expect(text).not.toContain('<!channel>')
    expect(text).toContain('&lt;!channel&gt;')
  })
})

describe('splitTicketText', () => {
  it('rejects text that does not start with the 件名 line', () => {
    expect(() => splitTicketText('本文:\nx')).toThrow(/件名/)
  })
})
