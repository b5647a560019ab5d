import { z } from "@medusajs/framework/zod"
import { emailAddress, singleLineText } from "../../utils/validators/common"

const personName = (field: string) => singleLineText(field, 100).nullish()

export const StoreRegisterAffiliate = z.strictObject({
  name: singleLineText("name", 200),
  // optional: the team takes the login's email; a different one is refused by the workflow
  email: emailAddress.optional(),
  first_name: personName("first_name"),
  last_name: personName("last_name"),
})
export type StoreRegisterAffiliateType = z.infer<typeof StoreRegisterAffiliate>

export const StoreAcceptAffiliateInvite = z.strictObject({
  // invite tokens are base64url: anything else cannot match one
  token: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, "token is not an invite token"),
  first_name: personName("first_name"),
  last_name: personName("last_name"),
})
export type StoreAcceptAffiliateInviteType = z.infer<
  typeof StoreAcceptAffiliateInvite
>

export const StoreUpdateAffiliateMe = z.strictObject({
  first_name: personName("first_name"),
  last_name: personName("last_name"),
  email_notifications: z.boolean().optional(),
})
export type StoreUpdateAffiliateMeType = z.infer<typeof StoreUpdateAffiliateMe>
