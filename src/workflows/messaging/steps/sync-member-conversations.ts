import { memberCopy } from "../../../utils/conversation-copies"
import { createMirrorStep } from "./create-mirror-step"

/**
 * Copies members' current name and email onto their member threads, which
 * list pages show without asking the affiliate module.
 *
 * @example
 * syncMemberConversationsStep({ member_ids: ["affmem_1"] })
 */
export const syncMemberConversationsStep = createMirrorStep({
  id: "sync-member-conversations",
  key: "member_ids",
  entity: "affiliate_member",
  fields: ["id", "first_name", "last_name", "email"],
  copy: (member: { id: string } & Parameters<typeof memberCopy>[0]) => memberCopy(member),
  sync: (service, id, fields) => service.syncMemberFields(id, fields),
})
