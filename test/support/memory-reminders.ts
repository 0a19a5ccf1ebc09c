import type { ReminderRepository } from '../../src/app/ports.js'
import type { Reminder } from '../../src/domain/reminder.js'

/** A hand-written in-memory ReminderRepository for unit tests. */
export class MemoryReminders implements ReminderRepository {
  readonly byId = new Map<string, Reminder>()
  saves = 0

  async save(reminders: Reminder[]): Promise<void> {
    this.saves += 1
    for (const r of reminders) this.byId.set(r.id, structuredClone(r))
  }

  get(id: string): Reminder | undefined {
    return this.byId.get(id)
  }

  findByKey(key: string): Reminder | undefined {
    return [...this.byId.values()].find((r) => r.key === key)
  }

  active(): Reminder[] {
    return [...this.byId.values()].filter((r) => r.state === 'pending' || r.state === 'scheduled')
  }

  ofOwner(owner: string): Reminder[] {
    return [...this.byId.values()].filter((r) => r.owner === owner)
  }
}
