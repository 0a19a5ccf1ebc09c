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
