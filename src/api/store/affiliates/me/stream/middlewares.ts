import {
  type AuthenticatedMedusaRequest,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { AFFILIATE_ACTOR_TYPE } from "../../../../../types/affiliate"
import { LoginBinding, loginBindingOf } from "../../../../utils/live/login-check"
import { liveEventsService } from "../../../../utils/live/run-stream"
import { StoreStreamParams, validateStreamQuery } from "../../../../utils/live/stream-query"
import { EmptyBody } from "../../../../utils/validators/common"
import { authenticateWithTokenCache } from "../../../../utils/medusa-seams/authenticate-with-token-cache"
import { validateBody } from "../../../../utils/medusa-seams/validate-request"
import { requireAffiliateMember } from "../../../../utils/middlewares/require-affiliate-member"

export type StreamRequest = { stream_login: LoginBinding }

export const STREAM_PATH = "/store/affiliates/me/stream"

/** Whether a request is for the stream, which authenticates itself (`authenticateStream`). */
export const isStreamRequest = (req: MedusaRequest) => /^\/store\/affiliates\/me\/stream\/?(\?|$)/.test(req.originalUrl)

const authenticateMember = authenticateWithTokenCache(AFFILIATE_ACTOR_TYPE, ["session", "bearer"])

const unauthorized = (res: MedusaResponse, message: string) => res.status(401).json({ type: "unauthorized", message })

/**
 * A ticket (`EventSource`) or the usual affiliate authentication (fetch
 * streaming). With both, they must name the same member. The ticket is used
 * up here, and taken out of the URL Medusa's request log prints.
 */
async function authenticateStream(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const ticket = (req.query as { ticket?: string }).ticket
  req.originalUrl = req.originalUrl.replace(/([?&]ticket=)[^&]*/, "$1[redacted]")
  const withHeaders = Boolean(req.headers.authorization || !ticket)
  const authenticated = withHeaders ? await ran(authenticateMember, req, res) : true
  if (!authenticated) {
    return
  }
  const authed = req as AuthenticatedMedusaRequest & StreamRequest
  if (ticket) {
    const grant = await liveEventsService(req).useStreamTicket(ticket)
    if (!grant || (withHeaders && authed.auth_context.actor_id !== grant.member_id)) {
      return unauthorized(res, "This stream ticket is unknown, used or expired")
    }
    if (!withHeaders) {
      authed.auth_context = { actor_id: grant.member_id, actor_type: AFFILIATE_ACTOR_TYPE, auth_identity_id: "", app_metadata: {}, user_metadata: {} }
    }
    authed.stream_login = { session_id: grant.session_id, expires_at: grant.auth_expires_at }
  } else {
    authed.stream_login = loginBindingOf(req)
  }
  return requireAffiliateMember(authed, res, next)
}

/** Runs Medusa-style middleware; true when it called `next()` without an error (it answered otherwise). */
function ran(
  middleware: (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown,
  req: MedusaRequest,
  res: MedusaResponse
): Promise<boolean> {
  return new Promise((resolve) => {
    res.once("finish", () => resolve(false))
    Promise.resolve(
      middleware(req, res, (error?: unknown) => {
        if (error) {
          unauthorized(res, "Unauthorized")
          return resolve(false)
        }
        resolve(true)
      })
    ).catch(() => {
      unauthorized(res, "Unauthorized")
      resolve(false)
    })
  })
}

export const storeStreamMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: STREAM_PATH,
    middlewares: [validateStreamQuery(StoreStreamParams), authenticateStream],
  },
  {
    method: ["POST"],
    matcher: "/store/affiliates/me/stream-tickets",
    middlewares: [validateBody(EmptyBody)],
  },
]
