import type { ModalView } from '@slack/types'

/** Why someone may not use the bot here (the access check of slack/middleware/authorization.ts). */
export type AccessRefusal =
  | 'other_team'
  | 'guest'
  | 'user_not_allowed'
  | 'channel_not_allowed'
  | 'check_failed'

export const ACCESS_REFUSAL_TEXT: Record<AccessRefusal, string> = {
  other_team: 'このボットは別のワークスペースからは使えません。',
  guest: 'ゲストアカウントはこのボットを使えません。',
  user_not_allowed: 'このボットを使う権限がありません。管理者に利用の許可を依頼してください。',
  channel_not_allowed:
    'このチャンネルではこのボットを使えません。許可されたチャンネルか、ボットとの DM で使ってください。',
  check_failed: '利用者の確認ができませんでした。しばらくしてからもう一度お試しください。',
}

/** Under the form's first field when the access check could not finish in time. */
export const CHECK_FAILED_IN_FORM =
  'Slack の応答が遅く、利用者の確認ができませんでした。入力内容はそのままです。少し待ってから、もう一度「送信」を押してください。'

/** A submitted form replaced by the refusal. */
export const refusedModal = (text: string): ModalView => ({
  type: 'modal',
  title: { type: 'plain_text', text: '利用できません' },
  close: { type: 'plain_text', text: '閉じる' },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
})

/** A button whose value no longer parses: where to start again. */
export const brokenButtonText = (
  startAgain: '/invoice-reissue' | '/billing ask' | '/billing bill',
): string =>
  startAgain === '/billing ask'
    ? 'このボタンは古いか壊れています。`/billing ask` で聞き直してください。'
    : `このボタンは古いか壊れています。もう一度 \`${startAgain}\` から確認してください。`

/** Above a message sent by DM because the bot may not post in the channel (`code`: Slack's reason). */
export const sentByDmNote = (channel: string, code: string): string =>
  `<#${channel}> に投稿できなかったため（${code}）、DM でお送りします。チャンネルで使うにはボットを招待してください。`

/** The link modal's banner when there is no key to seal SORACOM keys with. */
export const NO_CREDENTIALS_KEY =
  'CREDENTIALS_KEY が設定されていないため、認証キーを保存できません。ボットの管理者に設定を依頼してください（README「SORACOM 連携」）。'
