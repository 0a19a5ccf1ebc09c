import type { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import type { FactCheckedOutcome, FactCheckPlan } from '../../app/fact-checked.js'
import { followUp } from '../../app/follow-up.js'
import type { AcceptedOutcome } from '../../app/outcomes.js'
import type { Origin } from '../../app/ports.js'
import type { FieldProblems } from '../../domain/outcomes.js'
import type { OperatorLink } from '../../domain/soracom-link.js'
import { errorCode } from '../../errors.js'
import {
  checkingModal,
  decidedModal,
  FACT_BANNERS,
  type FactCheckedView,
} from '../../render/modals/fact-checked.js'
import { fieldErrors } from '../../render/problems.js'
import { decodeOrigin } from '../private-metadata.js'
import { parseViewFields, readViewFields } from '../view-state.js'
import { completeSubmission, notSavedAck, type SubmitUseCase, type ViewListener } from './submission.js'

/** A SORACOM-answerable flow, as the listener sees it: the form, the use cases, the drawing. */
export interface FactCheckedFlow<Draft, Request, Facts> {
  form: z.ZodType<Draft>
  /** A form that did not parse: the SORACOM questions left empty, when the typed operator has no link. */
  questionsLeft(raw: Readonly<Record<string, unknown>>): FieldProblems | Promise<FieldProblems>
  /** Before the ack, no network: the user's answers, what is missing, or the link to ask. */
  plan(draft: Draft): FactCheckPlan<Request> | Promise<FactCheckPlan<Request>>
  /** Without SORACOM (the user answered everything). */
  run: SubmitUseCase<Request>
  /** After the ack: SORACOM asked, the request completed and run. */
  withFacts(input: {
    draft: Draft
    link: OperatorLink
    origin: Origin
    viewId: string
  }): Promise<FactCheckedOutcome<Facts>>
  view: FactCheckedView<Draft, Facts>
}

/**
 * A flow modal's view_submission that lets SORACOM answer what it knows. No linked operator: the
 * plain submission (inline errors in the ack, the questions required). A linked operator: the ack
 * shows "checking" (SORACOM is never asked before it), then the modal shows what SORACOM said and
 * what follows — or the form again, asking what SORACOM could not tell.
 */
export function factCheckedSubmission<Draft, Request, Facts>(
  deps: AppDeps,
  flow: FactCheckedFlow<Draft, Request, Facts>,
): ViewListener {
  return async (args) => {
    const { ack, body, view, client, logger } = args
    const values = view.state?.values ?? {}
    const parsed = parseViewFields(flow.form, values)
    let plan: Awaited<ReturnType<typeof flow.plan>>
    try {
      if (!parsed.ok) {
        // Every bad field at once: the questions SORACOM cannot answer for this operator too.
        const missing = await flow.questionsLeft(readViewFields(values))
        await ack({ response_action: 'errors', errors: { ...fieldErrors(missing), ...parsed.errors } })
        return
      }
      plan = await flow.plan(parsed.value)
    } catch (error) {
      // The store could not be read (which operators are linked): nothing saved, the form stays.
      logger.error('submission not saved', { error: errorCode(error), callbackId: view.callback_id })
      await ack(notSavedAck(values))
      return
    }
    const draft = parsed.value
    if (plan.kind === 'invalid') {
      await ack({ response_action: 'errors', errors: fieldErrors(plan.problems) })
      return
    }
    if (plan.kind === 'answered') return completeSubmission(deps, args, plan.request, flow.run)

    const { title } = flow.view
    const origin = decodeOrigin(view.private_metadata, body.user.id)
    const form = (banner: string, ask: boolean) =>
      flow.view.form(draft, { banner, ask, privateMetadata: view.private_metadata })
    await ack({ response_action: 'update', view: checkingModal(view.callback_id, title) })

    let next: ReturnType<typeof form>
    let accepted: AcceptedOutcome | undefined
    try {
      const checked = await flow.withFacts({ draft, link: plan.link, origin, viewId: view.id })
      if (checked.kind === 'soracom_failed') next = form(FACT_BANNERS.soracomFailed(checked.reason), true)
      else {
        const found = flow.view.found(checked.facts)
        if (checked.kind === 'still_unanswered') next = form(FACT_BANNERS.stillUnanswered(found), true)
        else if (checked.outcome.kind === 'invalid')
          next = form(FACT_BANNERS.invalid(found, checked.outcome.problems), false)
        else {
          accepted = checked.outcome
          const guidance = accepted.kind === 'guidance' ? accepted.guidance : undefined
          next = decidedModal(view.callback_id, title, found, flow.view.summary(guidance))
        }
      }
    } catch (error) {
      logger.error('submission not saved', { error: errorCode(error), callbackId: view.callback_id })
      next = form(FACT_BANNERS.notSaved, false)
    }
    await client.views
      .update({ view_id: view.id, view: next })
      .catch((error: unknown) => logger.warn('modal result not shown', { error: errorCode(error) }))
    if (accepted) await followUp(deps, accepted)
  }
}
