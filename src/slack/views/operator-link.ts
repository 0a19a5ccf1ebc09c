import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { linkOperator } from '../../app/link-operator.js'
import { COVERAGES } from '../../domain/coverage.js'
import { errorCode } from '../../errors.js'
import { NO_CREDENTIALS_KEY } from '../../render/access.js'
import { SORACOM_FAILURE_TEXT } from '../../render/bill.js'
import { FORM_ERRORS } from '../../render/form-errors.js'
import {
  operatorLinkCheckingModal,
  operatorLinkedModal,
  operatorLinkModal,
} from '../../render/modals/operator-link.js'
import { NOT_SAVED } from '../../render/modals/submission.js'
import { fieldErrors } from '../../render/problems.js'
import { ADMINS_ONLY_TEXT, refusalText } from '../../render/refusals.js'
import { operatorIdField } from '../fields.js'
import { decodeOrigin } from '../private-metadata.js'
import { parseViewFields } from '../view-state.js'
import type { ViewListener } from './submission.js'

const operatorLinkForm = z.object({
  operator_id: operatorIdField,
  coverage: z.enum(COVERAGES, { error: FORM_ERRORS.coverageOne }),
  auth_key_id: z
    .string({ error: FORM_ERRORS.authKeyIdMissing })
    .trim()
    .regex(/^keyId-\S+$/, {
      error: FORM_ERRORS.authKeyIdShape,
    }),
  auth_key: z
    .string({ error: FORM_ERRORS.authKeyMissing })
    .trim()
    .regex(/^secret-\S+$/, {
      error: FORM_ERRORS.authKeyShape,
    }),
  alert_channel: z.string().optional(),
})

/**
 * `/billing link`'s modal. Shape errors and non-admins are answered inline at once. The key is
 * checked with SORACOM only after the ack: the modal shows "checking", then the result — or the
 * form again, with the error under `auth_key` / `operator_id` (the secret is never sent back).
 */
export const operatorLinkSubmission =
  (deps: AppDeps): ViewListener =>
  async ({ ack, body, view, client, context, logger }) => {
    const parsed = parseViewFields(operatorLinkForm, view.state?.values ?? {})
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors })
      return
    }
    const user = body.user.id
    const admin = deps.isAdmin(user, context.workspaceAdmin)
    if (!admin) {
      await ack({ response_action: 'errors', errors: { operator_id: ADMINS_ONLY_TEXT } })
      return
    }
    const request = parsed.value
    const origin = decodeOrigin(view.private_metadata, user)
    await ack({ response_action: 'update', view: operatorLinkCheckingModal() })

    const values = {
      operatorId: request.operator_id,
      coverage: request.coverage,
      authKeyId: request.auth_key_id,
      ...(request.alert_channel ? { alertChannel: request.alert_channel } : {}),
    }
    const form = (extra: { errors?: Record<string, string>; banner?: string }) =>
      operatorLinkModal({ privateMetadata: view.private_metadata, values, ...extra })
    let next: ReturnType<typeof form>
    try {
      const outcome = await linkOperator(deps, {
        user,
        admin,
        operatorId: request.operator_id,
        coverage: request.coverage,
        key: { authKeyId: request.auth_key_id, authKey: request.auth_key },
        alertChannel: request.alert_channel ?? origin.channel,
      })
      next =
        outcome.kind === 'linked'
          ? operatorLinkedModal(outcome.link, outcome.replaced)
          : outcome.kind === 'invalid'
            ? form({ errors: fieldErrors(outcome.problems) })
            : outcome.kind === 'failed'
              ? form({ banner: SORACOM_FAILURE_TEXT[outcome.reason] })
              : form({ banner: refusalText(outcome.refusal) })
    } catch (error) {
      // The store could not write, or no CREDENTIALS_KEY to seal with: nothing was kept.
      const code = errorCode(error)
      logger.error('operator link not saved', { error: code })
      next = form({
        banner: code === 'credentials_key' ? NO_CREDENTIALS_KEY : NOT_SAVED,
      })
    }
    await client.views
      .update({ view_id: view.id, view: next })
      .catch((error: unknown) => logger.warn('link result not shown', { error: errorCode(error) }))
  }
