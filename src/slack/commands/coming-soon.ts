import type { App } from '@slack/bolt'

/** Commands declared in the manifest whose flows have not landed yet answer instead of failing. */
const PENDING: Record<string, string> = {
  '/invoice-reissue': '請求書の再発行依頼',
  '/invoice-merge': '請求書のおまとめ',
  '/account-deletion': 'アカウント退会のチェックリスト',
}

export function registerComingSoonCommands(app: App): void {
  for (const [command, name] of Object.entries(PENDING)) {
    app.command(command, async ({ ack }) => {
      await ack({
        response_type: 'ephemeral',
        text: `${command}（${name}）は準備中です。もうしばらくお待ちください。いま使えるのは \`/direct-debit\`（口座振替の依頼）です。`,
      })
    })
  }
}
