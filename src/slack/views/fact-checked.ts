import type { ModalView } from '@slack/types'
import type { z } from 'zod'
import type { AppDeps, SubmissionOutcome } from '../../app/deps.js'
import type { Origin } from '../../app/ports.js'
import { asSoracomFailure } from '../../app/soracom-failure.js'
import { normalizeOperatorId } from '../../domain/operator-id.js'
import type { OperatorLink } from '../../domain/soracom-link.js'
import { errorCode } from '../../errors.js'
import { SORACOM_FAILURE_TEXT } from '../../render/bill.js'
import { messageModal } from '../../render/modals/elements.js'
import { decodeOrigin } from '../private-metadata.js'
import { parseViewFields, readViewFields } from '../view-state.js'
import { completeSubmission, NOT_SAVED, type ViewListener } from './submission.js'

/**
 * A flow whose questions SORACOM can answer for a linked operator (the amount, the payment
 * method). `Draft` is the form with those questions optional; `Request` is the flow's full request.
 */
export interface FactCheckedFlow<Draft, Request, Facts> {
  form: z.ZodType<Draft>
  /** The questions SORACOM may answer: block_id → the inline error when one is left empty without a link. */
  questions: Record<string, string>
  /** The request, when the user answered every question themselves (used without a link). */
  answered(draft: Draft): Request | undefined
  /** The linked operator the draft is about, when there is one. */
  linkOf(draft: Draft): OperatorLink | undefined
  /** Asks SORACOM (after the ack). Throws a SORACOM error when it cannot. */
  lookup(link: OperatorLink, draft: Draft): Promise<Facts>
  /**
   * The request with SORACOM's answers in (they win over the user's: SORACOM knows); undefined
   * when a question is still open.
   */
  complete(draft: Draft, facts: Facts): Request | undefined
  /** What SORACOM answered, in a sentence for the modal. */
  found(facts: Facts): string
  /** The flow itself (stores and posts as without SORACOM). */
  run(input: { request: Request; origin: Origin; viewId: string }): Promise<SubmissionOutcome>
  /** The result modal's text: what happens next. */
  summary(request: Request): string
  /** The form again with the draft's answers; `ask`: SORACOM's questions must be answered now. */
  modal(draft: Draft, extra: { banner: string; ask: boolean; privateMetadata: string }): ModalView
  title: string
}

/**
 * A flow modal's view_submission that lets SORACOM answer what it knows. No linked operator: the
 * plain submission (inline errors in the ack, the questions required). A linked operator:
 * the ack shows "checking" (SORACOM is never asked before it), then the modal shows what SORACOM
 * said and what follows — or the form again, asking what SORACOM could not tell.
 */
export function factCheckedSubmission<Draft, Request, Facts>(
  deps: Pick<AppDeps, 'links'>,
  flow: FactCheckedFlow<Draft, Request, Facts>,
): ViewListener {
  return async (args) => {
    const { ack, body, view, client, logger } = args
    const values = view.state?.values ?? {}
    const raw = readViewFields(values)
    // The questions left empty: an error each when there is no linked operator to ask instead.
    const unanswered = Object.fromEntries(Object.entries(flow.questions).filter(([blockId]) => !raw[blockId]))
    const parsed = parseViewFields(flow.form, values)
    if (!parsed.ok) {
      // Every bad field at once: the questions SORACOM cannot answer for this operator too.
      const operator = typeof raw.operator_id === 'string' ? raw.operator_id : undefined
      const missing = linkedOperator(deps, operator) ? {} : unanswered
      await ack({ response_action: 'errors', errors: { ...missing, ...parsed.errors } })
      return
    }
    const draft = parsed.value
    const link = flow.linkOf(draft)
    if (!link) {
      return completeSubmission(args, draft, async ({ origin, viewId }) => {
        const request = flow.answered(draft)
        return request ? flow.run({ request, origin, viewId }) : { kind: 'invalid', errors: unanswered }
      })
    }
    const origin = decodeOrigin(view.private_metadata, body.user.id)
    const again = (banner: string, ask: boolean) =>
      flow.modal(draft, { banner, ask, privateMetadata: view.private_metadata })
    await ack({
      response_action: 'update',
      view: messageModal(
        `${view.callback_id}_checking`,
        flow.title,
        ':hourglass_flowing_sand: SORACOM API で請求情報を確認しています…',
      ),
    })

    let next: ModalView
    let afterAck: (() => Promise<void>) | undefined
    try {
      const facts = await flow.lookup(link, draft)
      const found = flow.found(facts)
      const request = flow.complete(draft, facts)
      if (!request) {
        next = again(`${found}\n残りの質問に答えて、もう一度送信してください。`, true)
      } else {
        const outcome = await flow.run({ request, origin, viewId: view.id })
        if (outcome.kind === 'invalid') {
          next = again(`${found}\n:warning: ${Object.values(outcome.errors).join('\n')}`, false)
        } else {
          afterAck = outcome.afterAck
          next = messageModal(`${view.callback_id}_done`, flow.title, `${found}\n\n${flow.summary(request)}`)
        }
      }
    } catch (error) {
      const code = errorCode(error)
      const reason = asSoracomFailure(error)
      if (reason) {
        logger.warn('soracom facts unavailable; asking instead', { reason, callbackId: view.callback_id })
        next = again(`:warning: ${SORACOM_FAILURE_TEXT[reason]}\n下の質問に答えて送信してください。`, true)
      } else {
        logger.error('submission not saved', { error: code, callbackId: view.callback_id })
        next = again(`:warning: ${NOT_SAVED}`, false)
      }
    }
    await client.views
      .update({ view_id: view.id, view: next })
      .catch((error: unknown) => logger.warn('modal result not shown', { error: errorCode(error) }))
    await afterAck?.()
  }
}

/** Whether an operator ID as typed (normalised) has a link in either coverage. */
function linkedOperator(deps: Pick<AppDeps, 'links'>, raw: string | undefined): boolean {
  if (!raw) return false
  const id = normalizeOperatorId(raw)
  return deps.links.list().some((l) => l.operatorId === id)
}
