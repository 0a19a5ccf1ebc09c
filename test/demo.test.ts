import { readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { runDemo } from '../demo/demo.js'

const demoDirs = async () => (await readdir(tmpdir())).filter((n) => n.startsWith('billing-bot-demo-'))

describe('npm run demo', () => {
  it('walks every flow, the reminders and App Home in order, and leaves no files behind', async () => {
    const before = await demoDirs()
    const lines: string[] = []

    await runDemo((line) => lines.push(line))

    const transcript = lines.join('\n')
    const order = [
      '## 1. 請求書が届かない・再発行',
      '## 2. 複数の請求書をまとめる',
      '## 3. 口座振替',
      '## 4. アカウントの退会',
      '## 5. 請求カレンダーのリマインド',
      '## 6. App Home',
      '## 7. SORACOM 連携',
      '## 8. ボットからのお知らせ',
      '## 9. 予算・月末予測・急増',
      '## 10. 複数のワークスペース',
      '# demo finished',
    ].map((heading) => transcript.indexOf(heading))
    expect(order.every((i) => i >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    // The modal's fields, one bad input answered inline, and what was posted, for each flow.
    expect(transcript).toContain('• usage_month — ご利用月')
    expect(transcript).toContain('✗ インラインエラー usage_month')
    expect(transcript).toContain('│ 件名: 請求書再発行のお願い')
    expect(transcript).toContain('✗ インラインエラー target_operator_id')
    expect(transcript).toContain('│ 統合先のオペレーター ID : OP3333333333')
    expect(transcript).toContain('NP 掛け払いマイページに登録する')
    expect(transcript).toContain('✗ インラインエラー consent')
    expect(transcript).toContain(
      '│ 件名: 口座振替の希望\n  │ \n  │ 本文:\n  │ オペレーター ID: OP0123456789\n  │ 対象カバレッジ: 両方\n  │ 上記の注意点: 同意',
    )
    expect(transcript).toContain('✗ インラインエラー operator_id')
    expect(transcript).toContain('*4. アカウントを削除する*')
    // Reminders with their JST dates and times.
    expect(transcript).toContain('2026年12月2日(水) 9:00  → C0BILLING')
    expect(transcript).toContain('2027年1月29日(金) 9:00')
    // The Home tab of the user.
    expect(transcript).toMatch(
      /\[請求書の再発行\] \[請求書をまとめる\] \[口座振替にする\] \[アカウント退会\]/,
    )
    expect(transcript).toContain('*対応中の依頼*')
    // Linking an operator against the bundled fake SORACOM API, its bill, the CSV, and a reissue
    // that SORACOM decides (a 0-yen month) — the auth key never printed.
    expect(transcript).toContain('OP0123456789（日本）を連携しました')
    expect(transcript).toContain('*請求金額*: 28,734 円')
    expect(transcript).toContain('https://soracom-export.example/202208.csv')
    expect(transcript).toContain('2026年9月ご利用分は 0 円（確定・クーポンで全額充当）')
    // The checks' alerts after a month closed and the card was declined.
    expect(transcript).toContain('2026年10月ご利用分の請求金額が確定しました: 28,734 円')
    expect(transcript).toContain('2026年10月ご利用分の支払いが「支払いエラー（決済できませんでした）」')
    expect(transcript).toContain('支払いエラーの対応')
    expect(transcript).not.toContain('secret-demo')
    // Two workspaces installed through OAuth: A's ticket is not B's, and A's uninstall leaves B.
    expect(transcript).toContain('Acme 商事: インストールしました')
    expect(transcript).toContain('Beta 工業: インストールしました')
    expect(transcript).toContain('✓ 依頼を投稿（chat.postMessage、Acme 商事 のトークン）')
    expect(transcript).toContain('データファイルにトークンの平文なし: はい')
    const nine = transcript.slice(transcript.indexOf('## 9.'))
    expect(nine).toMatch(/Acme 商事 の U0ALICE\)\n\*あなたの依頼（新しい順、1 件中/)
    expect(nine).toMatch(/別のワークスペース\)\nあなたの依頼はまだありません/)
    expect(nine).toContain('データファイルに残るワークスペース: T0BETA0001（Acme 商事 のデータは削除）')
    expect(transcript).toContain('見せたもの:')
    expect(await demoDirs()).toEqual(before)
  }, 150_000)

  it('removes its temporary folder and stops the bot when it fails half-way', async () => {
    const before = await demoDirs()
    const failing = (line: string) => {
      if (line.includes('## 3.')) throw new Error('the terminal went away')
    }

    await expect(runDemo(failing)).rejects.toThrow('the terminal went away')

    expect(await demoDirs()).toEqual(before)
  }, 150_000)
})
