import { LRUCache } from "lru-cache"

/** An admin as a send signs with it. */
export type AdminName = { id: string; first_name: string | null; last_name: string | null; email: string }

/** How long an admin's name is reused. */
export const ADMIN_NAME_MEMO_MS = 5_000

/**
 * The admins' names an owner's send signs with, as Medusa's User Module
 * last gave them, for 5 s (decision 0045): under a burst of sends the
 * module's read (an ORM query, the owner send's costliest read) runs once
 * per admin per 5 s. Only admins that exist are kept. Medusa's
 * `user.updated` and `user.deleted` drop an admin's entry in the process
 * that hears them (`src/subscribers/user-changed.ts`); elsewhere a renamed
 * admin signs with the old name, and a deleted one can still send, for up
 * to 5 s.
 */
export const adminNameMemo = new LRUCache<string, AdminName>({ max: 1_000, ttl: ADMIN_NAME_MEMO_MS })
