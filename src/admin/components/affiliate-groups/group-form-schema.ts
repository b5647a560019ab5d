import { z } from "zod"
import { DEFAULT_DISABLED_MESSAGE } from "../../../types/messaging"

export const GroupFormSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(200, "At most 200 characters"),
  messaging_enabled: z.boolean(),
  messaging_disabled_message: z.string().trim().max(2000, "At most 2,000 characters"),
})
export type GroupFormValues = z.infer<typeof GroupFormSchema>

/** An empty message means "use the default", which the server stores as null. */
export const disabledMessageBody = (message: string) => message.trim() || null

export const DISABLED_MESSAGE_HINT = `Shown to this group's affiliates in their Messages tab while messaging is off. Leave empty for the default: "${DEFAULT_DISABLED_MESSAGE}"`
