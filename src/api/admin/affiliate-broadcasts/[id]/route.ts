import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { broadcastService, broadcastView } from "../helpers"

export { AUTHENTICATE } from "../../authenticates-itself"

/** One broadcast with its progress and the read and replied counts of its threads. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ broadcast: broadcastView(await broadcastService(req.scope).retrieveBroadcast(req.params.id)) })
}
