import { z } from 'zod'
import { digestSubscriptionSchema } from './digest.js'

/** The IDs Slack gives users (W… on Enterprise Grid), channels and user groups. */
export const USER_ID = /^[UW][A-Z0-9]{2,}$/
export const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/
export const USERGROUP_ID = /^S[A-Z0-9]{2,}$/

/** The longest list one setting keeps (a channel or user list past it belongs in a user group). */
export const MAX_SETTING_IDS = 100

/**
 * What a workspace's admins set for their workspace (`/billing settings`); a setting left unset
 * falls back to the environment's (ADMIN_USER_IDS, ALLOWED_CHANNEL_IDS …), the single-workspace
 * defaults.
 */
export const workspaceSettingsSchema = z.object({
  admins: z.array(z.string().regex(USER_ID)).max(MAX_SETTING_IDS).optional(),
  channels: z.array(z.string().regex(CHANNEL_ID)).max(MAX_SETTING_IDS).optional(),
  users: z.array(z.string().regex(USER_ID)).max(MAX_SETTING_IDS).optional(),
  usergroup: z.string().regex(USERGROUP_ID).optional(),
  /** Channels that get the spend digest (`/billing digest`), at most one cadence each. */
  digests: z.array(digestSubscriptionSchema).max(MAX_SETTING_IDS).optional(),
})

export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>

/** Who may use the bot in a workspace, as the access check reads it. */
export interface AccessSettings {
  channels?: string[]
  users?: string[]
  usergroup?: string
  /** Empty: the workspace's own admins and owners (Slack's word) are the bot's admins. */
  admins: string[]
}

/** What `/billing settings` shows: the workspace's own settings, the defaults, and what applies. */
export interface SettingsView {
  own: WorkspaceSettings
  defaults: AccessSettings
  effective: AccessSettings
}

export const SETTING_KEYS = ['admins', 'channels', 'users', 'usergroup'] as const
export type SettingKey = (typeof SETTING_KEYS)[number]

/** One change an admin asks for: a new value, or back to the default (`reset`). */
export type SettingChange =
  | { key: 'admins' | 'channels' | 'users'; value: string[] }
  | { key: 'usergroup'; value: string }
  | { key: SettingKey; reset: true }

/** The workspace's settings over the defaults, setting by setting. */
export function effectiveAccess(own: WorkspaceSettings, defaults: AccessSettings): AccessSettings {
  const channels = own.channels ?? defaults.channels
  const users = own.users ?? defaults.users
  const usergroup = own.usergroup ?? defaults.usergroup
  return {
    ...(channels ? { channels } : {}),
    ...(users ? { users } : {}),
    ...(usergroup ? { usergroup } : {}),
    admins: own.admins ?? defaults.admins,
  }
}

/** Whether `user` is an admin under `access` (`workspaceAdmin`: Slack's word, used when no list is set). */
export function isAccessAdmin(access: AccessSettings, user: string, workspaceAdmin?: boolean): boolean {
  return access.admins.length > 0 ? access.admins.includes(user) : workspaceAdmin === true
}

export type SettingsOutcome =
  | { ok: true; settings: WorkspaceSettings; effective: AccessSettings }
  /** The change would take away the acting admin's own right to change it back. */
  | { ok: false; reason: 'locks_out_self' }

/**
 * Applies one change. Refused when it would lock the acting admin out: an admin list without
 * them, or a user list that leaves them out (when they are not a listed admin, who always pass,
 * and no user group could still let them in — its members are Slack's to say).
 */
export function changeSetting(
  own: WorkspaceSettings,
  defaults: AccessSettings,
  change: SettingChange,
  actor: { user: string; workspaceAdmin?: boolean },
): SettingsOutcome {
  const settings: WorkspaceSettings = { ...own }
  if ('reset' in change) delete settings[change.key]
  else if (change.key === 'usergroup') settings.usergroup = change.value
  else settings[change.key] = [...new Set(change.value)]
  const effective = effectiveAccess(settings, defaults)
  if (!isAccessAdmin(effective, actor.user, actor.workspaceAdmin))
    return { ok: false, reason: 'locks_out_self' }
  const listedAdmin = effective.admins.includes(actor.user)
  if (!listedAdmin && effective.users && !effective.usergroup && !effective.users.includes(actor.user))
    return { ok: false, reason: 'locks_out_self' }
  return { ok: true, settings, effective }
}
