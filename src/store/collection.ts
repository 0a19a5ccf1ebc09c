import type { Partition } from './database.js'
import type { WorkspaceData } from './schema.js'

type CollectionName = 'tickets' | 'checklists' | 'reminders'

/**
 * One array of the data file with an id index (and optional unique secondary keys), so saving
 * replaces in place without a scan. A save whose write fails is rolled back in memory: what the
 * process serves never differs from what is on disk.
 */
export class Collection<N extends CollectionName, K extends string = never> {
  private readonly positions = new Map<string, number>()
  private readonly byKey = new Map<K, Map<string, WorkspaceData[N][number]>>()

  constructor(
    private readonly db: Partition,
    private readonly name: N,
    private readonly keys: Record<K, (record: WorkspaceData[N][number]) => string | undefined> = {} as Record<
      K,
      never
    >,
  ) {
    this.reindex()
  }

  get records(): WorkspaceData[N] {
    return this.db.data[this.name]
  }

  reindex(): void {
    this.positions.clear()
    for (const [i, r] of this.records.entries()) this.positions.set(r.id, i)
    for (const key of Object.keys(this.keys) as K[]) {
      const map = new Map<string, WorkspaceData[N][number]>()
      for (const r of this.records) {
        const value = this.keys[key](r)
        if (value !== undefined) map.set(value, r)
      }
      this.byKey.set(key, map)
    }
  }

  get(id: string): WorkspaceData[N][number] | undefined {
    const i = this.positions.get(id)
    return i === undefined ? undefined : this.records[i]
  }

  findBy(key: K, value: string): WorkspaceData[N][number] | undefined {
    return this.byKey.get(key)?.get(value)
  }

  /** Upserts the records and resolves once they are on disk; on a failed write, undoes them and throws. */
  async save(records: readonly WorkspaceData[N][number][]): Promise<void> {
    const previous = records.map((r) => this.get(r.id))
    for (const r of records) this.put(r)
    try {
      await this.db.write()
    } catch (error) {
      for (const [i, r] of records.entries()) {
        const before = previous[i]
        if (before) this.put(before)
        else this.remove(r.id)
      }
      throw error
    }
  }

  private put(record: WorkspaceData[N][number]): void {
    const records = this.records as WorkspaceData[N][number][]
    const i = this.positions.get(record.id)
    if (i === undefined) {
      this.positions.set(record.id, records.length)
      records.push(record)
    } else {
      records[i] = record
    }
    for (const key of Object.keys(this.keys) as K[]) {
      const value = this.keys[key](record)
      if (value !== undefined) this.byKey.get(key)?.set(value, record)
    }
  }

  private remove(id: string): void {
    const i = this.positions.get(id)
    if (i === undefined) return
    ;(this.records as WorkspaceData[N][number][]).splice(i, 1)
    this.reindex()
  }

  /** Drops records from the live file (after they were archived) and writes it. */
  async drop(ids: ReadonlySet<string>): Promise<void> {
    const kept = (this.records as WorkspaceData[N][number][]).filter((r) => !ids.has(r.id))
    ;(this.db.data as Record<N, unknown>)[this.name] = kept
    this.reindex()
    await this.db.write()
  }
}
