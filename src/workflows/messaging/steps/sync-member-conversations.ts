import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"
import type { ConversationMemberFields } from "../../../types/messaging"
import { memberMirror } from "../../../utils/member-mirror"

/**
 * Copies members' current name and email onto their member threads, which
 * list pages show without asking the affiliate module.
 *
 * @example
 * syncMemberConversationsStep({ member_ids: ["affmem_1"] })
 */
export const syncMemberConversationsStep = createStep(
  "sync-member-conversations",
  async (input: { member_ids: string[] }, { container }) => {
    if (!input.member_ids.length) {
      return new StepResponse(void 0, [])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const { data: members } = await query.graph({
      entity: "affiliate_member",
      fields: ["id", "first_name", "last_name", "email"],
      filters: { id: input.member_ids },
    })
    const previous: { member_id: string; fields: ConversationMemberFields }[] = []
    for (const member of members) {
      const before = await service.syncMemberFields(member.id, memberMirror(member))
      if (before) {
        previous.push({ member_id: member.id, fields: before })
      }
    }
    return new StepResponse(void 0, previous)
  },
  async (previous, { container }) => {
    const service = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    for (const row of previous ?? []) {
      await service.syncMemberFields(row.member_id, row.fields)
    }
  }
)
