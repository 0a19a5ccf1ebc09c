import type { App } from '@slack/bolt'

export const BILLING_HELP = [
  '*SORACOM 請求サポートボット*',
  '• `/invoice-reissue [オペレーター ID]` — 請求書が届かないときの確認と再発行依頼（§3.4.1）',
  '• `/invoice-merge [オペレーター ID …]` — 複数の請求書をまとめる（§3.4.3）',
  '• `/direct-debit [オペレーター ID]` — 口座振替（§3.5）の依頼文を作成します',
  '• `/account-deletion [オペレーター ID]` — アカウント退会のチェックリスト（§6.4）',
  '• `/billing help` — このヘルプ',
].join('\n')

/** `/billing [help|…]`: help today; tickets, reminders and the calendar arrive with their issues. */
export function registerBillingCommand(app: App): void {
  app.command('/billing', async ({ ack, command }) => {
    const sub = command.text.trim().split(/\s+/)[0]?.toLowerCase() ?? ''
    if (sub === '' || sub === 'help') {
      await ack({ response_type: 'ephemeral', text: BILLING_HELP })
      return
    }
    await ack({
      response_type: 'ephemeral',
      text: `\`/billing ${sub.slice(0, 30)}\` は準備中か、知らないサブコマンドです。\n\n${BILLING_HELP}`,
    })
  })
}
