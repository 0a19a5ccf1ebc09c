import type { QuestionRepository } from '../app/ports.js'
import type { QuestionRecord } from '../domain/guide-feedback.js'
import type { Partition } from './database.js'
import { upsertAndWrite } from './upsert.js'

/** Questions are kept this long (the report reads 30 days); older ones go with the next save. */
export const QUESTIONS_KEPT_DAYS = 90

export class QuestionStore implements QuestionRepository {
  constructor(private readonly db: Partition) {}

  async save(record: QuestionRecord): Promise<void> {
    const records = this.db.data.questions
    if (records.some((r) => r.id === record.id)) return
    const cutoff = new Date(Date.parse(record.at) - QUESTIONS_KEPT_DAYS * 86_400_000).toISOString()
    const old = records.filter((r) => r.at < cutoff)
    if (old.length > 0) this.db.data.questions = records.filter((r) => r.at >= cutoff)
    await upsertAndWrite(this.db, this.db.data.questions, record, (r) => r.id)
  }

  since(since: string): readonly QuestionRecord[] {
    return this.db.data.questions.filter((r) => r.at >= since)
  }
}
