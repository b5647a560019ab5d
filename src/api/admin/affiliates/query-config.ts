import { affiliateMemberFields } from "../../utils/affiliate-fields"

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


export const listAffiliatesQueryConfig = {
  defaults: adminAffiliateFields,
  isList: true,
}

export const retrieveAffiliateQueryConfig = {
  defaults: [
    ...adminAffiliateFields,
    ...affiliateMemberFields.map((field) => `members.${field}`),
    "group.*",
  ],
  isList: false,
}

export const listAffiliateMembersQueryConfig = {
  defaults: affiliateMemberFields,
  isList: true,
}
