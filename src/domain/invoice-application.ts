/**
 * 請求書払いの申請で止まったとき (§3.3.1): from what the user saw and knows about the account,
 * the causes that apply — the postal-code errors ①–③ behind E1999507, and the two reasons an
 * application is not accepted (an individual account; an e-mail address that is not the company's)
 * — each with its fix.
 */
export interface InvoiceApplicationFacts {
  accountType: 'corporate' | 'individual' | 'unknown'
  /** The account's and the invoice address's e-mail: the company's, a free mail, or another domain. */
  email: 'company' | 'free' | 'other_domain'
  /** What the application page said. */
  error: 'e1999507' | 'other' | 'none'
  /** The postal code entered: an ordinary one, a large office's own code, a business-reply code. */
  postalCode: 'ordinary' | 'large_office' | 'business_reply'
  /** The address field began with the prefecture. */
  prefectureInAddress: boolean
}

export type ApplicationCause =
  | 'individual_account'
  | 'account_type_unknown'
  | 'email_not_company'
  | 'postal_code_not_in_database'
  | 'prefecture_in_address'
  | 'postal_code_mismatch'
  | 'ask_soracom'

export const CAUSE_TEXT: Record<ApplicationCause, { cause: string; fix: string }> = {
  individual_account: {
    cause: '個人アカウントは請求書払いを申請できません（法人アカウントのみ）。',
    fix: '個人アカウントを法人アカウントに変えることはできません。請求書払いを使うには、法人アカウントを新しく作成します（個人のままならクレジットカード払い）。',
  },
  account_type_unknown: {
    cause: 'アカウント区分（法人 / 個人）を確かめてください。個人アカウントは申請できません。',
    fix: 'ユーザーコンソール右上のメールアドレス →「契約者情報」でアカウント区分を確認できます。',
  },
  email_not_company: {
    cause:
      'アカウントや請求書送付先のメールアドレスが、フリーメール（Gmail など）か会社名と一致しないアドレスです。この場合は申請を受けられません。',
    fix: 'ログイン用メールアドレス（§6.1.2）と請求書送付先（「お支払い方法」）を会社のドメインのアドレスに変えてから申請し直します。',
  },
  postal_code_not_in_database: {
    cause:
      '① 入力した郵便番号が日本郵便のデータベースにない可能性があります。インターネットへの掲載を希望していない大口事業所の個別番号や、料金受取人払いの個別番号は照合できません。',
    fix: '広域の郵便番号（https://www.post.japanpost.jp/zipcode/ で確認）で申請し、個別の番号を使いたい旨を申請フォームの備考欄に書きます。',
  },
  prefecture_in_address: {
    cause: '③ 住所欄に都道府県を書いています。',
    fix: '住所欄には都道府県を書かず、市区町村から先を入力します。',
  },
  postal_code_mismatch: {
    cause: '② 郵便番号と住所が一致していない可能性があります。',
    fix: '郵便番号がその住所の地域のものか、住所の書き間違いがないかを確かめます。',
  },
  ask_soracom: {
    cause: 'ガイドにある原因には当てはまりませんでした。',
    fix: 'contact-us@soracom.jp へメールで、表示されたエラーと入力内容を添えて相談します。',
  },
}

/** The causes that apply, most decisive first. */
export function diagnoseInvoiceApplication(facts: InvoiceApplicationFacts): ApplicationCause[] {
  const causes: ApplicationCause[] = []
  if (facts.accountType === 'individual') causes.push('individual_account')
  if (facts.accountType === 'unknown') causes.push('account_type_unknown')
  if (facts.email !== 'company') causes.push('email_not_company')
  if (facts.error === 'e1999507') {
    // The guide lists ①–③ as what the error may mean (§3.3.1): the answers make ① or ③ likelier,
    // never rule out ② — a code and an address that do not match.
    if (facts.postalCode !== 'ordinary') causes.push('postal_code_not_in_database')
    if (facts.prefectureInAddress) causes.push('prefecture_in_address')
    causes.push('postal_code_mismatch')
  }
  const decisive = causes.filter((c) => c !== 'account_type_unknown')
  if (decisive.length === 0) causes.push('ask_soracom')
  return causes
}
