import {
  WorkflowResponse,
  createHook,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { commitMessageStep, emitMessageEventsStep, prepareSendStep } from "../steps"
import type { MessageSource } from "../../../types/messaging"

export type SendOwnerMessageWorkflowInput = {
  /** The admin writing; null: the store itself (signed `storeName`, a reply by email through a notification address). */
  user_id: string | null
  /** A reply in an existing thread (404 if there is none): its affiliate and member are the audience. */
  conversation_id?: string
  /** The affiliate written to; required unless `conversation_id` is given. */
  affiliate_id?: string
  /** A member for a member thread; null or absent for the whole team. */
  member_id?: string | null
  body: string
  attachment_ids?: string[]
  source?: MessageSource
}

export const sendOwnerMessageWorkflowId = "send-owner-message"

/**
 * An admin writes to an affiliate team or one member, or replies in a
 * thread (`conversation_id`): appends to that audience's thread or starts
 * it. Emits `affiliate_conversation.created` (when started) and
 * `affiliate_message.created` after commit. Three steps and one write
 * transaction (decision 0036): every check and read, then the write, then
 * the events.
 *
 * @example
 * const { result } = await sendOwnerMessageWorkflow(container).run({
 *   input: { user_id: "user_1", affiliate_id: "aff_1", body: "Welcome aboard!" },
 * })
 * // result: { conversation_id, message, created }
 *
 * Hooks: `validate` ({ input, context }) runs after the access rules and before
 * any write (throw to refuse); `messageCreated` ({ message, conversation_id,
 * created }) runs after the write, inside the workflow.
 */
export const sendOwnerMessageWorkflow = createWorkflow(
  sendOwnerMessageWorkflowId,
  (input: SendOwnerMessageWorkflowInput) => {
    const prepared = prepareSendStep(
      transform({ input }, ({ input }) => ({
        side: "owner" as const,
        user_id: input.user_id,
        conversation_id: input.conversation_id ?? null,
        affiliate_id: input.affiliate_id ?? null,
        member_id: input.member_id ?? null,
        attachment_ids: input.attachment_ids ?? [],
      }))
    )
    const context = transform({ prepared }, ({ prepared }) => prepared.context)
    // a reply's input names its audience too, as when replies ran this workflow with it
    const hookInput = transform({ input, prepared }, ({ input, prepared }) => ({
      ...input,
      affiliate_id: prepared.context.audience.affiliate_id,
      member_id: prepared.context.audience.member_id,
    }))
    // before any write: a throwing handler refuses the send with nothing stored
    const validate = createHook("validate", { input: hookInput, context })
    const posted = commitMessageStep(
      transform({ input, prepared }, ({ input, prepared }) => ({
        context: prepared.context,
        author_type: "owner" as const,
        author: prepared.author,
        body: input.body,
        source: input.source,
        attachment_ids: input.attachment_ids ?? [],
        uploader: prepared.uploader,
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
