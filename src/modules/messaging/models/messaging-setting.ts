import { model } from "@medusajs/framework/utils"

/** The run-time settings an admin changes: one row, `scope` = "global". */
export const MessagingSetting = model
  .define({ name: "MessagingSetting", tableName: "affiliate_messaging_setting" }, {
    id: model.id({ prefix: "msgset" }).primaryKey(),
    scope: model.text().default("global"),
    enabled: model.boolean().default(true),
    notification_emails: model.array().default([]),
  })
  .indexes([
    {
      name: "IDX_messaging_setting_scope_unique",
      on: ["scope"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
