import { describe, expect, it } from 'vitest'
import {
  changeSetting,
  effectiveAccess,
  isAccessAdmin,
  workspaceSettingsSchema,
} from '../../src/domain/workspace-settings.js'

const defaults = { admins: ['U0ENVADMIN'], channels: ['C0ENV'] }

describe('workspace settings (issue 26.3)', () => {
  it('takes each setting from the workspace when set, from the defaults otherwise', () => {
    expect(effectiveAccess({}, defaults)).toEqual(defaults)
    expect(effectiveAccess({ channels: ['C0OWN'], usergroup: 'S0DESK' }, defaults)).toEqual({
      admins: ['U0ENVADMIN'],
      channels: ['C0OWN'],
      usergroup: 'S0DESK',
    })
    // An empty admin list set on purpose means Slack's admins, not the defaults'.
    expect(effectiveAccess({ admins: [] }, defaults).admins).toEqual([])
  })

  it("falls back to Slack's admins and owners only when no admin is listed", () => {
    expect(isAccessAdmin({ admins: [] }, 'U0OWNER', true)).toBe(true)
    expect(isAccessAdmin({ admins: [] }, 'U0MEMBER', false)).toBe(false)
    expect(isAccessAdmin({ admins: ['U0A'] }, 'U0OWNER', true)).toBe(false)
    expect(isAccessAdmin({ admins: ['U0A'] }, 'U0A')).toBe(true)
  })

  it('changes one setting, drops repeated IDs, and puts a reset one back to the default', () => {
    const set = changeSetting(
      {},
      defaults,
      { key: 'channels', value: ['C0A', 'C0B', 'C0A'] },
      { user: 'U0ENVADMIN' },
    )
    expect(set).toEqual({
      ok: true,
      settings: { channels: ['C0A', 'C0B'] },
      effective: { admins: ['U0ENVADMIN'], channels: ['C0A', 'C0B'] },
    })
    const reset = changeSetting(
      { channels: ['C0A'], users: ['U0X'] },
      defaults,
      { key: 'channels', reset: true },
      {
        user: 'U0ENVADMIN',
      },
    )
    expect(reset).toMatchObject({
      ok: true,
      settings: { users: ['U0X'] },
      effective: { channels: ['C0ENV'] },
    })
  })

  it('refuses a change that would lock the acting admin out, and allows the same change naming them', () => {
    const actor = { user: 'U0ENVADMIN' }
    expect(changeSetting({}, defaults, { key: 'admins', value: ['U0OTHER'] }, actor)).toEqual({
      ok: false,
      reason: 'locks_out_self',
    })
    expect(changeSetting({}, defaults, { key: 'admins', value: ['U0OTHER', 'U0ENVADMIN'] }, actor).ok).toBe(
      true,
    )
    // Back to Slack's admins: only someone Slack calls an admin may do that.
    expect(changeSetting({}, defaults, { key: 'admins', value: [] }, actor).ok).toBe(false)
    expect(
      changeSetting({}, defaults, { key: 'admins', value: [] }, { ...actor, workspaceAdmin: true }).ok,
    ).toBe(true)
    // A Slack admin (no list) restricting users to others would lose the bot; listed admins always pass.
    const owner = { user: 'U0OWNER', workspaceAdmin: true }
    expect(changeSetting({}, { admins: [] }, { key: 'users', value: ['U0X'] }, owner).ok).toBe(false)
    expect(changeSetting({}, { admins: [] }, { key: 'users', value: ['U0X', 'U0OWNER'] }, owner).ok).toBe(
      true,
    )
    expect(changeSetting({}, defaults, { key: 'users', value: ['U0X'] }, actor).ok).toBe(true)
    // A user group may hold them (Slack's to say): not refused.
    expect(
      changeSetting({ usergroup: 'S0DESK' }, { admins: [] }, { key: 'users', value: ['U0X'] }, owner).ok,
    ).toBe(true)
  })

  it('stores only IDs Slack would give, at most 100 per list', () => {
    expect(workspaceSettingsSchema.safeParse({ channels: ['C0A'], usergroup: 'S0A' }).success).toBe(true)
    expect(workspaceSettingsSchema.safeParse({ channels: ['#general'] }).success).toBe(false)
    expect(workspaceSettingsSchema.safeParse({ admins: ['U0A'], usergroup: 'U0A' }).success).toBe(false)
    const many = Array.from({ length: 101 }, (_, i) => `U0${String(i).padStart(3, '0')}`)
    expect(workspaceSettingsSchema.safeParse({ users: many }).success).toBe(false)
  })
})
