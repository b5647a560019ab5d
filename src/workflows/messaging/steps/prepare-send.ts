import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { IAffiliateModuleService } from "../../../types/affiliate-module"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { AttachmentUploader, ConversationAudience, ConversationDTO } from "../../../types/messaging"
import { affiliateWriteRefusal } from "../../../utils/affiliate-write-refusal"
import { affiliateCopy, memberCopy } from "../../../utils/conversation-copies"
import { retrieveVisibleConversation } from "../../../utils/conversation-visibility"
import { ownerWriteRefusal } from "./ensure-owner-can-write"
import type { MessagingContext } from "./load-messaging-context"
import { fullName } from "./resolve-author"
import { ensureSendableAttachments } from "./validate-attachments"

/** Whose uploads the store's own messages (replies through a notification address) may carry. */
export const STORE_UPLOADER_ID = "store"

export type PrepareSendInput =
  | {
      side: "owner"
      /** The admin writing; null: the store itself. */
      user_id: string | null
      /** A reply: the thread, any an admin may see (404 otherwise); its audience is the send's. */
      conversation_id?: string | null
      affiliate_id?: string | null
      member_id?: string | null
      attachment_ids: string[]
    }
  | {
      side: "affiliate"
      member_id: string
      affiliate_id: string
      /** A reply: the thread, one this member may see (404 otherwise). */
      conversation_id?: string | null
      audience?: "team" | "member"
      attachment_ids: string[]
    }

export type PreparedSend = {
  context: MessagingContext
  /** `id` null when the store itself writes. */
  author: { id: string | null; name: string }
  uploader: AttachmentUploader
}

/**
 * Everything a send checks before it writes, in one step and as few round
 * trips as the rules allow (decision 0036): the attachments; the thread of
 * a reply with the settings; then together the affiliate with its group
 * and members (one query of the affiliate module; an affiliate's, known
 * from the start, is read with the thread), the audience's thread and the
 * admin's name. Refuses as the fine-grained steps do, in their order:
 * attachments 400, unknown affiliate or thread 404, a member of another
 * affiliate 400, the access rules (owner 409; affiliate 403/409), a sender
 * whose account is gone 401.
 *
 * @example
 * const { context, author } = prepareSendStep({ side: "owner", user_id: "user_1", conversation_id: "conv_1", attachment_ids: [] })
 */
export const prepareSendStep = createStep(
  "prepare-send",
  async (input: PrepareSendInput, { container }) => {
    const uploader: AttachmentUploader =
      input.side === "owner"
        ? { type: "owner", id: input.user_id ?? STORE_UPLOADER_ID }
        : { type: "affiliate", id: input.member_id }
    await ensureSendableAttachments(container, { attachment_ids: input.attachment_ids, uploader })
    const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const affiliates = container.resolve<IAffiliateModuleService>(AFFILIATE_MODULE)
    const writerMemberId = input.side === "affiliate" ? input.member_id : null
    const partiesOf = (audience: ConversationAudience) =>
      affiliates.retrieveSendParties({ ...audience, writer_id: writerMemberId })
    // a member writes to its own team, in the team thread or its own: its
    // parties are known before its reply's thread is read, so the two and
    // the settings are read at once (an affiliate's reply: one round trip)
    const [{ audience, conversation }, writersParties, settings] = await Promise.all([
      resolveAudience(container, input),
      input.side === "affiliate" ? partiesOf({ affiliate_id: input.affiliate_id, member_id: input.member_id }) : undefined,
      messaging.retrieveSettings(),
    ])
    const [parties, existing, admin] = await Promise.all([
      writersParties === undefined ? partiesOf(audience) : writersParties,
      conversation === undefined ? messaging.findAudienceConversation(audience) : conversation,
      input.side === "owner" && input.user_id ? retrieveAdmin(container, input.user_id) : null,
    ])
    // the team thread's audience has no member, whoever writes in it
    const found = parties && !audience.member_id ? { ...parties, member: null } : parties
    if (!found) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate ${audience.affiliate_id} was not found`)
    }
    if (audience.member_id && !found.member) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Member ${audience.member_id} is not a member of affiliate ${audience.affiliate_id}`
      )
    }
    const context: MessagingContext = {
      audience,
      affiliate: { id: found.affiliate.id, status: found.affiliate.status, ...affiliateCopy(found.affiliate) },
      member: found.member ? memberCopy(found.member) : null,
      group: found.affiliate.group,
      settings,
      conversation: existing ?? null,
    }
    const refusal =
      input.side === "owner"
        ? ownerWriteRefusal(context)
        : affiliateWriteRefusal(settings, context.group, context.affiliate.status)
    if (refusal) {
      throw refusal
    }
    const author = authorOf(container, input, input.side === "owner" ? admin : found.writer)
    return new StepResponse<PreparedSend>({ context, author, uploader })
  }
)

/**
 * The audience a send writes to and, for a reply, its thread (already
 * read: `undefined` means "not looked up yet").
 */
async function resolveAudience(
  container: Pick<MedusaContainer, "resolve">,
  input: PrepareSendInput
): Promise<{ audience: ConversationAudience; conversation?: ConversationDTO }> {
  if (input.conversation_id) {
    const reader = input.side === "affiliate" ? { id: input.member_id, affiliate_id: input.affiliate_id } : undefined
    const conversation = await retrieveVisibleConversation(container, input.conversation_id, reader)
    return { audience: { affiliate_id: conversation.affiliate_id, member_id: conversation.member_id }, conversation }
  }
  if (!input.affiliate_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A send names its affiliate or its conversation")
  }
  if (input.side === "owner") {
    return { audience: { affiliate_id: input.affiliate_id, member_id: input.member_id ?? null } }
  }
  return { audience: { affiliate_id: input.affiliate_id, member_id: input.audience === "member" ? input.member_id : null } }
}

async function retrieveAdmin(container: Pick<MedusaContainer, "resolve">, id: string) {
  const [user] = await container
    .resolve(Modules.USER)
    .listUsers({ id }, { select: ["id", "first_name", "last_name", "email"], take: 1 })
  return user ?? null
}

/** The name the message is signed with (see resolveAuthorStep); 401 when the sender's account is gone. */
function authorOf(
  container: Pick<MedusaContainer, "resolve">,
  input: PrepareSendInput,
  person: { id: string; first_name?: string | null; last_name?: string | null; email: string } | null
): PreparedSend["author"] {
  if (input.side === "owner" && input.user_id === null) {
    return { id: null, name: container.resolve<IMessagingModuleService>(MESSAGING_MODULE).getOptions().storeName }
  }
  if (!person) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "The sender's account no longer exists")
  }
  return { id: person.id, name: fullName(person) }
}
