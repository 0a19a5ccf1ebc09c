import type { KnownBlock, ModalView } from '@slack/types'
import type { OperatorLink } from '../../domain/soracom-link.js'
import { coverageLabel } from '../labels.js'
import { conversationsSelect, formModal, messageModal, note, staticSelect, textInput } from './elements.js'

export const OPERATOR_LINK_CALLBACK_ID = 'operator_link'

/** What the form showed before (never the auth key: it is not sent back to Slack). */
export interface LinkFormValues {
  operatorId?: string
  coverage?: string
  authKeyId?: string
  alertChannel?: string
}

const warning = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: `:warning: ${text}` }],
})

/**
 * `/billing link`: a SAM user's auth key for one operator and coverage. `errors` (after SORACOM
 * answered, so after the ack) are shown under their fields; `banner` above the form.
 */
export function operatorLinkModal(args: {
  privateMetadata: string
  values?: LinkFormValues
  errors?: Record<string, string>
  banner?: string
}): ModalView {
  const v = args.values ?? {}
  const after = (blockId: string): KnownBlock[] => {
    const error = args.errors?.[blockId]
    return error ? [warning(error)] : []
  }
  return formModal({
    callbackId: OPERATOR_LINK_CALLBACK_ID,
    privateMetadata: args.privateMetadata,
    title: 'SORACOM 連携',
    submit: '連携する',
    blocks: [
      ...(args.banner ? [warning(args.banner)] : []),
      note(
        '請求情報を読むだけの SAM ユーザーの認証キーを登録すると、ボットが請求金額・支払い状況・課金詳細 CSV を SORACOM API から取得します。認証キーは暗号化して保存し、表示もログ出力もしません。権限の設定は README の「SORACOM 連携」を参照してください。',
      ),
      textInput('operator_id', 'オペレーター ID', {
        initial: v.operatorId,
        placeholder: 'OP0123456789',
        maxLength: 100,
      }),
      ...after('operator_id'),
      staticSelect(
        'coverage',
        'カバレッジ',
        [
          { value: 'jp', label: '日本' },
          { value: 'g', label: 'グローバル' },
        ],
        { initial: v.coverage ?? 'jp' },
      ),
      textInput('auth_key_id', '認証キー ID', {
        initial: v.authKeyId,
        placeholder: 'keyId-…',
        maxLength: 200,
      }),
      textInput('auth_key', '認証キーシークレット', {
        placeholder: 'secret-…',
        hint: '保存前に SORACOM で確認します。入力した値はこの画面にも再表示しません。',
        maxLength: 200,
      }),
      ...after('auth_key'),
      conversationsSelect('alert_channel', 'お知らせを投稿するチャンネル', {
        optional: true,
        initial: v.alertChannel,
        hint: '請求金額の確定や支払いエラーをお知らせします。未選択ならコマンドを実行したチャンネルです。',
      }),
    ],
  })
}

/** While SORACOM checks the key (the submission was acknowledged with this view). */
export function operatorLinkCheckingModal(): ModalView {
  return messageModal(
    `${OPERATOR_LINK_CALLBACK_ID}_checking`,
    'SORACOM 連携',
    ':hourglass_flowing_sand: SORACOM API で認証キーを確認しています…',
  )
}

export function operatorLinkedModal(link: OperatorLink, replaced: boolean): ModalView {
  return messageModal(
    `${OPERATOR_LINK_CALLBACK_ID}_done`,
    'SORACOM 連携',
    `:white_check_mark: ${link.operatorId}（${coverageLabel(link.coverage)}）を${replaced ? '連携し直しました（以前の認証キーは削除しました）' : '連携しました'}。\n請求金額の確定や支払いエラーは <#${link.alertChannel}> にお知らせします。\`/billing bill\` で請求を確認できます。`,
  )
}
