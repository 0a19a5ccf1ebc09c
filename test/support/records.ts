import type { OperatorId } from '../../src/domain/operator-id.js'
import { createReminder, type Reminder } from '../../src/domain/reminder.js'
import { createTicket, type Ticket } from '../../src/domain/ticket.js'

/** A direct-debit ticket made at `at` (default 26 Nov 2026, 10:00 JST) by `requester`, with any field replaced. */
export function aTicket(id: string, fields: Partial<Ticket> & { at?: string } = {}): Ticket {
  const { at = '2026-11-26T01:00:00.000Z', requester = 'U0ALICE', ...rest } = fields
  const ticket = createTicket(
    {
      kind: 'direct_debit',
      destination: 'soracom',
      operatorId: 'OP0123456789' as OperatorId,
      request: { coverage: 'jp', accountType: 'corporate', invoicePayment: 'active', consent: true },
      requester,
      channel: 'C0BILLING',
    },
    { subject: '口座振替の希望', body: 'オペレーター ID: OP0123456789', full: '' },
    { id, now: new Date(at) },
  )
  return { ...ticket, ...rest } as Ticket
}

/** A billing-calendar reminder due at 9:00 JST on `dueDate` in #billing, Alice's, with any field replaced. */
export function aReminder(
  id: string,
  dueDate: string,
  fields: Partial<Reminder> = {},
  now = new Date(),
): Reminder {
  return {
    ...createReminder(
      {
        kind: 'calendar_due',
        key: `k:${id}`,
        owner: 'U0ALICE',
        channel: 'C0BILLING',
        dueDate,
        dueAt: new Date(`${dueDate}T09:00:00+09:00`).toISOString(),
        text: `*支払期限です* ${id}`,
      },
      { id, now },
    ),
    ...fields,
  }
}
