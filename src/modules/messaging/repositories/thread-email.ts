import type { Context } from "@medusajs/framework/types"
import type { ThreadEmailDTO } from "../../../types/messaging"
import { entityIds } from "../../../utils/entity-ids"
import { SqlRepository, live, liveConflict, textArray } from "../../../utils/repository-sql"

/**
 * Each conversation's latest email to each recipient, in
 * `affiliate_thread_email` (decision 0042): found by the unique index on
 * (conversation, recipient), however many emails the recipient was sent.
 */
export class ThreadEmailRepository extends SqlRepository {
  async latest(input: { conversation_id: string; recipient_keys: string[] }, ctx: Context): Promise<ThreadEmailDTO[]> {
    const knex = this.knex(ctx)
    return await this.rows<ThreadEmailDTO>(
      ctx,
      live(knex, "affiliate_thread_email")
        .select("conversation_id", "recipient_key", "message_id", { references: "reference_ids" })
        .where("conversation_id", input.conversation_id)
        .whereIn("recipient_key", input.recipient_keys)
    )
  }

  /**
   * One upsert; of two emails to one recipient of one conversation, the
   * later in `emails` is kept (ids from `entityIds`, all at once).
   */
  async record(emails: ThreadEmailDTO[], ctx: Context): Promise<void> {
    const knex = this.knex(ctx)
    const latest = [...new Map(emails.map((email) => [`${email.conversation_id} ${email.recipient_key}`, email])).values()]
    const ids = entityIds("tem", latest.length)
    await this.rows(
      ctx,
      knex("affiliate_thread_email")
        .insert(
          latest.map((email, i) => ({
            id: ids[i],
            conversation_id: email.conversation_id,
            recipient_key: email.recipient_key,
            message_id: email.message_id,
            reference_ids: textArray(knex, email.references),
          }))
        )
        .onConflict(liveConflict(knex, ["conversation_id", "recipient_key"]))
        .merge({
          message_id: knex.raw("excluded.message_id"),
          reference_ids: knex.raw("excluded.reference_ids"),
          updated_at: knex.fn.now(),
        })
    )
  }
}
