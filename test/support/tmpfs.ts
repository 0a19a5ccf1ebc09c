import { execFileSync } from 'node:child_process'
import { mkdir } from 'node:fs/promises'

export interface Tmpfs {
  readOnly(): void
  readWrite(): void
  unmount(): void
}

/**
 * A real tmpfs at `dir` that a test can turn read-only and back, as a failing disk does. Needs
 * root (CI and the development machines run as root); undefined where mounting is not allowed.
 */
export async function mountTmpfs(dir: string): Promise<Tmpfs | undefined> {
  if (process.getuid?.() !== 0) return undefined
  await mkdir(dir, { recursive: true })
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir], { stdio: 'ignore' })
  } catch {
    return undefined
  }
  const remount = (mode: 'ro' | 'rw') =>
    execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'ignore' })
  return {
    readOnly: () => remount('ro'),
    readWrite: () => remount('rw'),
    unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'ignore' }),
  }
}
