import type { Context } from "@medusajs/framework/types"
import { SqlRepository, live } from "../../../utils/repository-sql"
import { entityIds } from "../../../utils/entity-ids"
import type { LiveFact, LiveFactInput, ReplayWindow } from "../types"

const EVENTS = "affiliate_live_event"
const COLUMNS = ["seq", "name", "conversation_id", "affiliate_id", "member_id", "group_id", "data", "created_at"]

type FactRow = Omit<LiveFact, "seq" | "created_at"> & { seq: string | number; created_at: Date | string }

const factOf = (row: FactRow): LiveFact => ({
  ...row,
  seq: Number(row.seq),
  created_at: new Date(row.created_at).toISOString(),
})

/**
 * The log of live facts, read back for `Last-Event-ID` replay (`LiveEvent`
 * model; not `LiveEventRepository`, the name of the one `MedusaService`
 * builds for the model). The indexes are partial (deleted_at is null), so
 * every read goes through `live`, or Postgres scans.
 */
export class FactLogRepository extends SqlRepository {
  async insert(inputs: LiveFactInput[], ctx: Context): Promise<LiveFact[]> {
    // one JSON parameter for the whole set: a broadcast batch records 500
    // facts at once, and 3,500 bound values took twice as long to send
    const ids = entityIds("lev", inputs.length)
    const facts = inputs.map((input, i) => ({
      id: ids[i],
      name: input.name,
      conversation_id: input.conversation_id ?? null,
      affiliate_id: input.affiliate_id ?? null,
      member_id: input.member_id ?? null,
      group_id: input.group_id ?? null,
      data: input.data ?? {},
    }))
    const rows = await this.boundRows<FactRow>(
      ctx,
      this.knex(ctx).raw(
        `insert into ${EVENTS} (id, name, conversation_id, affiliate_id, member_id, group_id, data)
         select x.id, x.name, x.conversation_id, x.affiliate_id, x.member_id, x.group_id, x.data
         from jsonb_to_recordset(?::jsonb) as x(id text, name text, conversation_id text, affiliate_id text,
              member_id text, group_id text, data jsonb)
         returning ${COLUMNS.join(", ")}`,
        [JSON.stringify(facts)]
      )
    )
    return rows.map(factOf).sort((a, b) => a.seq - b.seq)
  }

  /** Retained facts after `after`, oldest first. */
  async listAfter(input: { after: number; retainedSince: Date; limit: number }, ctx: Context): Promise<LiveFact[]> {
    const rows = await this.rows<FactRow>(
      ctx,
      live(this.knex(ctx), EVENTS)
        .select(COLUMNS)
        .where("seq", ">", input.after)
        .andWhere("created_at", ">=", input.retainedSince)
        .orderBy("seq")
        .limit(input.limit)
    )
    return rows.map(factOf)
  }

  async head(ctx: Context): Promise<number> {
    const row = await this.first<{ head: string | null }>(ctx, live(this.knex(ctx), EVENTS).max({ head: "seq" }))
    return Number(row?.head ?? 0)
  }

  /**
   * Complete when every fact after `after` is still retained: as many
   * retained facts as seqs handed out since. A seq lost to a rolled back
   * insert makes a needless resync, never a silent loss.
   */
  async replayWindow(input: { after: number; retainedSince: Date }, ctx: Context): Promise<ReplayWindow> {
    const head = await this.head(ctx)
    const { after } = input
    if (after >= head) {
      return { head, complete: after === head }
    }
    const row = await this.first<{ retained: string }>(
      ctx,
      live(this.knex(ctx), EVENTS)
        .count({ retained: "*" })
        .where("seq", ">", after)
        .andWhere("created_at", ">=", input.retainedSince)
    )
    return { head, complete: Number(row?.retained ?? 0) === head - after }
  }

  /** Deletes facts past retention, keeping the newest so the head survives a quiet day. */
  async purge(retainedSince: Date, ctx: Context): Promise<number> {
    const head = await this.head(ctx)
    return await this.affected(
      ctx,
      this.knex(ctx)(EVENTS).where("created_at", "<", retainedSince).andWhere("seq", "<", head).delete()
    )
  }

  /** Names the log's pub/sub channel (one per database): stores sharing a Redis never hear each other. */
  async databaseName(ctx: Context): Promise<string> {
    const row = await this.first<{ name: string }>(ctx, this.knex(ctx).raw("select current_database() as name"))
    return row!.name
  }
}
