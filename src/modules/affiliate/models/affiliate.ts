import { model } from "@medusajs/framework/utils"
import { AFFILIATE_STATUSES } from "../../../types/affiliate"
import { AffiliateGroup } from "./affiliate-group"
import { AffiliateInvite } from "./affiliate-invite"
import { AffiliateMember } from "./affiliate-member"

export const Affiliate = model
  .define("affiliate", {
    id: model.id({ prefix: "aff" }).primaryKey(),
    name: model.text().searchable(),
    email: model.text().searchable(),
    status: model.enum([...AFFILIATE_STATUSES]).default("pending"),
    manager_id: model.text().nullable(),
    metadata: model.json().nullable(),
    group: model
      .belongsTo(() => AffiliateGroup, { mappedBy: "affiliates" })
      .nullable(),
    members: model.hasMany(() => AffiliateMember, { mappedBy: "affiliate" }),
    invites: model.hasMany(() => AffiliateInvite, { mappedBy: "affiliate" }),
  })
  .indexes([
    {
      name: "IDX_affiliate_email_unique",
      on: ["email"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_affiliate_status", on: ["status"], where: "deleted_at IS NULL" },
    {
      name: "IDX_affiliate_manager_id",
      on: ["manager_id"],
      where: "deleted_at IS NULL AND manager_id IS NOT NULL",
    },
  ])
