import type { App, Context } from '@slack/bolt'
import type { AppDeps } from '../app/deps.js'
import type { AccessConfig } from '../config.js'
import type { DirectoryCache } from './middleware/directory.js'

/**
 * One workspace as the bot serves it: its repositories and Slack clients (`deps`, built for that
 * workspace alone), who may use the bot there, and what Slack said about its users. Every request
 * is served with the workspace it came from (slack/middleware/workspace.ts).
 */
export interface Workspace {
  /** SINGLE_WORKSPACE, or the team ID of an OAuth installation. */
  key: string
  deps: AppDeps
  /** Who may use the bot there: the workspace's settings over the environment's defaults. */
  access: () => AccessConfig
  /** The team the requests must come from (unknown until auth.test answered, single mode). */
  teamId: () => string | undefined
  directory: DirectoryCache
  /** Slack deliveries already taken (event IDs), in the store: a retry at any replica is dropped. */
  deliveries: { first(key: string): Promise<boolean> }
}

/**
 * What this bot's middleware adds to Bolt's context: `workspace` (whose request this is, set
 * before anything else runs) and `workspaceAdmin`, Slack's word on the user (set by the access
 * check, slack/middleware/authorization.ts), used when no admins are configured.
 */
export interface BotContext extends Context {
  workspace?: Workspace
  workspaceAdmin?: boolean
}

/** The Bolt app with this bot's context, so every listener reads it typed. */
export type BotApp = App<BotContext>

/** The workspace the middleware attached; a listener never runs without one. */
export function workspaceOf(context: BotContext): Workspace {
  if (!context.workspace) throw new Error('request reached a listener without its workspace')
  return context.workspace
}
