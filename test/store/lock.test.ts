import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/index.js'
import {
  acquireLock,
  fileSystemNow,
  isRunning,
  LOCK_STALE_MS,
  type RenewalEvent,
  StoreLockedError,
} from '../../src/store/lock.js'
import { eventually } from '../support/eventually.js'
import { mountTmpfs, type Tmpfs } from '../support/tmpfs.js'

/** A real zombie: a child that exited, whose parent (`sleep`, exec'd by sh) never reaps it. */
async function zombie(): Promise<{ pid: number; stop: () => void }> {
  const parent = spawn('sh', ['-c', 'sh -c "exit 0" & echo $!; exec sleep 30'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const pid = await new Promise<number>((resolve) =>
    parent.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))),
  )
  // Under a loaded CPU the child may take a while to exit: wait up to 5 s for the Z state.
  for (let i = 0; i < 500; i++) {
    const state = await readFile(`/proc/${pid}/stat`, 'utf8').then(
      (s) => s.slice(s.lastIndexOf(')') + 2, s.lastIndexOf(')') + 3),
      () => '?',
    )
    if (state === 'Z') break
    await new Promise((r) => setTimeout(r, 10))
  }
  return { pid, stop: () => parent.kill('SIGKILL') }
}

describe('the data-file lock (a lease)', () => {
  let dir: string
  let file: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lock-'))
    file = join(dir, 'db.json')
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const lockOf = (holder: object) =>
    writeFile(`${file}.lock`, JSON.stringify({ token: 'old', startedAt: 'then', ...holder }))

  it('takes over at once from a holder killed but not yet reaped (a zombie), as a supervisor restarts it', async () => {
    const dead = await zombie()
    expect(isRunning(dead.pid)).toBe(false)
    await lockOf({ pid: dead.pid, host: hostname() })

    const started = Date.now()
    const lock = await acquireLock(file)

    // "At once": well inside the stale time a live-looking lease would be waited out for.
    expect(Date.now() - started).toBeLessThan(LOCK_STALE_MS / 2)
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8')).pid).toBe(process.pid)
    await lock.release()
    dead.stop()
  })

  it('takes over a lease left on another host once it is no longer renewed (a container recreated on the volume)', async () => {
    await lockOf({ pid: 1, host: 'old-container' })
    // Ages are the file system's: a minute before its time, whatever this process's clock says.
    const past = new Date((await fileSystemNow(file)) - 60_000)
    await utimes(`${file}.lock`, past, past)

    const lock = await acquireLock(file)

    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8')).host).toBe(hostname())
    await lock.release()
  })

  it('waits for a lease renewed on another host, then refuses naming the lock file', async () => {
    await lockOf({ pid: 1, host: 'other-host' })

    const refused = acquireLock(file, { staleMs: 10_000, heartbeatMs: 50, waitMs: 200 })

    await expect(refused).rejects.toBeInstanceOf(StoreLockedError)
    await expect(refused).rejects.toThrow(`lock file ${file}.lock`)
  })

  it('lets exactly one of two simultaneous starts win, 200 times out of 200', async () => {
    let pairsWithOneWinner = 0
    for (let n = 0; n < 200; n++) {
      const target = join(dir, `race-${n}.json`)
      const results = await Promise.allSettled([acquireLock(target), acquireLock(target)])
      const winners = results.filter((r) => r.status === 'fulfilled')
      if (winners.length === 1) pairsWithOneWinner += 1
      for (const w of winners)
        await (w as PromiseFulfilledResult<{ release: () => Promise<void> }>).value.release()
    }
    expect(pairsWithOneWinner).toBe(200)
  })

  it('renews its lease while held, and releases only its own lock', async () => {
    const lock = await acquireLock(file, { heartbeatMs: 30 })
    const past = new Date((await fileSystemNow(file)) - 60_000)
    await utimes(`${file}.lock`, past, past)

    await new Promise((r) => setTimeout(r, 120))

    expect((await fileSystemNow(file)) - (await stat(`${file}.lock`)).mtimeMs).toBeLessThan(1000)
    await lock.release()
    await expect(stat(`${file}.lock`)).rejects.toThrow()
  })

  it('tells the holder when its lease was taken over', async () => {
    let lost = ''
    const lock = await acquireLock(file, { heartbeatMs: 30, onLost: (f) => (lost = f) })
    await lockOf({ pid: 1, host: 'someone-else', token: 'theirs' })

    await new Promise((r) => setTimeout(r, 120))

    expect(lost).toBe(`${file}.lock`)
    await lock.release()
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8')).token).toBe('theirs')
  })

  it('judges a lease by the file system clock, not its own: a clock years ahead takes no live lease', async () => {
    await lockOf({ pid: 1, host: 'other-host' })
    const realNow = Date.now
    // This process's clock three years ahead of the file system's (a skewed host, faketime).
    Date.now = () => realNow() + 3 * 365 * 24 * 3600 * 1000
    try {
      const refused = acquireLock(file, { staleMs: 10_000, heartbeatMs: 50, waitMs: 200 })

      await expect(refused).rejects.toBeInstanceOf(StoreLockedError)
    } finally {
      Date.now = realNow
    }
  })
})

describe('the lease on a disk that turns read-only (issue 23.3, a real tmpfs)', () => {
  let root: string
  let disk: Tmpfs | undefined
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'lock-ro-'))
    disk = await mountTmpfs(join(root, 'data'))
  })
  afterEach(async () => {
    await disk?.readWrite()
    disk?.unmount()
    await rm(root, { recursive: true, force: true })
  })

  it('keeps the lease while renewals fail, stops writing before another host could take it, and writes again once the disk does', async (context) => {
    if (!disk) return context.skip('needs root to mount a tmpfs')
    const events: string[] = []
    let lost = false
    const store = await openStore(join(root, 'data', 'db.json'), {
      heartbeatMs: 30,
      staleMs: 300,
      onLost: () => {
        lost = true
      },
      onRenewal: (e: RenewalEvent) =>
        events.push(e.kind === 'failing' ? `failing${e.mustStopWriting ? ':stop' : ''}` : e.kind),
    })
    try {
      await disk.readOnly()
      await eventually(() => expect(events).toContain('failing'))
      // Not lost: only a lease seen in another holder's hands is.
      expect(lost).toBe(false)
      await eventually(() => expect(events).toContain('failing:stop'))
      expect(store.storeProblem()).toMatch(/EROFS.*db\.json\.lock/)
      await expect(store.db.write()).rejects.toMatchObject({ code: 'store_unavailable' })

      await disk.readWrite()

      await eventually(() => expect(events.at(-1)).toBe('renewed'))
      await store.db.write()
      expect(await store.isHealthy()).toBe(true)
      expect(lost).toBe(false)
    } finally {
      await store.close()
    }
  })
})
