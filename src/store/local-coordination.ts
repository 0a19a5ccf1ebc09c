import { randomUUID } from 'node:crypto'
import type { PostingHolds } from '../app/ports.js'

/**
 * How long a hold on a record's first post lasts when its holder never lets go (it stopped).
 * Longer than a post can take with its retries, so a slow post is never doubled by a sweep.
 */
export const POSTING_LEASE_MS = 120_000

/**
 * Posting holds of the one process that owns the data file: in memory, as nothing else writes
 * the file. A restart starts with none, so what was stored but not posted is posted by the
 * first sweep.
 */
export class LocalPostingHolds implements PostingHolds {
  private readonly held = new Map<string, { token: string; until: number }>()
  constructor(private readonly leaseMs = POSTING_LEASE_MS) {}

  async hold(id: string): Promise<string | undefined> {
    const now = performance.now()
    const current = this.held.get(id)
    if (current && current.until > now) return undefined
    const token = randomUUID()
    this.held.set(id, { token, until: now + this.leaseMs })
    return token
  }

  async release(id: string, token: string): Promise<void> {
    if (this.held.get(id)?.token === token) this.held.delete(id)
  }
}

/** The last N delivery keys (Slack event IDs) this process took, forgetting the oldest first. */
export class RecentDeliveries {
  private readonly keys = new Set<string>()
  constructor(private readonly size = 5000) {}

  /** True the first time a key is seen. */
  async first(key: string): Promise<boolean> {
    if (this.keys.has(key)) return false
    this.keys.add(key)
    if (this.keys.size > this.size) {
      const oldest = this.keys.values().next().value
      if (oldest !== undefined) this.keys.delete(oldest)
    }
    return true
  }
}
