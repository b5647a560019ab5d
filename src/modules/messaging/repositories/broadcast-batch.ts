import type { Context } from "@medusajs/framework/types"
import type { BroadcastBatch, BroadcastRecipientRow } from "../../../types/broadcast"
import { MESSAGE_BODY_MAX_LENGTH, MESSAGE_PREVIEW_LENGTH } from "../../../types/messaging"
import { entityIds } from "../../../utils/entity-ids"
import { SqlRepository } from "../../../utils/repository-sql"
import { renderMergeTags } from "../../../utils/merge-tags"

/** A pending recipient this batch took, with the affiliate fields its thread copies. */
type Claimed = { id: string } & Pick<
  BroadcastRecipientRow,
  "affiliate_id" | "affiliate_name" | "affiliate_email" | "affiliate_status" | "affiliate_group_id" | "affiliate_manager_id"
>

type BroadcastRow = { id: string; body: string; status: string; created_by: string; author_name: string; attachment_count: number }

/**
 * The copies of a broadcast, written a batch at a time (decision 0035): in
 * one transaction, the batch's pending recipients are claimed (`skip
 * locked`: a second worker takes other rows or none), their missing team
 * threads started in one statement, their threads moved and their messages
 * inserted in one more, the attachments repeated, the recipients marked and
 * the broadcast's counts moved. A crash rolls the batch back whole, so a
 * rerun finds its recipients still pending: each affiliate gets its copy
 * exactly once, and the unique index on (thread, broadcast) would refuse a
 * second one anyway.
 */
export class BroadcastBatchRepository extends SqlRepository {
  async writeBatch(input: { broadcast_id: string; size: number; store_name: string }, ctx: Context): Promise<BroadcastBatch> {
    const knex = this.knex(ctx)
    // the row lock orders a batch against a cancel: cancelled means no batch starts after it
    const broadcast = await this.first<BroadcastRow>(
      ctx,
      knex("affiliate_broadcast")
        .select("id", "body", "status", "created_by", "author_name", "attachment_count")
        .where("id", input.broadcast_id)
        .forUpdate()
    )
    if (!broadcast || broadcast.status !== "sending") {
      return { sending: false, claimed: 0, messages: [], skipped: 0 }
    }
    const claimed = await this.rows<Claimed>(
      ctx,
      knex("affiliate_broadcast_recipient")
        .select("id", "affiliate_id", "affiliate_name", "affiliate_email", "affiliate_status", "affiliate_group_id", "affiliate_manager_id")
        .where({ broadcast_id: broadcast.id, status: "pending" })
        .whereNull("deleted_at")
        .orderBy("id")
        .limit(input.size)
        .forUpdate()
        .skipLocked()
    )
    if (!claimed.length) {
      return { sending: true, claimed: 0, messages: [], skipped: 0 }
    }
    const conversationIds = entityIds("conv", claimed.length)
    const messageIds = entityIds("msg", claimed.length)
    const copies = claimed.map((recipient, i) => {
      // a long name could push a full body past the limit every message keeps
      const body = Array.from(
        renderMergeTags(broadcast.body, { "affiliate.name": recipient.affiliate_name, "store.name": input.store_name })
      ).slice(0, MESSAGE_BODY_MAX_LENGTH).join("")
      return {
        ...recipient,
        conversation_id: conversationIds[i],
        message_id: messageIds[i],
        body,
        preview: Array.from(body).slice(0, MESSAGE_PREVIEW_LENGTH).join(""),
      }
    })
    const batch = JSON.stringify(copies)

    // the team threads not started yet, copying the affiliate as it was frozen (decision 0013);
    // the statements carrying the batch bind it as a parameter (`boundRows`)
    await this.boundRows(
      ctx,
      knex.raw(
        `insert into affiliate_conversation
           (id, affiliate_id, member_id, affiliate_name, affiliate_email, affiliate_status, affiliate_group_id,
            affiliate_manager_id, created_at, updated_at)
         select x.conversation_id, x.affiliate_id, null, x.affiliate_name, x.affiliate_email, x.affiliate_status,
                x.affiliate_group_id, x.affiliate_manager_id, now(), now()
         from jsonb_to_recordset(?::jsonb) as x(conversation_id text, affiliate_id text, affiliate_name text,
              affiliate_email text, affiliate_status text, affiliate_group_id text, affiliate_manager_id text)
         on conflict do nothing`,
        [batch]
      )
    )

    // Each thread is locked and moved as a single send moves it (count,
    // time strictly after its last message, preview, last owner message);
    // the owners' unread state is left alone: a broadcast does not read
    // the affiliates' replies for the admins. The message takes the
    // thread's new time, in the same statement, to the microsecond.
    // The copy-already-written check is a probe of IDX_message_broadcast_unique
    // per thread: `offset 0` keeps PostgreSQL from turning it into an anti
    // join, which it plans (the broadcast's rows still unknown to its
    // statistics) as one scan of all the broadcast's messages compared with
    // every thread of the batch: quadratic, ~1 s a batch by the end of 10,000.
    const messages = await this.boundRows<{ id: string; conversation_id: string; affiliate_id: string }>(
      ctx,
      knex.raw(
        `with x as (
           select * from jsonb_to_recordset(?::jsonb) as x(affiliate_id text, message_id text, body text, preview text)
         ), target as (
           select c.id, x.affiliate_id, x.message_id, x.body, x.preview,
                  greatest(clock_timestamp(), c.last_message_at + interval '1 microsecond') as at
           from affiliate_conversation c join x on c.affiliate_id = x.affiliate_id
           where c.member_id is null and c.deleted_at is null
             and not exists (
               select 1 from affiliate_message m
               where m.broadcast_id = ? and m.conversation_id = c.id and m.deleted_at is null
               offset 0
             )
           for update of c
         ), moved as (
           update affiliate_conversation c
           set message_count = c.message_count + 1, last_message_at = t.at, last_message_preview = t.preview,
               last_owner_message_at = t.at, updated_at = now()
           from target t where c.id = t.id
           returning c.id, t.affiliate_id, t.message_id, t.body, t.at
         ), inserted as (
           insert into affiliate_message
             (id, conversation_id, author_type, author_id, author_name, body, source, broadcast_id, created_at, updated_at)
           select moved.message_id, moved.id, 'owner', ?, ?, moved.body, 'app', ?, moved.at, moved.at from moved
           returning id, conversation_id
         )
         select inserted.id, inserted.conversation_id, moved.affiliate_id
         from inserted join moved on moved.message_id = inserted.id`,
        [batch, broadcast.id, broadcast.created_by, broadcast.author_name, broadcast.id]
      )
    )

    if (broadcast.attachment_count && messages.length) {
      // each copy repeats the broadcast's uploads (same stored file); ids
      // follow the message's and the upload order, so a thread lists them
      // in the order the admin attached them
      await this.boundRows(
        ctx,
        knex.raw(
          `insert into affiliate_message_attachment
             (id, file_id, filename, mime_type, size, uploader_type, uploader_id, message_id, created_at, updated_at)
           select 'matt_' || substr(m.id, 5) || lpad(t.ord::text, 2, '0'), t.file_id, t.filename, t.mime_type, t.size,
                  t.uploader_type, t.uploader_id, m.id, t.created_at, now()
           from jsonb_array_elements_text(?::jsonb) as m(id)
           cross join (
             select a.*, row_number() over (order by a.created_at, a.id) as ord
             from affiliate_message_attachment a
             where a.broadcast_id = ? and a.message_id is null and a.deleted_at is null
           ) t`,
          [JSON.stringify(messages.map((message) => message.id)), broadcast.id]
        )
      )
    }

    // by the claimed rows' primary keys
    const recipientOf = new Map(claimed.map((recipient) => [recipient.affiliate_id, recipient.id]))
    const delivered = JSON.stringify(
      messages.map((message) => ({ ...message, recipient_id: recipientOf.get(message.affiliate_id) }))
    )
    await this.boundRows(
      ctx,
      knex.raw(
        `update affiliate_broadcast_recipient r
         set status = 'delivered', conversation_id = d.conversation_id, message_id = d.id, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as d(id text, conversation_id text, recipient_id text)
         where r.id = d.recipient_id`,
        [delivered]
      )
    )
    // a claimed affiliate without a message had no team thread to write to
    // (one cannot be started for it): recorded, never retried forever
    const skipped = await this.boundRows(
      ctx,
      knex("affiliate_broadcast_recipient")
        .update({ status: "skipped", reason: "not_allowed", updated_at: knex.fn.now() })
        .whereIn("id", claimed.map((recipient) => recipient.id))
        .where("status", "pending")
        .returning("id")
    )
    await this.rows(
      ctx,
      knex("affiliate_broadcast")
        .update({
          delivered_count: knex.raw("delivered_count + ?", [messages.length]),
          skipped_count: knex.raw("skipped_count + ?", [skipped.length]),
          updated_at: knex.fn.now(),
        })
        .where("id", broadcast.id)
    )
    return { sending: true, claimed: claimed.length, messages, skipped: skipped.length }
  }
}
