import { randomBytes } from 'node:crypto'
import { readFileSync, unlinkSync } from 'node:fs'
import { link, open, readFile, stat, unlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { CodedError } from '../errors.js'

interface Holder {
  pid: number
  host: string
  /** Unique per acquisition: two opens in one process, or a recycled pid, are still told apart. */
  token: string
  startedAt: string
}

/** lowdb is single-process: a second writer would overwrite the first one's changes. */
export class StoreLockedError extends CodedError {
  override name = 'StoreLockedError' as const
  readonly code = 'store_locked'
  constructor(
    readonly file: string,
    readonly lockFile: string,
    readonly holder: Pick<Holder, 'pid' | 'host' | 'startedAt'>,
  ) {
    super(
      `Data file ${file} is in use by process ${holder.pid} on ${holder.host} (since ${holder.startedAt}; lock file ${lockFile}). ` +
        'Only one bot may use a data file: stop the other one, or set DATA_FILE to another file.',
    )
  }
}

export interface LockOptions {
  /** How often the holder renews the lease (the lock file's mtime). */
  heartbeatMs?: number
  /** A lease not renewed for this long is stale, whoever held it (another host, a frozen process). */
  staleMs?: number
  /** How long to wait for a live lease held on another host to go stale before refusing. */
  waitMs?: number
  /** Called when the lease was seen in another holder's hands (this process must stop). */
  onLost?: (lockFile: string) => void
  /**
   * Renewal and the disk: `failing` when the lease could not be renewed (a read-only or broken
   * disk — not a lost lease), `mustStopWriting` once it has not been renewed for nearly the stale
   * time (another host may then take it over), `renewed` when a renewal succeeds again.
   */
  onRenewal?: (event: RenewalEvent) => void
}

export type RenewalEvent = { kind: 'failing'; error: unknown; mustStopWriting: boolean } | { kind: 'renewed' }

export const LOCK_HEARTBEAT_MS = 2_000
export const LOCK_STALE_MS = 20_000

/**
 * `<file>.lock` as a lease. It is created whole and atomically (written aside, then hard-linked
 * into place: exactly one of two simultaneous starts wins), renewed every 2 s by touching its
 * mtime, and taken over when it is stale: on this host as soon as its process is gone (a zombie
 * left by SIGKILL counts as gone), from any host once it has not been renewed for 20 s (a
 * container recreated on the same volume). Takeovers are serialised by a second, short-lived
 * lock, so two takers never both delete and recreate it.
 *
 * Every age is measured on the file system's clock, never this process's: the lease is renewed by
 * writing to it (the kernel, or the file server, stamps the mtime) and judged against the mtime of
 * a file just written beside it. A host whose clock is off — or a process under faketime — then
 * neither takes a live lease nor keeps a dead one alive.
 */
export async function acquireLock(
  file: string,
  options: LockOptions = {},
): Promise<{ release: () => Promise<void> }> {
  const lockFile = `${file}.lock`
  const heartbeatMs = options.heartbeatMs ?? LOCK_HEARTBEAT_MS
  const staleMs = options.staleMs ?? LOCK_STALE_MS
  const deadline = Date.now() + (options.waitMs ?? staleMs + heartbeatMs)
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
    startedAt: new Date().toISOString(),
  }
  for (;;) {
    const attempt = await createWhole(lockFile, JSON.stringify(me))
    if (attempt.created) return hold(lockFile, me, { heartbeatMs, staleMs, ...options })
    const seen = await inspect(lockFile)
    if (!seen) continue // released meanwhile
    if (isStale(seen, me.host, staleMs, attempt.fileSystemNow)) {
      await takeOver(lockFile, seen)
      continue
    }
    // A live process on this host, or a lease renewed in time elsewhere and not waited out.
    if (seen.holder?.host === me.host || Date.now() >= deadline) {
      throw new StoreLockedError(file, lockFile, seen.holder ?? { pid: 0, host: '?', startedAt: '?' })
    }
    await sleep(Math.min(heartbeatMs, 500))
  }
}

/**
 * Creates `path` with `text` only if it does not exist, never visible half-written. Also tells
 * the file system's time: the mtime it gave the file just written aside.
 */
async function createWhole(path: string, text: string): Promise<{ created: boolean; fileSystemNow: number }> {
  const aside = `${path}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(aside, text)
  try {
    const fileSystemNow = (await stat(aside)).mtimeMs
    try {
      await link(aside, path)
      return { created: true, fileSystemNow }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { created: false, fileSystemNow }
      throw error
    }
  } finally {
    await unlink(aside).catch(() => undefined)
  }
}

interface Seen {
  holder: Holder | undefined
  renewedAt: number
}

async function inspect(lockFile: string): Promise<Seen | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(lockFile, 'utf8'), stat(lockFile)])
    return { holder: parseHolder(text), renewedAt: info.mtimeMs }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

function parseHolder(text: string): Holder | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<Holder>
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      return {
        pid: parsed.pid,
        host: parsed.host,
        token: String(parsed.token ?? ''),
        startedAt: String(parsed.startedAt ?? '?'),
      }
    }
  } catch {
    // not a lock this bot wrote
  }
  return undefined
}

function isStale(seen: Seen, myHost: string, staleMs: number, fileSystemNow: number): boolean {
  if (fileSystemNow - seen.renewedAt > staleMs) return true
  const holder = seen.holder
  if (!holder) return false // unreadable but renewed lately: wait for it to age
  return holder.host === myHost && !isRunning(holder.pid)
}

/** Whether a process runs: a zombie (killed, not yet reaped by its parent) does not. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  try {
    // /proc/<pid>/stat: "pid (comm) S …"; the state follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
    return state !== 'Z' && state !== 'X'
  } catch {
    return true // no /proc (not Linux): the signal check is all there is
  }
}

/** Removes the stale lock `seen`, unless someone replaced it meanwhile; one taker at a time. */
async function takeOver(lockFile: string, seen: Seen): Promise<void> {
  const mutex = `${lockFile}.takeover`
  const attempt = await createWhole(mutex, String(process.pid))
  if (!attempt.created) {
    // Another taker is at it; a takeover lock older than a few seconds was left by a crash.
    const info = await stat(mutex).catch(() => undefined)
    if (info && attempt.fileSystemNow - info.mtimeMs > 5_000) await unlink(mutex).catch(() => undefined)
    await sleep(20)
    return
  }
  try {
    const now = await inspect(lockFile)
    const same = now && now.holder?.token === seen.holder?.token && now.renewedAt === seen.renewedAt
    if (same) await unlink(lockFile).catch(() => undefined)
  } finally {
    await unlink(mutex).catch(() => undefined)
  }
}

function hold(
  lockFile: string,
  me: Holder,
  options: LockOptions & { heartbeatMs: number; staleMs: number },
): { release: () => Promise<void> } {
  const { heartbeatMs, staleMs, onLost, onRenewal } = options
  const mine = (text: string) => parseHolder(text)?.token === me.token
  let released = false
  let renewedAt = performance.now()
  let failing = false
  const heartbeat = setInterval(() => {
    readFile(lockFile, 'utf8')
      .then(async (text) => {
        // Only a lease seen in another holder's hands is lost.
        if (!mine(text)) return lost()
        await renew(lockFile, text)
        renewedAt = performance.now()
        if (failing) {
          failing = false
          onRenewal?.({ kind: 'renewed' })
        }
      })
      .catch((error: unknown) => {
        // A release between the read and the renewal removes the file: that is no loss.
        if (released) return
        // Gone, and not by us: someone took it over (or removed it by hand) — as good as lost.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return lost()
        // The disk refuses (read-only, full, failing): keep the lease and try again next beat;
        // stop writing a beat before another host could count it stale, so writers never overlap.
        failing = true
        const mustStopWriting = performance.now() - renewedAt >= staleMs - heartbeatMs
        onRenewal?.({ kind: 'failing', error, mustStopWriting })
      })
  }, heartbeatMs)
  heartbeat.unref()
  const lost = () => {
    clearInterval(heartbeat)
    if (!released) onLost?.(lockFile)
  }
  const releaseSync = () => {
    try {
      if (mine(readFileSync(lockFile, 'utf8'))) unlinkSync(lockFile)
    } catch {
      // already gone
    }
  }
  process.once('exit', releaseSync)
  return {
    release: async () => {
      released = true
      clearInterval(heartbeat)
      process.removeListener('exit', releaseSync)
      const text = await readFile(lockFile, 'utf8').catch(() => '')
      if (mine(text)) await unlink(lockFile).catch(() => undefined)
    },
  }
}

/** Rewrites the lease's own bytes in place: the file system stamps the mtime with its clock. */
async function renew(lockFile: string, text: string): Promise<void> {
  const handle = await open(lockFile, 'r+')
  try {
    await handle.write(text, 0)
  } finally {
    await handle.close()
  }
}

/** The file system's time where `file` lives (what lease ages are measured on; for tests too). */
export async function fileSystemNow(file: string): Promise<number> {
  const probe = `${file}.${randomBytes(6).toString('hex')}.clock`
  await writeFile(probe, '')
  try {
    return (await stat(probe)).mtimeMs
  } finally {
    await unlink(probe).catch(() => undefined)
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
