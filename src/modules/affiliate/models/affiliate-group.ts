import { model } from "@medusajs/framework/utils"
import { Affiliate } from "./affiliate"

export const AffiliateGroup = model
  .define("affiliate_group", {
    id: model.id({ prefix: "affgrp" }).primaryKey(),
    name: model.text().searchable(),
    messaging_enabled: model.boolean().default(true),
    messaging_disabled_message: model.text().nullable(),
    metadata: model.json().nullable(),
    affiliates: model.hasMany(() => Affiliate, { mappedBy: "group" }),
  })
  .indexes([
    {
      name: "IDX_affiliate_group_name_unique",
      on: ["name"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
