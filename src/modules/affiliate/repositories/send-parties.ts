import type { Context } from "@medusajs/framework/types"
import type { AffiliatePerson, SendParties } from "../../../types/affiliate-module"
import { SqlRepository, live, onLive } from "../../../utils/repository-sql"
import { type SendAffiliateRow, sendAffiliateOf } from "./sql/send-affiliate-row"

type PartiesRow = SendAffiliateRow & { member: AffiliatePerson | null; writer: AffiliatePerson | null }

/**
 * What a send needs of the affiliate module in one indexed query: the
 * affiliate with its group's messaging flags, the member of a member
 * thread, and the member who writes (their name signs the message).
 */
export class SendPartiesRepository extends SqlRepository {
  async retrieve(
    input: { affiliate_id: string; member_id?: string | null; writer_id?: string | null },
    ctx: Context
  ): Promise<SendParties | null> {
    const knex = this.knex(ctx)
    const person = (alias: string) =>
      knex.raw(`case when ??.id is null then null else json_build_object('id', ??.id, 'first_name', ??.first_name, 'last_name', ??.last_name, 'email', ??.email) end`, [
        alias, alias, alias, alias, alias,
      ])
    const row = await this.preparedFirst<PartiesRow>(
      ctx,
      "send_parties",
      live(knex, "affiliate", "a")
        .select(
          "a.id", "a.name", "a.email", "a.status", "a.group_id", "a.manager_id",
          "g.name as group_name", "g.messaging_enabled", "g.messaging_disabled_message",
          knex.raw("(?) as member", [person("m")]),
          knex.raw("(?) as writer", [person("w")])
        )
        .leftJoin({ g: "affiliate_group" }, (join) => onLive(join.on("g.id", "a.group_id"), "g"))
        .leftJoin({ m: "affiliate_member" }, (join) =>
          onLive(join.on("m.affiliate_id", "a.id").andOn("m.id", knex.raw("?", [input.member_id ?? null])), "m")
        )
        .leftJoin({ w: "affiliate_member" }, (join) => onLive(join.on("w.id", knex.raw("?", [input.writer_id ?? null])), "w"))
        .where("a.id", input.affiliate_id)
    )
    if (!row) {
      return null
    }
    return {
      affiliate: sendAffiliateOf(row),
      member: row.member,
      writer: row.writer,
    }
  }
}
