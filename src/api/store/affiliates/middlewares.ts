import {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareFunction,
  MiddlewareRoute,
  authenticate,
} from "@medusajs/framework/http"
import { authenticateWithTokenCache } from "../../utils/medusa-seams/authenticate-with-token-cache"
import { validateBody } from "../../utils/medusa-seams/validate-request"
import { AFFILIATE_ACTOR_TYPE } from "../../../types/affiliate"
import { requireAffiliateMember } from "../../utils/middlewares/require-affiliate-member"
import { isStreamRequest } from "./me/stream/middlewares"
import {
  StoreAcceptAffiliateInvite,
  StoreRegisterAffiliate,
  StoreUpdateAffiliateMe,
} from "./validators"

/** The member stream takes a ticket instead (me/stream/middlewares.ts). */
const exceptStream =
  (middleware: MiddlewareFunction): MiddlewareFunction =>
  (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    isStreamRequest(req) ? next() : middleware(req, res, next)

/** Sign-up and invite acceptance take a registration token: an identity with no actor yet. */
const authenticateRegistration = authenticate(
  AFFILIATE_ACTOR_TYPE,
  ["session", "bearer"],
  { allowUnregistered: true }
)

export const storeAffiliateMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/affiliates",
    middlewares: [
      authenticateRegistration,
      validateBody(StoreRegisterAffiliate),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/affiliates/invites/accept",
    middlewares: [
      authenticateRegistration,
      validateBody(StoreAcceptAffiliateInvite),
    ],
  },
  {
    matcher: "/store/affiliates/me*",
    middlewares: [
      exceptStream(authenticateWithTokenCache(AFFILIATE_ACTOR_TYPE, ["session", "bearer"])),
      exceptStream(requireAffiliateMember as MiddlewareFunction),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/affiliates/me",
    middlewares: [validateBody(StoreUpdateAffiliateMe)],
  },
]
