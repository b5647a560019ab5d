import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import type {
  AudienceMember, BroadcastDTO, BroadcastRecipientRow, BroadcastRecipientStatus, BroadcastStatus, BroadcastWithCounts,
} from "../../../types/broadcast"
import { ATTACHMENT_SEND_WINDOW_HOURS } from "../../../types/messaging"
import { SqlRepository, bound, insertFrom, live } from "../../../utils/repository-sql"
import { entityIds } from "../../../utils/entity-ids"

const BROADCAST_COLUMNS = [
  "id", "body", "audience", "attachment_count", "status", "created_by", "author_name", "recipient_count",
  "delivered_count", "skipped_count", "created_at", "scheduled_at", "started_at", "finished_at",
] as const

/**
 * A broadcast's life apart from its batches (`broadcast-batch.ts`): its
 * uploads, starting when due within the store's limit of concurrent
 * broadcasts, the lease that lets one worker at a time write it, the
 * frozen recipient list, finishing and cancelling, and the reads with the
 * counts that come from the threads.
 */
export class BroadcastRepository extends SqlRepository {
  /** Takes the owner's uploads for a broadcast; returns how many it took (all or the caller refuses). */
  async takeAttachments(input: { broadcast_id: string; ids: string[]; uploader_id: string }, ctx: Context): Promise<number> {
    const knex = this.knex(ctx)
    const taken = await this.rows(
      ctx,
      live(knex, "affiliate_message_attachment")
        .update({ broadcast_id: input.broadcast_id, updated_at: knex.fn.now() })
        .whereIn("id", input.ids)
        .whereNull("message_id")
        .whereNull("broadcast_id")
        .where({ uploader_type: "owner", uploader_id: input.uploader_id })
        .whereRaw("created_at > now() - make_interval(hours => ?)", [ATTACHMENT_SEND_WINDOW_HOURS])
        .returning("id")
    )
    return taken.length
  }

  /**
   * Starts the due scheduled broadcasts, oldest first, while fewer than
   * `concurrency` are sending; returns the ids started. The advisory lock
   * makes two workers' calls take turns, so the limit holds.
   */
  async startDue(concurrency: number, ctx: Context): Promise<{ id: string; runs: number }[]> {
    const knex = this.knex(ctx)
    await this.rows(ctx, knex.raw("select pg_advisory_xact_lock(hashtext('affiliate_broadcast_start'))"))
    const [{ count }] = await this.rows<{ count: string }>(
      ctx,
      live(knex, "affiliate_broadcast").count("* as count").where("status", "sending")
    )
    const free = concurrency - Number(count)
    if (free <= 0) {
      return []
    }
    const due = live(knex, "affiliate_broadcast")
      .select("id")
      .where("status", "scheduled")
      // no time asked for (null): due at once, in line from its creation
      .where((due) => due.whereNull("scheduled_at").orWhere("scheduled_at", "<=", knex.fn.now()))
      .orderByRaw("coalesce(scheduled_at, created_at), id")
      .limit(free)
    return await this.rows<{ id: string; runs: number }>(
      ctx,
      knex("affiliate_broadcast")
        .update({ status: "sending", started_at: knex.fn.now(), kicked_at: knex.fn.now(), runs: knex.raw("runs + 1"), updated_at: knex.fn.now() })
        .whereIn("id", due)
        .returning(["id", "runs"])
    )
  }

  /**
   * Sending broadcasts whose writer is gone (its lease lapsed, or it never
   * took one) and that were not handed out in the last `quiet_seconds`:
   * each is handed to one caller, with its run number for a fresh job id.
   */
  async takeStalled(input: { quiet_seconds: number }, ctx: Context): Promise<{ id: string; runs: number }[]> {
    const knex = this.knex(ctx)
    return await this.rows<{ id: string; runs: number }>(
      ctx,
      live(knex, "affiliate_broadcast")
        .update({ kicked_at: knex.fn.now(), runs: knex.raw("runs + 1") })
        .where("status", "sending")
        .where((lease) => lease.whereNull("lease_until").orWhere("lease_until", "<", knex.fn.now()))
        .where((quiet) =>
          quiet.whereNull("kicked_at").orWhereRaw("kicked_at < now() - make_interval(secs => ?)", [input.quiet_seconds])
        )
        .returning(["id", "runs"])
    )
  }

  /** Takes or renews the writer's lease: true when `owner` holds it for the next `seconds`. */
  async lease(input: { broadcast_id: string; owner: string; seconds: number }, ctx: Context): Promise<boolean> {
    const knex = this.knex(ctx)
    const held = await this.rows(
      ctx,
      knex("affiliate_broadcast")
        .update({ lease_owner: input.owner, lease_until: knex.raw("now() + make_interval(secs => ?)", [input.seconds]) })
        .where("id", input.broadcast_id)
        .where("status", "sending")
        .where((free) =>
          free.whereNull("lease_until").orWhere("lease_until", "<", knex.fn.now()).orWhere("lease_owner", input.owner)
        )
        .returning("id")
    )
    return held.length > 0
  }

  async releaseLease(input: { broadcast_id: string; owner: string }, ctx: Context): Promise<void> {
    await this.rows(
      ctx,
      this.knex(ctx)("affiliate_broadcast")
        .update({ lease_owner: null, lease_until: null })
        .where({ id: input.broadcast_id, lease_owner: input.owner })
    )
  }

  /** Which of `affiliateIds` have a team thread (the owner may write to a pending affiliate only there). */
  async listAffiliatesWithTeamThread(affiliateIds: string[], ctx: Context): Promise<string[]> {
    const knex = this.knex(ctx)
    const rows = await this.rows<{ affiliate_id: string }>(
      ctx,
      live(knex, "affiliate_conversation")
        .select("affiliate_id")
        .whereNull("member_id")
        // one bound array, however many ids (a list of binds would hit the protocol's 65,535 at scale)
        .whereRaw("affiliate_id in (select jsonb_array_elements_text(?::jsonb))", [JSON.stringify(affiliateIds)])
    )
    return rows.map((row) => row.affiliate_id)
  }

  /** Whether the recipient list is frozen yet. */
  async isFrozen(broadcastId: string, ctx: Context): Promise<boolean> {
    const row = await this.first<{ frozen_at: Date | null }>(
      ctx,
      this.knex(ctx)("affiliate_broadcast").select("frozen_at").where("id", broadcastId)
    )
    return !!row?.frozen_at
  }

  /**
   * Freezes the recipient list once, in one statement, with the counts;
   * a second call (a rerun after a crash) finds it frozen and writes nothing.
   */
  async freeze(input: { broadcast_id: string; members: AudienceMember[] }, ctx: Context): Promise<boolean> {
    const knex = this.knex(ctx)
    const broadcast = await this.first<{ frozen_at: Date | null }>(
      ctx,
      knex("affiliate_broadcast").select("frozen_at").where("id", input.broadcast_id).forUpdate()
    )
    if (!broadcast || broadcast.frozen_at) {
      return false
    }
    const ids = entityIds("bcrcp", input.members.length)
    const source = knex
      .from(
        knex.raw(
          `jsonb_to_recordset(?::jsonb) as x(id text, affiliate_id text, affiliate_name text, affiliate_email text,
             affiliate_status text, affiliate_group_id text, affiliate_manager_id text, reason text)`,
          [JSON.stringify(input.members.map((member, i) => ({ ...member, id: ids[i] })))]
        )
      )
    await this.boundRows(
      ctx,
      insertFrom(knex, "affiliate_broadcast_recipient", source, {
        id: knex.ref("x.id"),
        broadcast_id: bound(knex, input.broadcast_id),
        affiliate_id: knex.ref("x.affiliate_id"),
        affiliate_name: knex.ref("x.affiliate_name"),
        affiliate_email: knex.ref("x.affiliate_email"),
        affiliate_status: knex.ref("x.affiliate_status"),
        affiliate_group_id: knex.ref("x.affiliate_group_id"),
        affiliate_manager_id: knex.ref("x.affiliate_manager_id"),
        status: knex.raw("case when x.reason is null then 'pending' else 'skipped' end"),
        reason: knex.ref("x.reason"),
      }).onConflict().ignore()
    )
    const skipped = input.members.filter((member) => member.reason).length
    await this.rows(
      ctx,
      knex("affiliate_broadcast")
        .update({
          frozen_at: knex.fn.now(),
          recipient_count: input.members.length,
          skipped_count: skipped,
          updated_at: knex.fn.now(),
        })
        .where("id", input.broadcast_id)
    )
    return true
  }

  /** The message ids written so far, for a rerun to queue their emails again (the queue ignores ids it has). */
  async listDeliveredMessageIds(broadcastId: string, ctx: Context): Promise<string[]> {
    const rows = await this.rows<{ message_id: string }>(
      ctx,
      live(this.knex(ctx), "affiliate_broadcast_recipient")
        .select("message_id")
        .where({ broadcast_id: broadcastId, status: "delivered" })
    )
    return rows.map((row) => row.message_id)
  }

  /** Marks a sending broadcast sent once nobody is pending; true when this call did it. */
  async finish(broadcastId: string, ctx: Context): Promise<boolean> {
    const knex = this.knex(ctx)
    const pending = live(knex, "affiliate_broadcast_recipient")
      .select(knex.raw("1"))
      .where({ broadcast_id: broadcastId, status: "pending" })
    const finished = await this.rows(
      ctx,
      knex("affiliate_broadcast")
        .update({ status: "sent", finished_at: knex.fn.now(), lease_owner: null, lease_until: null, updated_at: knex.fn.now() })
        .where({ id: broadcastId, status: "sending" })
        .whereNotNull("frozen_at")
        .whereNotExists(pending)
        .returning("id")
    )
    return finished.length > 0
  }

  /**
   * Stops a scheduled or sending broadcast; the row lock waits for a batch
   * being written, so none starts after. Returns the status it had, null
   * when there is no such broadcast.
   */
  async cancel(broadcastId: string, ctx: Context): Promise<BroadcastStatus | null> {
    const knex = this.knex(ctx)
    const row = await this.first<{ status: BroadcastStatus }>(
      ctx,
      live(knex, "affiliate_broadcast").select("status").where("id", broadcastId).forUpdate()
    )
    if (!row) {
      return null
    }
    if (row.status === "scheduled" || row.status === "sending") {
      await this.rows(
        ctx,
        knex("affiliate_broadcast")
          .update({ status: "cancelled", finished_at: knex.fn.now(), lease_owner: null, lease_until: null, updated_at: knex.fn.now() })
          .where("id", broadcastId)
      )
    }
    return row.status
  }

  async retrieve(broadcastId: string, ctx: Context): Promise<BroadcastWithCounts | null> {
    const knex = this.knex(ctx)
    const [row] = await this.rows<BroadcastWithCounts>(
      ctx,
      withThreadCounts(knex, live(knex, "affiliate_broadcast", "b").where("b.id", broadcastId))
    )
    return row ? countsOf(row) : null
  }

  async list(
    query: { status?: BroadcastStatus[]; limit: number; offset: number },
    ctx: Context
  ): Promise<{ broadcasts: BroadcastWithCounts[]; count: number }> {
    const knex = this.knex(ctx)
    const filtered = () => {
      const rows = live(knex, "affiliate_broadcast", "b")
      if (query.status?.length) {
        rows.whereIn("b.status", query.status)
      }
      return rows
    }
    const page = filtered()
      .orderBy([{ column: "b.created_at", order: "desc" }, { column: "b.id", order: "desc" }])
      .limit(query.limit)
      .offset(query.offset)
    const [rows, counted] = await Promise.all([
      this.rows<BroadcastWithCounts>(ctx, withThreadCounts(knex, page)),
      this.first<{ count: string }>(ctx, filtered().count("* as count")),
    ])
    return { broadcasts: rows.map(countsOf), count: Number(counted!.count) }
  }

  /** A page of recipients in list order, each with when its thread was read and replied to after the broadcast. */
  async listRecipients(
    query: { broadcast_id: string; status?: BroadcastRecipientStatus[]; limit: number; offset: number },
    ctx: Context
  ): Promise<{ recipients: BroadcastRecipientRow[]; count: number }> {
    const knex = this.knex(ctx)
    const filtered = () => {
      const rows = live(knex, "affiliate_broadcast_recipient", "r").where("r.broadcast_id", query.broadcast_id)
      if (query.status?.length) {
        rows.whereIn("r.status", query.status)
      }
      return rows
    }
    const page = filtered()
      .select(
        "r.affiliate_id", "r.affiliate_name", "r.affiliate_email", "r.affiliate_status", "r.affiliate_group_id",
        "r.affiliate_manager_id", "r.status", "r.reason", "r.conversation_id", "r.message_id",
        knex.raw(`${READ_AT} as read_at`),
        knex.raw(`${REPLIED_AT} as replied_at`)
      )
      .leftJoin({ m: "affiliate_message" }, "m.id", "r.message_id")
      .orderBy([{ column: "r.affiliate_name" }, { column: "r.affiliate_id" }])
      .limit(query.limit)
      .offset(query.offset)
    const [recipients, counted] = await Promise.all([
      this.rows<BroadcastRecipientRow>(ctx, page),
      this.first<{ count: string }>(ctx, filtered().count("* as count")),
    ])
    return { recipients, count: Number(counted!.count) }
  }
}

/** When a member first read the thread after the broadcast's message (the read marks only move forward). */
const READ_AT = `(select min(s.last_read_at) from affiliate_member_read_state s
  where s.conversation_id = r.conversation_id and s.deleted_at is null and s.last_read_at >= m.created_at)`
/** When the affiliate first wrote in the thread after the broadcast's message. */
const REPLIED_AT = `(select min(x.created_at) from affiliate_message x
  where x.conversation_id = r.conversation_id and x.author_type = 'affiliate' and x.created_at > m.created_at
    and x.deleted_at is null)`

/** The broadcasts of `page` (as `b`) with their read and replied counts, counted over their delivered recipients' threads. */
function withThreadCounts(knex: Knex, page: Knex.QueryBuilder): Knex.QueryBuilder {
  const counts = knex({ r: "affiliate_broadcast_recipient" })
    .select(
      knex.raw(`count(*) filter (where ${READ_AT} is not null) as read_count`),
      knex.raw(`count(*) filter (where ${REPLIED_AT} is not null) as replied_count`)
    )
    .join({ m: "affiliate_message" }, "m.id", "r.message_id")
    .where("r.broadcast_id", knex.ref("b.id"))
    .where("r.status", "delivered")
    .whereNull("r.deleted_at")
  return knex
    .select(...BROADCAST_COLUMNS.map((column) => `b.${column}`), "counts.read_count", "counts.replied_count")
    .from(page.clone().clearSelect().select("b.*").as("b"))
    .joinRaw("cross join lateral ? as counts", [counts as unknown as Knex.Raw])
    .orderBy([{ column: "b.created_at", order: "desc" }, { column: "b.id", order: "desc" }])
}

function countsOf(row: BroadcastWithCounts): BroadcastWithCounts {
  return { ...row, read_count: Number(row.read_count), replied_count: Number(row.replied_count) } as BroadcastWithCounts
}

export type { BroadcastDTO }
