import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { join } from 'node:path'

const ROOT = new URL('../..', import.meta.url).pathname
/** tsx resolved from the project, since the bot may run from a temp working directory. */
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href

/**
 * The machine's clock as the test runner sees it: when the suite runs under faketime (a clock moved
 * years ahead), the bot's process must see the same time as the fake Slack signing its requests.
 */
function machineClockEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => /^(FAKETIME|LD_PRELOAD$)/.test(e[0]) && e[1] !== undefined,
    ),
  )
}

/** The bot's "listening" log line; group 1 is the port (the address is whatever it bound). */
export const LISTENING = /listening on http:\/\/\S+?:(\d+)\/slack\/events/

export interface BotProcess {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

/**
 * Runs the bot with only the given environment: by default the built `dist/main.js`, as `npm start`
 * and the Docker image do (built once by the suite's globalSetup, and a second or so faster to start
 * than the sources through tsx); a `.ts` script runs through tsx (the demo and the bench run the sources).
 */
export function startBotProcess(
  env: Record<string, string>,
  cwd: string,
  script = 'dist/main.js',
  options: { nodeArgs?: string[] } = {},
): BotProcess {
  const loader = script.endsWith('.ts') ? ['--import', TSX] : []
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...loader, join(ROOT, script)], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...machineClockEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => out, exited }
}

export async function waitForOutput(
  started: BotProcess,
  pattern: RegExp,
  timeoutMs = 15_000,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const match = started.output().match(pattern)
    if (match) return match
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${pattern}; output:\n${started.output()}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Starts the bot and resolves with its base URL once it listens. */
export async function startListening(
  env: Record<string, string>,
  cwd: string,
  script?: string,
  nodeArgs?: string[],
): Promise<{ bot: BotProcess; url: string }> {
  const bot = startBotProcess({ PORT: '0', ...env }, cwd, script, nodeArgs ? { nodeArgs } : {})
  const [, port] = await waitForOutput(bot, LISTENING, 30_000)
  return { bot, url: `http://127.0.0.1:${port}` }
}

/**
 * Builds dist/ (what `npm start` runs) unless it is newer than src/ — once per suite, from
 * vitest's globalSetup; the build script swaps dist/ whole, so a bot starting meanwhile never
 * loads half-written modules.
 */
export function buildDist(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--if-needed'], { stdio: 'inherit' })
}

/**
 * Runs the bot as deployed — `npm start` (the compiled dist/main.js; dist built beforehand) — in
 * a process group of its own, so a test can kill the whole tree as a supervisor would.
 */
export function startNpmStart(
  env: Record<string, string>,
  cwd: string,
): BotProcess & { killTree: (signal: NodeJS.Signals) => void } {
  const child = spawn('npm', ['start', '--silent', '--prefix', ROOT], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? cwd,
      PORT: '0',
      ...machineClockEnv(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    output: () => out,
    exited,
    killTree: (signal) => {
      if (child.pid) process.kill(-child.pid, signal)
    },
  }
}
