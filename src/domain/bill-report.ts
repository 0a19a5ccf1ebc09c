import type { Bill } from './bill.js'
import type { LinkFailure } from './billing-alert.js'
import type { Coverage } from './coverage.js'
import type { YearMonth } from './plain-date.js'
import type { OperatorLink } from './soracom-link.js'

/**
 * What `/billing bill` and the bill buttons decide, as values: the use cases (app/read-bill.ts)
 * return them, render/bill.ts draws them. Here, below both, so neither imports the other for them.
 */

/** Which linked operator (and month) a `/billing bill` or a bill button means. */
export interface BillTarget {
  operatorId?: string
  coverage?: Coverage
  month?: YearMonth
}

export type LinkChoice =
  | { kind: 'link'; link: OperatorLink }
  | { kind: 'no_links' }
  | { kind: 'not_linked'; operatorId: string }
  /** More than one fits: the user picks (the month asked for, if any, goes with the pick). */
  | { kind: 'choose'; links: OperatorLink[]; month?: YearMonth }

export type BillReport =
  | {
      kind: 'bill'
      link: OperatorLink
      bill: Bill
      previous?: Bill
      /** Card payers get a 請求明細書 PDF button. */
      cardPayer: boolean
    }
  | { kind: 'no_bill'; link: OperatorLink; month?: YearMonth }
  | { kind: 'failed'; link: OperatorLink; reason: LinkFailure }
  | Exclude<LinkChoice, { kind: 'link' }>

export type ExportOutcome =
  | { kind: 'url'; url: string; link: OperatorLink; month: YearMonth }
  | { kind: 'none'; link: OperatorLink; month: YearMonth }
  | { kind: 'failed'; reason: LinkFailure }
  | Exclude<LinkChoice, { kind: 'link' }>
