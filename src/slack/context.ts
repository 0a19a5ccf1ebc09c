import type { App, Context } from '@slack/bolt'

/**
 * What this bot's middleware adds to Bolt's context: `workspaceAdmin` is Slack's word on the user
 * (set by the access check, slack/middleware/authorization.ts), used when ADMIN_USER_IDS is unset.
 */
export interface BotContext extends Context {
  workspaceAdmin?: boolean
}

/** The Bolt app with this bot's context, so every listener reads it typed. */
export type BotApp = App<BotContext>
