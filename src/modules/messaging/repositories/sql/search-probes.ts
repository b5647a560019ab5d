/**
 * pg_trgm answers `LIKE '%q%'` from its GIN index only with every trigram
 * of `q`, and GIN's fast scan then decodes the posting list of each common
 * trigram around every candidate of the rarest one: "Partner 4242" in a
 * table where every row says "partner" cost ~3 ms an index at 1M messages,
 * "4242" alone 0.2 ms. PostgreSQL keeps no statistics per trigram, so the
 * plugin has it keep some (extended statistics on `show_trgm` of the
 * searched columns, see their migration) and asks the index only for the
 * rare parts of `q`; the whole of `q` is then checked on the rows found.
 * A probe is a substring of `q`, so it never loses a match: stale or
 * missing statistics only make a search slower, never wrong.
 */

/** A trigram in at least this share of rows counts as common. */
export const COMMON_TRIGRAM_FREQUENCY = 0.05

/** Trigrams common on each searched column. */
export type CommonTrigrams = {
  conversation: ReadonlySet<string>
  message: ReadonlySet<string>
}

export const NO_COMMON_TRIGRAMS: CommonTrigrams = { conversation: new Set(), message: new Set() }

/** pg_trgm's words: runs of letters and digits; its trigrams never cross them. */
const WORD = /[\p{L}\p{N}]+/gu

/**
 * The substrings of `q` to ask the trigram index for: each a run of
 * consecutive rare trigrams within one word of `q`. Null when `q` itself
 * is the probe: it has no common trigram, or nothing but common ones.
 */
export function rareProbes(q: string, common: ReadonlySet<string>): string[] | null {
  if (!common.size) {
    return null
  }
  const probes = new Set<string>()
  let sawCommon = false
  for (const [word] of q.matchAll(WORD)) {
    // code points, as pg_trgm counts characters; lowercased as it stores them
    const chars = Array.from(word)
    const lowered = chars.map((char) => char.toLowerCase())
    let runStart = -1
    for (let i = 0; i + 3 <= chars.length; i++) {
      if (common.has(lowered[i] + lowered[i + 1] + lowered[i + 2])) {
        sawCommon = true
        if (runStart >= 0) {
          probes.add(chars.slice(runStart, i + 2).join(""))
          runStart = -1
        }
      } else if (runStart < 0) {
        runStart = i
      }
    }
    if (runStart >= 0) {
      probes.add(chars.slice(runStart).join(""))
    }
  }
  return sawCommon && probes.size ? [...probes] : null
}

/** The extended statistics on the searched columns (migration 20261201060000). */
export const TRIGRAM_STATISTICS = {
  conversation: "affiliate_conversation_search_key_trigrams",
  message: "affiliate_message_body_trigrams",
}

/** What ANALYZE last found in those statistics (`SearchRepository#commonTrigrams`). */
export type StatisticsRow = { name: string; elems: string[] | null; freqs: number[] | null }

export function commonTrigramsFromRows(rows: StatisticsRow[]): CommonTrigrams {
  return {
    conversation: commonIn(rows.find((row) => row.name === TRIGRAM_STATISTICS.conversation)),
    message: commonIn(rows.find((row) => row.name === TRIGRAM_STATISTICS.message)),
  }
}

/** `most_common_elem_freqs` ends with three summary figures after the per-element ones. */
function commonIn(row: StatisticsRow | undefined) {
  const common = new Set<string>()
  row?.elems?.forEach((trigram, i) => {
    if ((row.freqs?.[i] ?? 0) >= COMMON_TRIGRAM_FREQUENCY) {
      common.add(trigram)
    }
  })
  return common
}
