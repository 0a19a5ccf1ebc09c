import type { ThreadRepository } from '../app/ports.js'
import { type GuideThread, threadsKeptSince } from '../domain/guide-thread.js'
import type { Partition } from './database.js'
import { upsertAndWrite } from './upsert.js'

/** DM threads' first questions; those past their days go with the next save. */
export class ThreadStore implements ThreadRepository {
  constructor(private readonly db: Partition) {}

  async save(thread: GuideThread): Promise<void> {
    const records = this.db.data.threads
    if (records.some((t) => t.id === thread.id)) return
    const cutoff = threadsKeptSince(new Date(thread.at))
    if (records.some((t) => t.at < cutoff)) this.db.data.threads = records.filter((t) => t.at >= cutoff)
    await upsertAndWrite(this.db, this.db.data.threads, thread, (t) => t.id)
  }

  get(id: string): GuideThread | undefined {
    return this.db.data.threads.find((t) => t.id === id)
  }
}
