import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { AffiliateEvents, CreateAffiliateInput } from "../../../types/affiliate"
import {
  createAffiliatesStep,
  resolveDefaultStatusStep,
  validateAffiliateReferencesStep,
} from "../steps"
import { referencesOf } from "./references-of"

export type CreateAffiliatesWorkflowInput = { affiliates: CreateAffiliateInput[] }

export const createAffiliatesWorkflowId = "create-affiliates"

/**
 * Creates affiliates (teams) from the admin and emits `affiliate.created`.
 * Without a status they start `pending`, or `active` with `autoApproveAffiliates`.
 *
 * @example
 * const { result } = await createAffiliatesWorkflow(container).run({
 *   input: { affiliates: [{ name: "Acme", email: "team@acme.test", status: "active" }] },
 * })
 */
export const createAffiliatesWorkflow = createWorkflow(
  createAffiliatesWorkflowId,
  (input: CreateAffiliatesWorkflowInput) => {
    validateAffiliateReferencesStep(
      transform({ input }, ({ input }) => referencesOf(input.affiliates))
    )
    const defaultStatus = resolveDefaultStatusStep()
    const affiliates = createAffiliatesStep(
      transform({ input, defaultStatus }, ({ input, defaultStatus }) =>
        input.affiliates.map((affiliate) => ({ status: defaultStatus, ...affiliate }))
      )
    )
    emitEventStep({
      eventName: AffiliateEvents.AFFILIATE_CREATED,
      data: transform({ affiliates }, ({ affiliates }) =>
        affiliates.map((affiliate) => ({ id: affiliate.id }))
      ),
    })
    return new WorkflowResponse(affiliates)
  }
)
