import type { WebClient } from '@slack/web-api'
import { KeyedQueue } from '../app/keyed-queue.js'
import type { ReminderRepository, ReminderScheduler } from '../app/ports.js'
import type { Clock } from '../domain/clock.js'
import { nextReminderAction, type Reminder } from '../domain/reminder.js'
import { errorCode, slackErrorCode } from '../errors.js'
import { reminderMessage } from '../render/reminder.js'

/** Slack allows 30 scheduled messages per channel per 5 minutes; keep a margin below it. */
export const MAX_SCHEDULED_PER_CHANNEL = 25
export const SCHEDULE_WINDOW_MS = 5 * 60 * 1000

/** The channel is gone or closed to the bot: the owner still gets the reminder, by DM. */
const CHANNEL_GONE = new Set(['channel_not_found', 'is_archived', 'not_in_channel', 'restricted_action'])

export interface DeliveryReport {
  scheduled: number
  posted: number
  markedSent: number
  deferred: number
  failed: number
}

export interface DeliveryDeps {
  client: WebClient
  reminders: ReminderRepository
  clock: Clock
  logger?: { warn(message: string): void }
}

/**
 * Hands reminders to Slack's scheduler (chat.scheduleMessage at their 09:00 JST), posts the ones
 * whose time passed while the bot was down, and withdraws moot ones. Every state change is stored
 * before and after the Slack call, so a crash or a Slack error neither loses nor duplicates one.
 */
export class ReminderDelivery implements ReminderScheduler {
  private running: Promise<DeliveryReport> | undefined
  /** One hand-over in flight per reminder, whoever starts it (a flow, the sweep). */
  private readonly perReminder = new KeyedQueue()
  /** When this process last scheduled into each channel, for Slack's per-channel limit. */
  private readonly recent = new Map<string, number[]>()

  constructor(private readonly deps: DeliveryDeps) {}

  /** Delivers everything active. Concurrent calls share one run. */
  sweep(): Promise<DeliveryReport> {
    if (!this.running) {
      this.running = this.deliver(this.deps.reminders.active()).finally(() => {
        this.running = undefined
      })
    }
    return this.running
  }

  async deliver(reminders: Reminder[]): Promise<DeliveryReport> {
    const report: DeliveryReport = { scheduled: 0, posted: 0, markedSent: 0, deferred: 0, failed: 0 }
    const throttled = new Set<string>()
    const ordered = [...reminders].sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    for (const original of ordered) {
      await this.perReminder.run(original.id, async () => {
        // Re-read inside the queue: a hand-over that ran meanwhile has changed the state.
        const current = this.deps.reminders.get(original.id) ?? original
        const action = nextReminderAction(current, this.deps.clock.now())
        if (action === 'mark_sent') {
          await this.save(current, { state: 'sent' })
          report.markedSent += 1
        } else if (action === 'post_now') {
          report[(await this.post(current)) ? 'posted' : 'failed'] += 1
        } else if (action === 'schedule') {
          if (throttled.has(current.channel) || !this.takeSlot(current.channel)) {
            report.deferred += 1
            return
          }
          const result = await this.schedule(current)
          if (result === 'throttled') throttled.add(current.channel)
          report[result === 'scheduled' ? 'scheduled' : result === 'failed' ? 'failed' : 'deferred'] += 1
        }
      })
    }
    return report
  }

  /** Counts a scheduling call against the channel's 5-minute window; false when it is full. */
  private takeSlot(channel: string): boolean {
    const now = Date.now()
    const recent = (this.recent.get(channel) ?? []).filter((t) => now - t < SCHEDULE_WINDOW_MS)
    if (recent.length >= MAX_SCHEDULED_PER_CHANNEL) {
      this.recent.set(channel, recent)
      return false
    }
    recent.push(now)
    this.recent.set(channel, recent)
    return true
  }

  /** Withdraws reminders a ticket's progress made moot; Slack forgets the scheduled message. */
  async withdraw(reminders: Reminder[], options: { byUser?: boolean } = {}): Promise<void> {
    for (const original of reminders) {
      await this.perReminder.run(original.id, () => this.withdrawOne(original, options.byUser === true))
    }
  }

  private async withdrawOne(original: Reminder, byUser: boolean): Promise<void> {
    const reminder = this.deps.reminders.get(original.id) ?? original
    if (reminder.state === 'scheduled' && reminder.scheduledMessageId) {
      try {
        await this.deps.client.chat.deleteScheduledMessage({
          channel: reminder.channel,
          scheduled_message_id: reminder.scheduledMessageId,
        })
      } catch (error) {
        // Already sent or already deleted: nothing left to withdraw at Slack.
        const code = slackErrorCode(error)
        if (code !== 'invalid_scheduled_message_id' && code !== 'channel_not_found') throw error
      }
    }
    if (reminder.state === 'pending' || reminder.state === 'scheduled') {
      await this.save(reminder, { state: 'cancelled', ...(byUser ? { cancelledByUser: true } : {}) })
    }
  }

  private async schedule(reminder: Reminder): Promise<'scheduled' | 'deferred' | 'throttled' | 'failed'> {
    const postAt = Math.floor(Date.parse(reminder.dueAt) / 1000)
    const message = reminderMessage(reminder, false)
    if (reminder.handoverStartedAt) {
      const adopted = await this.findAlreadyScheduled(reminder, postAt, message.text)
      if (adopted) {
        await this.save(reminder, {
          state: 'scheduled',
          scheduledMessageId: adopted,
          handoverStartedAt: undefined,
        })
        return 'scheduled'
      }
    }
    const started = await this.save(reminder, { handoverStartedAt: this.deps.clock.now().toISOString() })
    try {
      const result = await this.deps.client.chat.scheduleMessage({
        channel: started.channel,
        post_at: postAt,
        ...message,
      })
      await this.save(started, {
        state: 'scheduled',
        // A DM is scheduled by user ID; Slack answers with the D… channel, which withdrawing needs.
        channel: result.channel ?? started.channel,
        scheduledMessageId: result.scheduled_message_id,
        handoverStartedAt: undefined,
        lastError: undefined,
      })
      return 'scheduled'
    } catch (error) {
      const code = errorCode(error)
      const cleared = { handoverStartedAt: undefined, lastError: code }
      if (
        code === 'time_too_far' ||
        code === 'restricted_too_many' ||
        code === 'slack_webapi_rate_limited_error'
      ) {
        await this.save(started, cleared)
        return code === 'time_too_far' ? 'deferred' : 'throttled'
      }
      if (code === 'time_in_past' || code === 'invalid_time') {
        await this.save(started, cleared)
        return (await this.post(started)) ? 'scheduled' : 'failed'
      }
      if (CHANNEL_GONE.has(code) && started.channel !== started.owner) {
        this.deps.logger?.warn(
          `reminder ${started.id}: channel unusable (${code}); moving it to the owner's DM`,
        )
        const moved = await this.save(started, { ...cleared, channel: started.owner })
        return this.schedule(moved)
      }
      this.deps.logger?.warn(
        `reminder ${started.id}: Slack refused it (${code}); it stays pending for the next sweep`,
      )
      await this.save(started, cleared)
      return 'failed'
    }
  }

  /** Posts now a reminder whose time has come (late when its time passed while the bot was down). */
  private async post(reminder: Reminder): Promise<boolean> {
    const late = Date.parse(reminder.dueAt) < this.deps.clock.now().getTime() - 60_000
    try {
      const posted = await this.deps.client.chat.postMessage({
        channel: reminder.channel,
        ...reminderMessage(reminder, late),
      })
      await this.save(reminder, {
        state: 'sent',
        channel: posted.channel ?? reminder.channel,
        late,
        lastError: undefined,
        handoverStartedAt: undefined,
      })
      return true
    } catch (error) {
      const code = errorCode(error)
      if (CHANNEL_GONE.has(code) && reminder.channel !== reminder.owner) {
        return this.post(await this.save(reminder, { channel: reminder.owner, lastError: code }))
      }
      this.deps.logger?.warn(`reminder ${reminder.id}: could not post (${code}); it stays pending`)
      await this.save(reminder, { lastError: code })
      return false
    }
  }

  /** After a crash between asking Slack and storing its answer: is the message already there? */
  private async findAlreadyScheduled(
    reminder: Reminder,
    postAt: number,
    text: string,
  ): Promise<string | undefined> {
    try {
      const list = await this.deps.client.chat.scheduledMessages.list({
        channel: reminder.channel,
        oldest: String(postAt - 1),
        latest: String(postAt + 1),
      })
      return list.scheduled_messages?.find((m) => m.post_at === postAt && m.text === text)?.id
    } catch {
      return undefined
    }
  }

  private async save(reminder: Reminder, changes: Partial<Reminder>): Promise<Reminder> {
    const updated: Reminder = { ...reminder, ...changes, updatedAt: this.deps.clock.now().toISOString() }
    for (const key of Object.keys(changes) as Array<keyof Reminder>) {
      if (changes[key] === undefined) delete updated[key]
    }
    await this.deps.reminders.save([updated])
    return updated
  }
}
