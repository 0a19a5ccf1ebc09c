import { open, rename, unlink } from 'node:fs/promises'
import type { Adapter } from 'lowdb'

/**
 * A lowdb adapter that writes the whole file atomically (temp file, fsync, rename) and lets
 * concurrent writes share one: every `write` resolves once a write that started after it has
 * reached the disk, so each caller's change is durable, but a burst costs one serialisation and
 * one file write, not one each.
 */
export class GroupCommitFile<T> implements Adapter<T> {
  private waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }> = []
  private latest: T | undefined
  private writing = false
  /** Completed physical writes, for the benchmark and tests. */
  writes = 0

  /**
   * `writeFile` puts the text on disk atomically (tests pass a slow or failing one: a stalled
   * disk); `serialize` turns the data into the file's text (what belongs in this file).
   */
  constructor(
    private readonly file: string,
    private readonly writeFile: (file: string, text: string) => Promise<void> = writeAtomically,
    private readonly serialize: (data: T) => string = (data) => JSON.stringify(data),
  ) {}

  async read(): Promise<T | null> {
    // The store reads and validates the file itself (see json-store.ts).
    return null
  }

  write(data: T): Promise<void> {
    this.latest = data
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ resolve, reject })
      if (!this.writing) void this.flush()
    })
  }

  private async flush(): Promise<void> {
    this.writing = true
    while (this.waiting.length > 0) {
      const batch = this.waiting
      this.waiting = []
      try {
        await this.writeFile(this.file, this.serialize(this.latest as T))
        this.writes += 1
        for (const w of batch) w.resolve()
      } catch (error) {
        for (const w of batch) w.reject(error)
      }
    }
    this.writing = false
  }
}

/**
 * Never leaves a half-written file: readers see the old content or the new, whole. A failed write
 * (disk full, read-only) removes its temp file, so a full disk does not fill up further.
 */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`
  try {
    const handle = await open(temp, 'w')
    try {
      await handle.writeFile(text)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, file)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}
