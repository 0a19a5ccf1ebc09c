import { z } from 'zod'
import type { Origin } from '../app/ports.js'

/**
 * A modal remembers where its command came from, so the result is posted back there.
 * Slack caps `private_metadata` at 3,000 characters; two ids fit easily.
 */
const originSchema = z.object({ channel: z.string().min(1), user: z.string().min(1) })

export type { Origin }

export function encodeOrigin(origin: Origin): string {
  return JSON.stringify(origin)
}

/** A modal opened elsewhere (App Home) carries no channel: answer in the user's DM. */
export function decodeOrigin(privateMetadata: string, userId: string): Origin {
  try {
    const result = originSchema.safeParse(JSON.parse(privateMetadata))
    if (result.success) return result.data
  } catch {
    // not JSON: fall through to the DM
  }
  return { channel: userId, user: userId }
}
