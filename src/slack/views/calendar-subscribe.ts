import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { subscribeCalendar } from '../../app/subscribe-calendar.js'
import { CALENDAR_PAYMENT_METHODS } from '../../domain/calendar-subscription.js'
import { FORM_ERRORS } from '../../render/form-errors.js'
import { submission, type ViewListener } from './submission.js'

const calendarSubscribeForm = z.object({
  payment_method: z.enum(CALENDAR_PAYMENT_METHODS, {
    error: FORM_ERRORS.calendarPaymentMethod,
  }),
})

/** The payment-method modal of `/billing calendar subscribe`: subscribes, then confirms to the user. */
export const calendarSubscribeSubmission = (deps: AppDeps): ViewListener =>
  submission(deps, calendarSubscribeForm, async ({ request, origin }) => ({
    kind: 'calendar_subscribed',
    origin,
    calendar: await subscribeCalendar(deps, { ...origin, paymentMethod: request.payment_method }),
  }))
