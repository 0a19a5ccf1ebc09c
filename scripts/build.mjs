#!/usr/bin/env node
/**
 * Compiles src/ to dist/ without ever leaving a half-written dist/ behind: tsc writes into a
 * directory of its own, which then replaces dist/ by rename. A bot started meanwhile loads either
 * the old build or the new one, never a mix (a concurrent tsc into dist/ made `npm start` load
 * modules that did not yet export what their importers asked for).
 *
 *   node scripts/build.mjs               build
 *   node scripts/build.mjs --if-needed   build unless dist/ is newer than every file in src/
 *   node scripts/build.mjs --prepare     as npm's `prepare` runs it: a production install
 *                                        (no TypeScript) skips the build with one line
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const mode = process.argv[2]

function resolveTsc() {
  const tsc = join(root, 'node_modules/typescript/bin/tsc')
  return existsSync(tsc) ? tsc : undefined
}

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

function upToDate() {
  const main = join(dist, 'main.js')
  if (!existsSync(main)) return false
  const built = statSync(main).mtimeMs
  return [join(root, 'src'), join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json')].every(
    (p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs) <= built,
  )
}

const tsc = resolveTsc()
if (!tsc) {
  if (mode === '--prepare') {
    console.log('build skipped: TypeScript is not installed (a production install runs a dist/ built elsewhere)')
    process.exit(0)
  }
  console.error('build: TypeScript is not installed; run npm ci (with the dev dependencies) first')
  process.exit(1)
}
if (mode === '--if-needed' && upToDate()) process.exit(0)

const staging = join(root, `.dist-${process.pid}`)
const retired = join(root, `.dist-old-${process.pid}`)
try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', staging], {
    stdio: 'inherit',
  })
  if (existsSync(dist)) renameSync(dist, retired)
  renameSync(staging, dist)
} finally {
  rmSync(staging, { recursive: true, force: true })
  rmSync(retired, { recursive: true, force: true })
}
