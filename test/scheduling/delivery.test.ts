import { WebClient } from '@slack/web-api'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Reminder } from '../../src/domain/reminder.js'
import { ReminderDelivery } from '../../src/scheduling/reminder-delivery.js'
import { FakeSlack } from '../support/fake-slack.js'
import { MemoryReminders } from '../support/memory-reminders.js'
import { aReminder as aCalendarReminder } from '../support/records.js'

const NOW = '2026-11-26T10:00:00+09:00'

/** The shared reminder fixture, made at the tests' NOW. */
const aReminder = (id: string, dueDate: string, overrides: Partial<Reminder> = {}): Reminder =>
  aCalendarReminder(id, dueDate, overrides, new Date(NOW))

describe('ReminderDelivery against the fake Slack API', () => {
  let slack: FakeSlack
  let store: MemoryReminders
  let now: Date
  let delivery: ReminderDelivery

  function deliveryWith(retries = 0): ReminderDelivery {
    const client = new WebClient('xoxb-test', {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries, minTimeout: 10, maxTimeout: 10 },
    })
    return new ReminderDelivery({ client, reminders: store, clock: { now: () => now } })
  }

  beforeEach(async () => {
    slack = await new FakeSlack().start()
    store = new MemoryReminders()
    now = new Date(NOW)
    slack.now = () => now.getTime()
    delivery = deliveryWith()
  })
  afterEach(async () => {
    await slack.stop()
  })

  async function given(...reminders: Reminder[]) {
    await store.save(reminders)
  }

  it('stores a group\u2019s hand-over in two saves however many reminders it has (one write of the file each)', async () => {
    await given(...Array.from({ length: 40 }, (_, i) => aReminder(`G${i}`, '2027-01-29')))
    const before = store.saves

    await delivery.sweep()

    expect(slack.callsTo('chat.scheduleMessage')).toHaveLength(1)
    expect(store.saves - before).toBe(2)
    expect(store.active().every((r) => r.state === 'scheduled')).toBe(true)
  })

  it('hands over several channels at once, each channel\u2019s days in order', async () => {
    await given(
      ...['C01', 'C02', 'C03'].flatMap((channel) =>
        ['2027-01-04', '2027-01-05'].map((day) => aReminder(`${channel}-${day}`, day, { channel })),
      ),
    )

    await delivery.sweep()

    const calls = slack.callsTo('chat.scheduleMessage')
    expect(calls).toHaveLength(6)
    for (const channel of ['C01', 'C02', 'C03']) {
      const days = calls.filter((c) => c.args.channel === channel).map((c) => Number(c.args.post_at))
      expect(days).toEqual([...days].sort((a, b) => a - b))
    }
  })

  it('hands a reminder within 120 days to chat.scheduleMessage at 09:00 JST on its day', async () => {
    await given(aReminder('R1', '2027-01-29'))

    const report = await delivery.sweep()

    expect(report.scheduled).toBe(1)
    const call = slack.callsTo('chat.scheduleMessage')[0]
    expect(call?.args).toMatchObject({
      channel: 'C0BILLING',
      post_at: String(Date.parse('2027-01-29T00:00:00Z') / 1000),
    })
    expect(store.get('R1')).toMatchObject({
      state: 'scheduled',
      scheduledMessageId: expect.any(String),
    })
  })

  it('schedules a reminder once when a flow and the sweep hand it over at the same time', async () => {
    // The old flaky "extends the window" failure: two hand-overs of one reminder overlapped while
    // Slack was slow, and each called chat.scheduleMessage.
    let release: () => void = () => undefined
    const slow = new Promise<void>((resolve) => {
      release = resolve
    })
    const reminder = aReminder('R1', '2027-01-29')
    await given(reminder)
    const gated = new ReminderDelivery({
      client: new Proxy(
        new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
        {
          get(target, key, receiver) {
            if (key !== 'chat') return Reflect.get(target, key, receiver)
            const chat = target.chat
            return {
              ...chat,
              scheduleMessage: async (args: Parameters<typeof chat.scheduleMessage>[0]) => {
                await slow
                return chat.scheduleMessage(args)
              },
            }
          },
        },
      ),
      reminders: store,
      clock: { now: () => now },
    })

    const fromFlow = gated.deliver([reminder])
    const fromSweep = gated.sweep()
    release()
    await Promise.all([fromFlow, fromSweep])

    expect(slack.callsTo('chat.scheduleMessage')).toHaveLength(1)
    expect(store.get('R1')?.state).toBe('scheduled')
  })

  it('keeps a reminder beyond the 120-day horizon pending, and hands it over once it comes within', async () => {
    await given(aReminder('R1', '2027-05-31'))

    await delivery.sweep()
    expect(slack.callsTo('chat.scheduleMessage')).toEqual([])
    expect(store.get('R1')?.state).toBe('pending')

    now = new Date('2027-02-01T10:00:00+09:00')
    await delivery.sweep()

    expect(slack.callsTo('chat.scheduleMessage')).toHaveLength(1)
    expect(store.get('R1')?.state).toBe('scheduled')
  })

  it('never schedules a reminder twice over repeated sweeps', async () => {
    await given(aReminder('R1', '2027-01-29'), aReminder('R2', '2027-02-26'))

    await delivery.sweep()
    await delivery.sweep()
    await delivery.sweep()

    expect(slack.callsTo('chat.scheduleMessage')).toHaveLength(2)
  })

  it('shares one run between concurrent sweeps', async () => {
    await given(aReminder('R1', '2027-01-29'))

    await Promise.all([delivery.sweep(), delivery.sweep()])

    expect(slack.callsTo('chat.scheduleMessage')).toHaveLength(1)
  })

  it('posts once, marked late, a reminder whose day passed while the bot was down', async () => {
    await given(aReminder('R1', '2026-11-25'))

    await delivery.sweep()
    await delivery.sweep()

    const posts = slack.callsTo('chat.postMessage')
    expect(posts).toHaveLength(1)
    expect(JSON.stringify(posts[0]?.args.blocks)).toContain('遅れてお送りします')
    expect(store.get('R1')).toMatchObject({ state: 'sent', late: true })
  })

  it('marks a scheduled reminder sent once its time has passed, without calling Slack', async () => {
    await given(aReminder('R1', '2026-11-25', { state: 'scheduled', scheduledMessageId: 'Q1' }))

    await delivery.sweep()

    expect(slack.calls).toEqual([])
    expect(store.get('R1')?.state).toBe('sent')
  })

  it('leaves a reminder pending when Slack answers time_too_far, and schedules it later', async () => {
    await given(aReminder('R1', '2027-03-20'))
    slack.failNext('chat.scheduleMessage', { body: { ok: false, error: 'time_too_far' } })

    await delivery.sweep()
    expect(store.get('R1')).toMatchObject({ state: 'pending', lastError: 'time_too_far' })

    await delivery.sweep()
    expect(store.get('R1')?.state).toBe('scheduled')
    expect(slack.callsTo('chat.scheduleMessage')).toHaveLength(2)
  })

  it('stops scheduling into a channel that answered restricted_too_many, until the next sweep', async () => {
    await given(
      aReminder('R1', '2027-01-05'),
      aReminder('R2', '2027-01-07'),
      aReminder('R3', '2027-01-08', { channel: 'C0OTHER' }),
    )
    slack.failNext('chat.scheduleMessage', { body: { ok: false, error: 'restricted_too_many' } })

    const first = await delivery.sweep()

    expect(first).toMatchObject({ scheduled: 1, deferred: 2 })
    expect(store.get('R2')?.state).toBe('pending')
    expect(store.get('R3')?.state).toBe('scheduled')
    await delivery.sweep()
    expect(store.active().every((r) => r.state === 'scheduled')).toBe(true)
  })

  it('schedules at most 25 messages per channel in one sweep (Slack allows 30 per 5 minutes)', async () => {
    const day = (i: number) => new Date(Date.UTC(2027, 0, 5 + i)).toISOString().slice(0, 10)
    const many = Array.from({ length: 30 }, (_, i) => aReminder(`R${i}`, day(i), { key: `k${i}` }))
    await given(...many)

    const report = await delivery.sweep()

    expect(report).toMatchObject({ scheduled: 25, deferred: 5 })
    expect(slack.callsTo('chat.scheduleMessage')).toHaveLength(25)
  })

  it('sends reminders due in one channel on one day as one message listing each (domain.md, decided 2026-11)', async () => {
    await given(
      aReminder('R1', '2027-01-29', { text: '*支払期限です* 請求書払い' }),
      aReminder('R2', '2027-01-29', {
        key: 'k:other',
        kind: 'deletion_payment_due',
        text: '*最終請求の支払期限です*',
      }),
      aReminder('R3', '2027-01-29', { key: 'k:elsewhere', channel: 'C0ELSEWHERE' }),
    )

    await delivery.sweep()

    const calls = slack.callsTo('chat.scheduleMessage')
    expect(calls.map((c) => c.args.channel).sort()).toEqual(['C0BILLING', 'C0ELSEWHERE'])
    const billing = calls.find((c) => c.args.channel === 'C0BILLING')
    expect(String(billing?.args.text)).toContain('2 件')
    expect(JSON.stringify(billing?.args.blocks)).toContain('請求書払い')
    expect(JSON.stringify(billing?.args.blocks)).toContain('最終請求の支払期限です')
    expect(store.get('R1')?.scheduledMessageId).toBe(store.get('R2')?.scheduledMessageId)
  })

  it("replaces the day's message when one of its reminders is withdrawn, keeping the others", async () => {
    await given(
      aReminder('R1', '2027-01-29'),
      aReminder('R2', '2027-01-29', { key: 'k:other', text: '*ほかの用件*' }),
    )
    await delivery.sweep()

    await delivery.withdraw([store.get('R1') as Reminder])

    expect(store.get('R1')?.state).toBe('cancelled')
    expect(store.get('R2')?.state).toBe('scheduled')
    expect(slack.scheduled.size).toBe(1)
    const [remaining] = [...slack.scheduled.values()]
    expect(remaining?.text).toContain('ほかの用件')
  })

  it('adds a reminder to a day that already has a message by replacing it with one listing both', async () => {
    await given(aReminder('R1', '2027-01-29'))
    await delivery.sweep()

    await given(aReminder('R2', '2027-01-29', { key: 'k:later', text: '*あとから追加*' }))
    await delivery.deliver([store.get('R2') as Reminder])

    expect(slack.scheduled.size).toBe(1)
    expect([...slack.scheduled.values()][0]?.text).toContain('2 件')
    expect(store.get('R1')?.scheduledMessageId).toBe(store.get('R2')?.scheduledMessageId)
  })

  it('keeps a reminder pending after HTTP 429, then schedules it exactly once', async () => {
    await given(aReminder('R1', '2027-01-29'))
    slack.failNext('chat.scheduleMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    })

    await delivery.sweep()
    expect(store.get('R1')?.state).toBe('pending')

    await delivery.sweep()
    expect(store.get('R1')?.state).toBe('scheduled')
    expect(slack.scheduled.size).toBe(1)
  })

  it('waits out Retry-After when the client retries, scheduling once', async () => {
    delivery = deliveryWith(2)
    await given(aReminder('R1', '2027-01-29'))
    slack.failNext('chat.scheduleMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false },
    })

    await delivery.sweep()

    expect(store.get('R1')?.state).toBe('scheduled')
    expect(slack.scheduled.size).toBe(1)
  })

  it('keeps a reminder pending after a 5xx answer', async () => {
    await given(aReminder('R1', '2027-01-29'))
    slack.failNext('chat.scheduleMessage', { status: 503, body: { ok: false } })

    await delivery.sweep()

    expect(store.get('R1')?.state).toBe('pending')
  })

  it("moves a reminder for a deleted channel to the owner's DM", async () => {
    await given(aReminder('R1', '2027-01-29'))
    slack.failNext('chat.scheduleMessage', { body: { ok: false, error: 'channel_not_found' } })

    await delivery.sweep()

    expect(store.get('R1')).toMatchObject({ state: 'scheduled', channel: 'D0ALICE' })
    expect(slack.callsTo('chat.scheduleMessage').map((c) => c.args.channel)).toEqual(['C0BILLING', 'U0ALICE'])
  })

  it('withdraws a DM reminder from the D… channel Slack answered with, not the user ID', async () => {
    await given(aReminder('R1', '2027-01-29', { channel: 'U0ALICE' }))
    await delivery.sweep()

    await delivery.withdraw([store.get('R1') as Reminder])

    expect(slack.callsTo('chat.deleteScheduledMessage')[0]?.args.channel).toBe('D0ALICE')
    expect(store.get('R1')?.state).toBe('cancelled')
    expect(slack.scheduled.size).toBe(0)
  })

  it('adopts the message Slack already holds after a crash between scheduling and saving', async () => {
    const reminder = aReminder('R1', '2027-01-29')
    await given(reminder)
    await delivery.sweep()
    const id = store.get('R1')?.scheduledMessageId
    // The crash: Slack has the message, but the store never learnt its id.
    await given({ ...reminder, handoverStartedAt: NOW })

    await delivery.sweep()

    expect(slack.callsTo('chat.scheduleMessage')).toHaveLength(1)
    expect(store.get('R1')).toMatchObject({ state: 'scheduled', scheduledMessageId: id })
  })

  it('withdraws a scheduled reminder with chat.deleteScheduledMessage', async () => {
    await given(aReminder('R1', '2027-01-29'))
    await delivery.sweep()

    await delivery.withdraw(store.active())

    expect(slack.callsTo('chat.deleteScheduledMessage')).toHaveLength(1)
    expect(slack.scheduled.size).toBe(0)
    expect(store.get('R1')?.state).toBe('cancelled')
  })

  it('treats a scheduled message Slack no longer has as already withdrawn', async () => {
    await given(aReminder('R1', '2027-01-29', { state: 'scheduled', scheduledMessageId: 'Qgone' }))

    await delivery.withdraw(store.active())

    expect(store.get('R1')?.state).toBe('cancelled')
  })
})
