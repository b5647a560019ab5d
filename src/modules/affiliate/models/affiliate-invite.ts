import { model } from "@medusajs/framework/utils"
import { Affiliate } from "./affiliate"

/**
 * Only a SHA-256 hash of the token is kept: a leaked table grants nothing.
 * The token is derived from the invite id, `token_salt` and the store's JWT
 * secret (utils/invite-token.ts), so an email job needs the invite id only;
 * invites made before that have no salt and keep their random token.
 */
export const AffiliateInvite = model
  .define("affiliate_invite", {
    id: model.id({ prefix: "affinv" }).primaryKey(),
    email: model.text(),
    token_hash: model.text(),
    token_salt: model.text().nullable(),
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
