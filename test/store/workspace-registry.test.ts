import { existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { workspaceFile } from '../../src/store/database.js'
import { openStore, SINGLE_WORKSPACE } from '../../src/store/index.js'
import { aTicket } from '../support/records.js'
import { tempDirPerTest } from '../support/temp-dir.js'

const entry = (teamId: string) => ({
  teamId,
  installedAt: '2026-12-01T00:00:00.000Z',
  installation: `sealed-${teamId}`,
})

describe('workspaces in one data file (issue 26)', () => {
  const tempDir = tempDirPerTest('registry-')

  it("keeps each workspace's records apart: the same ticket ID in two workspaces, each sees its own", async () => {
    const store = await openStore(join(tempDir(), 'db.json'))
    await store.workspaces.install(entry('T0AAAAAAA'))
    await store.workspaces.install(entry('T0BBBBBBB'))
    await store.workspace('T0AAAAAAA').tickets.save(aTicket('T0001', { requester: 'U0ALICE' }))
    await store.workspace('T0BBBBBBB').tickets.save(aTicket('T0001', { requester: 'U0BOB' }))

    expect(store.workspace('T0AAAAAAA').tickets.get('T0001')?.requester).toBe('U0ALICE')
    expect(store.workspace('T0BBBBBBB').tickets.get('T0001')?.requester).toBe('U0BOB')
    expect(store.workspace('T0AAAAAAA').tickets.listByRequester('U0BOB')).toEqual([])
    await store.close()

    // And so after a reopen.
    const reopened = await openStore(join(tempDir(), 'db.json'))
    expect(reopened.workspace('T0BBBBBBB').tickets.get('T0001')?.requester).toBe('U0BOB')
    await reopened.close()
  })

  it('hands the single-workspace data to the first install when the file never learnt whose it was', async () => {
    const store = await openStore(join(tempDir(), 'db.json'))
    await store.workspace(SINGLE_WORKSPACE).tickets.save(aTicket('T0001'))

    expect(await store.workspaces.install(entry('T0AAAAAAA'))).toEqual({ kind: 'adopted', records: 1 })
    expect(store.workspace('T0AAAAAAA').tickets.get('T0001')).toBeDefined()
    expect(store.workspace(SINGLE_WORKSPACE).tickets.all()).toEqual([])
    expect(await store.workspaces.install(entry('T0BBBBBBB'))).toEqual({ kind: 'installed' })
    expect(store.workspace('T0BBBBBBB').tickets.all()).toEqual([])
    await store.close()
  })

  it('does not hand the data to a workspace other than the one auth.test named, nor to a second install', async () => {
    const store = await openStore(join(tempDir(), 'db.json'))
    await store.workspace(SINGLE_WORKSPACE).tickets.save(aTicket('T0001'))
    await store.workspaces.recordSingleTeam({ teamId: 'T0HOMEHOME' })

    expect(await store.workspaces.install(entry('T0AAAAAAA'))).toEqual({ kind: 'installed' })
    expect(store.workspace('T0AAAAAAA').tickets.all()).toEqual([])
    expect(await store.workspaces.install(entry('T0HOMEHOME'))).toEqual({ kind: 'installed' })
    // The records stay where they were (nothing is lost), for an operator to decide.
    expect(store.workspace(SINGLE_WORKSPACE).tickets.get('T0001')).toBeDefined()
    await store.close()
  })

  it('keeps the data on a reinstall (a new token), and clears a parked state', async () => {
    const store = await openStore(join(tempDir(), 'db.json'))
    await store.workspaces.install(entry('T0AAAAAAA'))
    await store.workspace('T0AAAAAAA').tickets.save(aTicket('T0001'))
    await store.workspaces.park('T0AAAAAAA', 'token_revoked')
    expect(store.workspaces.get('T0AAAAAAA')?.parked).toBe('token_revoked')

    expect(await store.workspaces.install({ ...entry('T0AAAAAAA'), installation: 'sealed-new' })).toEqual({
      kind: 'reinstalled',
    })
    expect(store.workspaces.get('T0AAAAAAA')).toMatchObject({ installation: 'sealed-new' })
    expect(store.workspaces.get('T0AAAAAAA')?.parked).toBeUndefined()
    expect(store.workspace('T0AAAAAAA').tickets.get('T0001')).toBeDefined()
    await store.close()
  })

  it('removes a workspace with every record and its archive, the others kept', async () => {
    const file = join(tempDir(), 'db.json')
    const store = await openStore(file)
    await store.workspaces.install(entry('T0AAAAAAA'))
    await store.workspaces.install(entry('T0BBBBBBB'))
    for (const team of ['T0AAAAAAA', 'T0BBBBBBB']) {
      const closed = {
        ...aTicket(`old-${team}`),
        status: 'resolved' as const,
        updatedAt: '2026-09-01T00:00:00.000Z',
      }
      await store.workspace(team).tickets.save(closed)
      await store.workspace(team).archiveOld(new Date('2026-11-26T00:00:00Z'))
    }
    expect(existsSync(join(`${file}.archive`, 'T0AAAAAAA'))).toBe(true)

    expect(await store.workspaces.remove('T0AAAAAAA')).toBe(true)

    expect(existsSync(join(`${file}.archive`, 'T0AAAAAAA'))).toBe(false)
    expect(existsSync(join(`${file}.archive`, 'T0BBBBBBB'))).toBe(true)
    expect(
      (await store.workspace('T0BBBBBBB').tickets.historyOfRequester('U0ALICE')).map((t) => t.id),
    ).toEqual(['old-T0BBBBBBB'])
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { workspaces: Record<string, unknown> }
    expect(Object.keys(onDisk.workspaces)).toEqual(['T0BBBBBBB'])
    expect(existsSync(workspaceFile(file, 'T0AAAAAAA'))).toBe(false)
    expect(existsSync(workspaceFile(file, 'T0BBBBBBB'))).toBe(true)
    expect(await store.workspaces.remove('T0AAAAAAA')).toBe(false)
    await store.close()
  })
})

describe('a file per installed workspace (issue 26.7: a write costs the same with 1 or 1,000)', () => {
  const tempDir = tempDirPerTest('registry-files-')

  it("rewrites only the workspace's own file on its writes; the main file names it, without its records", async () => {
    const file = join(tempDir(), 'db.json')
    const written: string[] = []
    const store = await openStore(file, {
      writeFile: async (path, text) => {
        written.push(path)
        await writeFile(path, text)
      },
    })
    written.length = 0 // the new main file
    await store.workspaces.install(entry('T0AAAAAAA'))
    await store.workspaces.install(entry('T0BBBBBBB'))
    // An install writes the workspace's file before the main file that names it.
    expect(written).toEqual([workspaceFile(file, 'T0AAAAAAA'), file, workspaceFile(file, 'T0BBBBBBB'), file])
    written.length = 0

    await store.workspace('T0AAAAAAA').tickets.save(aTicket('T0001'))
    expect(written).toEqual([workspaceFile(file, 'T0AAAAAAA')])
    const main = JSON.parse(await readFile(file, 'utf8')) as { workspaces: Record<string, object> }
    expect(Object.keys(main.workspaces.T0AAAAAAA ?? {}).sort()).toEqual([
      'archive',
      'installation',
      'installedAt',
      'teamId',
    ])
    const own = JSON.parse(await readFile(workspaceFile(file, 'T0AAAAAAA'), 'utf8')) as {
      teamId: string
      tickets: unknown[]
    }
    expect(own.teamId).toBe('T0AAAAAAA')
    expect(own.tickets).toHaveLength(1)
    await store.close()
  })

  it('keeps nothing of an install or a save whose workspace file the disk refuses, and names that file', async () => {
    const file = join(tempDir(), 'db.json')
    let refuse: string | undefined
    const store = await openStore(file, {
      writeFile: async (path, text) => {
        if (path === refuse)
          throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), {
            code: 'ENOSPC',
          })
        await writeFile(path, text)
      },
    })
    refuse = workspaceFile(file, 'T0AAAAAAA')
    await expect(store.workspaces.install(entry('T0AAAAAAA'))).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(store.workspaces.get('T0AAAAAAA')).toBeUndefined()
    expect(store.storeProblem()).toContain('T0AAAAAAA.json')
    const main = JSON.parse(await readFile(file, 'utf8')) as { workspaces: Record<string, unknown> }
    expect(main.workspaces).toEqual({})

    refuse = undefined
    await store.workspaces.install(entry('T0AAAAAAA'))
    refuse = workspaceFile(file, 'T0AAAAAAA')
    await expect(store.workspace('T0AAAAAAA').tickets.save(aTicket('T0001'))).rejects.toMatchObject({
      code: 'ENOSPC',
    })
    expect(store.workspace('T0AAAAAAA').tickets.get('T0001')).toBeUndefined()
    refuse = undefined
    await store.close()
    const reopened = await openStore(file)
    expect(reopened.workspace('T0AAAAAAA').tickets.all()).toEqual([])
    await reopened.close()
  })

  it('lays a version-4 file (every workspace inline) out into one file each, and reads it back the same', async () => {
    const file = join(tempDir(), 'db.json')
    const ticket = aTicket('T0001')
    const v4 = {
      schemaVersion: 4,
      tickets: [],
      checklists: [],
      reminders: [],
      subscriptions: [],
      operators: [],
      links: [],
      alerts: [],
      workspaces: {
        T0AAAAAAA: {
          ...entry('T0AAAAAAA'),
          archive: 'T0AAAAAAA',
          tickets: [ticket],
          checklists: [],
          reminders: [],
          subscriptions: [],
          operators: [],
          links: [],
          alerts: [],
          settings: { channels: ['C0DESK'] },
        },
      },
    }
    await writeFile(file, JSON.stringify(v4))
    const store = await openStore(file)
    expect(store.workspace('T0AAAAAAA').tickets.get('T0001')?.requester).toBe('U0ALICE')
    await store.close()
    expect(existsSync(`${file}.v4.bak`)).toBe(true)
    const main = JSON.parse(await readFile(file, 'utf8')) as {
      schemaVersion: number
      workspaces: Record<string, object>
    }
    expect(main.schemaVersion).toBe(5)
    expect(main.workspaces.T0AAAAAAA).not.toHaveProperty('tickets')
    const reopened = await openStore(file)
    expect(reopened.workspace('T0AAAAAAA').tickets.get('T0001')).toEqual(ticket)
    expect(reopened.workspace('T0AAAAAAA').settings.get()).toEqual({ channels: ['C0DESK'] })
    await reopened.close()
  })

  it("refuses to start, naming the file, when an installed workspace's records are missing or are another's", async () => {
    const file = join(tempDir(), 'db.json')
    const store = await openStore(file)
    await store.workspaces.install(entry('T0AAAAAAA'))
    await store.workspaces.install(entry('T0BBBBBBB'))
    await store.close()
    await writeFile(
      workspaceFile(file, 'T0AAAAAAA'),
      await readFile(workspaceFile(file, 'T0BBBBBBB'), 'utf8'),
    )
    await expect(openStore(file)).rejects.toThrow(/T0AAAAAAA\.json.*not the records of workspace T0AAAAAAA/)
    await rm(workspaceFile(file, 'T0AAAAAAA'))
    await expect(openStore(file)).rejects.toThrow(/records of installed workspace T0AAAAAAA cannot be read/)
    // A key that is no team ID is never taken for a path.
    const main = JSON.parse(await readFile(file, 'utf8')) as { workspaces: Record<string, unknown> }
    await writeFile(file, JSON.stringify({ ...main, workspaces: { '../../etc': main.workspaces.T0BBBBBBB } }))
    await expect(openStore(file)).rejects.toThrow(/is not a team ID/)
  })
})
