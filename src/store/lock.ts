import { unlinkSync } from 'node:fs'
import { open, readFile, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { CodedError } from '../errors.js'

/** lowdb is single-process: a second writer would overwrite the first one's changes. */
export class StoreLockedError extends CodedError {
  override name = 'StoreLockedError' as const
  readonly code = 'store_locked'
  constructor(
    readonly file: string,
    readonly holder: { pid: number; host: string; startedAt: string },
  ) {
    super(
      `Data file ${file} is in use by process ${holder.pid} on ${holder.host} (since ${holder.startedAt}). ` +
        'Only one bot may use a data file: stop the other one, or set DATA_FILE to another file.',
    )
  }
}

interface Holder {
  pid: number
  host: string
  startedAt: string
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes `<file>.lock`, holding this process's pid. A lock left by a process that no longer runs
 * (a crash, a SIGKILL) is taken over, so it never stays stuck; one held by a live process refuses.
 */
export async function acquireLock(file: string): Promise<{ release: () => Promise<void> }> {
  const lockFile = `${file}.lock`
  const me: Holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lockFile, 'wx')
      await handle.writeFile(JSON.stringify(me))
      await handle.close()
      const releaseSync = () => {
        try {
          unlinkSync(lockFile)
        } catch {
          // already gone
        }
      }
      process.once('exit', releaseSync)
      return {
        release: async () => {
          process.removeListener('exit', releaseSync)
          await unlink(lockFile).catch(() => undefined)
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = await readHolder(lockFile)
      if (holder && holder.host === me.host && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new StoreLockedError(file, holder)
      }
      if (holder && holder.host !== me.host) throw new StoreLockedError(file, holder)
      // Stale: its process is gone. Take it over.
      await unlink(lockFile).catch(() => undefined)
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`)
}

async function readHolder(lockFile: string): Promise<Holder | undefined> {
  try {
    const parsed = JSON.parse(await readFile(lockFile, 'utf8')) as Partial<Holder>
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      return { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt ?? '?') }
    }
  } catch {
    // unreadable or half-written: treat as stale
  }
  return undefined
}
