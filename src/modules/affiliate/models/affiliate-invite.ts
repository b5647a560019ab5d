import { model } from "@medusajs/framework/utils"
import { Affiliate } from "./affiliate"

/** Only a SHA-256 hash of the token is kept: a leaked table grants nothing. */
export const AffiliateInvite = model
  .define("affiliate_invite", {
    id: model.id({ prefix: "affinv" }).primaryKey(),
    email: model.text(),
    token_hash: model.text(),
    expires_at: model.dateTime(),
    accepted_at: model.dateTime().nullable(),
    affiliate: model.belongsTo(() => Affiliate, { mappedBy: "invites" }),
  })
  .indexes([
    {
      name: "IDX_affiliate_invite_token_hash_unique",
      on: ["token_hash"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
