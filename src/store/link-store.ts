import type { LinkRepository } from '../app/ports.js'
import type { Coverage } from '../domain/coverage.js'
import { linkKey, type OperatorLink } from '../domain/soracom-link.js'
import type { Partition } from './database.js'
import { upsertAndWrite } from './upsert.js'

export class LinkStore implements LinkRepository {
  constructor(private readonly db: Partition) {}

  save(link: OperatorLink): Promise<void> {
    return upsertAndWrite(this.db, this.db.data.links, link, linkKey)
  }

  get(operatorId: string, coverage: Coverage): OperatorLink | undefined {
    return this.db.data.links.find((l) => l.operatorId === operatorId && l.coverage === coverage)
  }

  list(): OperatorLink[] {
    return [...this.db.data.links].sort((a, b) => linkKey(a).localeCompare(linkKey(b)))
  }

  async remove(operatorId: string, coverage: Coverage): Promise<boolean> {
    const links = this.db.data.links
    const index = links.findIndex((l) => l.operatorId === operatorId && l.coverage === coverage)
    if (index === -1) return false
    const [removed] = links.splice(index, 1)
    try {
      await this.db.write()
    } catch (error) {
      if (removed) links.splice(index, 0, removed)
      throw error
    }
    return true
  }
}
