import { changeWorkspaceSettings, readSettings } from '../../app/workspace-settings.js'
import {
  CHANNEL_ID,
  MAX_SETTING_IDS,
  SETTING_KEYS,
  type SettingChange,
  type SettingKey,
  USER_ID,
  USERGROUP_ID,
} from '../../domain/workspace-settings.js'
import { refusalText } from '../../render/refusals.js'
import {
  SETTINGS_NOT_SAVED_TEXT,
  type SettingsUsageProblem,
  settingsChangedMessage,
  settingsMessage,
  settingsUsageText,
} from '../../render/settings.js'
import type { BillingSubcommand } from './billing.js'

/**
 * A mention as Slack sends it when the command escapes them (`<@U…|name>`, `<#C…|name>`,
 * `<!subteam^S…|@group>`), or the bare ID someone pasted.
 */
const MENTIONS: Record<SettingKey, { escaped: RegExp; bare: RegExp }> = {
  admins: { escaped: /^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$/, bare: USER_ID },
  users: { escaped: /^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$/, bare: USER_ID },
  channels: { escaped: /^<#([CG][A-Z0-9]{2,})(?:\|[^>]*)?>$/, bare: CHANNEL_ID },
  usergroup: { escaped: /^<!subteam\^(S[A-Z0-9]{2,})(?:\|[^>]*)?>$/, bare: USERGROUP_ID },
}

function idOf(key: SettingKey, word: string): string | undefined {
  const { escaped, bare } = MENTIONS[key]
  const id = escaped.exec(word)?.[1] ?? word
  // A DM is no channel to allow: DMs with the bot are always allowed.
  return bare.test(id) && !(key === 'channels' && id.startsWith('D')) ? id : undefined
}

export type SettingsRequest =
  | { kind: 'show' }
  | { kind: 'change'; change: SettingChange }
  | { kind: 'bad'; problem: SettingsUsageProblem }

/** The words after `/billing settings`: nothing (show), or one setting and its new value. */
export function parseSettingsText(text: string): SettingsRequest {
  const words = text
    .slice(0, 4000)
    .normalize('NFKC')
    .trim()
    .split(/[\s,、]+/)
    .filter(Boolean)
    .slice(1)
  const [keyWord, ...values] = words
  if (keyWord === undefined) return { kind: 'show' }
  const key = SETTING_KEYS.find((k) => k === keyWord.toLowerCase())
  if (!key) return { kind: 'bad', problem: { kind: 'unknown_key', word: keyWord } }
  if (values.length === 0) return { kind: 'bad', problem: { kind: 'no_value', key } }
  if (values.length === 1 && values[0]?.toLowerCase() === 'reset')
    return { kind: 'change', change: { key, reset: true } }
  if (values.length > MAX_SETTING_IDS)
    return { kind: 'bad', problem: { kind: 'too_many', key, max: MAX_SETTING_IDS } }
  const ids: string[] = []
  for (const word of values) {
    const id = idOf(key, word)
    if (!id) return { kind: 'bad', problem: { kind: 'bad_id', key, word } }
    ids.push(id)
  }
  if (key === 'usergroup') {
    const [group, ...more] = ids
    if (!group || more.length > 0) return { kind: 'bad', problem: { kind: 'one_group' } }
    return { kind: 'change', change: { key, value: group } }
  }
  return { kind: 'change', change: { key, value: ids } }
}

/**
 * `/billing settings` shows who may use the bot here (anyone may look); `/billing settings
 * <admins|channels|users|usergroup> …|reset` changes one setting (admins only), saved before the
 * answer, in effect from the next request.
 */
export const billingSettings: BillingSubcommand = async ({
  ack,
  deps,
  command,
  user,
  context,
  answer,
  logger,
}) => {
  const request = parseSettingsText(command.text)
  if (request.kind === 'show')
    return ack({ response_type: 'ephemeral', ...settingsMessage(readSettings(deps)) })
  if (request.kind === 'bad') return answer(settingsUsageText(request.problem))
  try {
    const result = await changeWorkspaceSettings(deps, {
      user,
      admin: deps.isAdmin(user, context.workspaceAdmin),
      ...(context.workspaceAdmin !== undefined ? { workspaceAdmin: context.workspaceAdmin } : {}),
      change: request.change,
    })
    if (result.kind === 'refused') return answer(refusalText(result.refusal))
    return ack({ response_type: 'ephemeral', ...settingsChangedMessage(result, request.change.key) })
  } catch (error) {
    // Nothing half-kept: the store put the old settings back.
    logger.error('workspace settings not saved', { error })
    return answer(SETTINGS_NOT_SAVED_TEXT)
  }
}
