import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ThreadKey } from "../../../../types/messaging"
import { live } from "../../../../utils/repository-sql"

/**
 * The live conversation a key names (at most one row: an audience has one
 * thread by the unique indexes), every column. Shared by the thread writes
 * and the send's reads, so both find a thread by the same rule.
 */
export function liveThread(knex: Knex, key: ThreadKey): Knex.QueryBuilder {
  const thread = live(knex, "affiliate_conversation").select("*")
  if ("id" in key) {
    return thread.where("id", key.id)
  }
  // `is not distinct from` would hide both unique indexes from the planner
  thread.where("affiliate_id", key.audience.affiliate_id)
  return key.audience.member_id ? thread.where("member_id", key.audience.member_id) : thread.whereNull("member_id")
}
