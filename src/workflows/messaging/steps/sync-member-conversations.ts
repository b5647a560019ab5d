import { memberMirror } from "../../../utils/member-mirror"
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
  copy: (member: { id: string; first_name: string | null; last_name: string | null; email: string }) =>
    memberMirror(member),
  sync: (service, id, fields) => service.syncMemberFields(id, fields),
})
