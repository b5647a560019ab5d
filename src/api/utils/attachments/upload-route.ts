import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import type { Attachment } from "../../../types/http"
import type { AttachmentUploader } from "../../../types/messaging"
import { uploadAttachmentsWorkflow } from "../../../workflows"
import { attachmentView, Side } from "../messaging-views"
import { receiveUploads, UploadError } from "./receive-uploads"

/**
 * POST …/attachments on either side: stream the files in, record them as
 * the caller's unsent uploads, answer `{ attachments }`. A refused upload
 * answers 400/413/415 and closes the connection, so a client still sending
 * a huge body is not read to the end.
 */
export const uploadRoute =
  (side: Side, uploaderOf: (req: MedusaRequest) => AttachmentUploader) =>
  async (req: MedusaRequest, res: MedusaResponse<{ attachments: Attachment[] }>) => {
    const files = req.scope.resolve(Modules.FILE)
    let received
    try {
      received = await receiveUploads(req, files)
    } catch (error) {
      if (error instanceof UploadError) {
        res.setHeader("Connection", "close")
        res.status(error.status).json({ type: "invalid_data", message: error.message } as any)
        res.once("finish", () => req.destroy())
        return
      }
      throw error
    }
    try {
      const { result } = await uploadAttachmentsWorkflow(req.scope).run({
        input: { uploader: uploaderOf(req), files: received },
      })
      res.json({ attachments: result.map((attachment) => attachmentView(attachment, side)) })
    } catch (error) {
      await files.deleteFiles(received.map((upload) => upload.file_id)).catch(() => undefined)
      throw error
    }
  }
