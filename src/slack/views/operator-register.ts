import { z } from 'zod'
import { ACCOUNT_TYPES, PAYMENT_METHODS } from '../../domain/account.js'
import { COVERAGE_SELECTIONS } from '../../domain/coverage.js'
import { checkPaymentMethod } from '../../domain/operator-registry.js'
import { OPERATOR_REGISTER_CALLBACK_ID } from '../../render/modals/operator.js'
import type { ListenerDeps } from '../deps.js'
import { operatorIdField, optionalTextField } from '../fields.js'
import { decodeOrigin } from '../private-metadata.js'
import type { Router } from '../router.js'
import { parseViewFields } from '../view-state.js'

export const operatorForm = z.object({
  operator_id: operatorIdField,
  name: optionalTextField(60, '呼び名は 60 文字以内で入力してください。'),
  coverage: z.enum(COVERAGE_SELECTIONS, {
    error: 'カバレッジを「日本」「グローバル」「両方」から選んでください。',
  }),
  account_type: z.enum(ACCOUNT_TYPES, { error: 'アカウント区分を「法人」か「個人」から選んでください。' }),
  payment_method: z.enum(PAYMENT_METHODS, { error: 'お支払い方法を選んでください。' }),
})

/** Saves the operator (on disk before the modal closes) and confirms in the user's DM or channel. */
export function registerOperatorSubmission(app: Router, deps: ListenerDeps): void {
  app.view(OPERATOR_REGISTER_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const form = parseViewFields(operatorForm, view.state.values)
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors })
      return
    }
    const f = form.value
    const mismatch = checkPaymentMethod(f.account_type, f.payment_method)
    if (mismatch) {
      await ack({ response_action: 'errors', errors: { payment_method: mismatch } })
      return
    }
    await deps.operators.saveOperator({
      operatorId: f.operator_id,
      ...(f.name ? { name: f.name } : {}),
      coverage: f.coverage,
      accountType: f.account_type,
      paymentMethod: f.payment_method,
      registeredBy: body.user.id,
      registeredAt: deps.clock.now().toISOString(),
    })
    await ack()
    const origin = decodeOrigin(view.private_metadata, body.user.id)
    await client.chat.postEphemeral({
      channel: origin.channel,
      user: origin.user,
      text: `オペレーター \`${f.operator_id}\` を登録しました。\`/billing operators\` で一覧を確認できます。`,
    })
  })
}
