import { z } from "@medusajs/framework/zod"
import { emailAddress } from "../../../utils/validators/common"

export const AdminUpdateMessagingSettings = z.strictObject({
  enabled: z.boolean().optional(),
  notification_emails: z
    .array(emailAddress)
    .max(20, "at most 20 notification emails")
    .transform((emails) => [...new Set(emails)])
    .optional(),
})
export type AdminUpdateMessagingSettingsType = z.infer<typeof AdminUpdateMessagingSettings>
