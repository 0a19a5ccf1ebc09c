import type { ReminderRepository } from '../app/ports.js'
import type { Reminder } from '../domain/reminder.js'
import { Collection } from './collection.js'
import type { Partition } from './database.js'

export class ReminderStore implements ReminderRepository {
  readonly collection: Collection<'reminders', 'key'>

  constructor(db: Partition) {
    this.collection = new Collection(db, 'reminders', { key: (r) => r.key })
  }

  save(reminders: Reminder[]): Promise<void> {
    return this.collection.save(reminders)
  }

  get(id: string): Reminder | undefined {
    return this.collection.get(id)
  }

  findByKey(key: string): Reminder | undefined {
    return this.collection.findBy('key', key)
  }

  active(): Reminder[] {
    return this.collection.records.filter((r) => r.state === 'pending' || r.state === 'scheduled')
  }

  ofOwner(owner: string): Reminder[] {
    return this.collection.records
      .filter((r) => r.owner === owner)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
  }
}
