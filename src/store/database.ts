import { access, constants, copyFile, mkdir, readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Low } from 'lowdb'
import type { z } from 'zod'
import { errorCode } from '../errors.js'
import { Archive } from './archive.js'
import { StoreCorruptError, StoreUnavailableError, StoreUnwritableError } from './errors.js'
import { GroupCommitFile } from './group-commit-file.js'
import { acquireLock, type LockOptions, type RenewalEvent } from './lock.js'
import { migrate } from './migrations.js'
import {
  DB_SCHEMA_VERSION,
  type DbData,
  dbSchema,
  emptyDb,
  emptyWorkspaceData,
  type InstalledWorkspace,
  registrationOf,
  type WorkspaceData,
  workspaceDataOf,
} from './schema.js'

/**
 * The top-level collections of the file: the single-workspace bot's data (SLACK_BOT_TOKEN). Not a
 * team ID (those start with T), so it never names an installed workspace.
 */
export const SINGLE_WORKSPACE = 'single'

/**
 * One workspace's part of the file: the repositories of a workspace see nothing else. `data` is
 * read anew on every access, so a partition stays right when the file's content is replaced.
 */
export interface Partition {
  readonly data: WorkspaceData
  write(): Promise<void>
  readonly archive: Archive
}

export interface StoreOptions extends LockOptions {
  /** How the whole file reaches the disk (default: atomic temp file, fsync, rename); tests stall it. */
  writeFile?: (file: string, text: string) => Promise<void>
}

/** Where an installed workspace's records live: a file of its own beside the main file. */
export function workspaceFile(file: string, teamId: string): string {
  return join(`${file}.workspaces`, `${teamId}.json`)
}

/** The main file: the single-workspace data and the registry of installations, without their records. */
function serializeMain(data: DbData): string {
  const workspaces = Object.fromEntries(
    Object.entries(data.workspaces).map(([k, w]) => [k, registrationOf(w)]),
  )
  return JSON.stringify({ ...data, workspaces })
}

/** One installed workspace's file: its records, named for whose they are. */
function serializeWorkspace(w: InstalledWorkspace): string {
  return JSON.stringify({ schemaVersion: DB_SCHEMA_VERSION, teamId: w.teamId, ...workspaceDataOf(w) })
}

/**
 * The lowdb file every repository shares, and one file per installed workspace beside it. We read
 * and validate them ourselves rather than through `JSONFilePreset`, which silently falls back to
 * memory under NODE_ENV=test and would overwrite an unreadable file with defaults. Writes go
 * through group-commit adapters (atomic, fsynced, shared by concurrent callers); a workspace's
 * write rewrites its own file only, so a thousand installations cost a write no more than one.
 */
export class Database {
  /** Set from a failed write until the next one succeeds: /healthz reports it. */
  private writeTrouble: string | undefined
  /** Set while the lease cannot be renewed (the disk refuses): /healthz reports it. */
  private leaseTrouble: string | undefined
  /** The lease could not be renewed for nearly the stale time: no write until it is again. */
  private suspended = false

  /** Each installed workspace's file, made on its first write. */
  private readonly workspaceAdapters = new Map<string, GroupCommitFile<InstalledWorkspace>>()

  private constructor(
    private readonly db: Low<DbData>,
    private readonly adapter: GroupCommitFile<DbData>,
    readonly file: string,
    private readonly lock: { release: () => Promise<void> },
    private readonly writeFile?: (file: string, text: string) => Promise<void>,
  ) {}

  /**
   * Opens the data file for this process alone: takes its lock, reads and validates it, migrates
   * an older schema forward after a backup copy, or creates it (and its folder) when missing.
   * Anything unusable stops here with the file left as it was.
   */
  static async open(file: string, options: StoreOptions = {}): Promise<Database> {
    const { writeFile, onRenewal, ...lock } = options
    let opened: Database | undefined
    const held = await namingTheFile(file, async () => {
      await mkdir(dirname(file), { recursive: true })
      return acquireLock(file, {
        ...lock,
        onRenewal: (event) => {
          opened?.renewal(event)
          onRenewal?.(event)
        },
      })
    })
    try {
      const loaded = await readDataFile(file)
      const adapter = new GroupCommitFile<DbData>(file, writeFile, serializeMain)
      const db = new Low<DbData>(adapter, loaded?.data ?? emptyDb())
      const database = new Database(db, adapter, file, held, writeFile)
      if (loaded === undefined || loaded.migratedFrom !== undefined) {
        // The workspaces' files first: the main file never names a workspace whose records are not on disk.
        for (const teamId of Object.keys(db.data.workspaces)) await database.writeWorkspace(teamId)
        await db.write()
      }
      opened = database
      return opened
    } catch (error) {
      await held.release()
      throw error
    }
  }

  get data(): DbData {
    return this.db.data
  }

  private readonly partitions = new Map<string, Partition>()

  /**
   * The part of the file one workspace owns (SINGLE_WORKSPACE: the top-level collections). A
   * workspace not in the file (uninstalled meanwhile) reads as empty and refuses writes.
   */
  partition(key: string): Partition {
    const known = this.partitions.get(key)
    if (known) return known
    const database = this
    const archiveDir = () => {
      const folder = key === SINGLE_WORKSPACE ? '' : (this.data.workspaces[key]?.archive ?? key)
      return folder === '' ? `${this.file}.archive` : join(`${this.file}.archive`, folder)
    }
    let archive: Archive | undefined
    const made: Partition = {
      get data(): WorkspaceData {
        if (key === SINGLE_WORKSPACE) return database.data
        return database.data.workspaces[key] ?? emptyWorkspaceData()
      },
      write: () => (key === SINGLE_WORKSPACE ? database.write() : database.writeWorkspace(key)),
      get archive(): Archive {
        const dir = archiveDir()
        if (archive?.dir !== dir) archive = new Archive(dir)
        return archive
      },
    }
    this.partitions.set(key, made)
    return made
  }

  /** Forgets a workspace's partition (its data was deleted). */
  dropPartition(key: string): void {
    this.partitions.delete(key)
  }

  /** Resolves once the main file's current content is on disk (shared with concurrent writers). */
  async write(): Promise<void> {
    await this.guarded(this.file, () => this.db.write())
  }

  /** Resolves once an installed workspace's records are on disk (its own file; shared likewise). */
  async writeWorkspace(teamId: string): Promise<void> {
    const w = this.data.workspaces[teamId]
    if (!w) throw new StoreUnavailableError(this.file, `workspace ${teamId} is not installed`)
    const path = workspaceFile(this.file, teamId)
    let adapter = this.workspaceAdapters.get(teamId)
    if (!adapter) {
      await mkdir(dirname(path), { recursive: true })
      adapter = new GroupCommitFile<InstalledWorkspace>(path, this.writeFile, serializeWorkspace)
      this.workspaceAdapters.set(teamId, adapter)
    }
    const made = adapter
    await this.guarded(path, () => made.write(w))
  }

  /** Deletes an uninstalled workspace's file (after the main file stopped naming it). */
  async deleteWorkspaceFile(teamId: string): Promise<void> {
    this.workspaceAdapters.delete(teamId)
    await rm(workspaceFile(this.file, teamId), { force: true })
  }

  /** Every write: refused while the lease is in doubt; a failure shown on /healthz until one succeeds. */
  private async guarded(file: string, write: () => Promise<void>): Promise<void> {
    if (this.suspended) throw new StoreUnavailableError(this.file, this.leaseTrouble ?? 'lease not renewed')
    try {
      await write()
      this.writeTrouble = undefined
    } catch (error) {
      this.writeTrouble = `${errorCode(error)}: ${file} could not be written`
      throw error
    }
  }

  /** The lease's renewal: a disk that refuses keeps the bot serving reads; writes wait for it. */
  private renewal(event: RenewalEvent): void {
    if (event.kind === 'renewed') {
      this.suspended = false
      this.leaseTrouble = undefined
      return
    }
    this.leaseTrouble = `${errorCode(event.error)}: the lock file ${this.file}.lock could not be renewed`
    if (event.mustStopWriting) this.suspended = true
  }

  /** For /healthz: why the data file cannot be written now, if it cannot. */
  get problem(): string | undefined {
    return this.leaseTrouble ?? this.writeTrouble
  }

  /** Lets go of the file (after the last write) for another process. */
  async close(): Promise<void> {
    await this.lock.release()
  }

  /** Physical writes of the live files so far (concurrent saves share one). */
  get fileWrites(): number {
    let writes = this.adapter.writes
    for (const a of this.workspaceAdapters.values()) writes += a.writes
    return writes
  }

  /** For the health check: the file is readable and the last write reached the disk. */
  async isHealthy(): Promise<boolean> {
    if (this.problem !== undefined) return false
    try {
      await access(this.file, constants.R_OK)
      return true
    } catch {
      return false
    }
  }
}

/** A folder that refuses writes is named as DATA_FILE, not as the lock's temporary file. */
async function namingTheFile<T>(file: string, open: () => Promise<T>): Promise<T> {
  try {
    return await open()
  } catch (error) {
    const code = errorCode(error)
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC')
      throw new StoreUnwritableError(file, code, { cause: error })
    throw error
  }
}

/**
 * Returns the validated data (migrated if it was older), undefined when there is no file yet, or
 * throws StoreCorruptError. Before a migration, the file is copied aside as `<file>.v<N>.bak`.
 */
async function readDataFile(file: string): Promise<{ data: DbData; migratedFrom?: number } | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new StoreCorruptError(file, `it cannot be read (${(error as Error).message})`, { cause: error })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new StoreCorruptError(file, `it is not valid JSON (${(error as Error).message})`, { cause: error })
  }
  const migrated = migrate(json)
  if (migrated.kind === 'too_new') {
    throw new StoreCorruptError(
      file,
      `it was written by a newer version of the bot (schema ${migrated.version}; this one reads up to ${DB_SCHEMA_VERSION})`,
    )
  }
  if (migrated.kind === 'unversioned') {
    throw new StoreCorruptError(file, 'it has no valid "schemaVersion" — it is not this bot\'s data file')
  }
  // From v5 on, each installed workspace's records are in a file of their own: read them back in.
  const whole = migrated.kind === 'current' ? await withWorkspaceFiles(file, migrated.data) : migrated.data
  const result = dbSchema.safeParse(whole)
  if (!result.success) throw new StoreCorruptError(file, describeIssues(result.error.issues))
  if (migrated.kind === 'current') return { data: result.data }
  await copyFile(file, await freeBackupName(`${file}.v${migrated.from}.bak`))
  return { data: result.data, migratedFrom: migrated.from }
}

const TEAM_ID = /^T[A-Z0-9]{2,}$/

/** The main file's registrations, each with the records its own file holds (validated with the whole). */
async function withWorkspaceFiles(file: string, data: unknown): Promise<unknown> {
  const main = data as { workspaces?: unknown }
  if (typeof main.workspaces !== 'object' || main.workspaces === null) return data
  const workspaces: Record<string, unknown> = {}
  for (const [teamId, registration] of Object.entries(main.workspaces as Record<string, unknown>)) {
    // A key is a path: only a team ID is read (and the file must say it is that team's).
    if (!TEAM_ID.test(teamId))
      throw new StoreCorruptError(file, `workspaces: "${teamId.slice(0, 20)}" is not a team ID`)
    const path = workspaceFile(file, teamId)
    let own: Record<string, unknown>
    try {
      own = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
    } catch (error) {
      throw new StoreCorruptError(
        path,
        `the records of installed workspace ${teamId} cannot be read (${(error as Error).message})`,
        {
          cause: error,
        },
      )
    }
    if (own?.teamId !== teamId || own.schemaVersion !== DB_SCHEMA_VERSION)
      throw new StoreCorruptError(
        path,
        `it is not the records of workspace ${teamId} (schema ${DB_SCHEMA_VERSION})`,
      )
    const { schemaVersion: _version, teamId: _team, ...records } = own
    workspaces[teamId] = { ...(registration as object), ...records }
  }
  return { ...main, workspaces }
}

/** Never overwrites an earlier backup. */
async function freeBackupName(name: string): Promise<string> {
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? name : `${name}.${n}`
    try {
      await access(candidate)
    } catch {
      return candidate
    }
  }
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''
  return `it does not match the expected schema — ${shown.join('; ')}${more}`
}
