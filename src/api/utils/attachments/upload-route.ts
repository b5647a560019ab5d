import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import type { Attachment } from "../../../types/http"
import type { AttachmentUploader } from "../../../types/messaging"
import { uploadAttachmentsWorkflow } from "../../../workflows"
import { attachmentView, ViewerSide } from "../message-views"
import { ReceivedUpload, receiveUploads } from "./receive-uploads"
import { UploadQuota } from "./upload-quota"
import { answerRefusedUpload, UploadError } from "./upload-refusal"

/** Why the caller may not upload (the access rule's error), checked before a byte of the body is read. */
export type UploadAccessCheck = (req: MedusaRequest) => Promise<Error | null>

const declaredLength = (req: MedusaRequest) => {
  const length = Number(req.headers["content-length"])
  return Number.isSafeInteger(length) && length > 0 ? length : undefined
}

/**
 * POST …/attachments on either side: check the caller may upload and has
 * quota left (members), stream the files in, record them as the caller's
 * unsent uploads, answer `{ attachments }`. A refused upload (403, 409,
 * 400, 413, 415, 429) stores nothing, gives its quota back, and its answer
 * reaches a client still sending the body (`answerRefusedUpload`).
 */
export const uploadRoute =
  (side: ViewerSide, uploaderOf: (req: MedusaRequest) => AttachmentUploader, accessRefusal?: UploadAccessCheck) =>
  async (req: MedusaRequest, res: MedusaResponse<{ attachments: Attachment[] }>) => {
    const files = req.scope.resolve(Modules.FILE)
    const uploader = uploaderOf(req)
    let quota: UploadQuota | null = null
    const refuse = async (error: unknown) => {
      await quota?.release()
      const refusal = error instanceof UploadError ? error : UploadError.fromAccessRefusal(error)
      if (!refusal) {
        throw error
      }
      answerRefusedUpload(req, res, refusal)
    }

    let received: ReceivedUpload[]
    try {
      const refusal = await accessRefusal?.(req)
      if (refusal) {
        throw refusal
      }
      // quotas are the members': admin uploads get the per-minute route limit only
      quota = uploader.type === "affiliate" ? await UploadQuota.open(req.scope, uploader.id) : null
      await quota?.begin(declaredLength(req))
      received = await receiveUploads(req, files, quota)
    } catch (error) {
      return refuse(error)
    }
    try {
      const { result } = await uploadAttachmentsWorkflow(req.scope).run({ input: { uploader, files: received } })
      await quota?.settle(received.reduce((sum, upload) => sum + upload.size, 0))
      res.json({ attachments: result.map((attachment) => attachmentView(attachment, side)) })
    } catch (error) {
      await files.deleteFiles(received.map((upload) => upload.file_id)).catch(() => undefined)
      return refuse(error)
    }
  }
