/**
 * Exported by every plugin store route: it skips the customer
 * authentication Medusa runs on all of /store. These routes authenticate
 * their own actor type (an affiliate, see ./middlewares.ts), so Medusa's
 * pass only verified the bearer token's signature a second time and threw
 * the result away (an affiliate is no customer): ~450 µs of CPU per request,
 * about a sixth of the Messages badge every storefront polls (profiled).
 *
 * Not a seam: `AUTHENTICATE` is Medusa's documented route option, read by
 * its routes loader since 2.0 (2.19.0 through 2.21.2 included); the
 * reliability authorization matrix checks that exactly the store routes
 * export it and that they still refuse every caller they must.
 */
export const AUTHENTICATE = false
