import { memberCopy } from "../../../utils/conversation-copies"
import { createCopyStep } from "./create-copy-step"

/**
 * Copies members' current name and email onto their member threads, which
 * list pages show without asking the affiliate module.
 *
 * @example
 * updateMemberCopiesStep({ member_ids: ["affmem_1"] })
 */
export const updateMemberCopiesStep = createCopyStep({
  id: "update-member-copies",
  key: "member_ids",
  entity: "affiliate_member",
  fields: ["id", "first_name", "last_name", "email"],
  copy: (member: { id: string } & Parameters<typeof memberCopy>[0]) => memberCopy(member),
  write: (service, id, fields) => service.updateMemberCopies({ member_id: id, fields }),
})
