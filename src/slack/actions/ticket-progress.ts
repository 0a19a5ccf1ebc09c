import { changeTicket } from '../../app/change-ticket.js'
import type { AppDeps } from '../../app/deps.js'
import { changeNote } from '../../render/refusals.js'
import { type ButtonListener, ephemeral } from './button.js'

/** 「送信した」 and direct debit's later steps (依頼書が届いた …): the milestone is in the button's value. */
export const ticketProgressAction =
  (deps: AppDeps): ButtonListener =>
  async ({ ack, action, body, respond }) => {
    await ack()
    const [ticketId = '', milestone = ''] = action.value?.split(':') ?? []
    const outcome = await changeTicket(deps, {
      ticketId,
      user: body.user.id,
      request: { kind: 'milestone', milestone },
    })
    const text = changeNote(outcome)
    if (text) await ephemeral(respond)(text)
  }
