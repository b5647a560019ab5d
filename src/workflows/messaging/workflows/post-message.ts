import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  WorkflowResponse,
  createWorkflow,
  transform,
  when,
} from "@medusajs/framework/workflows-sdk"
import { MessageAuthorType, MessagingEvents } from "../../../types/messaging"
import { appendMessageStep, attachAttachmentsStep, openConversationStep } from "../steps"
import type { MessagingContext } from "../steps/load-messaging-context"

export type PostMessageWorkflowInput = {
  context: MessagingContext
  author_type: MessageAuthorType
  author: { id: string; name: string }
  body: string
  attachment_ids: string[]
}

/**
 * The part both sides share once the rules have passed: open the
 * audience's thread (or find it), append the message, attach its uploads, emit
 * `affiliate_conversation.created` when the thread is new and
 * `affiliate_message.created`. Used as a step by the send workflows.
 *
 * @example
 * const posted = postMessageWorkflow.runAsStep({
 *   input: { context, author_type: "owner", author: { id: "user_1", name: "Ann" }, body: "Hi", attachment_ids: [] },
 * })
 */
export const postMessageWorkflow = createWorkflow(
  "post-message",
  (input: PostMessageWorkflowInput) => {
    const opened = openConversationStep(input.context)
    const message = appendMessageStep(
      transform({ input, opened }, ({ input, opened }) => ({
        conversation_id: opened.conversation.id,
        author_type: input.author_type,
        author_id: input.author.id,
        author_name: input.author.name,
        body: input.body,
      }))
    )
    attachAttachmentsStep(
      transform({ input, message }, ({ input, message }) => ({
        message_id: message.id,
        attachment_ids: input.attachment_ids,
        uploader: { type: input.author_type as "owner" | "affiliate", id: input.author.id },
      }))
    )
    when({ opened }, ({ opened }) => opened.created).then(() => {
      emitEventStep({
        eventName: MessagingEvents.CONVERSATION_CREATED,
        data: transform({ opened }, ({ opened }) => ({
          id: opened.conversation.id,
          affiliate_id: opened.conversation.affiliate_id,
          member_id: opened.conversation.member_id,
        })),
      }).config({ name: "emit-conversation-created" })
    })
    emitEventStep({
      eventName: MessagingEvents.MESSAGE_CREATED,
      data: transform({ message }, ({ message }) => ({
        id: message.id,
        conversation_id: message.conversation_id,
        author_type: message.author_type,
        source: message.source,
      })),
    })
    return new WorkflowResponse(
      transform({ opened, message }, ({ opened, message }) => ({
        conversation_id: opened.conversation.id,
        created: opened.created,
        message,
      }))
    )
  }
)
