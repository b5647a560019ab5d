import { createHmac, timingSafeEqual } from "crypto"
import type { ReplyRecipient } from "../../types/inbound-email"

/** 26 hex characters: 104 bits of HMAC, short enough for any local part with its prefix. */
export const REPLY_TOKEN_LENGTH = 26

/**
 * The token of one recipient of one conversation: an HMAC of the key
 * version and the ids, so deriving it again gives the same token (and the
 * same address across all of a thread's emails), it reveals no id, and a
 * new secret or key version gives every recipient a new one.
 */
export function deriveReplyToken(
  secret: string,
  keyVersion: number,
  conversationId: string,
  recipient: ReplyRecipient
): string {
  return createHmac("sha256", secret)
    .update(`reply-token\n${keyVersion}\n${conversationId}\n${recipient.type}\n${recipient.id}`)
    .digest("hex")
    .slice(0, REPLY_TOKEN_LENGTH)
}

export function sameToken(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

/** The reply address of `token` from the `replyTo` template. */
export const replyAddress = (template: string, token: string) => template.replace("{token}", token)

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * The tokens found in `addresses` that fit the `replyTo` template, in the
 * order given. Matched case-insensitively: some relays lowercase or
 * uppercase local parts. The pattern has no nested quantifier, so it runs
 * in linear time on any input.
 */
export function tokensIn(template: string, addresses: string[]): string[] {
  const [before, after] = template.split("{token}").map(escapeRegExp)
  const pattern = new RegExp(`^${before}([0-9a-f]{${REPLY_TOKEN_LENGTH}})${after}$`, "i")
  const found: string[] = []
  for (const address of addresses) {
    const match = pattern.exec(address.trim())
    if (match && !found.includes(match[1].toLowerCase())) {
      found.push(match[1].toLowerCase())
    }
  }
  return found
}
