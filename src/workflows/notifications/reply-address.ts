import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { INBOUND_EMAIL_MODULE } from "../../modules/inbound-email"
import type InboundEmailModuleService from "../../modules/inbound-email/service"
import type { ReplyRecipient } from "../../types/inbound-email"
import type { ResolvedInboundEmailOptions, ResolvedPluginOptions } from "../../types/options"
import type { Recipient } from "./steps/resolve-message-recipients"

/** Reply by email's options when it is on (`inboundEmail.replyTo` set), else null. */
export function replyByEmailOptions(options: ResolvedPluginOptions): ResolvedInboundEmailOptions | null {
  return options.inboundEmail ?? null
}

/**
 * The recipient's own reply address for the conversation. A
 * `notification_emails` address that is an admin user's login gets that
 * user's token, so the reply is posted as that admin, not as the store.
 */
export async function replyAddressOf(
  container: Pick<MedusaContainer, "resolve">,
  conversationId: string,
  recipient: Recipient
): Promise<string | null> {
  const inbound = container.resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)
  return await inbound.replyAddressFor({
    conversation_id: conversationId,
    recipient: await replyRecipientOf(container, recipient),
  })
}

async function replyRecipientOf(container: Pick<MedusaContainer, "resolve">, recipient: Recipient): Promise<ReplyRecipient> {
  if (recipient.kind !== "address") {
    return { type: recipient.kind, id: recipient.id! }
  }
  const email = recipient.email.trim()
  const [user] = await container.resolve(Modules.USER).listUsers({ email: [...new Set([email, email.toLowerCase()])] })
  return user ? { type: "user", id: user.id } : { type: "address", id: email }
}
