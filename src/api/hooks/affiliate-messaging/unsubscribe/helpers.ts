import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type { IAffiliateModuleService } from "../../../../types/affiliate-module"
import { unsubscribeKeys, verifyUnsubscribeToken } from "../../../../utils/unsubscribe-token"
import { HookUnsubscribeQuery } from "./validators"

export type UnsubscribeLink =
  | { valid: true; member_id: string; store_name: string }
  | { valid: false; message: string; store_name: string }

/**
 * The member a link turns off. Malformed, forged and stale links (a member
 * since deleted) read the same: nothing tells a prober which ids exist.
 */
export async function readUnsubscribeLink(req: MedusaRequest): Promise<UnsubscribeLink> {
  const service = req.scope.resolve<IAffiliateModuleService>(AFFILIATE_MODULE)
  const options = service.getOptions()
  const invalid = { valid: false as const, message: "This unsubscribe link is not valid.", store_name: options.storeName }
  const query = HookUnsubscribeQuery.safeParse(req.query)
  if (!query.success) {
    return invalid
  }
  const keys = unsubscribeKeys(req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE), options.inboundEmail?.secret)
  const memberId = verifyUnsubscribeToken(keys, query.data.token)
  if (!memberId) {
    return invalid
  }
  const [member] = await service.listAffiliateMembers({ id: memberId }, { select: ["id"] })
  return member ? { valid: true, member_id: member.id, store_name: options.storeName } : invalid
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

/**
 * A page of its own, no script: the link carries its credential, so it is
 * neither cached, indexed nor passed on as a referrer.
 */
export function sendPage(res: MedusaResponse, status: number, title: string, body: string) {
  res
    .status(status)
    .set({
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    })
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#18181b}` +
        `button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:0;background:#18181b;color:#fff;cursor:pointer}</style></head>` +
        `<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`
    )
}

/** A browser (HTML first in its Accept) gets a page; mail clients and API clients get JSON. */
export const wantsHtml = (req: MedusaRequest) => req.accepts(["json", "html"]) === "html"

export { escapeHtml }
