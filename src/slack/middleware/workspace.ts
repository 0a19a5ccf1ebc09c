import type { AnyMiddlewareArgs, Logger, Middleware } from '@slack/bolt'
import type { BotContext, Workspace } from '../context.js'

/** The workspaces the bot serves: one (single-workspace mode) or every OAuth installation. */
export interface Workspaces {
  /**
   * The workspace a request came from (Bolt's `context.teamId`); undefined when the bot does not
   * serve it (an installation removed a moment ago). Single-workspace mode answers its one
   * workspace for any team: the access check refuses other teams.
   */
  of(teamId: string | undefined): Promise<Workspace | undefined>
  /** `app_uninstalled` / `tokens_revoked` arrived for a workspace (see bot.ts for each mode). */
  uninstalled(workspace: Workspace, event: 'app_uninstalled' | 'tokens_revoked'): Promise<void>
}

/**
 * Runs first: attaches the request's workspace to the context, so everything after it — the
 * access check, duplicate detection, every listener — reaches that workspace's records alone.
 * A request for a workspace the bot does not serve is acknowledged and dropped.
 */
export function workspaceContext(
  workspaces: Workspaces,
  logger: Logger,
): Middleware<AnyMiddlewareArgs, BotContext> {
  return async (args) => {
    const workspace = await workspaces.of(args.context.teamId)
    if (!workspace) {
      logger.warn('request from a workspace the bot does not serve; dropped', {
        team: args.context.teamId ?? '',
      })
      const ack = (args as { ack?: () => Promise<void> }).ack
      if (ack) await ack()
      return
    }
    args.context.workspace = workspace
    await args.next()
  }
}
