/** The invoice-payment application form (§3.3.1). */
export const INVOICE_PAYMENT_APPLICATION_URL = 'https://soracom.jp/contact/bill_payment/'

export const DESTINATIONS = ['soracom', 'np'] as const
export type Destination = (typeof DESTINATIONS)[number]
