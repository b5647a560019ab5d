import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import type { InboundEmailDTO, NewInboundEmail } from "../../../types/inbound-email"
import { SqlRepository, live, liveConflict, textArray } from "../../../utils/repository-sql"
import { entityId } from "../../../utils/entity-ids"

const TABLE = "affiliate_inbound_email"

/**
 * The log of received emails and their processing runs (`InboundEmail`
 * model; not `InboundEmailRepository`, the name of the one `MedusaService`
 * builds for the model).
 */
export class InboundLogRepository extends SqlRepository {
  /**
   * Inserts the email unless one with its `dedupe_key` is already stored;
   * returns the new row, or null when the key was taken. One statement, so
   * two transports receiving the same email at once store it once.
   */
  async insert(email: NewInboundEmail, ctx: Context): Promise<InboundEmailDTO | null> {
    const knex = this.knex(ctx)
    const inserted = await this.first<InboundEmailDTO>(
      ctx,
      knex(TABLE)
        .insert(rowOf(knex, email))
        .onConflict(liveConflict(knex, ["dedupe_key"], "dedupe_key is not null"))
        .ignore()
        .returning("*")
    )
    return inserted ?? null
  }

  /** A second arrival of a stored email: a row of its own, pointing at the first. */
  async insertDuplicate(input: { email: NewInboundEmail; original: string }, ctx: Context): Promise<InboundEmailDTO> {
    const knex = this.knex(ctx)
    const { email, original } = input
    const ofOriginal = (column: string) => knex(TABLE).select(column).where("id", original)
    const duplicate = await this.first<InboundEmailDTO>(
      ctx,
      knex(TABLE)
        .insert(
          rowOf(knex, { ...email, dedupe_key: null, raw_file_id: null, status: "duplicate" }, {
            duplicate_of: original,
            conversation_id: ofOriginal("conversation_id"),
            message_id: ofOriginal("message_id"),
          })
        )
        .returning("*")
    )
    return duplicate!
  }

  async findByDedupeKey(key: string, ctx: Context): Promise<InboundEmailDTO | null> {
    const email = await this.first<InboundEmailDTO>(
      ctx,
      live(this.knex(ctx), TABLE).select("*").where("dedupe_key", key).limit(1)
    )
    return email ?? null
  }

  /** Counts a processing run of a `received` email; null when it is in any other state. */
  async claim(id: string, ctx: Context): Promise<InboundEmailDTO | null> {
    const knex = this.knex(ctx)
    const claimed = await this.first<InboundEmailDTO>(
      ctx,
      live(knex, TABLE)
        .where({ id, status: "received" })
        .update({ attempts: knex.raw("attempts + 1"), updated_at: new Date() })
        .returning("*")
    )
    return claimed ?? null
  }

  /** `failed` → `received`, in one statement, so two retries at once queue one run. */
  async reopenFailed(id: string, ctx: Context): Promise<InboundEmailDTO | null> {
    const reopened = await this.first<InboundEmailDTO>(
      ctx,
      live(this.knex(ctx), TABLE)
        .where({ id, status: "failed" })
        .update({ status: "received", error: null, updated_at: new Date() })
        .returning("*")
    )
    return reopened ?? null
  }

  /**
   * Emails received before `before` that still hold a raw copy (the purge's
   * batch). Soft-deleted rows too: retention applies to every raw copy.
   */
  async listRawCopiesBefore(input: { before: Date; limit: number }, ctx: Context) {
    return await this.rows<{ id: string; raw_file_id: string }>(
      ctx,
      this.knex(ctx)(TABLE)
        .select("id", "raw_file_id")
        .whereNotNull("raw_file_id")
        .andWhere("received_at", "<", input.before)
        .orderBy("received_at")
        .limit(input.limit)
    )
  }

  async forgetRawCopies(ids: string[], ctx: Context): Promise<void> {
    await this.rows(ctx, this.knex(ctx)(TABLE).whereIn("id", ids).update({ raw_file_id: null, updated_at: new Date() }))
  }
}

function rowOf(knex: Knex, email: NewInboundEmail, extra: Record<string, unknown> = {}) {
  return {
    id: entityId("inem"),
    received_at: new Date(),
    status: "received",
    reason: null,
    detail: null,
    ...email,
    to_addresses: textArray(knex, email.to_addresses),
    envelope_to: textArray(knex, email.envelope_to),
    ...extra,
  }
}
