import type { IFileModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { UploadError } from "../../api/utils/attachments/upload-refusal"
import { takeSendBudget } from "../../api/utils/middlewares/rate-limit"
import { INBOUND_EMAIL_MODULE } from "../../modules/inbound-email"
import { tokensIn } from "../../modules/inbound-email/reply-token"
import type InboundEmailModuleService from "../../modules/inbound-email/service"
import { MESSAGING_MODULE } from "../../modules/messaging"
import type { IMessagingModuleService } from "../../types/messaging-module"
import type { InboundEmailDTO, InboundRefusalReason } from "../../types/inbound-email"
import { MESSAGE_BODY_MAX_LENGTH } from "../../types/messaging"
import type { ResolvedInboundEmailOptions } from "../../types/options"
import { replyAsAffiliateWorkflow } from "../messaging/workflows/reply-as-affiliate"
import { replyAsOwnerWorkflow } from "../messaging/workflows/reply-as-owner"
import { uploadAttachmentsWorkflow } from "../messaging/workflows/upload-attachments"
import { ProcessInboundEmailJobInput } from "./inbound-jobs"
import { readRawEmail } from "./raw-email-store"
import { OpenedReply, ReplyContent, openReply } from "./read-reply"
import { ReplyAuthor, replyAuthorOf } from "./reply-author"
import { autoReplySignal, dmarcFailed } from "./sender-checks"
import { finishInboundEmailWorkflow } from "./workflows/finish-inbound-email"

/** The reply trimmer (htmlparser2, html-to-text) loads with the first reply email, not at boot (decision 0043). */
const replyText = () =>
  require("../../modules/inbound-email/reply-text") as typeof import("../../modules/inbound-email/reply-text")

/** Runs of one email (queue retries after errors) before it is recorded `failed` for an admin to retry. */
export const MAX_PROCESSING_ATTEMPTS = 5

type Outcome =
  | { status: "posted"; conversation_id: string; message_id: string }
  | { status: "refused"; reason: InboundRefusalReason; detail: string; conversation_id?: string }

const refuse = (reason: InboundRefusalReason, detail: string, conversation_id?: string): Outcome => ({
  status: "refused",
  reason,
  detail,
  conversation_id,
})

/** The app's refusals of a write (rules checked as of now), as opposed to failures worth retrying. */
const APP_REFUSALS = new Set<string>([
  MedusaError.Types.FORBIDDEN,
  MedusaError.Types.CONFLICT,
  MedusaError.Types.NOT_FOUND,
  MedusaError.Types.NOT_ALLOWED,
  MedusaError.Types.INVALID_DATA,
  MedusaError.Types.UNAUTHORIZED,
])

/**
 * The queued processing of one stored email: parse it from the stored raw
 * copy, check it (token, sender, auto-reply, the app's rules as of now),
 * and post it through the same workflows as the app with `source: "email"`,
 * or record why not. Safe to run again: only a `received` email is taken
 * (an admin's retry puts a `failed` one back). An unexpected error makes
 * the queue retry; after `MAX_PROCESSING_ATTEMPTS` runs the email is
 * recorded `failed`, and a retried one fails after one more run.
 */
export async function processInboundEmail(container: MedusaContainer, input: ProcessInboundEmailJobInput) {
  const service = container.resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)
  const options = service.getInboundOptions()
  const email = await service.claimInboundEmail(input.inbound_email_id)
  if (!email || !options) {
    return
  }
  let outcome: Outcome
  try {
    outcome = await decideAndPost(container, options, email)
  } catch (error) {
    const message = (error as Error)?.message ?? String(error)
    container
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .warn(`affiliate messaging: inbound email ${email.id} (run ${email.attempts}) failed: ${message}`)
    if (email.attempts >= MAX_PROCESSING_ATTEMPTS || !email.raw_file_id) {
      await finishInboundEmailWorkflow(container).run({ input: { id: email.id, status: "failed", error: message } })
      return
    }
    await service.updateInboundEmails({ id: email.id, error: message })
    throw error
  }
  await finishInboundEmailWorkflow(container).run({
    input: { id: email.id, reason: null, detail: null, error: null, ...outcome },
  })
}

async function decideAndPost(
  container: MedusaContainer,
  options: ResolvedInboundEmailOptions,
  email: InboundEmailDTO
): Promise<Outcome> {
  if (!email.raw_file_id) {
    throw new Error("The raw email is no longer stored (kept 30 days)")
  }
  const reply = await openReply(await readRawEmail(container, email.raw_file_id))
  let content: ReplyContent | null = null
  try {
    const checked = await checkHead(container, options, reply, email.envelope_to)
    if ("status" in checked) {
      return checked
    }
    const files = container.resolve<IFileModuleService>(Modules.FILE)
    content = await reply.readContent(files)
    return await post(container, email, checked, content)
  } finally {
    reply.close()
  }
}

type Checked = { author: ReplyAuthor; conversation_id: string }

/** Everything decided from the headers alone, before any attachment is read. */
async function checkHead(
  container: MedusaContainer,
  options: ResolvedInboundEmailOptions,
  reply: OpenedReply,
  envelopeTo: string[]
): Promise<Checked | Outcome> {
  const service = container.resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)
  const { summary, headers, lines } = reply.head
  let resolved: Awaited<ReturnType<InboundEmailModuleService["resolveReplyToken"]>> = null
  // the SMTP envelope first: it is where the email was really delivered (Bcc, forwarding)
  for (const token of tokensIn(options.replyTo, [...envelopeTo, ...summary.recipients])) {
    resolved ??= await service.resolveReplyToken(token)
  }
  if (!resolved) {
    return refuse("unknown_token", "No valid reply address among the recipients")
  }
  const { conversation_id } = resolved
  const autoReply = autoReplySignal(headers, summary.from)
  if (autoReply) {
    return refuse("auto_reply", `Sent automatically (${autoReply})`, conversation_id)
  }
  const author = await replyAuthorOf(container, resolved.recipient)
  if ("refusal" in author) {
    return refuse("not_allowed", author.refusal, conversation_id)
  }
  if (!summary.from || summary.from !== author.email.trim().toLowerCase()) {
    return refuse("sender_mismatch", `From ${summary.from ?? "nobody"}, but the reply address belongs to another sender`, conversation_id)
  }
  if (dmarcFailed(lines)) {
    return refuse("sender_mismatch", "The receiving server reports a DMARC failure for the sender's domain", conversation_id)
  }
  if (author.side !== "store") {
    const wait = await takeSendBudget(container, author.side === "member" ? "member" : "owner", author.id)
    if (wait !== null) {
      return refuse("not_allowed", `Too many messages: rate limited for ${wait} more seconds`, conversation_id)
    }
  }
  return { author, conversation_id }
}

async function post(
  container: MedusaContainer,
  email: InboundEmailDTO,
  checked: Checked,
  content: ReplyContent
): Promise<Outcome> {
  const { author, conversation_id } = checked
  const left_out = [...content.left_out]
  let attachment_ids: string[] = []
  if (content.stored.length) {
    const uploader =
      author.side === "member"
        ? { type: "affiliate" as const, id: author.id }
        : { type: "owner" as const, id: author.side === "user" ? author.id : "store" }
    try {
      const { result } = await uploadAttachmentsWorkflow(container).run({ input: { uploader, files: content.stored } })
      attachment_ids = result.map((attachment) => attachment.id)
    } catch (error) {
      const refusal = UploadError.fromAccessRefusal(error)
      if (!refusal) {
        await deleteFiles(container, content.stored.map((file) => file.file_id))
        throw error
      }
      await deleteFiles(container, content.stored.map((file) => file.file_id))
      left_out.push(...content.stored.map((file) => `${file.filename}: ${refusal.message}`))
    }
  }
  const { text } = replyText().extractReply(content)
  if (!text && !attachment_ids.length) {
    return refuse("empty", left_out.length ? "Nothing to post: no text, and no file could be attached" : "Nothing left after removing the quoted history and signature", conversation_id)
  }
  const body = [text, ...(left_out.length ? ["", ...left_out.map((line) => `Not attached: ${line}`)] : [])].join("\n").trim()
  if (body.length > MESSAGE_BODY_MAX_LENGTH) {
    await discardAttachments(container, attachment_ids)
    return refuse("too_large", `The reply is ${body.length} characters long; messages hold at most ${MESSAGE_BODY_MAX_LENGTH}`, conversation_id)
  }
  const earlier = await earlierPost(container, email, conversation_id, body)
  if (earlier) {
    await discardAttachments(container, attachment_ids)
    return { status: "posted", conversation_id, message_id: earlier }
  }
  try {
    const posted =
      author.side === "member"
        ? await replyAsAffiliateWorkflow(container).run({
            input: {
              conversation_id,
              member: { id: author.id, affiliate_id: author.affiliate_id },
              body,
              attachment_ids,
              source: "email",
            },
          })
        : await replyAsOwnerWorkflow(container).run({
            input: {
              conversation_id,
              user_id: author.side === "user" ? author.id : null,
              body,
              attachment_ids,
              source: "email",
            },
          })
    return { status: "posted", conversation_id, message_id: posted.result.message.id }
  } catch (error) {
    await discardAttachments(container, attachment_ids)
    if (MedusaError.isMedusaError(error) && APP_REFUSALS.has((error as MedusaError).type)) {
      return refuse("not_allowed", (error as Error).message, conversation_id)
    }
    throw error
  }
}

/**
 * A run after a crash may find its message already in the thread: the run
 * before died between posting it and recording `posted`. That message came
 * by email into this thread with this body after the email was received,
 * and no other inbound email claims it; it is recorded instead of posting
 * the reply a second time. First runs skip the lookup.
 */
async function earlierPost(
  container: MedusaContainer,
  email: InboundEmailDTO,
  conversation_id: string,
  body: string
): Promise<string | null> {
  if (email.attempts <= 1) {
    return null
  }
  const candidates = await container.resolve<IMessagingModuleService>(MESSAGING_MODULE).listMessages(
    { conversation_id, source: "email", body, created_at: { $gte: new Date(email.received_at) } },
    { select: ["id"], order: { created_at: "ASC" } }
  )
  if (!candidates.length) {
    return null
  }
  const claimed = await container
    .resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)
    .listInboundEmails({ message_id: candidates.map((message) => message.id) }, { select: ["message_id"] })
  const taken = new Set(claimed.map((other) => other.message_id))
  return candidates.find((message) => !taken.has(message.id))?.id ?? null
}

async function deleteFiles(container: MedusaContainer, fileIds: string[]) {
  if (fileIds.length) {
    await container.resolve<IFileModuleService>(Modules.FILE).deleteFiles(fileIds).catch(() => undefined)
  }
}

/** Uploads recorded for a reply that was then refused: they could never be sent. */
async function discardAttachments(container: MedusaContainer, ids: string[]) {
  if (!ids.length) {
    return
  }
  const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
  const attachments = await messaging.listMessageAttachments({ id: ids, message_id: null } as any, { select: ["id", "file_id"] })
  await deleteFiles(container, attachments.map((attachment: { file_id: string }) => attachment.file_id))
  await messaging.deleteMessageAttachments(attachments.map((attachment: { id: string }) => attachment.id))
}
