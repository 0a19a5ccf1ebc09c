import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt'
import type { Awaitable } from '../app/ports.js'
import { openSecret, sealSecret } from '../soracom/credentials.js'
import type { InstallResult, WorkspaceEntry } from '../store/workspace-registry.js'

/** What the installation store needs of the project's store (store/index.ts `workspaces`). */
export interface InstalledWorkspaces {
  get(teamId: string): Awaitable<WorkspaceEntry | undefined>
  install(entry: Omit<WorkspaceEntry, 'parked'>): Promise<InstallResult>
  remove(teamId: string): Promise<boolean>
}

export interface SealingKeys {
  /** CREDENTIALS_KEY: every installation is sealed with it. */
  key: Buffer
  /** CREDENTIALS_KEY_PREVIOUS, during a rotation: installations it sealed still open. */
  previous?: Buffer
}

/** Bound as additional data: a sealed installation copied onto another workspace does not open. */
const context = (teamId: string) => `slack-installation:${teamId}`

/** Opens a stored installation with CREDENTIALS_KEY, or CREDENTIALS_KEY_PREVIOUS during a rotation. */
export function openInstallation(entry: WorkspaceEntry, keys: SealingKeys): Installation {
  let plain: string
  try {
    plain = openSecret(entry.installation, keys.key, context(entry.teamId))
  } catch (error) {
    if (!keys.previous) throw error
    plain = openSecret(entry.installation, keys.previous, context(entry.teamId))
  }
  return JSON.parse(plain) as Installation
}

export function sealInstallation(installation: Installation, teamId: string, key: Buffer): string {
  return sealSecret(JSON.stringify(installation), key, context(teamId))
}

/**
 * Bolt's installation store over the project's store: each workspace's installation (its bot
 * token among it) sealed under CREDENTIALS_KEY beside that workspace's data. Org-wide installs
 * are refused before they get here (slack/oauth.ts), so every installation has a team.
 */
export class SealedInstallationStore implements InstallationStore {
  /** What the last install of a team did (for the success page), taken once. */
  private readonly results = new Map<string, InstallResult>()

  constructor(
    private readonly workspaces: InstalledWorkspaces,
    private readonly keys: SealingKeys,
    private readonly now: () => Date,
    /** Called after a workspace's installation changed (a new token): its clients are made again. */
    private readonly changed: (teamId: string) => void,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const teamId = installation.team?.id
    if (installation.isEnterpriseInstall || !teamId)
      throw new Error('org-wide installations are not supported')
    const result = await this.workspaces.install({
      teamId,
      ...(installation.enterprise?.id ? { enterpriseId: installation.enterprise.id } : {}),
      installedAt: this.now().toISOString(),
      installation: sealInstallation(installation, teamId, this.keys.key),
    })
    this.results.set(teamId, result)
    this.changed(teamId)
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const entry = query.teamId ? await this.workspaces.get(query.teamId) : undefined
    if (!entry) throw new Error(`no installation for ${query.teamId ?? query.enterpriseId ?? 'this request'}`)
    return openInstallation(entry, this.keys)
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    if (query.teamId) await this.workspaces.remove(query.teamId)
  }

  /** What the install of `teamId` just did, once. */
  takeResult(teamId: string): InstallResult | undefined {
    const result = this.results.get(teamId)
    this.results.delete(teamId)
    return result
  }
}
