import type { ConfigModule } from "@medusajs/framework/types"
import { createHmac, timingSafeEqual } from "crypto"
import { inviteTokenSecret } from "./invite-token"

/** The route a `List-Unsubscribe` link points at, below the store's public server URL. */
export const UNSUBSCRIBE_PATH = "/hooks/affiliate-messaging/unsubscribe"

const VERSION = "v1"

/**
 * The keys of unsubscribe links, the signing one first: `inboundEmail.secret`
 * when reply by email is on, else a key derived from the store's JWT secret
 * (as invite tokens are). Both verify, so links in emails sent before reply
 * by email was turned on keep working.
 */
export function unsubscribeKeys(
  configModule: Pick<ConfigModule, "projectConfig">,
  inboundSecret?: string | null
): Buffer[] {
  const derived = createHmac("sha256", inviteTokenSecret(configModule))
    .update("affiliate-messaging:list-unsubscribe")
    .digest()
  return inboundSecret ? [Buffer.from(inboundSecret), derived] : [derived]
}

const signature = (key: Buffer, memberId: string) =>
  createHmac("sha256", key).update(`unsubscribe:${VERSION}:${memberId}`).digest("base64url")

/**
 * `<member id>.<signature>`: the link names the member it turns off (the
 * member reads their own id, nothing more) and only the store can sign one.
 */
export function signUnsubscribeToken(keys: Buffer[], memberId: string): string {
  return `${memberId}.${signature(keys[0], memberId)}`
}

/** The member a token was signed for, or null when it is malformed or forged. */
export function verifyUnsubscribeToken(keys: Buffer[], token: string): string | null {
  const dot = token.lastIndexOf(".")
  if (dot < 1) {
    return null
  }
  const memberId = token.slice(0, dot)
  const given = Buffer.from(token.slice(dot + 1))
  const valid = keys.some((key) => {
    const expected = Buffer.from(signature(key, memberId))
    return expected.length === given.length && timingSafeEqual(expected, given)
  })
  return valid ? memberId : null
}

export function unsubscribeUrl(backendUrl: string, token: string): string {
  return `${backendUrl}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`
}
