import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { AttachmentUploader, MessageAuthorType, MessageSource } from "../../../types/messaging"
import type { MessagingContext } from "./load-messaging-context"

export type CommitMessageInput = {
  context: MessagingContext
  author_type: MessageAuthorType
  author: { id: string | null; name: string }
  body: string
  source?: MessageSource
  attachment_ids: string[]
  uploader: AttachmentUploader
  /** An affiliate's message: the writer's read mark moves up to it. */
  read_by_member_id?: string | null
}

/**
 * A send's write in one transaction of the messaging module
 * (`postMessage`, decision 0036): the audience's thread opened if it has
 * none, the message appended, its uploads attached, the writer's read mark
 * moved. Undone in one transaction too (`revertPostedMessage`).
 *
 * @example
 * const posted = commitMessageStep({ context, author_type: "owner", author, body: "Hi", attachment_ids: [], uploader })
 */
export const commitMessageStep = createStep(
  "commit-message",
  async (input: CommitMessageInput, { container }) => {
    const { context } = input
    const posted = await container.resolve<IMessagingModuleService>(MESSAGING_MODULE).postMessage({
      audience: context.audience,
      affiliate: context.affiliate,
      member: context.member,
      conversation: context.conversation,
      message: {
        author_type: input.author_type,
        author_id: input.author.id,
        author_name: input.author.name,
        body: input.body,
        source: input.source ?? "app",
      },
      attachment_ids: input.attachment_ids,
      uploader: input.uploader,
      read_by_member_id: input.read_by_member_id ?? null,
    })
    return new StepResponse(
      { conversation: posted.conversation, conversation_id: posted.conversation.id, created: posted.created, message: posted.message },
      posted.undo
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container.resolve<IMessagingModuleService>(MESSAGING_MODULE).revertPostedMessage(undo)
  }
)
