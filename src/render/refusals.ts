import type { Refusal, StaleMessage } from '../domain/outcomes.js'

const TICKET: Record<Extract<Refusal, { on: 'ticket' }>['reason'], string> = {
  out_of_order: '前の段階がまだ記録されていません。チケットの表示を更新してから、順に押してください。',
  closed: 'このチケットは完了または取り下げ済みのため、変更できません。',
  not_sent: '解決にできるのは送信済みのチケットだけです。先に「送信した」を押してください。',
  unknown_milestone: 'このボタンは古いか壊れています。',
  unknown: 'このチケットは見つかりませんでした。',
  not_owner: 'このチケットを変更できるのは、依頼した本人か管理者だけです。',
}

const CHECKLIST: Record<Extract<Refusal, { on: 'checklist' }>['reason'], string> = {
  unknown_step: 'このチェックリストは見つかりませんでした。もう一度コマンドから作成してください。',
  final_step_locked: '「アカウントを削除する」は、ほかの項目がすべて完了してからチェックできます。',
  completed: 'このチェックリストはすべて完了しています。アカウントは削除済みのため、変更できません。',
  not_owner: 'このチェックリストを変更できるのは、作成した本人か管理者だけです。',
  closed: 'このチェックリストは完了済みです（SORACOM API で支払いを確認しました）。',
}

/** Who the admins are, as `/billing settings` shows them. */
const WHO_ADMINS = '`/billing settings` の管理者、未設定ならワークスペースの管理者・オーナー'

export const ADMINS_ONLY_TEXT = `SORACOM オペレーターの連携と解除は管理者だけができます（${WHO_ADMINS}）。`

const SETTINGS: Record<Extract<Refusal, { on: 'settings' }>['reason'], string> = {
  admins_only: `設定を変えられるのは管理者だけです（${WHO_ADMINS}）。`,
  locks_out_self:
    'この変更ではあなた自身が管理者でなくなるか、ボットを使えなくなるため、変えませんでした。自分も含めて指定してください。',
}

/** Why a change was not made, for the user who asked (an ephemeral note or a DM). */
export function refusalText(refusal: Refusal): string {
  switch (refusal.on) {
    case 'ticket':
      return TICKET[refusal.reason]
    case 'checklist':
      return CHECKLIST[refusal.reason]
    case 'reminder':
      return '取り消せるのは自分のリマインダーだけです（管理者を除く）。'
    case 'operator_link':
    case 'admin_command':
      return ADMINS_ONLY_TEXT
    case 'settings':
      return SETTINGS[refusal.reason]
  }
}

/** A change stored while Slack kept the old message. */
export const staleMessageText = (stale: StaleMessage): string =>
  `変更は保存しましたが、メッセージを更新できませんでした（${stale.error}）。最新の状態は \`/billing tickets\` や App Home で確認できます。`

/** What the user is told after a change: why it was refused, or that Slack kept the old message. */
export function changeNote(
  outcome:
    | { kind: 'refused'; refusal: Refusal }
    | { kind: 'unchanged' }
    | { kind: 'changed'; stale?: StaleMessage },
): string | undefined {
  if (outcome.kind === 'refused') return refusalText(outcome.refusal)
  return outcome.kind === 'changed' && outcome.stale ? staleMessageText(outcome.stale) : undefined
}

/** The store (PostgreSQL) cannot be reached: said to whoever asked, instead of silence. */
export const STORE_UNAVAILABLE_TEXT =
  ':warning: データベースにつながらないため、いまはこの操作ができません。しばらくしてから、もう一度お試しください（ボットの管理者は /healthz で状況を確認できます）。'
