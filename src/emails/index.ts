import { LRUCache } from "lru-cache"
import type { AffiliateInviteEmailProps } from "./affiliate-invite-email"
import type { MessageDigestEmailProps } from "./message-digest-email"
import type { NewMessageEmailProps } from "./new-message-email"
import type { RenderedEmail } from "./render-email"

export type { AffiliateInviteEmailProps } from "./affiliate-invite-email"
export type { NewMessageEmailProps, NotifiedMessage } from "./new-message-email"
export type { DigestThread, MessageDigestEmailProps } from "./message-digest-email"
export type { RenderedEmail } from "./render-email"

/**
 * React, react-email and the templates load on the first email, so server
 * processes that never send one (workerMode "server") do not carry them.
 */
const templates = () =>
  require("./templates") as typeof import("./templates")

/**
 * The same props render the same email: a team message to many members is
 * rendered once, not once per recipient. Bounded, least recently used
 * dropped first.
 */
const rendered = new LRUCache<string, Promise<RenderedEmail>>({ max: 200 })

export function renderNewMessageEmail(props: NewMessageEmailProps): Promise<RenderedEmail> {
  const key = JSON.stringify(props)
  let email = rendered.get(key)
  if (!email) {
    email = templates().renderNewMessageEmail(props)
    rendered.set(key, email)
    email.catch(() => rendered.delete(key))
  }
  return email
}

export const renderAffiliateInviteEmail = (props: AffiliateInviteEmailProps) =>
  templates().renderAffiliateInviteEmail(props)

export const renderMessageDigestEmail = (props: MessageDigestEmailProps) =>
  templates().renderMessageDigestEmail(props)
