import type { Context } from "@medusajs/framework/types"
import { SqlRepository, live, liveConflict } from "../../../utils/repository-sql"
import type { ImapCursor } from "../transports/imap-poller"
import { entityId } from "../../../utils/entity-ids"

const TABLE = "affiliate_imap_cursor"

/**
 * The IMAP poller's mailboxes: the lease that lets one process poll each,
 * and the cursor of what it handed to ingestion (`ImapCursor` model; the
 * class is not `ImapCursorRepository`, which would replace the one
 * `MedusaService` builds for the model).
 */
export class MailboxRepository extends SqlRepository {
  /**
   * Takes the mailbox's lease for `owner` when it is free, expired or
   * already `owner`'s, and extends it by `ms`; true when `owner` holds it
   * now. One statement, so two workers starting at once never both win.
   */
  async lease(input: { key: string; owner: string; ms: number }, ctx: Context): Promise<boolean> {
    const knex = this.knex(ctx)
    const until = knex.raw("now() + ? * interval '1 millisecond'", [input.ms])
    const leased = await this.first<{ id: string }>(
      ctx,
      knex(TABLE)
        .insert({
          id: entityId("imapcur"),
          mailbox_key: input.key,
          lease_owner: input.owner,
          lease_until: until,
        })
        .onConflict(liveConflict(knex, ["mailbox_key"]))
        .merge({ lease_owner: input.owner, lease_until: until, updated_at: knex.fn.now() })
        .where(function () {
          this.where(`${TABLE}.lease_owner`, input.owner)
            .orWhereNull(`${TABLE}.lease_until`)
            .orWhere(`${TABLE}.lease_until`, "<", knex.fn.now())
        })
        .returning("id")
    )
    return !!leased
  }

  async release(input: { key: string; owner: string }, ctx: Context): Promise<void> {
    const knex = this.knex(ctx)
    await this.rows(
      ctx,
      live(knex, TABLE)
        .where({ mailbox_key: input.key, lease_owner: input.owner })
        .update({ lease_owner: null, lease_until: null, updated_at: knex.fn.now() })
    )
  }

  async readCursor(key: string, ctx: Context): Promise<ImapCursor | null> {
    const cursor = await this.first<ImapCursor>(
      ctx,
      live(this.knex(ctx), TABLE)
        .select("uid_validity", "last_uid")
        .where("mailbox_key", key)
        .whereNotNull("uid_validity")
        .limit(1)
    )
    return cursor ?? null
  }

  /**
   * Moves the cursor to `cursor`: forward only within one UIDVALIDITY (a
   * late writer never moves it back), anywhere when the UIDVALIDITY changed.
   */
  async advanceCursor(input: { key: string; cursor: ImapCursor }, ctx: Context): Promise<void> {
    const knex = this.knex(ctx)
    const { uid_validity, last_uid } = input.cursor
    await this.rows(
      ctx,
      live(knex, TABLE)
        .where("mailbox_key", input.key)
        .andWhere(function () {
          this.whereRaw("uid_validity is distinct from ?", [uid_validity])
            .orWhereNull("last_uid")
            .orWhereRaw("last_uid::bigint < ?::bigint", [last_uid])
        })
        .update({ uid_validity, last_uid, updated_at: knex.fn.now() })
    )
  }
}
