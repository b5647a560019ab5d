import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import { SqlRepository, containsPattern, live } from "../../../utils/repository-sql"
import {
  CommonTrigrams,
  NO_COMMON_TRIGRAMS,
  StatisticsRow,
  TRIGRAM_STATISTICS,
  commonTrigramsFromRows,
  rareProbes,
} from "./sql/search-probes"

/** Trigram indexes only help from three characters on. */
const MIN_MESSAGE_SEARCH_LENGTH = 3

/** ANALYZE renews the statistics every few minutes at most: read once a minute. */
const COMMON_TRIGRAMS_TTL_MS = 60_000

/**
 * The inbox's `q`: which conversations it finds, by affiliate name or
 * email and by message text, each side from its own trigram index
 * (decision 0001).
 */
export class SearchRepository extends SqlRepository {
  protected readonly commonTrigrams_: { readAt: number; value?: Promise<CommonTrigrams> } = { readAt: 0 }

  /**
   * The searched columns' common trigrams. They make a search faster, never
   * different, so failing to read them is not the inbox's failure.
   */
  commonTrigrams(ctx: Context = {}): Promise<CommonTrigrams> {
    const cache = this.commonTrigrams_
    const now = Date.now()
    if (!cache.value || now - cache.readAt > COMMON_TRIGRAMS_TTL_MS) {
      cache.readAt = now
      cache.value = this.rows<StatisticsRow>(ctx, this.statisticsStatement(this.knex(ctx))).then(
        commonTrigramsFromRows,
        () => NO_COMMON_TRIGRAMS
      )
    }
    return cache.value
  }

  /**
   * What ANALYZE last found in the trigram statistics: none until ANALYZE
   * has run, on PostgreSQL before 14, or when the database user does not
   * own the tables (the view shows owners only): search then asks the index
   * for every trigram, as it would without them.
   */
  statisticsStatement(knex: Knex): Knex.QueryBuilder {
    return knex
      .select(
        "statistics_name as name",
        knex.raw("most_common_elems::text::text[] as elems"),
        "most_common_elem_freqs as freqs"
      )
      .from("pg_stats_ext_exprs")
      .where("statistics_schemaname", knex.raw("current_schema()"))
      .whereIn("statistics_name", [TRIGRAM_STATISTICS.conversation, TRIGRAM_STATISTICS.message])
  }

  /** Ids of the conversations `q` finds as one array, `ids`. */
  hitsStatement(knex: Knex, q: string, common: CommonTrigrams): Knex.QueryBuilder {
    // `search_key` is the name and email lowercased, joined by a line break
    // (see its migration): both are one line, so a `q` with a line break can
    // only be message text
    const sources: Knex.QueryBuilder[] = []
    if (!q.includes("\n")) {
      sources.push(
        matching(knex, {
          table: "affiliate_conversation", select: "id", column: "search_key",
          contains: (text) => knex.raw("?? like lower(?)", ["search_key", containsPattern(text)]),
          q, probes: rareProbes(q, common.conversation),
        })
      )
    }
    if (q.length >= MIN_MESSAGE_SEARCH_LENGTH) {
      sources.push(
        matching(knex, {
          table: "affiliate_message", select: "conversation_id", column: "body",
          contains: (text) => knex.raw("?? ilike ?", ["body", containsPattern(text)]),
          q, probes: rareProbes(q, common.message),
        })
      )
    }
    if (!sources.length) {
      // only a short `q` with a line break: it can match nothing
      return knex.select(knex.raw("'{}'::text[] as ids"))
    }
    return knex.select(knex.raw("array(?) as ids", [knex.union(sources, true)]))
  }
}

/**
 * Rows of `table` whose `column` contains `q`. With probes, the index is
 * asked for them alone and `q` is checked on what it finds: `offset 0`
 * keeps the planner from handing that check to the index too.
 */
function matching(
  knex: Knex,
  side: {
    table: string
    select: string
    column: string
    contains: (text: string) => Knex.Raw
    q: string
    probes: string[] | null
  }
): Knex.QueryBuilder {
  const { table, select, column, contains, q, probes } = side
  if (!probes) {
    return live(knex, table).select(select).where(contains(q))
  }
  const candidates = live(knex, table).select(select, column)
  probes.forEach((probe) => candidates.where(contains(probe)))
  return knex.select(select).from(knex.raw("(? offset 0) as found", [candidates])).where(contains(q))
}
