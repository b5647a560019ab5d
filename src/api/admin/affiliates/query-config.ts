export const adminAffiliateFields = [
  "id",
  "name",
  "email",
  "status",
  "group_id",
  "manager_id",
  "metadata",
  "created_at",
  "updated_at",
]

export const adminAffiliateMemberFields = [
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

export const listAffiliatesQueryConfig = {
  defaults: adminAffiliateFields,
  isList: true,
}

export const retrieveAffiliateQueryConfig = {
  defaults: [
    ...adminAffiliateFields,
    ...adminAffiliateMemberFields.map((field) => `members.${field}`),
    "group.*",
  ],
  isList: false,
}

export const listAffiliateMembersQueryConfig = {
  defaults: adminAffiliateMemberFields,
  isList: true,
}
