import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { subscribeCalendar } from '../../app/subscribe-calendar.js'
import { CALENDAR_PAYMENT_METHODS } from '../../domain/calendar-subscription.js'
import { submission, type ViewListener } from './submission.js'

const calendarSubscribeForm = z.object({
  payment_method: z.enum(CALENDAR_PAYMENT_METHODS, {
    error: 'お支払い方法を選んでください。リマインドの内容がお支払い方法に合わせて変わります。',
  }),
})

/** The payment-method modal of `/billing calendar subscribe`: subscribes, then confirms to the user. */
export const calendarSubscribeSubmission = (deps: AppDeps): ViewListener =>
  submission(deps, calendarSubscribeForm, async ({ request, origin }) => ({
    kind: 'calendar_subscribed',
    origin,
    calendar: await subscribeCalendar(deps, { ...origin, paymentMethod: request.payment_method }),
  }))
