import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt'
import type { WebClient } from '@slack/web-api'
import type { AccessConfig } from '../../config.js'
import {
  ACCESS_REFUSAL_TEXT,
  type AccessRefusal,
  CHECK_FAILED_IN_FORM,
  refusedModal,
} from '../../render/access.js'
import { type BotContext, workspaceOf } from '../context.js'
import type { DirectoryCache } from './directory.js'

/** Who sent a request, from which team and channel, whatever its kind. */
interface Requester {
  user?: string
  team?: string
  channel?: string
}

function requesterOf(body: Record<string, unknown>): Requester {
  const user = body.user as { id?: string; team_id?: string } | undefined
  const event = body.event as { user?: string; channel?: string } | undefined
  const team = body.team as { id?: string } | undefined
  const channel = body.channel as { id?: string } | undefined
  const container = body.container as { channel_id?: string } | undefined
  return {
    user: (body.user_id as string | undefined) ?? user?.id ?? event?.user,
    team: (body.team_id as string | undefined) ?? team?.id ?? user?.team_id,
    channel: (body.channel_id as string | undefined) ?? channel?.id ?? container?.channel_id,
  }
}

/**
 * How long the access check may wait for Slack before the listener must ack (Slack's 3 s, less
 * the listener's own work and the network). Past it, the policy decides (see checkAccess).
 */
export const ACCESS_CHECK_BUDGET_MS = 1500

export type Refusal = AccessRefusal

export const REFUSAL_TEXT = ACCESS_REFUSAL_TEXT

/**
 * Decides whether a request may go on: the workspace the app is installed in only; no guests
 * (restricted or single-channel users); when configured, only listed users or members of the
 * user group (admins always), and only listed channels (DMs with the bot always).
 */
export async function checkAccess(
  access: AccessConfig,
  cache: DirectoryCache,
  client: WebClient,
  requester: Requester,
  installedTeam: string | undefined,
  onUnknownGuest: (user: string) => void = () => undefined,
  deadline: number = Date.now() + ACCESS_CHECK_BUDGET_MS,
): Promise<Refusal | undefined> {
  if (installedTeam && requester.team && requester.team !== installedTeam) return 'other_team'
  const { user, channel } = requester
  if (!user) return undefined
  const guest = await cache.isGuest(client, user, deadline)
  if (guest === true) return 'guest'
  // Slack too slow to say, and this user not seen before: refuse, saying to try again.
  if (guest === 'timeout') return 'check_failed'
  if (guest === 'unknown') onUnknownGuest(user)
  const admin = access.admins.includes(user)
  if (!admin && (access.users || access.usergroup)) {
    const listed = access.users?.includes(user) ?? false
    const inGroup = access.usergroup
      ? (await cache.groupMembers(client, access.usergroup, deadline)).has(user)
      : false
    if (!listed && !inGroup) return 'user_not_allowed'
  }
  if (access.channels && channel && !channel.startsWith('D') && !access.channels.includes(channel)) {
    return 'channel_not_allowed'
  }
  return undefined
}

/** The block_id of a submitted view's first input block: where an error can be shown. */
function firstInputBlock(body: Record<string, unknown>): string | undefined {
  const blocks = (body.view as { blocks?: Array<{ type?: string; block_id?: string }> } | undefined)?.blocks
  return blocks?.find((b) => b.type === 'input' && b.block_id)?.block_id
}

/** The global middleware: refused requests get a Japanese answer in the right form, and go no further. */
export function authorization(): Middleware<AnyMiddlewareArgs, BotContext> {
  return async (args) => {
    const body = args.body as Record<string, unknown>
    const deadline = Date.now() + ACCESS_CHECK_BUDGET_MS
    const workspace = workspaceOf(args.context)
    const cache = workspace.directory
    // The workspace the token belongs to (auth.test at start-up, or the installation). Not known
    // yet (Slack slow at start-up): the team check is skipped — the request is signed with this
    // app's secret, so it comes from a workspace the app is installed in.
    const team = workspace.teamId()
    let refusal: Refusal | undefined
    try {
      refusal = await checkAccess(
        workspace.access(),
        cache,
        args.client,
        requesterOf(body),
        team,
        (user) =>
          // Slack could not say whether this is a guest (users.info down, or the users:read scope
          // missing): the request goes on, and the log says so every time until Slack answers.
          args.logger.warn('guest check unavailable; request allowed', { user }),
        deadline,
      )
    } catch (error) {
      // An allow-list that cannot be read (the user group) fails closed: it was configured to keep people out.
      args.logger.error('access check failed', { error })
      refusal = 'check_failed'
    }
    if (!refusal) {
      // For `/billing link` when ADMIN_USER_IDS is unset: the workspace's admins and owners.
      const user = requesterOf(body).user
      if (user) args.context.workspaceAdmin = cache.workspaceAdmin(user)
      await args.next()
      return
    }
    args.logger.warn('request refused', { refusal, type: body.type ?? 'slash_command' })
    const text = REFUSAL_TEXT[refusal]
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack
    const respond = (args as { respond?: (message: unknown) => Promise<unknown> }).respond
    const keepForm = body.type === 'view_submission' && refusal === 'check_failed' && firstInputBlock(body)
    if (keepForm) {
      // Slack too slow to say who this is: the form stays open with everything typed, and the
      // same 送信 works a moment later (nothing was stored). A definite refusal replaces the form.
      await ack?.({ response_action: 'errors', errors: { [keepForm]: CHECK_FAILED_IN_FORM } })
    } else if (body.type === 'view_submission') {
      await ack?.({
        response_action: 'update',
        view: refusedModal(text),
      })
    } else if (body.command) {
      await ack?.({ response_type: 'ephemeral', text })
    } else if (ack) {
      await ack()
      await respond?.({ response_type: 'ephemeral', replace_original: false, text })
    }
    // Events were acknowledged by Bolt already; a refused one is simply dropped.
  }
}
