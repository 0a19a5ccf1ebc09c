import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { linkOperator } from '../../app/link-operator.js'
import { COVERAGES } from '../../domain/coverage.js'
import { errorCode } from '../../errors.js'
import { SORACOM_FAILURE_TEXT } from '../../render/bill.js'
import {
  operatorLinkCheckingModal,
  operatorLinkedModal,
  operatorLinkModal,
} from '../../render/modals/operator-link.js'
import { NOT_SAVED } from '../../render/modals/submission.js'
import { fieldErrors } from '../../render/problems.js'
import { ADMINS_ONLY_TEXT, refusalText } from '../../render/refusals.js'
import { operatorIdField } from '../fields.js'
import { workspaceAdminOf } from '../middleware/authorization.js'
import { decodeOrigin } from '../private-metadata.js'
import { parseViewFields } from '../view-state.js'
import type { ViewListener } from './submission.js'

const operatorLinkForm = z.object({
  operator_id: operatorIdField,
  coverage: z.enum(COVERAGES, { error: 'カバレッジを「日本」か「グローバル」から選んでください。' }),
  auth_key_id: z
    .string({ error: '認証キー ID（keyId- で始まる値）を入力してください。' })
    .trim()
    .regex(/^keyId-\S+$/, {
      error: '認証キー ID は keyId- で始まる値です（SAM ユーザーの「認証キー」で確認できます）。',
    }),
  auth_key: z
    .string({ error: '認証キーシークレット（secret- で始まる値）を入力してください。' })
    .trim()
    .regex(/^secret-\S+$/, {
      error: '認証キーシークレットは secret- で始まる値です（作成したときにだけ表示されます）。',
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
    const admin = deps.isAdmin(user, workspaceAdminOf(context))
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
        banner:
          code === 'credentials_key'
            ? 'CREDENTIALS_KEY が設定されていないため、認証キーを保存できません。ボットの管理者に設定を依頼してください（README「SORACOM 連携」）。'
            : NOT_SAVED,
      })
    }
    await client.views
      .update({ view_id: view.id, view: next })
      .catch((error: unknown) => logger.warn('link result not shown', { error: errorCode(error) }))
  }
