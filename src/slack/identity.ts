import type { WebClient } from '@slack/web-api'
import type { Logger } from '../app/ports.js'
import { errorCode } from '../errors.js'

/** What Slack answers for a token it will never accept: waiting does not help. */
export const TOKEN_REFUSED: ReadonlySet<string> = new Set([
  'invalid_auth',
  'token_revoked',
  'account_inactive',
  'not_authed',
  'token_expired',
])

export interface BotIdentity {
  botUserId?: string
  botId?: string
  teamId?: string
  enterpriseId?: string
}

/**
 * Who the bot is in Slack (`auth.test`), asked at start-up with backoff until Slack answers —
 * never on a request's path. Until then the bot serves requests (they are signed) and /healthz
 * says "not ready".
 */
export class SlackIdentity {
  private known: BotIdentity | undefined
  private stopped = false
  /** Slack's reason when it refused the token itself (not a network failure). */
  refused: string | undefined

  constructor(
    private readonly client: WebClient,
    private readonly logger: Logger,
    private readonly backoffMs: { first: number; max: number } = { first: 1_000, max: 30_000 },
  ) {}

  get ready(): boolean {
    return this.known !== undefined
  }

  get identity(): BotIdentity {
    return this.known ?? {}
  }

  /**
   * Asks until Slack answers (each try has the client's timeout), logging every failed try. A
   * token Slack refuses is not retried: `refused` says why, and the returned promise resolves.
   */
  async connect(): Promise<void> {
    let wait = this.backoffMs.first
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        const answer = await this.client.auth.test()
        this.known = {
          ...(answer.user_id ? { botUserId: answer.user_id } : {}),
          ...(answer.bot_id ? { botId: answer.bot_id } : {}),
          ...(answer.team_id ? { teamId: answer.team_id } : {}),
          ...(answer.enterprise_id ? { enterpriseId: answer.enterprise_id } : {}),
        }
        this.logger.info('connected to Slack', { attempt, team: answer.team_id })
        return
      } catch (error) {
        const code = errorCode(error)
        if (TOKEN_REFUSED.has(code)) {
          this.refused = code
          return
        }
        this.logger.warn('Slack not reachable yet (auth.test); retrying', {
          attempt,
          error: errorCode(error),
          retryInMs: wait,
        })
        await new Promise((resolve) => setTimeout(resolve, wait).unref())
        wait = Math.min(wait * 2, this.backoffMs.max)
      }
    }
  }

  stop(): void {
    this.stopped = true
  }
}
