import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INBOUND_EMAIL_MODULE } from "../../../../modules/inbound-email"
import type InboundEmailModuleService from "../../../../modules/inbound-email/service"
import type { ErrorResponse } from "../../../../types/http"
import { receiveInboundEmail } from "../../../../workflows/inbound-email"
import { UploadError, answerRefusedUpload } from "../../../utils/attachments/upload-refusal"
import { WebhookRefusal, emailOfRequest, isAuthorized } from "./helpers"

export type InboundEmailWebhookResponse = { id: string; status: "received" | "duplicate" }

/**
 * Inbound email webhook: providers (or any MTA pipe) post replies here.
 * Authenticated by the `inboundEmail.secret` (Bearer, or basic auth
 * password); anything else is 401 and nothing is stored. Answers once the
 * email is stored: 200 `{ id, status }` (`duplicate` when already
 * received), 413 past `maxBytes`. 404 while reply by email is off.
 */
export const POST = async (
  req: MedusaRequest,
  res: MedusaResponse<InboundEmailWebhookResponse | ErrorResponse>
) => {
  const options = req.scope.resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE).getInboundOptions()
  if (!options) {
    return refuse(req, res, new WebhookRefusal(404, "not_found", "Reply by email is not enabled"))
  }
  if (!isAuthorized(req, options.secret)) {
    res.setHeader("WWW-Authenticate", 'Basic realm="affiliate-messaging inbound email"')
    return refuse(req, res, new WebhookRefusal(401, "unauthorized", "Send the inbound email secret as a Bearer token or basic auth password"))
  }
  try {
    const raw = await emailOfRequest(req, options)
    const received = await receiveInboundEmail(req.scope, { raw, transport: "webhook" })
    if (received.reason === "too_large") {
      return refuse(req, res, new WebhookRefusal(413, "too_large", `The email is larger than the ${options.maxBytes} bytes accepted`))
    }
    res.status(200).json({ id: received.id, status: received.status as InboundEmailWebhookResponse["status"] })
  } catch (error) {
    if (error instanceof WebhookRefusal) {
      return refuse(req, res, error)
    }
    throw error
  }
}

/** Answered while the provider may still be sending: its body is drained, not cut (see answerRefusedUpload). */
function refuse(req: MedusaRequest, res: MedusaResponse, refusal: WebhookRefusal) {
  answerRefusedUpload(req, res, new UploadError(refusal.status, refusal.message, undefined, refusal.type))
}
