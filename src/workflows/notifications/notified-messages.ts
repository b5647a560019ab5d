import type { NotifiedMessage } from "../../emails"
import type { IMessagingModuleService } from "../../types/messaging-module"
import { MESSAGE_PREVIEW_LENGTH, MessageDTO } from "../../types/messaging"
import type { ResolvedPluginOptions } from "../../types/options"

const preview = (body: string) => Array.from(body).slice(0, MESSAGE_PREVIEW_LENGTH).join("")

/** How emails list messages: sender, time, preview (escaped by the template), attachment count; one query for the counts. */
export async function notifiedMessages(
  messaging: IMessagingModuleService,
  messages: MessageDTO[]
): Promise<Map<string, NotifiedMessage>> {
  const attachments = await messaging.listAttachmentsOfMessages(messages.map((m) => m.id))
  const counts = new Map<string | null, number>()
  for (const attachment of attachments) {
    counts.set(attachment.message_id, (counts.get(attachment.message_id) ?? 0) + 1)
  }
  return new Map(
    messages.map((m) => [
      m.id,
      {
        sender: m.author_name,
        sent_at: new Date(m.created_at).toISOString(),
        preview: preview(m.body),
        attachment_count: counts.get(m.id) ?? 0,
      },
    ])
  )
}

/** Where an email's button leads: the storefront thread for affiliates, the admin thread for the store's team. */
export function conversationLink(
  options: Pick<ResolvedPluginOptions, "affiliatePortalUrl" | "adminUrl">,
  audience: "affiliate" | "owner",
  conversationId: string
): string {
  return audience === "affiliate"
    ? options.affiliatePortalUrl.replace("{conversation_id}", encodeURIComponent(conversationId))
    : `${options.adminUrl.replace(/\/$/, "")}/messages/${conversationId}`
}
