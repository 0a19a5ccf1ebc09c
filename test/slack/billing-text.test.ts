import { describe, expect, it } from 'vitest'
import { createRenderer } from '../../src/render/templates.js'
import { BILLING_SUBCOMMANDS, billingUnknown, parseBillTarget } from '../../src/slack/commands/billing.js'

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

describe('/billing subcommands (a table of named callbacks)', () => {
  it('has a callback for every subcommand the manifest advertises, and no other', async () => {
    const { readFile } = await import('node:fs/promises')
    const manifest = JSON.parse(await readFile(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
      features: { slash_commands: Array<{ command: string; usage_hint?: string }> }
    }
    const hint = manifest.features.slash_commands.find((c) => c.command === '/billing')?.usage_hint ?? ''
    const advertised = new Set(
      hint
        .replace(/\[[^\]]*\]/g, '')
        .split('|')
        .map((part) => part.trim().split(/\s+/)[0]),
    )

    expect(new Set(Object.keys(BILLING_SUBCOMMANDS))).toEqual(advertised)
  })

  it('answers an unknown word with the help and the word named, called directly as a listener', async () => {
    const acked: unknown[] = []
    const args = {
      ack: async (response?: unknown) => void acked.push(response),
      deps: { renderer: createRenderer() },
      words: { sub: 'frobnicate', arg: '', page: 1 },
    } as unknown as Parameters<typeof billingUnknown>[0]

    await billingUnknown(args)

    expect(JSON.stringify(acked[0])).toContain('`/billing frobnicate` というサブコマンドはありません')
    expect(JSON.stringify(acked[0])).toContain('請求サポート')
  })
})
