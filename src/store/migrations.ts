import { DB_SCHEMA_VERSION } from './schema.js'

type Json = Record<string, unknown>

/**
 * One step per version: `MIGRATIONS[n]` turns a version-n file into version n+1. Steps work on
 * plain JSON (the old shape has no type any more) and never drop data they do not understand.
 */
const MIGRATIONS: Record<number, (data: Json) => Json> = {
  // v1 held tickets and, as features arrived, optional collections; v2 makes every collection
  // explicit and every ticket carry its progress and history.
  1: (data) => ({
    ...data,
    schemaVersion: 2,
    tickets: (Array.isArray(data.tickets) ? data.tickets : []).map((t: Json) => ({
      progress: [],
      history: [],
      ...t,
    })),
    checklists: data.checklists ?? [],
    reminders: data.reminders ?? [],
    subscriptions: data.subscriptions ?? [],
    operators: data.operators ?? [],
  }),
  // v3 adds the SORACOM operator links (`/billing link`) and the alerts their checks post.
  2: (data) => ({ ...data, schemaVersion: 3, links: data.links ?? [], alerts: data.alerts ?? [] }),
  // v4 adds the workspaces installed through OAuth beside the single-workspace data.
  3: (data) => ({ ...data, schemaVersion: 4, workspaces: data.workspaces ?? {} }),
  // v5 keeps each installed workspace's records in a file of its own (`<file>.workspaces/<team>.json`,
  // database.ts), so a write rewrites one workspace, not all of them. In memory the shape is v4's:
  // the step only renumbers, and the first write lays the files out.
  4: (data) => ({ ...data, schemaVersion: 5 }),
}

export type MigrationResult =
  | { kind: 'current'; data: unknown }
  | { kind: 'migrated'; data: unknown; from: number }
  | { kind: 'too_new'; version: number }
  | { kind: 'unversioned' }

/** Brings parsed file content up to the current schema version, step by step. */
export function migrate(json: unknown): MigrationResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { kind: 'unversioned' }
  const version = (json as Json).schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'unversioned' }
  if (version > DB_SCHEMA_VERSION) return { kind: 'too_new', version }
  if (version === DB_SCHEMA_VERSION) return { kind: 'current', data: json }
  let data = json as Json
  for (let v = version; v < DB_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v]
    if (!step) throw new Error(`No migration from schema version ${v}`)
    data = step(data)
  }
  return { kind: 'migrated', data, from: version }
}
