import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from './database.js'
import { SINGLE_WORKSPACE } from './database.js'
import {
  emptyWorkspaceData,
  type InstalledWorkspace,
  RECORD_COLLECTIONS,
  type WorkspaceData,
  workspaceDataOf,
} from './schema.js'

/** A workspace as the registry lists it: who it is, and whether Slack still takes its token. */
export interface WorkspaceEntry {
  teamId: string
  enterpriseId?: string
  installedAt: string
  /** Bolt's Installation as JSON, sealed (slack/installation-store.ts seals and opens it). */
  installation: string
  parked?: string
}

export type InstallResult = { kind: 'installed' | 'reinstalled' } | { kind: 'adopted'; records: number }

function recordsIn(data: WorkspaceData): number {
  return RECORD_COLLECTIONS.reduce((n, name) => n + data[name].length, 0)
}

/**
 * The workspaces installed through OAuth, each with its records in a file of its own. Installing again
 * (a new token, more scopes) keeps the workspace's data; removing it deletes every record it
 * owned and its archive.
 */
export class WorkspaceRegistry {
  constructor(private readonly db: Database) {}

  get(teamId: string): WorkspaceEntry | undefined {
    const w = this.db.data.workspaces[teamId]
    return w ? entryOf(w) : undefined
  }

  list(): WorkspaceEntry[] {
    return Object.values(this.db.data.workspaces)
      .map(entryOf)
      .sort((a, b) => a.teamId.localeCompare(b.teamId))
  }

  /**
   * Stores an installation. The very first one takes over the single-workspace data when it is
   * that workspace's (or the file never learnt whose it was): switching a running bot to OAuth
   * keeps everything its users had.
   */
  async install(entry: Omit<WorkspaceEntry, 'parked'>): Promise<InstallResult> {
    const data = this.db.data
    const existing = data.workspaces[entry.teamId]
    if (existing) {
      const before = { ...existing }
      existing.installation = entry.installation
      delete existing.parked
      if (entry.enterpriseId) existing.enterpriseId = entry.enterpriseId
      await this.writeOrUndo(() => {
        data.workspaces[entry.teamId] = before
      })
      return { kind: 'reinstalled' }
    }
    const single = workspaceDataOf(data)
    const adopt =
      Object.keys(data.workspaces).length === 0 &&
      recordsIn(single) > 0 &&
      (data.team === undefined || data.team.teamId === entry.teamId)
    const created: InstalledWorkspace = {
      ...(adopt ? single : emptyWorkspaceData()),
      teamId: entry.teamId,
      ...(entry.enterpriseId ? { enterpriseId: entry.enterpriseId } : {}),
      installedAt: entry.installedAt,
      installation: entry.installation,
      // The adopted data keeps its archive where it was; a new workspace has a folder of its own.
      archive: adopt ? '' : entry.teamId,
    }
    data.workspaces[entry.teamId] = created
    if (adopt) {
      Object.assign(data, emptyWorkspaceData())
      delete data.team
      delete data.settings
    }
    // Its records' file first, then the main file that names it: a crash between leaves a file
    // nothing names (the install is not done), never a workspace without its records.
    await this.writeOrUndo(() => {
      delete data.workspaces[entry.teamId]
      if (adopt) Object.assign(data, single)
    }, entry.teamId)
    this.db.dropPartition(SINGLE_WORKSPACE)
    this.db.dropPartition(entry.teamId)
    return adopt ? { kind: 'adopted', records: recordsIn(single) } : { kind: 'installed' }
  }

  /** Slack refuses the workspace's token: its work waits (until it installs again). */
  async park(teamId: string, reason: string): Promise<void> {
    const w = this.db.data.workspaces[teamId]
    if (!w || w.parked === reason) return
    const before = w.parked
    w.parked = reason
    await this.writeOrUndo(() => {
      if (before === undefined) delete w.parked
      else w.parked = before
    })
  }

  /** Deletes the workspace and every record it owned (its archive too). False when it was not installed. */
  async remove(teamId: string): Promise<boolean> {
    const data = this.db.data
    const w = data.workspaces[teamId]
    if (!w) return false
    delete data.workspaces[teamId]
    await this.writeOrUndo(() => {
      data.workspaces[teamId] = w
    })
    this.db.dropPartition(teamId)
    await this.db.deleteWorkspaceFile(teamId)
    const base = `${this.db.file}.archive`
    if (w.archive !== '') await rm(join(base, w.archive), { recursive: true, force: true })
    else {
      // The adopted single-workspace archive: its month files, not the other workspaces' folders.
      const names = await readdir(base).catch(() => [] as string[])
      for (const name of names.filter((n) => /^\d{4}-\d{2}\.json$/.test(n)))
        await rm(join(base, name), { force: true })
    }
    return true
  }

  /** Remembers whose the single-workspace data is (auth.test's team), for a later switch to OAuth. */
  async recordSingleTeam(ref: { teamId: string; enterpriseId?: string }): Promise<void> {
    const data = this.db.data
    if (data.team?.teamId === ref.teamId) return
    const before = data.team
    data.team = { teamId: ref.teamId, ...(ref.enterpriseId ? { enterpriseId: ref.enterpriseId } : {}) }
    await this.writeOrUndo(() => {
      data.team = before
    })
  }

  /** Writes the main file (after `workspace`'s own file, when given), or undoes the change in memory. */
  private async writeOrUndo(undo: () => void, workspace?: string): Promise<void> {
    try {
      if (workspace) await this.db.writeWorkspace(workspace)
      await this.db.write()
    } catch (error) {
      undo()
      throw error
    }
  }
}

function entryOf(w: InstalledWorkspace): WorkspaceEntry {
  return {
    teamId: w.teamId,
    ...(w.enterpriseId ? { enterpriseId: w.enterpriseId } : {}),
    installedAt: w.installedAt,
    installation: w.installation,
    ...(w.parked ? { parked: w.parked } : {}),
  }
}
