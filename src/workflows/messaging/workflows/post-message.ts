import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { MessageAuthorType, MessageSource } from "../../../types/messaging"
import { STORE_UPLOADER_ID, commitMessageStep, emitMessageEventsStep } from "../steps"
import type { MessagingContext } from "../steps/load-messaging-context"

export type PostMessageWorkflowInput = {
  context: MessagingContext
  author_type: MessageAuthorType
  /** `id` null when the store itself writes. */
  author: { id: string | null; name: string }
  body: string
  attachment_ids: string[]
  /** "app" unless given; replies by email pass "email". */
  source?: MessageSource
}

export { STORE_UPLOADER_ID }

export const postMessageWorkflowId = "post-message"

/**
 * The part both sides share once the rules have passed: open the
 * audience's thread (or find it), append the message and attach its
 * uploads in one transaction, then emit `affiliate_conversation.created`
 * when the thread is new and `affiliate_message.created`. The send
 * workflows use the same two steps directly (decision 0036).
 *
 * @example
 * const posted = postMessageWorkflow.runAsStep({
 *   input: { context, author_type: "owner", author: { id: "user_1", name: "Ann" }, body: "Hi", attachment_ids: [] },
 * })
 */
export const postMessageWorkflow = createWorkflow(
  postMessageWorkflowId,
  (input: PostMessageWorkflowInput) => {
    const posted = commitMessageStep(
      transform({ input }, ({ input }) => ({
        context: input.context,
        author_type: input.author_type,
        author: input.author,
        body: input.body,
        source: input.source,
        attachment_ids: input.attachment_ids,
        uploader: { type: input.author_type as "owner" | "affiliate", id: input.author.id ?? STORE_UPLOADER_ID },
      }))
    )
    emitMessageEventsStep(posted)
    return new WorkflowResponse(
      transform({ posted }, ({ posted }) => ({
        conversation_id: posted.conversation_id,
        created: posted.created,
        message: posted.message,
      }))
    )
  }
)
