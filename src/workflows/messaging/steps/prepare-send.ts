import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { IAffiliateModuleService, MemberSendParties } from "../../../types/affiliate-module"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { AttachmentUploader, ConversationAudience } from "../../../types/messaging"
import { affiliateWriteRefusal } from "../../../utils/affiliate-write-refusal"
import { type AdminName, adminNameMemo } from "../../../utils/admin-name-memo"
import { affiliateCopy, memberCopy } from "../../../utils/conversation-copies"
import { ensureVisibleConversation } from "../../../utils/conversation-visibility"
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
      /** The member's team and itself as its access read them (`retrieveMemberAccess`); read here when absent. */
      parties?: MemberSendParties | null
    }

export type PreparedSend = {
  context: MessagingContext
  /** `id` null when the store itself writes. */
  author: { id: string | null; name: string }
  uploader: AttachmentUploader
}

/**
 * Everything a send checks before it writes, in one step and as few round
 * trips as the rules allow (decision 0036): the attachments; then at once
 * the admin's name, the thread of a reply or the named audience's thread
 * with the settings (one query of the messaging module), and the
 * affiliate with its group and members (one query of the affiliate
 * module) wherever the audience is known without
 * the thread: always for an affiliate (its own team), for an owner's new
 * message. Only an owner's reply reads its parties after its thread.
 * Refuses as the fine-grained steps do, in their order: attachments 400,
 * unknown affiliate or thread 404, a member of another affiliate 400, the
 * access rules (owner 409; affiliate 403/409), a sender whose account is
 * gone 401.
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
    // a new message names its audience; a reply's is its thread's, read first
    const named = input.conversation_id ? null : namedAudience(input)
    // a member writes to its own team, in the team thread or its own: its
    // parties are known before its reply's thread is read
    const partiesAudience =
      input.side === "affiliate" ? { affiliate_id: input.affiliate_id, member_id: input.member_id } : named
    // everything that does not wait for a reply's thread is read with it:
    // one round trip, but for an owner's reply (its parties wait); the
    // thread and the settings in one statement
    const [{ conversation: existing, settings }, firstParties, admin] = await Promise.all([
      messaging.retrieveSendReads(input.conversation_id ? { id: input.conversation_id } : { audience: named! }),
      input.side === "affiliate" && input.parties?.affiliate.id === input.affiliate_id && input.parties.writer.id === input.member_id
        ? { ...input.parties, member: input.parties.writer }
        : partiesAudience ? partiesOf(partiesAudience) : undefined,
      input.side === "owner" && input.user_id ? retrieveAdmin(container, input.user_id) : null,
    ])
    if (input.conversation_id) {
      // a reply's thread: one the writer may see (an admin any), else 404
      const reader = input.side === "affiliate" ? { id: input.member_id, affiliate_id: input.affiliate_id } : undefined
      ensureVisibleConversation(existing, input.conversation_id, reader)
    }
    const audience = named ?? { affiliate_id: existing!.affiliate_id, member_id: existing!.member_id }
    const parties = firstParties === undefined ? await partiesOf(audience) : firstParties
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

/** The audience a new message names (400 without an affiliate). */
function namedAudience(input: PrepareSendInput): ConversationAudience {
  if (!input.affiliate_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A send names its affiliate or its conversation")
  }
  if (input.side === "owner") {
    return { affiliate_id: input.affiliate_id, member_id: input.member_id ?? null }
  }
  return { affiliate_id: input.affiliate_id, member_id: input.audience === "member" ? input.member_id : null }
}

/** The admin writing, from the memo of the last 5 s (decision 0045) or Medusa's User Module; null when gone. */
async function retrieveAdmin(container: Pick<MedusaContainer, "resolve">, id: string): Promise<AdminName | null> {
  const remembered = adminNameMemo.get(id)
  if (remembered) {
    return remembered
  }
  const [user] = await container
    .resolve(Modules.USER)
    .listUsers({ id }, { select: ["id", "first_name", "last_name", "email"], take: 1 })
  if (!user) {
    return null
  }
  const admin = { id: user.id, first_name: user.first_name ?? null, last_name: user.last_name ?? null, email: user.email }
  adminNameMemo.set(id, admin)
  return admin
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
