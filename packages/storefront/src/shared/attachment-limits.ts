/**
 * Attachment limits, free of Node APIs so the admin and storefront bundles
 * can check a file before uploading it (the server still sniffs the content).
 */
export const MB = 1024 * 1024
export const IMAGE_LIMIT = 30 * MB
export const DOCUMENT_LIMIT = 250 * MB
/** The largest limit: what a file may reach before its type is known. */
export const MAX_ATTACHMENT_SIZE = DOCUMENT_LIMIT

/**
 * The extensions a file of each accepted type may carry, the first one
 * canonical. The server sniffs the type from the content and refuses a name
 * whose extension is not one of its type's; pickers filter by the same list.
 */
export const IMAGE_TYPE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/gif": ["gif"],
}
export const DOCUMENT_TYPE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  "application/pdf": ["pdf"],
  "application/msword": ["doc"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.ms-excel": ["xls"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.ms-powerpoint": ["ppt"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  "application/vnd.oasis.opendocument.text": ["odt"],
  "application/vnd.oasis.opendocument.spreadsheet": ["ods"],
  "application/vnd.oasis.opendocument.presentation": ["odp"],
  "text/plain": ["txt"],
  "text/csv": ["csv"],
}

const IMAGE_EXTENSIONS = Object.values(IMAGE_TYPE_EXTENSIONS).flat()
const DOCUMENT_EXTENSIONS = Object.values(DOCUMENT_TYPE_EXTENSIONS).flat()

/** For `<input type="file" accept>`. */
export const ATTACHMENT_ACCEPT = [...IMAGE_EXTENSIONS, ...DOCUMENT_EXTENSIONS]
  .map((extension) => `.${extension}`)
  .join(",")

/**
 * What a picked file will meet on the server, judged by its name: the limit
 * for its kind, or a message saying why it cannot be sent.
 */
export function checkAttachmentFile(file: { name: string; size: number }): string | null {
  const extension = file.name.toLowerCase().split(".").pop() ?? ""
  const isImage = IMAGE_EXTENSIONS.includes(extension)
  if (!isImage && !DOCUMENT_EXTENSIONS.includes(extension)) {
    return `${file.name}: this file type cannot be attached (images: JPEG, PNG, GIF; documents: PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV)`
  }
  const limit = isImage ? IMAGE_LIMIT : DOCUMENT_LIMIT
  if (file.size > limit) {
    return `${file.name}: larger than ${limit / MB} MB, the limit for ${isImage ? "images" : "documents"}`
  }
  return null
}
