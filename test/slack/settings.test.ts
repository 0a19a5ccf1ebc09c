import { afterEach, describe, expect, it } from 'vitest'
import { REFUSAL_TEXT } from '../../src/slack/middleware/authorization.js'
import { FakeSlack, type FakeTeam } from '../support/fake-slack.js'
import { STORE_BACKEND, startTestBot, type TestBot } from '../support/test-bot.js'

const NOW = '2026-11-26T10:00:00+09:00'

/** What the bot answered in the ack, as the user sees it (text and blocks). */
const answerOf = (res: { json: () => unknown }) => JSON.stringify(res.json() ?? '')

describe('/billing settings in one workspace (issue 26.3)', () => {
  let bot: TestBot
  afterEach(async () => {
    await bot.stop()
  })

  it('shows the environment defaults, and lets an admin restrict the channels: others refused, DMs still work', async () => {
    bot = await startTestBot({ now: NOW, access: { admins: ['U0ADMIN'] } })
    const shown = answerOf(await bot.command('/billing', 'settings', { userId: 'U0ALICE' }))
    expect(shown).toContain('<@U0ADMIN>（既定）')
    expect(shown).toContain('すべてのチャンネル（既定）')

    // Slack sends the mention escaped (the manifest sets should_escape for /billing).
    const changed = await bot.command('/billing', 'settings channels <#C0DESK|desk> <#C0ACCT|>', {
      userId: 'U0ADMIN',
    })
    expect(answerOf(changed)).toContain('使えるチャンネルを変えました')
    expect(answerOf(changed)).toContain('<#C0DESK> <#C0ACCT>（このワークスペースの設定）')
    await bot.store.settings.load()
    expect(bot.store.settings.get()).toEqual({ channels: ['C0DESK', 'C0ACCT'] })

    const elsewhere = await bot.command('/billing', 'tickets', { userId: 'U0ALICE', channelId: 'C0BILLING' })
    expect(answerOf(elsewhere)).toContain(REFUSAL_TEXT.channel_not_allowed)
    const inDesk = await bot.command('/billing', 'tickets', { userId: 'U0ALICE', channelId: 'C0DESK' })
    expect(answerOf(inDesk)).not.toContain(REFUSAL_TEXT.channel_not_allowed)
    const inDm = await bot.command('/billing', 'tickets', { userId: 'U0ALICE', channelId: 'D0ALICE' })
    expect(answerOf(inDm)).not.toContain(REFUSAL_TEXT.channel_not_allowed)

    // Back to the default: every channel again.
    await bot.command('/billing', 'settings channels reset', { userId: 'U0ADMIN', channelId: 'D0ADMIN' })
    const again = await bot.command('/billing', 'tickets', { userId: 'U0ALICE', channelId: 'C0BILLING' })
    expect(answerOf(again)).not.toContain(REFUSAL_TEXT.channel_not_allowed)
  })

  it('refuses a member, and a change that would lock the admin out; the file is left as it was', async () => {
    bot = await startTestBot({ now: NOW, access: { admins: ['U0ADMIN'] } })
    const member = await bot.command('/billing', 'settings admins <@U0ALICE|alice>', { userId: 'U0ALICE' })
    expect(answerOf(member)).toContain('設定を変えられるのは管理者だけです')
    const lockout = await bot.command('/billing', 'settings admins <@U0CAROL|carol>', { userId: 'U0ADMIN' })
    expect(answerOf(lockout)).toContain('あなた自身が管理者でなくなるか')
    await bot.store.settings.load()
    expect(bot.store.settings.get()).toEqual({})
  })

  it('makes a newly named admin one at once (they may link an operator); words it cannot read are named', async () => {
    bot = await startTestBot({ now: NOW, access: { admins: ['U0ADMIN'] } })
    const before = await bot.command('/billing', 'link', { userId: 'U0CAROL' })
    expect(answerOf(before)).toContain('管理者だけ')
    await bot.command('/billing', 'settings admins <@U0ADMIN|admin> <@U0CAROL|carol>', { userId: 'U0ADMIN' })
    const after = await bot.command('/billing', 'link', { userId: 'U0CAROL' })
    expect(after.text).toBe('')
    await bot.slack.waitFor('views.open')

    const bad = await bot.command('/billing', 'settings users @carol', { userId: 'U0ADMIN' })
    expect(answerOf(bad)).toContain('「@carol」はユーザー（@名前）として読めませんでした')
    const unknown = await bot.command('/billing', 'settings colour blue', { userId: 'U0ADMIN' })
    expect(answerOf(unknown)).toContain('「colour」という設定はありません')
  })

  // The data file's failure; PostgreSQL's outage is test/store/postgres-outage.test.ts.
  it.skipIf(STORE_BACKEND === 'postgres')(
    'says the setting did not change when the data file cannot be written, and keeps the old one',
    async () => {
      let failing = false
      bot = await startTestBot({
        now: NOW,
        access: { admins: ['U0ADMIN'] },
        writeFile: async (file, text) => {
          if (failing) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
          const { writeFile } = await import('node:fs/promises')
          await writeFile(file, text)
        },
      })
      failing = true
      const res = await bot.command('/billing', 'settings channels <#C0DESK|desk>', { userId: 'U0ADMIN' })
      expect(answerOf(res)).toContain('保存できなかったため、設定は変わっていません')
      failing = false
      const still = await bot.command('/billing', 'tickets', { userId: 'U0ALICE', channelId: 'C0BILLING' })
      expect(answerOf(still)).not.toContain(REFUSAL_TEXT.channel_not_allowed)
    },
  )
})

/** A workspace's settings as stored now. */
async function loadedSettings(bot: TestBot, team: string) {
  const repositories = await bot.workspaceDeps(team)
  await repositories?.settings.load()
  return repositories?.settings.get()
}

describe('/billing settings with many workspaces (issue 26.3)', () => {
  const A: FakeTeam = { id: 'T0AAAAAAA', name: 'Acme' }
  const B: FakeTeam = { id: 'T0BBBBBBB', name: 'Beta' }
  let bot: TestBot
  let slack: FakeSlack
  afterEach(async () => {
    await bot.stop()
    await slack.stop()
  })

  it("keeps each workspace's settings to it: A's admins and channels change nothing in B", async () => {
    slack = await new FakeSlack().start()
    // Each workspace's own owner, as Slack says (users.info asked with that workspace's token).
    slack.on('users.info', (call) => {
      const owner = slack.teamOf(call) === A.id ? 'U0AOWNER' : 'U0BOWNER'
      return {
        body: { ok: true, user: { id: call.args.user, is_admin: call.args.user === owner, is_owner: false } },
      }
    })
    bot = await startTestBot({ now: NOW, oauth: true, slack })
    await bot.install(A)
    await bot.install(B)

    // A's owner names A's admins and channels.
    const set = await bot.command('/billing', 'settings channels <#C0DESK|desk>', {
      userId: 'U0AOWNER',
      teamId: A.id,
    })
    expect(answerOf(set)).toContain('使えるチャンネルを変えました')
    // B's owner is no admin of A, and an ID of A's admin gives nothing in B.
    const fromB = await bot.command('/billing', 'settings channels <#C0B|b>', {
      userId: 'U0AOWNER',
      teamId: B.id,
    })
    expect(answerOf(fromB)).toContain('設定を変えられるのは管理者だけです')

    const inA = await bot.command('/billing', 'tickets', {
      userId: 'U0ALICE',
      channelId: 'C0BILLING',
      teamId: A.id,
    })
    expect(answerOf(inA)).toContain(REFUSAL_TEXT.channel_not_allowed)
    const inB = await bot.command('/billing', 'tickets', {
      userId: 'U0BOB',
      channelId: 'C0BILLING',
      teamId: B.id,
    })
    expect(answerOf(inB)).not.toContain(REFUSAL_TEXT.channel_not_allowed)
    expect(answerOf(await bot.command('/billing', 'settings', { userId: 'U0BOB', teamId: B.id }))).toContain(
      'すべてのチャンネル（既定）',
    )
    expect(await loadedSettings(bot, B.id)).toEqual({})
    expect(await loadedSettings(bot, A.id)).toEqual({ channels: ['C0DESK'] })
  })
})
