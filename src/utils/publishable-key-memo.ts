import type { PublishableKeyContext } from "@medusajs/framework/http"
import { LRUCache } from "lru-cache"

/** How long a verdict of Medusa's is reused (decision 0044). */
export const PUBLISHABLE_KEY_MEMO_MS = 5_000

/**
 * Medusa's publishable key verdicts, remembered for a few seconds for the
 * plugin's store routes (decision 0044, the seam
 * `src/api/utils/medusa-seams/publishable-key-check.ts`): the context
 * Medusa set, by key. Only keys Medusa accepted are kept: a refused key is
 * checked by Medusa every time, so a stranger's guesses fill nothing. A
 * store has a few storefronts, each with its key: past 32, the least used
 * goes. Emptied when Medusa announces a change of any API key
 * (`src/subscribers/api-key-changed.ts`).
 */
export const publishableKeyMemo = new LRUCache<string, PublishableKeyContext>({ max: 32, ttl: PUBLISHABLE_KEY_MEMO_MS })
