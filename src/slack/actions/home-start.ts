import { HOME_START_ACTION, type HomeFlow } from '../../render/home.js'
import { buildAccountDeletionModal } from '../commands/account-deletion.js'
import { buildDirectDebitModal } from '../commands/direct-debit.js'
import { buildInvoiceMergeModal } from '../commands/invoice-merge.js'
import { buildInvoiceReissueModal } from '../commands/invoice-reissue.js'
import type { ModalBuilder } from '../commands/open-modal.js'
import type { ListenerDeps } from '../deps.js'
import { encodeOrigin } from '../private-metadata.js'
import type { Router } from '../router.js'

const BUILDERS: Record<HomeFlow, ModalBuilder> = {
  invoice_reissue: buildInvoiceReissueModal,
  invoice_merge: buildInvoiceMergeModal,
  direct_debit: buildDirectDebitModal,
  account_deletion: buildAccountDeletionModal,
}

/** The flow buttons on App Home open the same modals as the commands; results go to the user's DM. */
export function registerHomeStart(app: Router, deps: ListenerDeps): void {
  app.action(HOME_START_ACTION, async ({ ack, action, body, client }) => {
    await ack()
    const build = BUILDERS[action.value as HomeFlow]
    if (!build) return
    const user = body.user.id
    const privateMetadata = encodeOrigin({ channel: user, user })
    await client.views.open({
      trigger_id: body.trigger_id,
      view: build(deps, { text: '', user, privateMetadata }),
    })
  })
}
