import type { z } from 'zod'
import { errorCode } from '../../errors.js'
import type { Sql } from './health.js'
import { AlreadySubmittedError } from './health.js'

/** How one kind of record lies in its table: the columns its queries use, beside the whole record. */
export interface TableSpec<T> {
  table: string
  schema: z.ZodType<T>
  /** The record's key within its workspace (the primary key after team_id). */
  key: readonly string[]
  /** Every column but team_id and doc, from the record. */
  columns: Readonly<Record<string, (record: T) => unknown>>
  /** What saving a key again does: replace the row (the default), or keep the first one. */
  onConflict?: 'replace' | 'keep-first'
}

/**
 * One workspace's rows of one table: team_id is fixed at construction and put first in every
 * statement, so no query can be written without it. Records are validated by the domain's schema
 * on the way in and out.
 */
export class WorkspaceTable<T> {
  constructor(
    private readonly pool: Sql,
    private readonly teamId: string,
    private readonly spec: TableSpec<T>,
  ) {}

  /** Inserts or replaces (or, `keep-first`, keeps) records, all in one statement (one transaction). */
  async upsert(records: readonly T[]): Promise<void> {
    if (records.length === 0) return
    const names = Object.keys(this.spec.columns)
    const columns = ['team_id', ...names, 'doc']
    const params: unknown[] = []
    const rows = records.map((record) => {
      const valid = this.spec.schema.parse(record)
      const values = [this.teamId, ...names.map((n) => this.spec.columns[n]?.(valid) ?? null), valid]
      return `(${values.map((v) => `$${params.push(v)}`).join(', ')})`
    })
    const update = [...names, 'doc']
      .filter((c) => !this.spec.key.includes(c))
      .map((c) => `${c} = EXCLUDED.${c}`)
      .join(', ')
    try {
      await this.pool.query(
        `INSERT INTO ${this.spec.table} (${columns.join(', ')}) VALUES ${rows.join(', ')}
         ON CONFLICT (${['team_id', ...this.spec.key].join(', ')}) ${
           this.spec.onConflict === 'keep-first' ? 'DO NOTHING' : `DO UPDATE SET ${update}`
         }`,
        params,
      )
    } catch (error) {
      // The same modal submission stored by another replica a moment ago: it has it.
      const constraint = (error as { constraint?: string }).constraint ?? ''
      if (errorCode(error) === '23505' && constraint.endsWith('_source_view'))
        throw new AlreadySubmittedError()
      throw error
    }
  }

  /** The first record matching `where` (its parameters numbered from $2; $1 is team_id). */
  async one(where: string, params: readonly unknown[] = []): Promise<T | undefined> {
    const [first] = await this.many(where, params, undefined, 1)
    return first
  }

  async many(where: string, params: readonly unknown[] = [], orderBy?: string, limit?: number): Promise<T[]> {
    const { rows } = await this.pool.query<{ doc: unknown }>(
      `SELECT doc FROM ${this.spec.table} WHERE team_id = $1${where ? ` AND ${where}` : ''}` +
        `${orderBy ? ` ORDER BY ${orderBy}` : ''}${limit ? ` LIMIT ${limit}` : ''}`,
      [this.teamId, ...params],
    )
    return rows.map((r) => this.spec.schema.parse(r.doc))
  }

  /** Deletes the records matching `where`; how many there were. */
  async remove(where: string, params: readonly unknown[]): Promise<number> {
    const result = await this.pool.query(`DELETE FROM ${this.spec.table} WHERE team_id = $1 AND ${where}`, [
      this.teamId,
      ...params,
    ])
    return result.rowCount ?? 0
  }
}
