import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MB } from "../../../utils/attachment-types"

type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429

/**
 * The access rule's refusals (`affiliateUploadRefusal`) as the send routes
 * answer them (messaging disabled or suspended: 403 `forbidden`; declined:
 * 409), and a pending affiliate's NOT_ALLOWED as 403 `not_allowed`:
 * Medusa's handler would make that a 400, but the caller is refused, its
 * request is not malformed.
 */
const ACCESS_REFUSALS: Record<string, [RefusalStatus, string]> = {
  [MedusaError.Types.FORBIDDEN]: [403, "forbidden"],
  [MedusaError.Types.NOT_ALLOWED]: [403, "not_allowed"],
  [MedusaError.Types.CONFLICT]: [409, "conflict"],
}

/** A refused upload: the status, `{ type, message }` and, for a quota, `Retry-After`. */
export class UploadError extends Error {
  readonly type: string

  constructor(readonly status: RefusalStatus, message: string, readonly retryAfter?: number, type?: string) {
    super(message)
    this.type = type ?? (status === 429 ? "rate_limited" : "invalid_data")
  }

  /** The upload access rule's refusal, or null for any other error. */
  static fromAccessRefusal(error: unknown): UploadError | null {
    // by its marker, not instanceof: a step's error comes out of the workflow engine as a copy
    const known = error && MedusaError.isMedusaError(error) ? ACCESS_REFUSALS[(error as MedusaError).type] : undefined
    return known ? new UploadError(known[0], (error as Error).message, undefined, known[1]) : null
  }
}

/** What is read of a refused upload's body before its connection is closed. */
const DRAIN_BYTES = 64 * MB
const DRAIN_MS = 10_000

/**
 * Answers a refused upload while its client may still be sending the body.
 *
 * Destroying the socket while the client writes makes the server's kernel
 * answer the next incoming segment with a reset, and a reset makes the
 * client's kernel drop what it received and the client had not read yet:
 * the answer itself (a 31 MB upload got "fetch failed" instead of its 413).
 * And `Connection: close` is no better: Node then ends the socket as soon
 * as the answer is written, with the same reset. So the answer goes out on
 * a connection that stays open, and the rest of the body is read and
 * thrown away until the client stops sending (fetch, undici and Node's
 * http client stop once they have the answer: a few MB in the tests), for
 * at most 64 MB or 10 s. Only then, if the client is still sending, is the
 * socket destroyed: by then the answer has long been read.
 */
export function answerRefusedUpload(req: MedusaRequest, res: MedusaResponse, error: UploadError) {
  if (error.retryAfter) {
    res.setHeader("Retry-After", String(error.retryAfter))
  }
  res.status(error.status).json({ type: error.type, message: error.message })
  drainRemainder(req)
}

function drainRemainder(req: MedusaRequest) {
  if (req.complete) {
    return
  }
  let drained = 0
  const stop = () => {
    clearTimeout(timer)
    req.socket?.destroy()
  }
  const timer = setTimeout(stop, DRAIN_MS)
  timer.unref()
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length
    if (drained > DRAIN_BYTES) {
      stop()
    }
  })
  req.once("end", () => clearTimeout(timer))
  req.once("close", () => clearTimeout(timer))
  req.resume()
}
