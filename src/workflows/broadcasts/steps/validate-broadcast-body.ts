import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { BROADCAST_MERGE_TAGS } from "../../../types/broadcast"
import { unknownMergeTags } from "../../../utils/merge-tags"

/**
 * Refuses a body with a `{{…}}` that is not a merge tag, before anything is
 * written (the route's validator says the same; this holds for callers of
 * the workflow too).
 *
 * @example
 * validateBroadcastBodyStep({ body: "Hi {{affiliate.name}}" })
 */
export const validateBroadcastBodyStep = createStep(
  "validate-broadcast-body",
  async (input: { body: string }) => {
    const unknown = unknownMergeTags(input.body)
    if (unknown.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, unknownTagsMessage(unknown))
    }
    return new StepResponse(void 0)
  }
)

export const unknownTagsMessage = (unknown: string[]) =>
  `body has unknown merge tags ${unknown.join(", ")}; known: ${BROADCAST_MERGE_TAGS.map((tag) => `{{${tag}}}`).join(", ")}`
