import type { Guidance } from '../domain/outcomes.js'
import { errorCode } from '../errors.js'
import { calendarSubscribedText } from '../render/calendar.js'
import { renderGuidance } from '../render/guidance.js'
import { operatorRegisteredText } from '../render/operators.js'
import { deliverStored } from './deliver-record.js'
import type { AppDeps, HomePorts, PostingPorts } from './deps.js'
import type { AcceptedOutcome, CalendarOutcome } from './outcomes.js'
import type { Origin } from './ports.js'
import { refreshHome } from './refresh-home.js'
import { pendingReminders } from './reminders.js'

/**
 * The one step after the ack, for an accepted submission: post the stored record, the guide's
 * answer, or the confirmation — and hand over what the outcome scheduled.
 */
export async function followUp(deps: PostingPorts & HomePorts, outcome: AcceptedOutcome): Promise<void> {
  switch (outcome.kind) {
    case 'stored':
      return deliverStored(deps, outcome.record)
    case 'guidance':
      return postGuidance(deps, outcome.origin, outcome.guidance)
    case 'operator_registered':
      return deps.notifier.tell(outcome.origin, operatorRegisteredText(outcome.operatorId))
    case 'calendar_subscribed':
      await deps.notifier.tell(outcome.origin, calendarSubscribedText(outcome.calendar))
      return handOverCalendar(deps, outcome.origin, outcome.calendar)
  }
}

/**
 * Posts a message that ends a flow without a record (ineligible, no invoice, too early). Nothing
 * was stored, so a refusal by Slack is logged and the user is told, if Slack lets us.
 */
export async function postGuidance(
  deps: Pick<AppDeps, 'notifier' | 'renderer' | 'logger'>,
  origin: Origin,
  guidance: Guidance,
): Promise<void> {
  try {
    await deps.notifier.post(origin, renderGuidance(deps.renderer, guidance))
  } catch (error) {
    deps.logger.warn('guidance not delivered', { error: errorCode(error), guidance: guidance.kind })
  }
}

/** After a subscription's answer: its stored reminders go to Slack (a call each), then App Home. */
export async function handOverCalendar(
  deps: Pick<
    AppDeps,
    'alerts' | 'links' | 'logger' | 'notifier' | 'redelivery' | 'reminders' | 'scheduler' | 'tickets'
  >,
  origin: Origin,
  calendar: CalendarOutcome,
): Promise<void> {
  const { channel } = calendar.subscription
  await deps.scheduler.deliver(
    await pendingReminders(deps, (r) => r.channel === channel && r.state === 'pending'),
  )
  await refreshHome(deps, origin.user)
}
