import { model } from "@medusajs/framework/utils"
import { Message } from "./message"

/**
 * A file uploaded for a message: unattached (`message` null) until sent,
 * sent at most once and only by its uploader. The bytes live in Medusa's
 * File Module under `file_id`; `mime_type` is what the content sniffed as.
 */
export const MessageAttachment = model
  .define({ name: "MessageAttachment", tableName: "affiliate_message_attachment" }, {
    id: model.id({ prefix: "matt" }).primaryKey(),
    file_id: model.text(),
    filename: model.text(),
    mime_type: model.text(),
    size: model.number(),
    uploader_type: model.enum(["owner", "affiliate"]),
    uploader_id: model.text(),
    // an upload a broadcast took: kept (never purged) as the template each copy's attachment repeats
    broadcast_id: model.text().nullable(),
    message: model.belongsTo(() => Message, { mappedBy: "attachments" }).nullable(),
  })
  .indexes([
    { name: "IDX_message_attachment_uploader", on: ["uploader_type", "uploader_id"] },
    {
      name: "IDX_message_attachment_unsent",
      on: ["created_at"],
      where: "message_id IS NULL AND deleted_at IS NULL",
    },
  ])
