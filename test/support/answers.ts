/** Modal answers the tests submit, keyed by the contract's block_ids. */

/** A reissue for October 2026: late on the bots' usual clock (26 Nov 2026), so it makes a ticket. */
export const REISSUE_ANSWERS = {
  operator_id: 'OP0123456789',
  coverage: 'jp',
  usage_month: '2026-10',
  payment_method: 'invoice',
  delivery: 'email',
  amount_zero: 'no',
  destination: 'soracom',
}

/** An eligible direct-debit request that agrees to the notes. */
export const DIRECT_DEBIT_ANSWERS = {
  operator_id: 'OP0123456789',
  coverage: 'jp',
  account_type: 'corporate',
  invoice_payment: 'active',
  consent: ['agree'],
}
