import type {
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { isConflict } from "../../../utils/errors"

type Handler<Req extends MedusaRequest> = (
  req: Req,
  res: MedusaResponse
) => Promise<void>

/**
 * Medusa's error handler answers CONFLICT with a generic idempotency text.
 * Our 409s must say why (affiliate not active, messaging disabled, invite
 * used), so routes wrapped here answer them with the error's own message;
 * every other error still goes to the host store's handler.
 */
export function answerConflicts<Req extends MedusaRequest>(
  handler: Handler<Req>
): Handler<Req> {
  return async (req, res) => {
    try {
      await handler(req, res)
    } catch (error) {
      if (isConflict(error)) {
        res.status(409).json({ type: "conflict", message: error.message })
        return
      }
      throw error
    }
  }
}
