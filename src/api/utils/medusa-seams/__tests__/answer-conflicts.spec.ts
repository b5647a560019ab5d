import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { RequestHandler } from "express"
import { conflict } from "../../../../utils/errors"
import { answerConflicts } from "../answer-conflicts"
import { withMedusaErrorHandler } from "./medusa-express"

const REASON = "This affiliate is not active: messaging is closed"

/** A route as Medusa mounts it: a rejected handler goes to the next error handler. */
const route =
  (handler: (req: MedusaRequest, res: MedusaResponse) => Promise<void>): RequestHandler =>
  (req, res, next) =>
    handler(req as unknown as MedusaRequest, res as unknown as MedusaResponse).catch(next)

const throwing = (error: Error) => async () => {
  throw error
}

describe("answerConflicts: a 409 that says why", () => {
  // Guard: the seam exists because Medusa's handler drops a CONFLICT's
  // message. When this fails, Medusa answers it: remove answer-conflicts.ts.
  it("is needed: Medusa's error handler replaces a CONFLICT's message with its idempotency text", async () => {
    await withMedusaErrorHandler(
      (app) => app.get("/conflict", route(throwing(conflict(REASON)))),
      async (get) => {
        const answer = await get("/conflict")
        expect(answer.status).toBe(409)
        expect(answer.body.message).not.toContain(REASON)
        expect(answer.body.message).toMatch(/Idempotency-Key/)
      }
    )
  })

  it("answers the conflict with its own message and leaves every other error to Medusa's handler", async () => {
    await withMedusaErrorHandler(
      (app) => {
        app.get("/conflict", route(answerConflicts(throwing(conflict(REASON)))))
        app.get("/missing", route(answerConflicts(throwing(new MedusaError(MedusaError.Types.NOT_FOUND, "No such thread")))))
      },
      async (get) => {
        expect(await get("/conflict")).toEqual({ status: 409, body: { type: "conflict", message: REASON } })
        expect(await get("/missing")).toEqual({ status: 404, body: expect.objectContaining({ type: "not_found", message: "No such thread" }) })
      }
    )
  })
})
