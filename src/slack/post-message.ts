import type { WebClient } from '@slack/web-api'
import type { SlackMessage } from '../render/messages.js'
import type { Origin } from './private-metadata.js'

/** Errors meaning "the bot may not post in this channel": the user still gets the result by DM. */
const CANNOT_POST_HERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action'])

/**
 * Posts a flow's result to the channel the command came from; when the bot may not post there,
 * sends it to the user's DM with the bot instead, saying why.
 */
export async function postToOrigin(
  client: WebClient,
  origin: Origin,
  message: SlackMessage,
): Promise<{ channel: string; ts: string }> {
  try {
    const posted = await client.chat.postMessage({ channel: origin.channel, ...message })
    return { channel: posted.channel ?? origin.channel, ts: posted.ts ?? '' }
  } catch (error) {
    const code = slackErrorCode(error)
    if (code === undefined || !CANNOT_POST_HERE.has(code) || origin.channel === origin.user) throw error
    const note = {
      type: 'context' as const,
      elements: [
        {
          type: 'mrkdwn' as const,
          text: `<#${origin.channel}> に投稿できなかったため（${code}）、DM でお送りします。チャンネルで使うにはボットを招待してください。`,
        },
      ],
    }
    const posted = await client.chat.postMessage({
      channel: origin.user,
      text: message.text,
      blocks: [note, ...message.blocks],
    })
    return { channel: posted.channel ?? origin.user, ts: posted.ts ?? '' }
  }
}

/** The `error` field of a failed Web API call, if that is what this is. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data
  return typeof data?.error === 'string' ? data.error : undefined
}

/**
 * Updates a posted message after its record changed. The change is already stored: when Slack
 * refuses the update (message deleted, channel archived, Slack down), the user is told so instead
 * of being left with a stale message and no word.
 */
export async function updateMessage(
  client: WebClient,
  target: { channel: string; ts: string },
  message: SlackMessage,
  tell: (text: string) => Promise<unknown>,
): Promise<void> {
  try {
    await client.chat.update({ ...target, ...message })
  } catch (error) {
    const code = slackErrorCode(error) ?? (error as { code?: string }).code ?? 'unknown_error'
    await tell(
      `変更は保存しましたが、メッセージを更新できませんでした（${code}）。最新の状態は \`/billing tickets\` や App Home で確認できます。`,
    ).catch(() => undefined)
  }
}
