import { model } from "@medusajs/framework/utils"
import { MESSAGE_AUTHOR_TYPES, MESSAGE_SOURCES } from "../../../types/messaging"
import { Conversation } from "./conversation"
import { MessageAttachment } from "./message-attachment"

/**
 * Immutable once written. `author_name` is the name at sending time, so a
 * thread reads the same after people rename themselves.
 */
export const Message = model
  .define({ name: "Message", tableName: "affiliate_message" }, {
    id: model.id({ prefix: "msg" }).primaryKey(),
    author_type: model.enum([...MESSAGE_AUTHOR_TYPES]),
    author_id: model.text().nullable(),
    author_name: model.text(),
    body: model.text(),
    source: model.enum([...MESSAGE_SOURCES]).default("app"),
    // the broadcast that sent it (affiliate_broadcast): at most one per thread
    broadcast_id: model.text().nullable(),
    conversation: model.belongsTo(() => Conversation, { mappedBy: "messages" }),
    attachments: model.hasMany(() => MessageAttachment, { mappedBy: "message" }),
  })
  .indexes([
    {
      name: "IDX_message_conversation_order",
      on: ["conversation_id", "created_at", "id"],
    },
    {
      // one broadcast writes at most one message per thread, whatever retries or crashes happen;
      // led by the broadcast: its messages are looked up by its id (Migration20261205050000)
      name: "IDX_message_broadcast_unique",
      on: ["broadcast_id", "conversation_id"],
      unique: true,
      where: "broadcast_id IS NOT NULL",
    },
  ])
