import type { Context } from "@medusajs/framework/types"
import { ATTACHMENT_SEND_WINDOW_HOURS, AttachmentUploader, MessageAttachmentDTO } from "../../../types/messaging"
import { SqlRepository, live } from "../../../utils/repository-sql"

/** Uploads and the messages they are sent with. */
export class AttachmentRepository extends SqlRepository {
  /**
   * Ties uploads to a sent message, only those unsent, uploaded by
   * `uploader` and inside the send window; returns the ids tied.
   */
  async attach(input: { ids: string[]; message_id: string; uploader: AttachmentUploader }, ctx: Context): Promise<string[]> {
    const knex = this.knex(ctx)
    const attached = await this.rows<{ id: string }>(
      ctx,
      live(knex, "affiliate_message_attachment")
        .update({ message_id: input.message_id, updated_at: knex.fn.now() })
        .whereIn("id", input.ids)
        .whereNull("message_id")
        // a broadcast's uploads are its copies' template, never one message's
        .whereNull("broadcast_id")
        .where({ uploader_type: input.uploader.type, uploader_id: input.uploader.id })
        .whereRaw("created_at > now() - make_interval(hours => ?)", [ATTACHMENT_SEND_WINDOW_HOURS])
        .returning("id")
    )
    return attached.map((row) => row.id)
  }

  async detach(ids: string[], ctx: Context): Promise<void> {
    await this.rows(ctx, this.knex(ctx)("affiliate_message_attachment").update({ message_id: null }).whereIn("id", ids))
  }

  /** The attachments of sent messages, in upload order. */
  async listOfMessages(messageIds: string[], ctx: Context): Promise<MessageAttachmentDTO[]> {
    return await this.rows<MessageAttachmentDTO>(
      ctx,
      live(this.knex(ctx), "affiliate_message_attachment")
        .select("id", "message_id", "file_id", "filename", "mime_type", "size", "uploader_type", "uploader_id", "created_at")
        .whereIn("message_id", messageIds)
        .orderBy([{ column: "created_at", order: "asc" }, { column: "id", order: "asc" }])
    )
  }
}
