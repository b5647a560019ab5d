import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MESSAGING_MODULE } from "../../modules/messaging"
import type { IMessagingModuleService } from "../../types/messaging-module"
import type { ReplyRecipient } from "../../types/inbound-email"

/** Who a valid token lets write, as of now. */
export type ReplyAuthor =
  | { side: "member"; id: string; affiliate_id: string; email: string }
  | { side: "user"; id: string; email: string }
  /** A notification address: the store writes. */
  | { side: "store"; email: string }

/**
 * The author a token stands for, with the email its replies must come
 * from, or a reason why nobody may write through it any more (the member
 * or admin was deleted, the address left `notificationEmails`).
 */
export async function replyAuthorOf(
  container: MedusaContainer,
  recipient: ReplyRecipient
): Promise<ReplyAuthor | { refusal: string }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if (recipient.type === "address") {
    const settings = await container.resolve<IMessagingModuleService>(MESSAGING_MODULE).retrieveSettings()
    const listed = settings.notification_emails.some((email) => email.trim().toLowerCase() === recipient.id)
    return listed
      ? { side: "store", email: recipient.id }
      : { refusal: `${recipient.id} is no longer a notification address of the store` }
  }
  if (recipient.type === "member") {
    const {
      data: [member],
    } = await query.graph({ entity: "affiliate_member", fields: ["id", "email", "affiliate_id"], filters: { id: recipient.id } })
    return member
      ? { side: "member", id: member.id, affiliate_id: member.affiliate_id, email: member.email }
      : { refusal: "The member this address belonged to no longer exists" }
  }
  const {
    data: [user],
  } = await query.graph({ entity: "user", fields: ["id", "email"], filters: { id: recipient.id } })
  return user ? { side: "user", id: user.id, email: user.email } : { refusal: "The admin user this address belonged to no longer exists" }
}
