import {
  WorkflowResponse,
  createHook,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { commitMessageStep, emitMessageEventsStep, prepareSendStep } from "../steps"
import type { MessageSource } from "../../../types/messaging"
import type { MemberSendParties } from "../../../types/affiliate-module"

export type SendAffiliateMessageWorkflowInput = {
  /** The member writing. */
  member_id: string
  affiliate_id: string
  /** A reply in a thread this member may see (404 otherwise); its audience is the send's. */
  conversation_id?: string
  /** Without `conversation_id`: the team thread (default) or the member's own thread. */
  audience?: "team" | "member"
  body: string
  attachment_ids?: string[]
  source?: MessageSource
  /**
   * The member's team and itself as a route's member check just read them
   * (`retrieveMemberAccess`: `{ affiliate: access.affiliate, writer: access }`):
   * the send then reads no parties of its own. Read afresh when absent or
   * not this member's.
   */
  parties?: MemberSendParties
}

export const sendAffiliateMessageWorkflowId = "send-affiliate-message"

/**
 * An affiliate member writes to the store owner, in the team thread or its
 * own member thread (started if missing), or replies in a thread it may
 * see (`conversation_id`). The thread becomes unread for the owners and
 * read for the writer. Emits the same events as the owner side; three
 * steps and one write transaction (decision 0036).
 *
 * @example
 * const { result } = await sendAffiliateMessageWorkflow(container).run({
 *   input: { member_id: "affmem_1", affiliate_id: "aff_1", body: "When is the payout?" },
 * })
 *
 * Hooks: `validate` and `messageCreated`, as in `sendOwnerMessageWorkflow`.
 */
export const sendAffiliateMessageWorkflow = createWorkflow(
  sendAffiliateMessageWorkflowId,
  (input: SendAffiliateMessageWorkflowInput) => {
    const prepared = prepareSendStep(
      transform({ input }, ({ input }) => ({
        side: "affiliate" as const,
        member_id: input.member_id,
        affiliate_id: input.affiliate_id,
        conversation_id: input.conversation_id ?? null,
        audience: input.audience,
        attachment_ids: input.attachment_ids ?? [],
        parties: input.parties ?? null,
      }))
    )
    const context = transform({ prepared }, ({ prepared }) => prepared.context)
    // a reply's input names its audience too, as when replies ran this workflow with it
    const hookInput = transform({ input, prepared }, ({ input, prepared }) => ({
      ...input,
      audience: input.audience ?? (prepared.context.audience.member_id ? ("member" as const) : ("team" as const)),
    }))
    // before any write: a throwing handler refuses the send with nothing stored
    const validate = createHook("validate", { input: hookInput, context })
    const posted = commitMessageStep(
      transform({ input, prepared }, ({ input, prepared }) => ({
        context: prepared.context,
        author_type: "affiliate" as const,
        author: prepared.author,
        body: input.body,
        source: input.source,
        attachment_ids: input.attachment_ids ?? [],
        uploader: prepared.uploader,
        read_by_member_id: input.member_id,
      }))
    )
    emitMessageEventsStep(posted)
    const messageCreated = createHook("messageCreated", {
      message: transform({ posted }, ({ posted }) => posted.message),
      conversation_id: transform({ posted }, ({ posted }) => posted.conversation_id),
      created: transform({ posted }, ({ posted }) => posted.created),
    })
    return new WorkflowResponse(
      transform({ posted }, ({ posted }) => ({ conversation_id: posted.conversation_id, created: posted.created, message: posted.message })),
      { hooks: [validate, messageCreated] }
    )
  }
)
