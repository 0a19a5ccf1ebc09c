import type { WebClient } from '@slack/web-api'
import type { Notifier, Origin, PostedMessage, UploadFile, UploadTarget } from '../app/ports.js'
import type { HomeModel } from '../domain/home-view.js'
import { slackErrorCode } from '../errors.js'
import { sentByDmNote } from '../render/access.js'
import { homeView } from '../render/home.js'
import type { SlackMessage } from '../render/messages.js'

/** Errors meaning "the bot may not post in this channel": the user still gets the result by DM. */
const CANNOT_POST_HERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action'])

/** The Notifier port over Slack's Web API. */
export class SlackNotifier implements Notifier {
  constructor(private readonly client: WebClient) {}

  /**
   * Posts a flow's result to the channel the command came from; when the bot may not post there,
   * sends it to the user's DM with the bot instead, saying why.
   */
  async post(origin: Origin, message: SlackMessage): Promise<PostedMessage> {
    try {
      const posted = await this.client.chat.postMessage({ channel: origin.channel, ...message })
      return { channel: posted.channel ?? origin.channel, ts: posted.ts ?? '' }
    } catch (error) {
      const code = slackErrorCode(error)
      if (code === undefined || !CANNOT_POST_HERE.has(code) || origin.channel === origin.user) throw error
      const note = {
        type: 'context' as const,
        elements: [
          {
            type: 'mrkdwn' as const,
            text: sentByDmNote(origin.channel, code),
          },
        ],
      }
      const posted = await this.client.chat.postMessage({
        channel: origin.user,
        text: message.text,
        blocks: [note, ...message.blocks],
      })
      return { channel: posted.channel ?? origin.user, ts: posted.ts ?? '' }
    }
  }

  async update(target: PostedMessage, message: SlackMessage): Promise<void> {
    await this.client.chat.update({ ...target, ...message })
  }

  async tell(origin: Origin, text: string): Promise<void> {
    if (origin.channel === origin.user) {
      await this.client.chat.postMessage({ channel: origin.user, text })
      return
    }
    await this.client.chat.postEphemeral({ channel: origin.channel, user: origin.user, text })
  }

  async publishHome(userId: string, home: HomeModel): Promise<void> {
    await this.client.views.publish({ user_id: userId, view: homeView(home) })
  }

  /**
   * files.uploadV2 (getUploadURLExternal, the bytes, completeUploadExternal): shared into the
   * channel, or a thread of it; for a user, into their DM with the bot (conversations.open).
   */
  async upload(to: UploadTarget, file: UploadFile): Promise<void> {
    const channel =
      'user' in to ? (await this.client.conversations.open({ users: to.user })).channel?.id : to.channel
    if (!channel) throw new Error('no DM channel for the upload')
    const content = {
      file: Buffer.from(file.bytes),
      filename: file.filename,
      title: file.title,
      alt_text: file.altText,
    }
    const threadTs = 'threadTs' in to ? to.threadTs : undefined
    await this.client.filesUploadV2(
      threadTs
        ? { ...content, channel_id: channel, thread_ts: threadTs }
        : { ...content, channel_id: channel },
    )
  }
}
