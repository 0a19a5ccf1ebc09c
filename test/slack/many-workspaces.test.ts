import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { workspaceFile } from '../../src/store/database.js'
import { REISSUE_ANSWERS } from '../support/answers.js'
import { buttonNamed, visibleText } from '../support/blocks.js'
import { eventually } from '../support/eventually.js'
import { type FakeTeam, type SlackCall, tokenOf } from '../support/fake-slack.js'
import type { viewSubmissionForm } from '../support/slack-request.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

const NOW = '2026-11-26T10:00:00+09:00'
const A: FakeTeam = { id: 'T0AAAAAAA', name: 'Acme' }
const B: FakeTeam = { id: 'T0BBBBBBB', name: 'Beta' }

/** A reissue ticket made by `userId` of `team`, and the message the bot posted for it. */
async function ticketIn(bot: TestBot, team: FakeTeam, userId: string): Promise<SlackCall> {
  const before = bot.slack.callsTo('chat.postMessage').length
  const res = await bot.submitModal('/invoice-reissue', '', REISSUE_ANSWERS, {
    userId,
    channelId: 'C0BILLING',
    teamId: team.id,
  })
  expect(res.status).toBe(200)
  return bot.slack.waitFor('chat.postMessage', () => true, { count: before + 1 })
}

/** Waits until every reminder of `team` within Slack's 120 days has been handed to Slack. */
async function handedOver(bot: TestBot, team: FakeTeam): Promise<void> {
  await eventually(async () => {
    const waiting = ((await (await bot.workspaceDeps(team.id))?.reminders.active()) ?? []).filter(
      (r) => r.state === 'pending' && Date.parse(r.dueAt) - Date.parse(NOW) <= 120 * 86_400_000,
    )
    expect(waiting).toEqual([])
  })
}

const ticketsOf = async (bot: TestBot, team: FakeTeam, user: string) =>
  (await (await bot.workspaceDeps(team.id))?.tickets.listByRequester(user)) ?? []

describe('many workspaces through Slack OAuth (issue 26)', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot({ now: NOW, oauth: true })
  })
  afterEach(async () => {
    await bot.stop()
  })

  it('installs two workspaces through /slack/install, each with its own token on every Web API call', async () => {
    const a = await bot.install(A)
    const b = await bot.install(B)
    expect(a.status).toBe(200)
    expect(a.html).toContain('インストールしました')
    expect(a.html).toContain('Acme')
    expect(b.status).toBe(200)

    const postA = await ticketIn(bot, A, 'U0ALICE')
    const postB = await ticketIn(bot, B, 'U0BOB')

    // Every call made for a workspace carries that workspace's token, never the other's.
    const aToken = tokenOf(postA)
    const bToken = tokenOf(postB)
    expect(aToken).toMatch(/^xoxb-oauth-T0AAAAAAA-/)
    expect(bToken).toMatch(/^xoxb-oauth-T0BBBBBBB-/)
    const opens = bot.slack.callsTo('views.open')
    expect(opens.map((c) => bot.slack.teamOf(c))).toEqual([A.id, B.id])
    for (const call of bot.slack.calls.filter((c) => c.method !== 'oauth.v2.access'))
      expect(bot.slack.teamOf(call), `${call.method} carried a token Slack never issued`).toBeDefined()
    // Tokens are sealed in the data file, never in clear text (nor in a workspace's own file).
    const file = await bot.storedText()
    expect(file).not.toContain(aToken)
    expect(file).not.toContain(bToken)
    expect(file).not.toContain('xoxb-')
  })

  it("keeps each workspace's tickets to it: lists, buttons and crafted IDs from another workspace reach nothing", async () => {
    await bot.install(A)
    await bot.install(B)
    const postA = await ticketIn(bot, A, 'U0ALICE')
    const idA = (await ticketsOf(bot, A, 'U0ALICE'))[0]?.id ?? ''
    expect(idA).not.toBe('')

    // The same user ID in B (user IDs are per workspace on the wire) sees no ticket of A.
    const listB = await bot.command('/billing', 'tickets', { userId: 'U0ALICE', teamId: B.id })
    expect(JSON.stringify(listB.json())).not.toContain(idA)
    const listA = await bot.command('/billing', 'tickets', { userId: 'U0ALICE', teamId: A.id })
    expect(JSON.stringify(listA.json())).toContain(idA)

    // A's own button, clicked from B (the value names A's ticket): nothing changes in A.
    const progress = buttonNamed(postA, 'ticket_progress')
    const updatesBefore = bot.slack.callsTo('chat.update').length
    const answersBefore = bot.slack.callsTo('response_url').length
    await bot.click(progress, { userId: 'U0ALICE', teamId: B.id })
    await bot.click(buttonNamed(postA, 'ticket_status_cancelled'), { userId: 'U0ALICE', teamId: B.id })
    // Both clicks answered in B (the ticket is not B's), after which A is as it was.
    const answered = await bot.slack.waitFor('response_url', () => true, { count: answersBefore + 2 })
    expect(JSON.stringify(answered.args)).toContain('見つかりませんでした')
    expect((await (await bot.workspaceDeps(A.id))?.tickets.get(idA))?.status).toBe('rendered')
    expect(bot.slack.callsTo('chat.update')).toHaveLength(updatesBefore)

    // A modal of A's ticket (its private_metadata names it), submitted from B: refused, A unchanged.
    await bot.click(progress, { userId: 'U0ALICE', teamId: A.id })
    const sent = await bot.slack.waitFor('chat.update')
    await bot.click(buttonNamed(sent, 'ticket_reference'), { userId: 'U0ALICE', teamId: A.id })
    const referenceModal = (await bot.slack.waitFor('views.open', () => true, { count: 2 })).args
      .view as Parameters<typeof viewSubmissionForm>[0]
    await bot.submitOpened({ reference: '99999' }, { userId: 'U0ALICE', teamId: B.id, view: referenceModal })
    expect((await (await bot.workspaceDeps(A.id))?.tickets.get(idA))?.reference).toBeUndefined()
    expect(await (await bot.workspaceDeps(B.id))?.tickets.get(idA)).toBeUndefined()
  })

  it('keeps App Home, reminders and subscriptions to their workspace', async () => {
    await bot.install(A)
    await bot.install(B)
    await ticketIn(bot, A, 'U0ALICE')
    const idA = (await ticketsOf(bot, A, 'U0ALICE'))[0]?.id ?? ''

    await bot.event({ type: 'app_home_opened', user: 'U0ALICE', tab: 'home' }, { teamId: B.id })
    const homeB = await bot.slack.waitFor('views.publish', (c) => bot.slack.teamOf(c) === B.id)
    expect(JSON.stringify(homeB.args.view)).not.toContain(idA)
    await bot.event({ type: 'app_home_opened', user: 'U0ALICE', tab: 'home' }, { teamId: A.id })
    const homeA = await bot.slack.waitFor('views.publish', (c) => bot.slack.teamOf(c) === A.id)
    expect(JSON.stringify(homeA.args.view)).toContain(idA)

    const sub = await bot.command('/billing', 'calendar subscribe invoice', {
      userId: 'U0ALICE',
      teamId: A.id,
    })
    expect(JSON.stringify(sub.json())).toContain('リマインドを始めました')
    await eventually(() => expect(bot.slack.callsTo('chat.scheduleMessage').length).toBeGreaterThan(0))
    expect(await (await bot.workspaceDeps(B.id))?.subscriptions.active()).toEqual([])
    expect(await (await bot.workspaceDeps(B.id))?.reminders.active()).toEqual([])
    await bot.sweep()
    for (const call of bot.slack.callsTo('chat.scheduleMessage')) expect(bot.slack.teamOf(call)).toBe(A.id)

    // B's user cannot stop A's reminders: B's channel has no subscription.
    const replies = bot.slack.callsTo('response_url').length
    await bot.command('/billing', 'calendar unsubscribe', { userId: 'U0ALICE', teamId: B.id })
    await bot.slack.waitFor('response_url', () => true, { count: replies + 1 })
    expect(await (await bot.workspaceDeps(A.id))?.subscriptions.active()).toHaveLength(1)
  })

  it("ends one workspace's installation on app_uninstalled: its data deleted, its reminders withdrawn, the other untouched", async () => {
    await bot.install(A)
    await bot.install(B)
    await ticketIn(bot, A, 'U0ALICE')
    await ticketIn(bot, B, 'U0BOB')
    await bot.command('/billing', 'calendar subscribe invoice', { userId: 'U0ALICE', teamId: A.id })
    await handedOver(bot, A)
    const scheduledA = bot.slack.scheduled.size

    const res = await bot.event({ type: 'app_uninstalled' }, { teamId: A.id })
    expect(res.status).toBe(200)

    await eventually(async () => expect(await bot.store.workspaces.get(A.id)).toBeUndefined())
    expect(await bot.workspaceDeps(A.id)).toBeUndefined()
    expect(bot.slack.callsTo('chat.deleteScheduledMessage')).toHaveLength(scheduledA)
    expect(bot.slack.scheduled.size).toBe(0)
    expect((await bot.store.workspaces.list()).map((w) => w.teamId)).toEqual([B.id])
    // Nothing of A's is left in the store: no record names its team.
    await eventually(async () => expect(await bot.storedText()).not.toContain(A.id))
    if (bot.fileStore)
      await eventually(async () => {
        // A's records went with its own file; B's stay.
        expect(existsSync(workspaceFile(bot.dataFile, A.id))).toBe(false)
        expect(existsSync(workspaceFile(bot.dataFile, B.id))).toBe(true)
      })
    expect(await ticketsOf(bot, B, 'U0BOB')).toHaveLength(1)
    // B goes on.
    await ticketIn(bot, B, 'U0BOB')
    expect(await ticketsOf(bot, B, 'U0BOB')).toHaveLength(2)
  })

  it("ends the installation on tokens_revoked for the bot's token, not for a user token", async () => {
    await bot.install(A)
    await bot.event({ type: 'tokens_revoked', tokens: { oauth: ['U0ALICE'] } }, { teamId: A.id })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await bot.store.workspaces.get(A.id)).toBeDefined()

    await bot.event({ type: 'tokens_revoked', tokens: { bot: [`UBOT${A.id}`] } }, { teamId: A.id })
    await eventually(async () => expect(await bot.store.workspaces.get(A.id)).toBeUndefined())
  })

  it('refuses an org-wide install with a clear page and keeps nothing of it', async () => {
    const org = await bot.install({ id: 'T0GRIDORG', name: 'Grid', enterpriseId: 'E0GRID', orgWide: true })
    expect(org.html).toContain('組織全体へのインストールには対応していません')
    expect(await bot.store.workspaces.list()).toEqual([])
    expect(bot.slack.callsTo('auth.revoke')).toHaveLength(1)
  })

  it('installs a workspace of an Enterprise Grid org, keeping its enterprise_id', async () => {
    const res = await bot.install({ id: 'T0GRIDWS1', name: 'Grid WS', enterpriseId: 'E0GRID' })
    expect(res.status).toBe(200)
    expect((await bot.store.workspaces.get('T0GRIDWS1'))?.enterpriseId).toBe('E0GRID')
  })

  it('shows a clear page for a cancelled install and for one that came back to another browser', async () => {
    const cancelled = await fetch(`${bot.url}/slack/oauth_redirect?error=access_denied&state=x`)
    expect(await cancelled.text()).toContain('インストールは取り消されました')

    const otherBrowser = await bot.install(A, { cookie: 'drop' })
    expect(otherBrowser.status).toBe(400)
    expect(otherBrowser.html).toContain('インストールを完了できませんでした')
    expect(otherBrowser.html).toContain('もう一度インストール')
    expect(await bot.store.workspaces.list()).toEqual([])
  })

  it("parks a workspace whose token Slack refuses, logged once; the other's reminders still go out", async () => {
    await bot.stop()
    const lines: string[] = []
    bot = await startTestBot({ now: NOW, oauth: true, logLines: lines })
    await bot.install(A)
    await bot.install(B)
    await bot.command('/billing', 'calendar subscribe invoice', { userId: 'U0ALICE', teamId: A.id })
    await bot.command('/billing', 'calendar subscribe invoice', { userId: 'U0BOB', teamId: B.id })
    await eventually(async () => expect(await bot.store.workspaces.get(A.id)).toBeDefined())
    bot.slack.revoke(A.id)

    await bot.sweep()
    await bot.sweep()

    await eventually(async () => expect((await bot.store.workspaces.get(A.id))?.parked).toBe('token_revoked'))
    expect((await bot.store.workspaces.get(B.id))?.parked).toBeUndefined()
    const scheduledB = bot.slack.callsTo('chat.scheduleMessage').filter((c) => bot.slack.teamOf(c) === B.id)
    expect(scheduledB.length).toBeGreaterThan(0)
    expect(visibleText(scheduledB[0] as SlackCall)).not.toBe('')
    expect(lines.filter((l) => l.includes('its work is parked'))).toHaveLength(1)
    // A parked workspace's periodic work is not tried again (it waits for a new install).
    const callsOfA = bot.slack.calls.filter((c) => bot.slack.teamOf(c) === A.id).length
    await bot.sweep()
    expect(bot.slack.calls.filter((c) => bot.slack.teamOf(c) === A.id)).toHaveLength(callsOfA)
    // Installing again brings it back.
    await bot.install(A)
    expect((await bot.store.workspaces.get(A.id))?.parked).toBeUndefined()
  })

  it('one workspace whose Slack hangs delays neither the acks nor the posts of another (clients and queues are per workspace)', async () => {
    await bot.install(A)
    await bot.install(B)
    await ticketIn(bot, B, 'U0BOB')
    bot.slack.hangTeam(B.id)

    // B's hand-over to Slack's scheduler hangs after its ack…
    const ackB = await bot.command('/billing', 'calendar subscribe invoice', {
      userId: 'U0BOB',
      teamId: B.id,
    })
    expect(JSON.stringify(ackB.json())).toContain('リマインドを始めました')
    const heldB = await bot.slack.waitFor('chat.scheduleMessage', (c) => bot.slack.teamOf(c) === B.id)

    // …while A is served as usual: its modal opens, its ticket is stored and posted.
    const postA = await ticketIn(bot, A, 'U0ALICE')
    expect(bot.slack.teamOf(postA)).toBe(A.id)
    expect(postA.at).toBeGreaterThan(heldB.at)
    await eventually(async () => expect((await ticketsOf(bot, A, 'U0ALICE'))[0]?.message).toBeDefined())
    // B's reminders wait (stored, not lost) for its Slack to answer.
    expect((await (await bot.workspaceDeps(B.id))?.reminders.active())?.length).toBeGreaterThan(0)
    bot.slack.unhang(B.id)
  })
})

describe('one workspace throttled by Slack (issue 26.5: rate limits are per workspace and method)', () => {
  it("A is served while B's client waits out its 429 Retry-After, and B's reminders go out afterwards", async () => {
    const bot = await startTestBot({ now: NOW, oauth: true, retries: 2 })
    try {
      await bot.install(A)
      await bot.install(B)
      // B's first hand-over to Slack's scheduler is throttled for 10 s (Slack's 429 with Retry-After):
      // A's whole flow takes well under a second, so even a slow machine serves it inside the wait.
      let throttled: SlackCall | undefined
      bot.slack.on('chat.scheduleMessage', (call) => {
        if (bot.slack.teamOf(call) !== B.id || throttled) return undefined
        throttled = call
        return { status: 429, headers: { 'retry-after': '10' }, body: { ok: false, error: 'ratelimited' } }
      })
      const fromB = (c: SlackCall) => bot.slack.teamOf(c) === B.id

      const ackB = await bot.command('/billing', 'calendar subscribe invoice', {
        userId: 'U0BOB',
        teamId: B.id,
      })
      expect(JSON.stringify(ackB.json())).toContain('リマインドを始めました')
      await eventually(() => expect(throttled).toBeDefined())

      // While B's client is paused, A's command is answered, its modal opens, its ticket is posted
      // and its own reminders are handed to Slack — none of it queued behind B's wait.
      const ackA = await bot.command('/billing', 'calendar subscribe invoice', {
        userId: 'U0ALICE',
        teamId: A.id,
      })
      expect(JSON.stringify(ackA.json())).toContain('リマインドを始めました')
      const postA = await ticketIn(bot, A, 'U0ALICE')
      await handedOver(bot, A)
      expect(bot.slack.teamOf(postA)).toBe(A.id)
      // B has not tried again yet: A was served inside B's Retry-After.
      expect(bot.slack.callsTo('chat.scheduleMessage').filter(fromB)).toHaveLength(1)

      // After the wait B goes on by itself, nothing lost.
      await eventually(
        () => expect(bot.slack.callsTo('chat.scheduleMessage').filter(fromB).length).toBeGreaterThan(1),
        15_000,
      )
      await handedOver(bot, B)
      const retried = bot.slack.callsTo('chat.scheduleMessage').filter(fromB)[1]
      expect((retried?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(9900)
    } finally {
      await bot.stop()
    }
  }, 40_000)
})

describe('switching a single-workspace bot to OAuth (issue 26: migration)', () => {
  it("hands the data file's records to the first installation, the workspace they came from", async () => {
    const single = await startTestBot({ now: NOW })
    await single.submitModal('/invoice-reissue', '', REISSUE_ANSWERS, { userId: 'U0ALICE' })
    await eventually(async () =>
      expect((await single.store.tickets.listByRequester('U0ALICE'))[0]?.message).toBeDefined(),
    )
    const id = (await single.store.tickets.listByRequester('U0ALICE'))[0]?.id
    await single.stopKeepingData()

    const bot = await startTestBot({ now: NOW, oauth: true, dataFile: single.dataFile })
    try {
      const home: FakeTeam = { id: 'T000TEST', name: 'Test' }
      const installed = await bot.install(home)
      expect(installed.html).toContain('引き継ぎました')
      expect((await ticketsOf(bot, home, 'U0ALICE')).map((t) => t.id)).toEqual([id])
      // The ticket's buttons keep working in its workspace.
      const list = await bot.command('/billing', 'tickets', { userId: 'U0ALICE', teamId: home.id })
      expect(JSON.stringify(list.json())).toContain(String(id))

      // A second workspace starts empty.
      await bot.install(B)
      expect(await ticketsOf(bot, B, 'U0ALICE')).toEqual([])
    } finally {
      await bot.stop()
      await single.slack.stop()
      await rm(dirname(single.dataFile), { recursive: true, force: true })
    }
  })
})
