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

describe('/billing settings words (issue 26.3)', () => {
  it('reads mentions as Slack escapes them, bare IDs, commas, and reset', async () => {
    const { parseSettingsText } = await import('../../src/slack/commands/billing-settings.js')
    expect(parseSettingsText('settings')).toEqual({ kind: 'show' })
    expect(parseSettingsText('settings admins <@U0A|alice>, <@W0B> U0C')).toEqual({
      kind: 'change',
      change: { key: 'admins', value: ['U0A', 'W0B', 'U0C'] },
    })
    expect(parseSettingsText('settings CHANNELS <#C0A|general> <#G0B|>')).toEqual({
      kind: 'change',
      change: { key: 'channels', value: ['C0A', 'G0B'] },
    })
    expect(parseSettingsText('settings usergroup <!subteam^S0DESK|@desk>')).toEqual({
      kind: 'change',
      change: { key: 'usergroup', value: 'S0DESK' },
    })
    expect(parseSettingsText('settings users ＲＥＳＥＴ')).toEqual({
      kind: 'change',
      change: { key: 'users', reset: true },
    })
  })

  it('names what it cannot read instead of guessing', async () => {
    const { parseSettingsText } = await import('../../src/slack/commands/billing-settings.js')
    expect(parseSettingsText('settings channels <#D0DM|dm>')).toMatchObject({ problem: { kind: 'bad_id' } })
    expect(parseSettingsText('settings users <#C0A|general>')).toMatchObject({ problem: { kind: 'bad_id' } })
    expect(parseSettingsText('settings usergroup <!subteam^S0A> <!subteam^S0B>')).toMatchObject({
      problem: { kind: 'one_group' },
    })
    expect(parseSettingsText('settings admins')).toMatchObject({
      problem: { kind: 'no_value', key: 'admins' },
    })
    const many = Array.from({ length: 101 }, (_, i) => `U0${i}`).join(' ')
    expect(parseSettingsText(`settings users ${many}`)).toMatchObject({
      problem: { kind: 'too_many', max: 100 },
    })
  })
})
