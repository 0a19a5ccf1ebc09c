import type { WebClient } from '@slack/web-api'

const TTL_MS = 10 * 60 * 1000

/** One workspace's users.info and usergroups.users.list answers, kept for 10 minutes. */
export class DirectoryCache {
  private readonly guests = new Map<string, { guest: boolean; admin: boolean; at: number }>()
  private members: { ids: Set<string>; at: number } | undefined

  /**
   * Whether the user is a guest; 'unknown' when Slack cannot say (users.info failing, the
   * users:read scope missing). Unknown answers are not kept, so the next request asks again.
   */
  async isGuest(client: WebClient, user: string, deadline: number): Promise<boolean | 'unknown' | 'timeout'> {
    const cached = this.guests.get(user)
    if (cached && Date.now() - cached.at < TTL_MS) return cached.guest
    const asking = client.users.info({ user }).then(
      (info) => {
        const guest = Boolean(info.user?.is_restricted || info.user?.is_ultra_restricted)
        const admin = Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner)
        this.guests.set(user, { guest, admin, at: Date.now() })
        return guest
      },
      () => 'unknown' as const,
    )
    // The answer still lands in the cache when it comes late: the user's next try goes through.
    const answer = await beforeDeadline(asking, deadline)
    if (answer === TIMED_OUT) return cached ? cached.guest : 'timeout'
    return answer
  }

  /** Whether Slack said the user is a workspace admin or owner (undefined: not asked yet). */
  workspaceAdmin(user: string): boolean | undefined {
    return this.guests.get(user)?.admin
  }

  async groupMembers(client: WebClient, usergroup: string, deadline: number): Promise<Set<string>> {
    if (this.members && Date.now() - this.members.at < TTL_MS) return this.members.ids
    const asking = client.usergroups.users.list({ usergroup }).then((list) => {
      this.members = { ids: new Set(list.users ?? []), at: Date.now() }
      return this.members.ids
    })
    asking.catch(() => undefined)
    const answer = await beforeDeadline(asking, deadline)
    if (answer !== TIMED_OUT) return answer
    if (this.members) return this.members.ids
    throw new Error('usergroups.users.list did not answer in time')
  }
}

const TIMED_OUT = Symbol('timed out')

/** The promise's value, or TIMED_OUT once the deadline (epoch ms) has passed. */
function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, deadline - Date.now()))
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
