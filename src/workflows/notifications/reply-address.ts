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
 * Each email's own reply address for its conversation, in the order given
 * (null for an email about no single conversation, e.g. a digest), with
 * one lookup of admin logins and one write of tokens for the whole job. A
 * `notification_emails` address that is an admin user's login gets that
 * user's token, so the reply is posted as that admin, not as the store.
 */
export async function replyAddressesOf(
  container: Pick<MedusaContainer, "resolve">,
  emails: { conversation_id: string | null; recipient: Recipient }[]
): Promise<(string | null)[]> {
  const threaded = emails.flatMap((email, i) => (email.conversation_id ? [{ ...email, i }] : []))
  if (!threaded.length) {
    return emails.map(() => null)
  }
  const recipients = await replyRecipientsOf(container, threaded.map((email) => email.recipient))
  const inbound = container.resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)
  const addresses = await inbound.replyAddressesFor(
    threaded.map((email, k) => ({ conversation_id: email.conversation_id!, recipient: recipients[k] }))
  )
  const replyTo: (string | null)[] = emails.map(() => null)
  threaded.forEach((email, k) => (replyTo[email.i] = addresses[k] ?? null))
  return replyTo
}

/** Who each recipient replies as: members and admins by id; an address as the admin whose login it is, else itself. */
async function replyRecipientsOf(
  container: Pick<MedusaContainer, "resolve">,
  recipients: Recipient[]
): Promise<ReplyRecipient[]> {
  const addresses = recipients.flatMap((recipient) => (recipient.kind === "address" ? [recipient.email.trim()] : []))
  const users = addresses.length
    ? await container
        .resolve(Modules.USER)
        .listUsers({ email: [...new Set(addresses.flatMap((email) => [email, email.toLowerCase()]))] }, { select: ["id", "email"] })
    : []
  const userByEmail = new Map(users.map((user) => [user.email.toLowerCase(), user.id]))
  return recipients.map((recipient): ReplyRecipient => {
    if (recipient.kind !== "address") {
      return { type: recipient.kind, id: recipient.id! }
    }
    const email = recipient.email.trim()
    const userId = userByEmail.get(email.toLowerCase())
    return userId ? { type: "user", id: userId } : { type: "address", id: email }
  })
}
