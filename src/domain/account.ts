/** アカウント区分 (§3.1): chosen when the account is created; 個人 cannot later become 法人. */
export const ACCOUNT_TYPES = ['corporate', 'individual'] as const
export type AccountType = (typeof ACCOUNT_TYPES)[number]

/** 支払方法 (§3.1). Direct debit and convenience-store slips both build on invoice payment. */
export const PAYMENT_METHODS = ['card', 'invoice', 'direct_debit', 'convenience_store'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]
