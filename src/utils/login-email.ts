import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** The auth provider whose `entity_id` is the address the login was registered with. */
const EMAIL_PROVIDER = "emailpass"

/**
 * The email address of a login (auth identity), lower-cased: the `entity_id`
 * its emailpass provider identity stored when `/auth/affiliate/emailpass/register`
 * ran. Null for a login without one: an OAuth provider's `entity_id` is that
 * provider's own user id, not an address anyone proved they read. Sign-up and
 * invite acceptance both bind the member's email to it, so no one can speak
 * for an address they did not log in with.
 *
 * @example
 * const email = await loginEmailOf(container, "authid_123") // "ann@acme.test"
 */
export async function loginEmailOf(
  container: MedusaContainer,
  authIdentityId: string
): Promise<string | null> {
  const identity = await container
    .resolve(Modules.AUTH)
    .retrieveAuthIdentity(authIdentityId, { relations: ["provider_identities"] })
  const emailpass = (identity.provider_identities ?? []).find(
    (provider) => provider.provider === EMAIL_PROVIDER
  )
  return emailpass ? emailpass.entity_id.trim().toLowerCase() : null
}

/** Whether two addresses name the same mailbox as far as sign-up cares: case-insensitively. */
export const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()
