import { model } from "@medusajs/framework/utils"

/**
 * The latest email of a conversation to each recipient (decision 0042):
 * what the recipient's next email of the thread answers (`In-Reply-To`
 * its Message-ID, `References` its references and it). Written by the
 * delivery job once the email is out, read by the next one in one lookup
 * by (conversation, recipients). `recipient_key` is the email's recipient
 * key: member id, admin user id or `addr_` hash of a notification address.
 */
export const ThreadEmail = model
  .define({ name: "ThreadEmail", tableName: "affiliate_thread_email" }, {
    id: model.id({ prefix: "tem" }).primaryKey(),
    conversation_id: model.text(),
    recipient_key: model.text(),
    message_id: model.text(),
    /** The email's own `References` header, oldest first. */
    reference_ids: model.array(),
  })
  .indexes([
    {
      name: "IDX_thread_email_recipient_unique",
      on: ["conversation_id", "recipient_key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
