import type { MedusaContainer } from "@medusajs/framework/types"
import { MESSAGING_MODULE } from "../modules/messaging"
import type { IMessagingModuleService } from "../types/messaging-module"
import { updateMemberCopiesWorkflow } from "../workflows/messaging/workflows/update-member-copies"

const PAGE = 500

/**
 * Fills the member columns of member threads written before they existed.
 * `medusa db:migrate` runs it once, after the migration that adds them.
 */
export default async function mirrorMemberNames({ container }: { container: MedusaContainer }) {
  const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
  let after = ""
  for (;;) {
    const memberIds = await messaging.listMemberIdsWithoutCopies({ after, limit: PAGE })
    if (!memberIds.length) {
      return
    }
    await updateMemberCopiesWorkflow(container).run({ input: { member_ids: memberIds } })
    after = memberIds[memberIds.length - 1]
  }
}
