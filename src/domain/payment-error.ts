/** What started a payment-error checklist: SORACOM's API (an alert) or the user (SORACOM's mail). */
export type PaymentErrorCause =
  | { kind: 'bill_failed'; month: string }
  | { kind: 'card_error'; errorCode: string }
  | { kind: 'reported' }
