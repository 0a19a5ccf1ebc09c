import { openLinkBroken } from '../domain/billing-alert.js'
import { errorCode, isTransient } from '../errors.js'
import type { AppDeps, HomePorts } from './deps.js'
import { refreshLinkBills } from './read-bill.js'
import { pendingReminders } from './reminders.js'

/**
 * Publishes the user's App Home as it stands now: their own tickets and reminders only. The Home
 * tab is a view of what is stored, so a failed publish loses nothing: a view Slack refuses is
 * published again in its smallest form; Slack failing for a moment (5xx, 429, a timeout) is tried
 * again soon, from what is stored then — and the next change or `app_home_opened` publishes anyway.
 */
export async function refreshHome(deps: HomePorts, userId: string): Promise<void> {
  await publishHome(deps, userId)
}

/** True when Slack took the Home tab (in full or compact form). */
async function publishHome(deps: HomePorts, userId: string): Promise<boolean> {
  const alerts = await deps.alerts.all()
  const home = {
    ...(await deps.tickets.homeOf(userId)),
    reminders: await pendingReminders(deps, (r) => r.owner === userId),
    bills: (await deps.links.list()).map(({ operatorId, coverage, latestBill, runningBill, budget }) => {
      const broken = openLinkBroken(alerts, { operatorId, coverage })
      return {
        operatorId,
        coverage,
        ...(latestBill ? { latestBill } : {}),
        ...(runningBill ? { runningBill } : {}),
        ...(budget ? { budget } : {}),
        ...(broken ? { broken: broken.reason } : {}),
      }
    }),
  }
  try {
    await deps.notifier.publishHome(userId, home)
    return true
  } catch (error) {
    const code = errorCode(error)
    deps.logger.warn('App Home not published', { error: code, method: 'views.publish' })
    if (isTransient(error)) {
      deps.redelivery.later(`home:${userId}`, error, async () =>
        (await publishHome(deps, userId)) ? 'done' : 'again',
      )
      return false
    }
    // Slack refused the view itself: publish the smallest form, which points to the lists.
    if (!code.startsWith('invalid_')) return false
    return deps.notifier.publishHome(userId, { ...home, compact: true }).then(
      () => true,
      (again: unknown) => {
        deps.logger.warn('compact App Home not published', { error: errorCode(again) })
        return false
      },
    )
  }
}

/** Linked operators' bills older than this are read again when someone opens App Home. */
export const HOME_BILLS_FRESH_MS = 60 * 60 * 1000

/**
 * App Home opened: shows what is stored at once, then — when a linked operator's bills were read
 * more than an hour ago — reads them from SORACOM (one read per link however many open it at
 * the same time) and publishes again. SORACOM failing leaves the last-read bills shown.
 */
export async function openHome(
  deps: HomePorts & Pick<AppDeps, 'clock' | 'queue' | 'soracom'>,
  userId: string,
): Promise<void> {
  await refreshHome(deps, userId)
  const now = deps.clock.now().getTime()
  const stale = (checkedAt: string | undefined) =>
    checkedAt === undefined || now - Date.parse(checkedAt) > HOME_BILLS_FRESH_MS
  const due = (await deps.links.list()).filter((l) => stale(l.runningBill?.checkedAt))
  if (due.length === 0) return
  await Promise.all(
    due.map((link) =>
      deps.queue.run(`link:${link.operatorId}/${link.coverage}`, async () => {
        const current = await deps.links.get(link.operatorId, link.coverage)
        if (current && stale(current.runningBill?.checkedAt)) await refreshLinkBills(deps, current)
      }),
    ),
  )
  await refreshHome(deps, userId)
}
