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
 * Steps around Medusa: the message of a 409.
 *
 * What: routes wrapped here answer a CONFLICT error themselves, with its
 * own message; every other error still goes to the host store's handler
 * (the app-wide handler belongs to the store, so it is not replaced).
 * Why: Medusa's error handler answers CONFLICT with a generic "conflicted
 * with another request… Idempotency-Key" text (2.19 to 2.21.2), and our
 * 409s must say why (affiliate not active, messaging disabled, invite used).
 * Guard: answer-conflicts.spec.ts fails when Medusa's handler keeps the
 * message.
 * Remove when: Medusa keeps a CONFLICT's message (or offers a 409 type that
 * does); then throw and unwrap the routes.
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
