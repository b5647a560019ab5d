export const adminAffiliateGroupFields = [
  "id",
  "name",
  "messaging_enabled",
  "messaging_disabled_message",
  "metadata",
  "created_at",
  "updated_at",
]

export const listAffiliateGroupsQueryConfig = {
  defaults: adminAffiliateGroupFields,
  isList: true,
}

export const retrieveAffiliateGroupQueryConfig = {
  defaults: adminAffiliateGroupFields,
  isList: false,
}
