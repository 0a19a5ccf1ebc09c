import type { Partition } from './database.js'

/** For the small collections (a few dozen records): replace or append, write, undo on a failed write. */
export async function upsertAndWrite<T>(
  db: Partition,
  records: T[],
  record: T,
  idOf: (r: T) => string,
): Promise<void> {
  const index = records.findIndex((r) => idOf(r) === idOf(record))
  const before = index === -1 ? undefined : records[index]
  if (index === -1) records.push(record)
  else records[index] = record
  try {
    await db.write()
  } catch (error) {
    const at = records.indexOf(record)
    if (at !== -1) {
      if (before === undefined) records.splice(at, 1)
      else records[at] = before
    }
    throw error
  }
}
