import type { Refusal } from '../domain/outcomes.js'
import {
  changeSetting,
  effectiveAccess,
  type SettingChange,
  type SettingsView,
} from '../domain/workspace-settings.js'
import type { AppDeps } from './deps.js'
import { refused } from './outcomes.js'

type SettingsPorts = Pick<AppDeps, 'settings' | 'accessDefaults'>

export function readSettings(deps: SettingsPorts): SettingsView {
  const own = deps.settings.get()
  return { own, defaults: deps.accessDefaults, effective: effectiveAccess(own, deps.accessDefaults) }
}

/**
 * `/billing settings <key> …` (admins only): one setting changed, or back to the default. It
 * applies to the next request (the access check reads the settings each time).
 */
export async function changeWorkspaceSettings(
  deps: SettingsPorts & Pick<AppDeps, 'logger'>,
  input: { user: string; admin: boolean; workspaceAdmin?: boolean; change: SettingChange },
): Promise<{ kind: 'refused'; refusal: Refusal } | ({ kind: 'changed' } & SettingsView)> {
  if (!input.admin) return refused({ on: 'settings', reason: 'admins_only' })
  const outcome = changeSetting(deps.settings.get(), deps.accessDefaults, input.change, {
    user: input.user,
    ...(input.workspaceAdmin !== undefined ? { workspaceAdmin: input.workspaceAdmin } : {}),
  })
  if (!outcome.ok) return refused({ on: 'settings', reason: outcome.reason })
  await deps.settings.save(outcome.settings)
  deps.logger.info('workspace settings changed', {
    key: input.change.key,
    by: input.user,
    reset: 'reset' in input.change,
  })
  return {
    kind: 'changed',
    own: outcome.settings,
    defaults: deps.accessDefaults,
    effective: outcome.effective,
  }
}
