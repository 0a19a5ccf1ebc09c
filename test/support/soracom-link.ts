import type { AuthKey } from '../../src/app/ports.js'
import type { Coverage } from '../../src/domain/coverage.js'
import type { TestBot } from './test-bot.js'

/** Stores a link as `/billing link` would (the key sealed by the bot), without the modal round trip. */
export function storeLink(
  bot: TestBot,
  link: { operatorId: string; coverage: Coverage; key: AuthKey; alertChannel?: string; linkedBy?: string },
): Promise<void> {
  const target = { operatorId: link.operatorId, coverage: link.coverage }
  return bot.store.links.save({
    ...target,
    credentials: bot.deps.soracom.seal(target, link.key),
    alertChannel: link.alertChannel ?? 'C0BILLING',
    linkedBy: link.linkedBy ?? 'U0ADMIN',
    linkedAt: '2026-11-01T00:00:00.000Z',
  })
}
