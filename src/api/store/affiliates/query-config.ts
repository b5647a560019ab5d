/** What a member may see of its own team: no manager, no admin metadata. */
export const storeAffiliateFields = [
  "id",
  "name",
  "email",
  "status",
  "group_id",
  "created_at",
  "updated_at",
]

/** Members see their own record as admins do. */
export { affiliateMemberFields as storeAffiliateMemberFields } from "../../utils/affiliate-fields"
