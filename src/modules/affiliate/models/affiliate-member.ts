import { model } from "@medusajs/framework/utils"
import { AFFILIATE_MEMBER_ROLES } from "../../../types/affiliate"
import { Affiliate } from "./affiliate"

export const AffiliateMember = model
  .define("affiliate_member", {
    id: model.id({ prefix: "affmem" }).primaryKey(),
    email: model.text().searchable(),
    first_name: model.text().nullable(),
    last_name: model.text().nullable(),
    role: model.enum([...AFFILIATE_MEMBER_ROLES]).default("member"),
    email_notifications: model.boolean().default(true),
    affiliate: model.belongsTo(() => Affiliate, { mappedBy: "members" }),
  })
  .indexes([
    {
      name: "IDX_affiliate_member_email_unique",
      on: ["email"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
