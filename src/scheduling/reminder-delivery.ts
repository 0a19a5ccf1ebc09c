import type { WebClient } from '@slack/web-api'
import { KeyedQueue } from '../app/keyed-queue.js'
import type { Redelivery, ReminderRepository, ReminderScheduler } from '../app/ports.js'
import type { Clock } from '../domain/clock.js'
import { nextReminderAction, type Reminder } from '../domain/reminder.js'
import { errorCode, isTransient, slackErrorCode } from '../errors.js'
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
  /** Another try soon for a hand-over Slack failed for a moment; without it, the next sweep. */
  redelivery?: Redelivery
}

/** Reminders that arrive in one channel at one time share one Slack message (one a day, domain.md). */
const groupKey = (r: Pick<Reminder, 'channel' | 'dueAt'>) => `${r.channel}|${r.dueAt}`

type ScheduleResult = 'scheduled' | 'deferred' | 'throttled' | 'failed'

/**
 * Hands reminders to Slack's scheduler (chat.scheduleMessage at their 9:00 JST), posts the ones
 * whose time passed while the bot was down, and withdraws moot ones. Reminders due in the same
 * channel at the same time go out as one message listing each, so a channel gets at most one
 * reminder message a day; when one of them is added or withdrawn, the group's message is replaced.
 * Every state change is stored before and after the Slack call, so a crash or a Slack error
 * neither loses nor duplicates one.
 */
/** Channels handed over at the same time in one delivery run. */
export const DELIVERY_CONCURRENCY = 16

export class ReminderDelivery implements ReminderScheduler {
  private running: Promise<DeliveryReport> | undefined
  /** One hand-over in flight per channel and time, whoever starts it (a flow, the sweep). */
  private readonly perGroup = new KeyedQueue()
  /** When this process last scheduled into each channel, for Slack's per-channel limit. */
  private readonly recent = new Map<string, number[]>()

  constructor(private readonly deps: DeliveryDeps) {}

  /** Delivers everything active. Concurrent calls share one run. */
  sweep(): Promise<DeliveryReport> {
    if (!this.running) {
      this.running = Promise.resolve(this.deps.reminders.active())
        .then((active) => this.deliver(active))
        .finally(() => {
          this.running = undefined
        })
    }
    return this.running
  }

  async deliver(reminders: Reminder[]): Promise<DeliveryReport> {
    const report: DeliveryReport = { scheduled: 0, posted: 0, markedSent: 0, deferred: 0, failed: 0 }
    const throttled = new Set<string>()
    const keys = [
      ...new Map(
        [...reminders].sort((a, b) => a.dueAt.localeCompare(b.dueAt)).map((r) => [groupKey(r), r]),
      ).values(),
    ]
    // One pass over the active reminders for the whole run, not one per group (100,000 reminders).
    const groups = await this.activeGroups()
    // Several channels at a time: their state writes share one physical write of the data file
    // (group commit) instead of one each — a sweep handing over thousands of reminders otherwise
    // keeps the disk busy for minutes while requests wait. Within a channel, groups go in time
    // order, one after another, so Slack's per-channel limit stops the channel at once.
    const byChannel = new Map<string, Reminder[]>()
    for (const first of keys) {
      const list = byChannel.get(first.channel)
      if (list) list.push(first)
      else byChannel.set(first.channel, [first])
    }
    const channels = [...byChannel.values()]
    let next = 0
    const worker = async () => {
      while (next < channels.length) {
        for (const first of channels[next++] ?? [])
          await this.perGroup.run(groupKey(first), () => this.deliverGroup(first, report, throttled, groups))
      }
    }
    await Promise.all(Array.from({ length: Math.min(DELIVERY_CONCURRENCY, channels.length) }, worker))
    return report
  }

  /** Active reminder ids by channel and time. */
  private async activeGroups(): Promise<Map<string, string[]>> {
    const groups = new Map<string, string[]>()
    for (const r of await this.deps.reminders.active()) {
      const key = groupKey(r)
      const ids = groups.get(key)
      if (ids) ids.push(r.id)
      else groups.set(key, [r.id])
    }
    return groups
  }

  /**
   * The active reminders due in `at`'s channel at its time, re-read (a hand-over may have changed
   * them), oldest first: a stable order in the message. `groups` is the run's snapshot; a reminder
   * added after it is handed over by its own delivery, which regroups the whole day.
   */
  private async membersOf(
    at: Pick<Reminder, 'channel' | 'dueAt'>,
    groups?: Map<string, string[]>,
  ): Promise<Reminder[]> {
    const ids = (groups ?? (await this.activeGroups())).get(groupKey(at)) ?? []
    return (await Promise.all(ids.map((id) => this.deps.reminders.get(id))))
      .filter((r): r is Reminder => r !== undefined && (r.state === 'pending' || r.state === 'scheduled'))
      .filter((r) => r.channel === at.channel && r.dueAt === at.dueAt)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  }

  private async deliverGroup(
    at: Pick<Reminder, 'channel' | 'dueAt'>,
    report: DeliveryReport,
    throttled: Set<string>,
    groups?: Map<string, string[]>,
  ): Promise<void> {
    const now = this.deps.clock.now()
    const members = await this.membersOf(at, groups)
    const action = new Map(members.map((r) => [r.id, nextReminderAction(r, now)]))
    const done = members.filter((m) => action.get(m.id) === 'mark_sent')
    await this.saveAll(done, { state: 'sent' })
    report.markedSent += done.length
    const postNow = members.filter((m) => action.get(m.id) === 'post_now')
    if (postNow.length > 0) report[(await this.post(postNow)) ? 'posted' : 'failed'] += postNow.length
    // Something new to hand over: the whole group goes out again as one message.
    if (!members.some((m) => action.get(m.id) === 'schedule')) return
    const future = members.filter((m) => action.get(m.id) === 'schedule' || action.get(m.id) === 'none')
    if (throttled.has(at.channel) || !this.takeSlot(at.channel)) {
      report.deferred += future.length
      return
    }
    const result = await this.schedule(future)
    if (result === 'throttled') throttled.add(at.channel)
    report[result === 'scheduled' ? 'scheduled' : result === 'failed' ? 'failed' : 'deferred'] +=
      future.length
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

  /**
   * Withdraws reminders (made moot, or cancelled by a person: `byUser`, for good). Slack forgets
   * their message; others that shared it are handed over again in a message of their own.
   */
  async withdraw(reminders: Reminder[], options: { byUser?: boolean } = {}): Promise<void> {
    const byKey = new Map<string, Reminder[]>()
    for (const r of reminders) byKey.set(groupKey(r), [...(byKey.get(groupKey(r)) ?? []), r])
    for (const [key, group] of byKey) {
      await this.perGroup.run(key, () => this.withdrawFromGroup(group, options.byUser === true))
    }
  }

  private async withdrawFromGroup(targets: Reminder[], byUser: boolean): Promise<void> {
    const current = await Promise.all(targets.map(async (t) => (await this.deps.reminders.get(t.id)) ?? t))
    const ids = new Set(current.map((r) => r.id))
    const messages = new Set(
      current
        .filter((r) => r.state === 'scheduled' && r.scheduledMessageId)
        .map((r) => r.scheduledMessageId as string),
    )
    const first = current[0]
    for (const id of messages) if (first) await this.deleteScheduled(first.channel, id)
    for (const r of current) {
      if (r.state === 'pending' || r.state === 'scheduled') {
        await this.save(r, {
          state: 'cancelled',
          scheduledMessageId: undefined,
          ...(byUser ? { cancelledByUser: true } : {}),
        })
      }
    }
    if (!first || messages.size === 0) return
    // The others in that message lost it with the withdrawn ones: hand them over again.
    const orphans = (await this.membersOf(first)).filter(
      (r) => !ids.has(r.id) && r.scheduledMessageId && messages.has(r.scheduledMessageId),
    )
    for (const r of orphans) await this.save(r, { state: 'pending', scheduledMessageId: undefined })
    if (orphans.length > 0) {
      await this.deliverGroup(
        first,
        { scheduled: 0, posted: 0, markedSent: 0, deferred: 0, failed: 0 },
        new Set(),
      )
    }
  }

  private async deleteScheduled(channel: string, id: string): Promise<void> {
    try {
      await this.deps.client.chat.deleteScheduledMessage({ channel, scheduled_message_id: id })
    } catch (error) {
      // Already sent or already deleted: nothing left to withdraw at Slack.
      const code = slackErrorCode(error)
      if (code !== 'invalid_scheduled_message_id' && code !== 'channel_not_found') throw error
    }
  }

  /** Schedules one message for the group (replacing any message some of them were in). */
  private async schedule(members: Reminder[]): Promise<ScheduleResult> {
    const [first] = members
    if (!first) return 'deferred'
    const postAt = Math.floor(Date.parse(first.dueAt) / 1000)
    const message = reminderMessage(members, false)
    if (members.some((m) => m.handoverStartedAt)) {
      const adopted = await this.findAlreadyScheduled(first.channel, postAt, message.text)
      if (adopted) {
        await this.saveAll(members, {
          state: 'scheduled',
          scheduledMessageId: adopted,
          handoverStartedAt: undefined,
        })
        return 'scheduled'
      }
    }
    const previous = new Set(
      members.map((m) => m.scheduledMessageId).filter((id): id is string => Boolean(id)),
    )
    for (const id of previous) await this.deleteScheduled(first.channel, id)
    const startedAt = this.deps.clock.now().toISOString()
    const started = await this.saveAll(members, {
      state: 'pending',
      scheduledMessageId: undefined,
      handoverStartedAt: startedAt,
    })
    try {
      const result = await this.deps.client.chat.scheduleMessage({
        channel: first.channel,
        post_at: postAt,
        ...message,
      })
      await this.saveAll(started, (m) => ({
        state: 'scheduled',
        // A DM is scheduled by user ID; Slack answers with the D… channel, which withdrawing needs.
        channel: result.channel ?? m.channel,
        scheduledMessageId: result.scheduled_message_id,
        handoverStartedAt: undefined,
        lastError: undefined,
      }))
      return 'scheduled'
    } catch (error) {
      const code = errorCode(error)
      const cleared = { handoverStartedAt: undefined, lastError: code }
      const clearAll = () => this.saveAll(started, cleared)
      if (
        code === 'time_too_far' ||
        code === 'restricted_too_many' ||
        code === 'slack_webapi_rate_limited_error'
      ) {
        await clearAll()
        this.tryAgainSoon(first, error)
        return code === 'time_too_far' ? 'deferred' : 'throttled'
      }
      if (code === 'time_in_past' || code === 'invalid_time') {
        return (await this.post(await clearAll())) ? 'scheduled' : 'failed'
      }
      if (CHANNEL_GONE.has(code) && started.some((m) => m.channel !== m.owner)) {
        this.deps.logger?.warn(
          `reminders for ${first.channel}: channel unusable (${code}); moving them to their owners' DMs`,
        )
        const moved = await this.saveAll(started, (m) => ({ ...cleared, channel: m.owner }))
        let worst: ScheduleResult = 'scheduled'
        for (const owner of new Set(moved.map((m) => m.owner))) {
          const result = await this.schedule(moved.filter((m) => m.owner === owner))
          if (result !== 'scheduled') worst = result
        }
        return worst
      }
      this.deps.logger?.warn(
        `reminders for ${first.channel}: chat.scheduleMessage failed (${code}); they stay pending${isTransient(error) ? ', trying again soon' : ' for the next sweep'}`,
      )
      await clearAll()
      this.tryAgainSoon(first, error)
      return 'failed'
    }
  }

  /** Posts now, as one message, reminders whose time has come (late when it passed while the bot was down). */
  private async post(members: Reminder[]): Promise<boolean> {
    const [first] = members
    if (!first) return true
    const late = Date.parse(first.dueAt) < this.deps.clock.now().getTime() - 60_000
    try {
      const posted = await this.deps.client.chat.postMessage({
        channel: first.channel,
        ...reminderMessage(members, late),
      })
      await this.saveAll(members, (m) => ({
        state: 'sent',
        channel: posted.channel ?? m.channel,
        late,
        lastError: undefined,
        handoverStartedAt: undefined,
      }))
      return true
    } catch (error) {
      const code = errorCode(error)
      if (CHANNEL_GONE.has(code) && members.some((m) => m.channel !== m.owner)) {
        const moved = await this.saveAll(members, (m) => ({ channel: m.owner, lastError: code }))
        let all = true
        for (const owner of new Set(moved.map((m) => m.owner))) {
          if (!(await this.post(moved.filter((m) => m.owner === owner)))) all = false
        }
        return all
      }
      this.deps.logger?.warn(
        `reminders for ${first.channel}: chat.postMessage failed (${code}); they stay pending`,
      )
      await this.saveAll(members, { lastError: code })
      this.tryAgainSoon(first, error)
      return false
    }
  }

  /**
   * A hand-over or post Slack failed for a moment (5xx, 429, a timeout): that channel's group is
   * handed over again after a backoff, re-read from the store, instead of waiting for the sweep.
   */
  private tryAgainSoon(at: Pick<Reminder, 'channel' | 'dueAt'>, error: unknown): void {
    if (!this.deps.redelivery || !isTransient(error)) return
    const key = `handover:${groupKey(at)}`
    this.deps.redelivery.later(key, error, async () => {
      const members = await this.membersOf(at)
      if (members.length > 0) await this.deliver(members)
      return (await this.membersOf(at)).some((m) => m.lastError !== undefined && m.state === 'pending')
        ? 'again'
        : 'done'
    })
  }

  /** After a crash between asking Slack and storing its answer: is the message already there? */
  private async findAlreadyScheduled(
    channel: string,
    postAt: number,
    text: string,
  ): Promise<string | undefined> {
    try {
      const list = await this.deps.client.chat.scheduledMessages.list({
        channel,
        oldest: String(postAt - 1),
        latest: String(postAt + 1),
      })
      return list.scheduled_messages?.find((m) => m.post_at === postAt && m.text === text)?.id
    } catch {
      return undefined
    }
  }

  private async save(reminder: Reminder, changes: Partial<Reminder>): Promise<Reminder> {
    const [updated] = await this.saveAll([reminder], changes)
    return updated ?? reminder
  }

  /** The same change to several reminders (a group), in one save: one write of the data file. */
  private async saveAll(
    reminders: readonly Reminder[],
    changes: Partial<Reminder> | ((r: Reminder) => Partial<Reminder>),
  ): Promise<Reminder[]> {
    if (reminders.length === 0) return []
    const at = this.deps.clock.now().toISOString()
    const updated = await Promise.all(
      reminders.map(async (reminder) => {
        const change = typeof changes === 'function' ? changes(reminder) : changes
        const current = (await this.deps.reminders.get(reminder.id)) ?? reminder
        const next: Reminder = { ...current, ...change, updatedAt: at }
        for (const key of Object.keys(change) as Array<keyof Reminder>) {
          if (change[key] === undefined) delete next[key]
        }
        return next
      }),
    )
    await this.deps.reminders.save(updated)
    return updated
  }
}
