import { describe, expect, it } from 'vitest'
import { changeWorkspaceSettings, readSettings } from '../../src/app/workspace-settings.js'
import { memoryDeps } from '../support/memory-ports.js'

/** `/billing settings` over in-memory ports: who may change what, and what applies afterwards. */
describe('workspace settings (issue 26.3)', () => {
  it('shows the defaults until an admin sets something', () => {
    const deps = memoryDeps()
    expect(readSettings(deps)).toEqual({
      own: {},
      defaults: { admins: ['U0ADMIN'] },
      effective: { admins: ['U0ADMIN'] },
    })
  })

  it('lets an admin change one setting, saved, and in force for the next request', async () => {
    const deps = memoryDeps()
    const result = await changeWorkspaceSettings(deps, {
      user: 'U0ADMIN',
      admin: deps.isAdmin('U0ADMIN'),
      change: { key: 'admins', value: ['U0ADMIN', 'U0CAROL'] },
    })
    expect(result).toMatchObject({ kind: 'changed', own: { admins: ['U0ADMIN', 'U0CAROL'] } })
    expect(deps.settings.current).toEqual({ admins: ['U0ADMIN', 'U0CAROL'] })
    // The new admin is one now, through the same isAdmin every use case asks.
    expect(deps.isAdmin('U0CAROL')).toBe(true)
    expect(readSettings(deps).effective.admins).toEqual(['U0ADMIN', 'U0CAROL'])
    expect(deps.logger.lines.some((l) => l.message === 'workspace settings changed')).toBe(true)
  })

  it('refuses anyone else, and keeps the settings as they were', async () => {
    const deps = memoryDeps()
    const result = await changeWorkspaceSettings(deps, {
      user: 'U0ALICE',
      admin: deps.isAdmin('U0ALICE'),
      change: { key: 'admins', value: ['U0ALICE'] },
    })
    expect(result).toEqual({ kind: 'refused', refusal: { on: 'settings', reason: 'admins_only' } })
    expect(deps.settings.current).toEqual({})
    expect(deps.isAdmin('U0ALICE')).toBe(false)
  })

  it('refuses a change that would lock the acting admin out', async () => {
    const deps = memoryDeps()
    const result = await changeWorkspaceSettings(deps, {
      user: 'U0ADMIN',
      admin: true,
      change: { key: 'admins', value: ['U0CAROL'] },
    })
    expect(result).toEqual({ kind: 'refused', refusal: { on: 'settings', reason: 'locks_out_self' } })
    expect(deps.isAdmin('U0ADMIN')).toBe(true)
  })

  it('leaves the settings as they were when the save fails, and says so to the caller', async () => {
    const deps = memoryDeps()
    deps.settings.failNext = Object.assign(new Error('disk full'), { code: 'ENOSPC' })
    await expect(
      changeWorkspaceSettings(deps, {
        user: 'U0ADMIN',
        admin: true,
        change: { key: 'channels', value: ['C0A'] },
      }),
    ).rejects.toThrow('disk full')
    expect(readSettings(deps).effective.channels).toBeUndefined()
  })
})
