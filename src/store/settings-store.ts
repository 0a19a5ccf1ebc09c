import type { Partition } from './database.js'
import type { WorkspaceSettings } from './schema.js'

/** The workspace's own settings (`/billing settings`); empty until an admin sets one. */
export class SettingsStore {
  constructor(private readonly db: Partition) {}

  /** The file is this process's alone: what is in memory is what is stored. */
  async load(): Promise<void> {}

  get(): WorkspaceSettings {
    return this.db.data.settings ?? {}
  }

  async save(settings: WorkspaceSettings): Promise<void> {
    const data = this.db.data
    const before = data.settings
    data.settings = settings
    try {
      await this.db.write()
    } catch (error) {
      if (before === undefined) delete data.settings
      else data.settings = before
      throw error
    }
  }
}
