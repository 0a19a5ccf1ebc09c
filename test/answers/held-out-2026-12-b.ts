/**
 * The third held-out set (issue 29), written on 2026-12-03 in a new session from the guide alone
 * (../shared/seeds/soracom-billing-guide-2021-03.md) without opening knowledge/guide.yaml and
 * without reading the second set's questions or its misses, and frozen in its own commit before
 * any tuning: changing a question or an expected section afterwards is not allowed (the knowledge
 * test checks the file's digest). The second set (held-out-2026-12.ts) had been looked at while
 * tuning and so became a development set; this one is the measure. Sections are the guide's
 * headings (the knowledge base's ids); where the guide answers in two places, both count. It mixes
 * the kinds of question the outside measurement missed: unusual or mistyped words, half-width
 * katakana, English, counting phrasing, short intents that need the narrower section, and
 * out-of-scope questions sharing a word with billing (`null`: the bot should decline).
 */
export const HELD_OUT_2026_12_B: Array<[question: string, sections: string[] | null]> = [
  // 1.2 company
  ['ソラコムの資本金はいくら？', ['1.2']],
  ['ソラコムの代表者名を教えて', ['1.2']],
  ["What is SORACOM's head office address?", ['1.2']],
  // 2.1 account / operator
  ['オペレーターって要するにアカウントのこと？', ['2.1']],
  ['Is an operator the same thing as an account?', ['2.1']],
  // 2.2 login
  ['ユーザーコンソールのログイン画面はどこ？', ['2.2']],
  ['メールアドレスとパスワードで入るのはルートアカウント？', ['2.2']],
  ['権限を絞ったユーザーを経理用に作りたい', ['2.2']],
  ['SAMユーザーのログインにはオペレーターIDが要る？', ['2.2']],
  ['How do I sign in to the user console?', ['2.2']],
  ['ﾙｰﾄｱｶｳﾝﾄでﾛｸﾞｲﾝしても大丈夫？', ['2.2']],
  // 2.3 operator ID
  ['オペIDってどこに表示されてる？', ['2.3']],
  ['オペレーターIDを調べる手順', ['2.3']],
  ['OPで始まる12桁の番号はどこで見られる？', ['2.3', '2.1']],
  // 2.4 coverage
  ['日本カバレッジとグローバルカバレッジの違い', ['2.4']],
  ['アカウントを作った後でグローバルも使えるようにしたい', ['2.4']],
  ['plan-Dとplan01sはカバレッジが違うの？', ['2.4']],
  ['What does coverage type mean?', ['2.4']],
  // 2.5.1 SORACOM support
  ['ソラコムに問い合わせるチケットの作り方', ['2.5.1']],
  ['サポートセンターでリクエストを送信する手順', ['2.5.1']],
  ['I need to open a support ticket with SORACOM', ['2.5.1']],
  // 2.5.2 Net Protections
  ['NP掛け払いサポートデスクのメールアドレス', ['2.5.2']],
  ['ネットプロテクションズの受付時間は？', ['2.5.2']],
  ['How do I reach Net Protections?', ['2.5.2']],
  // 3.1 payment methods
  ['使える支払手段を一覧で知りたい', ['3.1']],
  ['個人アカウントでも請求書払いにできる？', ['3.1', '3.3.1']],
  ['個人から法人アカウントに切り替えられますか', ['3.1', '3.3.1']],
  ['Which payment methods does SORACOM accept?', ['3.1']],
  // 3.2.1 cards accepted
  ['デビットカードで払える？', ['3.2.1']],
  ['JCBはグローバルカバレッジで使えますか', ['3.2.1']],
  ['アメックスは使えますか', ['3.2.1']],
  ['Can I pay with a prepaid card?', ['3.2.1']],
  // 3.2.2 registering a card
  ['クレカを新しく登録する手順', ['3.2.2', '3.8.1']],
  ['クレジットカードの登録でエラーが出る', ['3.2.2']],
  ['カバレッジごとにカードを登録しないといけないの？', ['3.2.2', '3.7.1']],
  // 3.3.1 applying for invoice payment
  ['請求書払いを申し込みたい', ['3.3.1']],
  ['請求書払いの申請でE1999507と表示された', ['3.3.1']],
  ['郵便番号がデータベースに存在しないと言われる', ['3.3.1']],
  ['Gmailのアドレスだと請求書払いは無理？', ['3.3.1']],
  ['請求書を郵送にすると送料はかかる？', ['3.3.1', '3.6']],
  ['How do I apply for invoice payment?', ['3.3.1']],
  // 3.3.2 changing invoice details
  ['請求書の宛名の部署名を直したい', ['3.3.2', '6.1.3']],
  ['請求書に載る住所を変更したい', ['3.3.2', '6.1.3']],
  ['社名が変わったので請求書の名義も変えたい', ['3.3.2', '6.2']],
  // 3.4.1 invoice not received / reissue
  ['今月の請求書メールが来ていない', ['3.4.1']],
  ['請求書を再送してほしい', ['3.4.1']],
  ['NPから届く請求書メールの件名は？', ['3.4.1']],
  ['I never received my invoice, can you resend it?', ['3.4.1']],
  ['請求書 紛失 再発行', ['3.4.1']],
  ['請求書再発行', ['3.4.1']],
  // 3.4.2 bank account for payment
  ['振込先の口座番号を前もって知りたい', ['3.4.2']],
  ['アカウントごとに振込先口座は違うの？', ['3.4.2']],
  ['Which bank account should I transfer the payment to?', ['3.4.2']],
  // 3.4.3 merging invoices
  ['5つのアカウントの請求書を1通にまとめたい', ['3.4.3']],
  ['3つのオペレーター分で請求書が3枚届く、1枚にならない？', ['3.4.3']],
  ['紐づけキーはどこで登録する？', ['3.4.3']],
  ['振込口座だけ一本化したい', ['3.4.3']],
  ['Can I get one invoice for several operators?', ['3.4.3']],
  // 3.4.4 splitting an invoice
  ['初期費用と月額費用で請求書を別々にして', ['3.4.4']],
  ['SIMごとに請求書を発行できますか', ['3.4.4']],
  ['Can you split my invoice by SIM?', ['3.4.4']],
  // 3.4.5 several recipients
  ['請求書を二人の担当者に送ってほしい', ['3.4.5']],
  ['請求書の送付先を複数にしたい', ['3.4.5']],
  ['Can the invoice be emailed to more than one address?', ['3.4.5']],
  // 3.4.6 payment error notices to several addresses
  ['決済エラーの通知を経理にも届けたい', ['3.4.6']],
  ['請求メールアドレスは何件まで登録できる？', ['3.4.6']],
  ['支払いに問題があったときの連絡先メールを追加したい', ['3.4.6']],
  // 3.4.7 invoice format
  ['請求書のレイアウトを自社指定にできる？', ['3.4.7']],
  ['不課税なのに税込と書いてあるのはなぜ', ['3.4.7']],
  ['Can you change the invoice format?', ['3.4.7']],
  // 3.4.8 seal
  ['請求書に社印を押してもらえますか', ['3.4.8']],
  ['押印済みの請求書がほしい', ['3.4.8']],
  ['Can I get a stamped invoice?', ['3.4.8']],
  // 3.5 direct debit
  ['口座引き落としにしたい', ['3.5']],
  ['口座振替に切り替えるまで何か月かかる？', ['3.5']],
  ['預金口座振替依頼書はどこから届く？', ['3.5']],
  ['口座振替を頼むメールには何を書けばいい？', ['3.5']],
  ['Can I pay by direct debit?', ['3.5']],
  // 3.6 convenience store
  ['コンビニで支払いたい', ['3.6']],
  ['コンビニ払込票が同封されていない', ['3.6']],
  ['請求書の送付方法をメールから郵送へ変える', ['3.6']],
  ['Can I pay at a convenience store?', ['3.6']],
  // 3.7.1 payment per coverage
  ['日本とグローバル両方の料金を1枚の請求書にできる？', ['3.7.1']],
  ['グローバルを追加したら支払情報も登録し直し？', ['3.7.1']],
  ['カバレッジごとに別々に請求されるの？', ['3.7.1']],
  // 3.7.2 billing currency per coverage
  ['グローバルの料金はドルで請求される？', ['3.7.2']],
  ['ドル建ての料金を円に換算するレートは？', ['3.7.2']],
  ['Is global coverage billed in USD or JPY?', ['3.7.2']],
  // 3.8.1 payment errors
  ['カードの有効期限切れで支払いが失敗した', ['3.8.1']],
  ['限度額オーバーで決済できなかったので再決済したい', ['3.8.1']],
  ['決済エラー 有効化 ボタン', ['3.8.1']],
  ['My card payment failed, what should I do?', ['3.8.1']],
  ['請求書払いで支払エラーの連絡がNPから来た', ['3.8.1']],
  // 4.1.1 card billing timing
  ['クレカ払いだと毎月の料金はいつ請求される？', ['4.1.1']],
  ['デバイスを買ったらカードにはいつ課金される？', ['4.1.1', '5.3']],
  ['When is my credit card charged for the monthly fee?', ['4.1.1']],
  // 4.1.2 invoice timing
  ['請求書はいつ発行されて支払期限はいつ？', ['4.1.2']],
  ['請求書払いの締め日と支払期日', ['4.1.2']],
  ['SIMの購入代金も同じ請求書にまとまる？', ['4.1.2']],
  ['When is the invoice due?', ['4.1.2']],
  // 4.2.1 changing the payment date
  ['支払期限を月末から翌月10日に延ばしたい', ['4.2.1']],
  ['請求書の発行日をずらしてもらえる？', ['4.2.1']],
  ['前払いクーポンって何？', ['4.2.1']],
  ['Can I change the payment due date?', ['4.2.1']],
  // 4.3 this month's amount
  ['今月いくら使ったかを請求書が来る前に確認したい', ['4.3']],
  ['請求額が確定するのはいつ？', ['4.3']],
  ['決算処理準備中ってどういう意味？', ['4.3']],
  ['How much have I spent this month?', ['4.3']],
  // 4.4 past amounts
  ['去年の利用料金を見たい', ['4.4']],
  ['集計中というステータスの月は金額が未確定？', ['4.4']],
  ['Where can I see past bills?', ['4.4']],
  // 4.5 billing CSV
  ['課金詳細CSVをダウンロードする方法', ['4.5', '4.3']],
  ['利用料金の内訳を細かく見たい', ['4.5']],
  ['How do I download the billing CSV?', ['4.5', '4.3']],
  // 4.6.1 price list
  ['全サービスの料金表はどこにある？', ['4.6.1']],
  ['無料枠はありますか', ['4.6.1']],
  ['Where is the price list?', ['4.6.1']],
  // 5.1 quotes
  ['見積書を自分で作りたい', ['5.1']],
  ['見積作成ツールの使い方', ['5.1']],
  ['plan01sの見積がツールで作れない', ['5.1']],
  ['How can I get a quote?', ['5.1']],
  // 5.2.1 account before ordering
  ['アカウントを持っていないけど注文したい', ['5.2.1']],
  ['Do I need to sign up before ordering?', ['5.2.1']],
  // 5.2.2 payment when ordering
  ['注文時に選べる支払い方法は？', ['5.2.2']],
  ['Which payment can I choose when ordering?', ['5.2.2']],
  // 5.2.3 ordering
  ['SIMを注文する手順', ['5.2.3']],
  ['受け取り日を指定して発注したい', ['5.2.3']],
  ['当社の注文書で発注できますか', ['5.2.3']],
  ['How do I order SIM cards?', ['5.2.3']],
  // 5.3 when goods are charged
  ['物品の代金はいつ決済される？', ['5.3', '4.1.1']],
  ['先行発注の場合の決済タイミング', ['5.3', '4.1.1']],
  // 5.4.1 delivery note
  ['納品書はもらえる？', ['5.4.1']],
  ['納品書をなくしたので再発行して', ['5.4.1']],
  ['納品所がほしい', ['5.4.1']],
  ['Do you issue a delivery note?', ['5.4.1']],
  ['請求明細書をPDFでダウンロードしたい', ['5.4.1', '5.4.2']],
  // 5.4.2 receipt
  ['クレジットカード払いの領収証がほしい', ['5.4.2']],
  ['請求書払いだと領収書はどうなる？', ['5.4.2']],
  ['Can you send me a receipt?', ['5.4.2']],
  // 6.1 contract details
  ['契約者情報を更新したい', ['6.1']],
  ['How do I update our contract details?', ['6.1']],
  // 6.1.2 login e-mail
  ['ログインに使うメールアドレスを変えたい', ['6.1.2']],
  ['Change the login email address', ['6.1.2']],
  // 6.1.3 billing details
  ['契約者情報を変えたのに請求書の情報が古いまま', ['6.1.3', '6.1']],
  ['Update the billing address on the invoice', ['6.1.3', '3.3.2']],
  // 6.2 account transfer
  ['アカウントを別会社に譲りたい', ['6.2']],
  ['合併したので社名を変更したい', ['6.2', '3.3.2']],
  ['Can I transfer my account to another company?', ['6.2']],
  // 6.3 SIM transfer
  ['SIMを別のオペレーターに移したい', ['6.3']],
  ['使用中のSIMは譲渡できる？', ['6.3']],
  ['Can I move a SIM to another account?', ['6.3']],
  // 6.4 leaving
  ['ソラコムを退会したい', ['6.4', '6.4.2']],
  ['退会したアカウントを復活できる？', ['6.4', '6.4.2']],
  ['How do I close my SORACOM account?', ['6.4', '6.4.2']],
  // 6.4.1 cancelling a SIM
  ['SIM解約', ['6.4.1']],
  ['解約したSIMをもう一度使える？', ['6.4.1']],
  ['SIMの解約日を予約できる？', ['6.4.1']],
  ['How do I cancel a SIM?', ['6.4.1']],
  // 6.4.2 cancelling other services
  ['VPGやSigfoxも解約しないと退会できない？', ['6.4.2']],
  ['全部のサービスが解約済みか確認する方法', ['6.4.2']],
  // 7.1 phone number
  ['ソラコムに電話で問い合わせたい', ['7.1']],
  ['社内手続きで御社の電話番号が必要です', ['7.1']],
  ['What is your phone number?', ['7.1']],
  // 7.2 console not displayed
  ['コンソールの画面が真っ白になる', ['7.2']],
  ['推奨ブラウザは？', ['7.2']],
  ['The console does not display properly', ['7.2']],
  // 7.3 lost login details
  ['前任者が退職してログインできない', ['7.3', '7.3.1']],
  ['ログイン用のメールアドレスを忘れた', ['7.3']],
  ['本人確認に必要な書類は？', ['7.3']],
  ['I forgot which email we log in with', ['7.3']],
  // 7.3.1 recovery address
  ['リカバリメールアドレスを設定したい', ['7.3.1']],
  ['What is a recovery email address?', ['7.3.1']],
  // 7.4 discounts
  ['長期利用割引を申し込みたい', ['7.4']],
  ['plan-Dの基本料金を安くする方法', ['7.4']],
  ['Are there any discounts?', ['7.4']],
  // 7.5 security policy
  ['セキュリティチェックシートがほしい', ['7.5']],
  ['情報セキュリティポリシーを見たい', ['7.5']],
  ['Do you have a security policy document?', ['7.5']],
  // out of scope: the guide cannot answer
  ['Wi-Fiルーターの初期設定方法', null],
  ['適格請求書発行事業者の登録番号を教えて', null],
  ['SIMの通信速度が遅い', null],
  ['APNの設定を教えて', null],
  ['社内の経費精算システムの使い方', null],
  ['会議室の予約方法', null],
  ['年末調整の書類はどこに出す？', null],
  ['Slackの通知をオフにしたい', null],
  ['What is the weather in Tokyo tomorrow?', null],
  ['ソラコムの株価は？', null],
  ['SORACOM Harvestのデータ保存期間', null],
  ['LTE-M Buttonの電池交換', null],
  ['クレジットカードのポイント還元率', null],
  ['請求書の電子保存は電子帳簿保存法に対応してる？', null],
  ['源泉徴収は必要ですか', null],
  ['交通費の請求方法', null],
  ['Pythonでcsvを読み込む方法', null],
  ['SIMカードのサイズはnanoとmicroどっち？', null],
  ['IoTデバイスの消費電力を下げたい', null],
  ['ソラコムの採用情報', null],
  ['自社の請求書のテンプレートをExcelで作りたい', null],
  ['How do I reset my router?', null],
  ['銀行の振込手数料はどちらの負担？', null],
  ['デバイスの技適マークについて', null],
  ['AWSの請求書の見方', null],
]
