import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateAffiliateMembersWorkflow } from "../../../../workflows"
import { escapeHtml, readUnsubscribeLink, sendPage, wantsHtml } from "./helpers"
import { HookUnsubscribeBody } from "./validators"

/**
 * The confirm page of an email's unsubscribe link (JSON to clients that ask
 * for it). It never unsubscribes: link scanners and mail previews fetch
 * every link they see. Its button posts to the same URL.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const link = await readUnsubscribeLink(req)
  const html = wantsHtml(req)
  if (!link.valid) {
    return html
      ? sendPage(res, 400, "Link not valid", `<p>${escapeHtml(link.message)} Turn emails off in your affiliate portal instead.</p>`)
      : res.status(400).json({ type: "invalid_data", message: link.message })
  }
  if (!html) {
    return res.status(200).json({ unsubscribe: { method: "POST" } })
  }
  sendPage(
    res,
    200,
    "Stop message emails?",
    `<p>You will no longer get an email when ${escapeHtml(link.store_name)} writes to you. Messages still arrive in your affiliate portal, where you can turn emails on again.</p>` +
      `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`
  )
}

/**
 * One-click unsubscribe (RFC 8058): the mail client posts
 * `List-Unsubscribe=One-Click` here, as the confirm page's button does.
 * The signed token is the only credential: no login, no publishable key.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const html = wantsHtml(req)
  // no body at all (multipart is not parsed) is fine; JSON null is not
  const body = HookUnsubscribeBody.safeParse(req.body === undefined ? {} : req.body)
  const link = body.success
    ? await readUnsubscribeLink(req)
    : { valid: false as const, message: "The body must be List-Unsubscribe=One-Click or empty." }
  if (!link.valid) {
    return html
      ? sendPage(res, 400, "Link not valid", `<p>${escapeHtml(link.message)}</p>`)
      : res.status(400).json({ type: "invalid_data", message: link.message })
  }
  await updateAffiliateMembersWorkflow(req.scope).run({
    input: { updates: [{ id: link.member_id, email_notifications: false }] },
  })
  if (!html) {
    return res.status(200).json({ unsubscribed: true })
  }
  sendPage(
    res,
    200,
    "You are unsubscribed",
    `<p>${escapeHtml(link.store_name)} will not email you about new messages any more. Turn emails on again in your affiliate portal.</p>`
  )
}
