import type { MedusaContainer } from "@medusajs/framework/types"
import { MESSAGING_MODULE } from "../modules/messaging"
import type MessagingModuleService from "../modules/messaging/service"
import { syncMemberConversationsWorkflow } from "../workflows/messaging/workflows/sync-member-conversations"

const PAGE = 500

/**
 * Fills the member columns of member threads written before they existed.
 * `medusa db:migrate` runs it once, after the migration that adds them.
 */
export default async function mirrorMemberNames({ container }: { container: MedusaContainer }) {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  let after = ""
  for (;;) {
    const memberIds = await messaging.listUnmirroredMemberIds({ after, limit: PAGE })
    if (!memberIds.length) {
      return
    }
    await syncMemberConversationsWorkflow(container).run({ input: { member_ids: memberIds } })
    after = memberIds[memberIds.length - 1]
  }
}
