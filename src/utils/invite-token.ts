import type { ConfigModule } from "@medusajs/framework/types"
import { KeyObject, createHash, createHmac, randomBytes } from "crypto"

type InviteSecret = string | Buffer | KeyObject

/**
 * An invite's token is derived, not stored: HMAC-SHA256 keyed with the
 * store's `projectConfig.http.jwtSecret` over the invite id and a random
 * salt kept on the invite. The route that creates the invite and the
 * delivery job that emails it derive the same token, so the queue's job
 * data holds the invite id only; the table holds the salt and the token's
 * SHA-256, neither of which grants anything without the other secret.
 */
export function generateInviteSalt(): string {
  return randomBytes(32).toString("base64url")
}

export function deriveInviteToken(secret: InviteSecret, inviteId: string, salt: string): string {
  return createHmac("sha256", secret).update(`${inviteId}.${salt}`).digest("base64url")
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex")
}

/**
 * The key of invite tokens: the store's JWT secret, which every process of
 * one store shares. Rotating it voids the links of invites still unsent.
 */
export function inviteTokenSecret(configModule: Pick<ConfigModule, "projectConfig">): InviteSecret {
  const configured = configModule.projectConfig?.http?.jwtSecret
  // jsonwebtoken also takes a key with its passphrase
  const secret = configured && typeof configured === "object" && "key" in configured ? configured.key : configured
  if (!secret) {
    throw new Error("medusa-plugin-affiliate-messaging: invites need projectConfig.http.jwtSecret")
  }
  return secret
}

/** `affiliateInviteUrl` with its `{token}` filled in. */
export function inviteAcceptUrl(template: string, token: string): string {
  return template.replace("{token}", encodeURIComponent(token))
}
