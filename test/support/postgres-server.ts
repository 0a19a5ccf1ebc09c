import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chmod, chown, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/** A throwaway PostgreSQL server for the tests: its own data directory, on 127.0.0.1 only. */
export interface TestPostgres {
  /** The server's own `postgres` database: tests make a database each (`freshDatabase`). */
  url: string
  stop(): Promise<void>
  /** Stops the server (a fast shutdown: connections cut), keeping its data: an outage. */
  halt(): Promise<void>
  /** Starts the stopped server again, on the same port with the same data. */
  resume(): Promise<void>
}

/** initdb and postgres: on PATH, or where Debian's packages put them. */
function binaries(): { initdb: string; postgres: string } | undefined {
  const onPath = (name: string) => {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined
    } catch {
      return undefined
    }
  }
  const initdb = onPath('initdb')
  const postgres = onPath('postgres')
  if (initdb && postgres) return { initdb, postgres }
  const base = '/usr/lib/postgresql'
  const version = existsSync(base) ? readdirSync(base).sort().at(-1) : undefined
  if (!version) return undefined
  const dir = join(base, version, 'bin')
  return existsSync(join(dir, 'initdb'))
    ? { initdb: join(dir, 'initdb'), postgres: join(dir, 'postgres') }
    : undefined
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

/**
 * Starts one, as the `postgres` user (PostgreSQL refuses to run as root), or says why it cannot:
 * no binaries, or no `postgres` user to run them as.
 */
export async function startTestPostgres(): Promise<TestPostgres | { unavailable: string }> {
  const bin = binaries()
  if (!bin) return { unavailable: 'no PostgreSQL binaries (initdb, postgres) on this machine' }
  const asRoot = process.getuid?.() === 0
  let uid: number | undefined
  let gid: number | undefined
  if (asRoot) {
    try {
      uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }))
      gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }))
    } catch {
      return { unavailable: 'running as root and there is no postgres user to run the server as' }
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'billing-bot-pg-'))
  const data = join(dir, 'data')
  if (uid !== undefined && gid !== undefined) {
    await chown(dir, uid, gid)
    await chmod(dir, 0o700)
  }
  const run = (file: string, args: string[]) =>
    uid !== undefined
      ? (['runuser', ['-u', 'postgres', '--', file, ...args]] as const)
      : ([file, args] as const)
  const [initCmd, initArgs] = run(bin.initdb, [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
  ])
  try {
    execFileSync(initCmd, [...initArgs], { stdio: 'pipe' })
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    return {
      unavailable: `initdb failed: ${(error as { stderr?: Buffer }).stderr?.toString().trim() ?? error}`,
    }
  }
  const port = await freePort()
  const [cmd, args] = run(bin.postgres, [
    '-D',
    data,
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'fsync=off',
    '-c',
    'max_connections=200',
  ])
  let child: ChildProcess
  let stderr = ''
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  /** Starts the server and waits until it takes connections; the problem when it does not. */
  const launch = async (): Promise<string | undefined> => {
    child = spawn(cmd, [...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const deadline = Date.now() + 20_000
    for (;;) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 })
      try {
        await client.connect()
        await client.end()
        return undefined
      } catch {
        await client.end().catch(() => undefined)
        if (child.exitCode !== null || Date.now() > deadline) {
          child.kill('SIGKILL')
          return `postgres did not start: ${stderr.trim().split('\n').slice(-3).join(' ')}`
        }
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
  }
  const halt = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    // The server's own PID (runuser does not pass signals on): SIGINT is its fast shutdown.
    const pid = Number((await readFile(join(data, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0])
    if (pid > 0) process.kill(pid, 'SIGINT')
    else child.kill('SIGKILL')
    await exited
  }
  const problem = await launch()
  if (problem) {
    await rm(dir, { recursive: true, force: true })
    return { unavailable: problem }
  }
  return {
    url,
    halt,
    async resume() {
      const again = await launch()
      if (again) throw new Error(again)
    },
    async stop() {
      await halt()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

let counter = 0

/** A new, empty database on the test server, for one test (dropped by the returned function). */
export async function freshDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${process.pid}_${Date.now().toString(36)}_${++counter}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}
