import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import type { AudienceMember, BroadcastAudience } from "../../../types/broadcast"
import { SqlRepository, live } from "../../../utils/repository-sql"

/**
 * A broadcast's audience as affiliates, in one statement: the keys combine
 * with AND, the values of one key with OR. Each affiliate comes with why it
 * would be skipped as far as this module knows (its group's messaging flag,
 * its status, its members); the global setting and the threads are the
 * messaging module's, combined by the workflow.
 */
export class AudienceRepository extends SqlRepository {
  async resolve(audience: BroadcastAudience, ctx: Context): Promise<AudienceMember[]> {
    const knex = this.knex(ctx)
    const affiliates = live(knex, "affiliate", "a")
      .select(
        "a.id as affiliate_id",
        "a.name as affiliate_name",
        "a.email as affiliate_email",
        "a.status as affiliate_status",
        "a.group_id as affiliate_group_id",
        "a.manager_id as affiliate_manager_id",
        skipReason(knex)
      )
      .leftJoin({ g: "affiliate_group" }, (join) => join.on("g.id", "a.group_id").andOnNull("g.deleted_at"))
      .orderBy([{ column: "a.name" }, { column: "a.id" }])
    const inList = (column: string, values?: string[]) => {
      if (values?.length) {
        affiliates.whereIn(column, values)
      }
    }
    inList("a.group_id", audience.group_ids)
    inList("a.status", audience.statuses)
    inList("a.manager_id", audience.manager_ids)
    inList("a.id", audience.affiliate_ids)
    return await this.rows<AudienceMember>(ctx, affiliates)
  }
}

/** The first reason that applies: messaging off for the group, a status the owner may not write to, nobody to read it. */
function skipReason(knex: Knex): Knex.Raw {
  return knex.raw(`case
    when g.id is not null and not g.messaging_enabled then 'messaging_disabled'
    when a.status not in ('active', 'pending') then 'not_allowed'
    when not exists (select 1 from affiliate_member m where m.affiliate_id = a.id and m.deleted_at is null) then 'no_members'
  end as reason`)
}
