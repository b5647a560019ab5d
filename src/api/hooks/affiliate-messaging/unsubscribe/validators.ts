import { z } from "@medusajs/framework/zod"

/** The signed token of a `List-Unsubscribe` link: `<member id>.<signature>`. */
export const HookUnsubscribeQuery = z.strictObject({
  token: z.string().min(1).max(200),
})
export type HookUnsubscribeQueryType = z.infer<typeof HookUnsubscribeQuery>

/**
 * RFC 8058's body, `List-Unsubscribe=One-Click`, or none: clients that
 * follow the RFC's advice send it as multipart/form-data, which Medusa
 * does not parse, so an empty body is as good. Anything else is refused.
 */
export const HookUnsubscribeBody = z.strictObject({
  "List-Unsubscribe": z.literal("One-Click").optional(),
})
