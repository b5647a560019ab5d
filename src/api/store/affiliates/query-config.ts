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

export const storeAffiliateMemberFields = [
  "id",
  "affiliate_id",
  "email",
  "first_name",
  "last_name",
  "role",
  "email_notifications",
  "created_at",
  "updated_at",
]
