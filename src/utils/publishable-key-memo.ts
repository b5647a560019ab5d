import type { PublishableKeyContext } from "@medusajs/framework/http"

/** How long a verdict of Medusa's is reused (decision 0044). */
export const PUBLISHABLE_KEY_MEMO_MS = 5_000

/** A store has a few storefronts, each with its key; past this, the oldest verdict goes. */
const MAX_KEYS = 32

/**
 * Medusa's publishable key verdicts, remembered for a few seconds for the
 * plugin's store routes (decision 0044, the seam
 * `src/api/utils/medusa-seams/publishable-key-check.ts`). Only keys Medusa
 * accepted are kept: a refused key is checked by Medusa every time, so a
 * stranger's guesses fill nothing. Dropped whole when Medusa announces a
 * change of any API key (`src/subscribers/api-key-changed.ts`).
 */
export class PublishableKeyMemo {
  protected readonly verdicts_ = new Map<string, { context: PublishableKeyContext; until: number }>()

  constructor(protected readonly ttlMs = PUBLISHABLE_KEY_MEMO_MS) {}

  /** The context Medusa gave `key` within the last `ttlMs`, if any. */
  recall(key: string, now = Date.now()): PublishableKeyContext | undefined {
    const verdict = this.verdicts_.get(key)
    if (!verdict) {
      return undefined
    }
    if (verdict.until <= now) {
      this.verdicts_.delete(key)
      return undefined
    }
    return verdict.context
  }

  remember(key: string, context: PublishableKeyContext, now = Date.now()): void {
    this.verdicts_.delete(key)
    if (this.verdicts_.size >= MAX_KEYS) {
      // a Map iterates in insertion order: the first key is the oldest verdict
      this.verdicts_.delete(this.verdicts_.keys().next().value!)
    }
    this.verdicts_.set(key, { context, until: now + this.ttlMs })
  }

  forget(): void {
    this.verdicts_.clear()
  }

  get size(): number {
    return this.verdicts_.size
  }
}

/** The process's memo: the seam reads and fills it, the subscriber empties it. */
export const publishableKeyMemo = new PublishableKeyMemo()
