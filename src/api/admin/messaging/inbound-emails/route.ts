import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INBOUND_EMAIL_MODULE } from "../../../../modules/inbound-email"
import type InboundEmailModuleService from "../../../../modules/inbound-email/service"
import type { InboundEmailDTO } from "../../../../types/inbound-email"
import type { AdminInboundEmailListResponse } from "../../../../types/http"
import { asArray } from "../../../utils/validators/as-array"
import { inboundEmailView } from "./helpers"
import type { AdminGetInboundEmailsParamsType } from "./validators"

export { AUTHENTICATE } from "../../authenticates-itself"

/** The inbound email log, newest first: what arrived for reply by email and what became of it. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetInboundEmailsParamsType>,
  res: MedusaResponse<AdminInboundEmailListResponse>
) => {
  const params = req.validatedQuery as AdminGetInboundEmailsParamsType
  const filters: Record<string, unknown> = {}
  if (params.status) {
    filters.status = asArray(params.status)
  }
  if (params.reason) {
    filters.reason = asArray(params.reason)
  }
  const [emails, count] = await req.scope
    .resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)
    .listAndCountInboundEmails(filters, {
      skip: params.offset,
      take: params.limit,
      order: { received_at: "DESC", id: "DESC" },
    })
  res.json({
    inbound_emails: (emails as InboundEmailDTO[]).map(inboundEmailView),
    count,
    offset: params.offset,
    limit: params.limit,
  })
}
