import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminMessagingSettingsResponse } from "../../../../types/http"
import { updateMessagingSettingsWorkflow } from "../../../../workflows"
import { messagingService } from "../../../utils/conversation-views"
import type { AdminUpdateMessagingSettingsType } from "./validators"

export { AUTHENTICATE } from "../../authenticates-itself"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminMessagingSettingsResponse>
) => {
  res.json({ settings: await messagingService(req.scope).retrieveSettings() })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateMessagingSettingsType>,
  res: MedusaResponse<AdminMessagingSettingsResponse>
) => {
  const { result } = await updateMessagingSettingsWorkflow(req.scope).run({
    input: req.validatedBody,
  })
  res.json({ settings: result })
}
