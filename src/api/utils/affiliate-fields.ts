/** The member fields both sides show. */
export const affiliateMemberFields = [
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
