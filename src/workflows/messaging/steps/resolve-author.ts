import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"

/** `id` null on the owner side: the store itself writes (a reply by email through a notification address). */
export type ResolveAuthorInput = { type: "owner" | "affiliate"; id: string | null }

/** The name a person signs with: their full name, else their email. */
export const fullName = (row: { first_name?: string | null; last_name?: string | null; email: string }) =>
  [row.first_name, row.last_name].filter(Boolean).join(" ") || row.email

/**
 * The name a message is signed with: the admin user's or the member's full
 * name, else their email; the store's name (`storeName`) when the store writes. Stored on the message so threads never change.
 *
 * @example
 * const author = resolveAuthorStep({ type: "owner", id: "user_123" })
 */
export const resolveAuthorStep = createStep(
  "resolve-author",
  async (input: ResolveAuthorInput, { container }) => {
    if (input.type === "owner" && input.id === null) {
      const storeName = container.resolve<IMessagingModuleService>(MESSAGING_MODULE).getOptions().storeName
      return new StepResponse({ id: null as string | null, name: storeName })
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [row],
    } = await query.graph({
      entity: input.type === "owner" ? "user" : "affiliate_member",
      fields: ["id", "first_name", "last_name", "email"],
      filters: { id: input.id! },
    })
    if (!row) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "The sender's account no longer exists")
    }
    return new StepResponse({ id: row.id as string | null, name: fullName(row) })
  }
)
