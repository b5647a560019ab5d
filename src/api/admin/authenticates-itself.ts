/**
 * Exported by every plugin admin route: it skips the authentication
 * Medusa runs on all of /admin, because ./middlewares.ts runs the same
 * authentication (Medusa's `authenticate("user", ["bearer", "session",
 * "api-key"])`) through the token cache: a bearer token Medusa accepted
 * once is not verified again until it expires (decision 0040). Sessions
 * (the dashboard's default) and secret API keys go through Medusa as
 * before.
 *
 * `AUTHENTICATE` is Medusa's documented route option (see
 * ../store/affiliates/authenticates-itself.ts); the reliability
 * authorization matrix checks that every plugin route exports it and that
 * every admin route still refuses a caller who is not an admin user.
 */
export const AUTHENTICATE = false
