import { execFile, execFileSync } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface Tmpfs {
  readOnly(): Promise<void>
  readWrite(): Promise<void>
  unmount(): void
}

/**
 * A real tmpfs at `dir` that a test can turn read-only and back, as a failing disk does. Needs
 * root (CI and the development machines run as root); undefined where mounting is not allowed.
 *
 * Linux refuses `remount,ro` with EBUSY while any file on it is open for writing — the bot under
 * test renews its lease every 2 s through a short-lived write handle, so a remount that lands in
 * that instant is tried again (up to 5 s) rather than failing the test on a busy machine.
 */
export async function mountTmpfs(dir: string): Promise<Tmpfs | undefined> {
  if (process.getuid?.() !== 0) return undefined
  await mkdir(dir, { recursive: true })
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir], { stdio: 'ignore' })
  } catch {
    return undefined
  }
  const remount = async (mode: 'ro' | 'rw') => {
    const deadline = Date.now() + 5_000
    for (;;) {
      try {
        // Not execFileSync: a blocked event loop would hold this process's own lease write open.
        await run('mount', ['-o', `remount,${mode}`, dir])
        return
      } catch (error) {
        if (Date.now() > deadline) {
          const stderr = (error as { stderr?: string }).stderr?.trim()
          throw new Error(`mount -o remount,${mode} ${dir} kept failing: ${stderr ?? error}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }
  }
  return {
    readOnly: () => remount('ro'),
    readWrite: () => remount('rw'),
    unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'ignore' }),
  }
}
