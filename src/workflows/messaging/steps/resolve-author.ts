import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

export type ResolveAuthorInput = { type: "owner" | "affiliate"; id: string }

const fullName = (row: { first_name?: string | null; last_name?: string | null; email: string }) =>
  [row.first_name, row.last_name].filter(Boolean).join(" ") || row.email

/**
 * The name a message is signed with: the admin user's or the member's full
 * name, else their email. Stored on the message so threads never change.
 *
 * @example
 * const author = resolveAuthorStep({ type: "owner", id: "user_123" })
 */
export const resolveAuthorStep = createStep(
  "resolve-author",
  async (input: ResolveAuthorInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [row],
    } = await query.graph({
      entity: input.type === "owner" ? "user" : "affiliate_member",
      fields: ["id", "first_name", "last_name", "email"],
      filters: { id: input.id },
    })
    if (!row) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "The sender's account no longer exists")
    }
    return new StepResponse({ id: row.id as string, name: fullName(row) })
  }
)
