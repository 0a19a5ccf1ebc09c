import type { ChecklistRepository } from '../app/ports.js'
import type { Checklist } from '../domain/checklist.js'
import { Collection } from './collection.js'
import type { Partition } from './database.js'

export class ChecklistStore implements ChecklistRepository {
  private readonly collection: Collection<'checklists', 'sourceView'>

  constructor(db: Partition) {
    this.collection = new Collection(db, 'checklists', { sourceView: (c) => c.sourceViewId })
  }

  save(checklist: Checklist): Promise<void> {
    return this.collection.save([checklist])
  }

  get(id: string): Checklist | undefined {
    return this.collection.get(id)
  }

  findBySourceView(viewId: string): Checklist | undefined {
    return this.collection.findBy('sourceView', viewId)
  }

  all(): readonly Checklist[] {
    return this.collection.records
  }
}
