import { z } from "zod"
import { AFFILIATE_STATUSES } from "../../../types/affiliate"

/**
 * One shape for create and edit (edit shows no status field and sends none),
 * with the server's limits so errors show on the field before sending.
 */
export const AffiliateFormSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(200, "At most 200 characters"),
  email: z
    .string()
    .trim()
    .max(254, "At most 254 characters")
    .pipe(z.email("Enter a valid email address")),
  status: z.enum(AFFILIATE_STATUSES),
  group_id: z.string().nullable(),
  manager_id: z.string().nullable(),
})
export type AffiliateFormValues = z.infer<typeof AffiliateFormSchema>
