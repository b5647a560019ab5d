import type { MedusaRequest } from "@medusajs/framework/http"
import busboy from "busboy"
import { createHmac, timingSafeEqual } from "crypto"
import { PassThrough, Readable } from "stream"
import type { ResolvedInboundEmailOptions } from "../../../../types/options"
import { EMAIL_TOO_LARGE } from "../../../../workflows/inbound-email/raw-email-store"

export class WebhookRefusal extends Error {
  constructor(readonly status: 400 | 401 | 404 | 413 | 415, readonly type: string, message: string) {
    super(message)
  }
}

const sameSecret = (given: string, secret: string) => {
  const a = createHmac("sha256", "webhook").update(given).digest()
  const b = createHmac("sha256", "webhook").update(secret).digest()
  return timingSafeEqual(a, b)
}

/** `Authorization: Bearer <secret>`, or HTTP basic auth (any user) whose password is the secret. */
export function isAuthorized(req: MedusaRequest, secret: string): boolean {
  const header = req.headers.authorization ?? ""
  const [scheme, value = ""] = header.split(" ", 2)
  if (/^bearer$/i.test(scheme)) {
    return sameSecret(value.trim(), secret)
  }
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value.trim(), "base64").toString("utf8")
    const colon = decoded.indexOf(":")
    return colon >= 0 && sameSecret(decoded.slice(colon + 1), secret)
  }
  return false
}

const tooLarge = (maxBytes: number) =>
  new WebhookRefusal(413, "too_large", `The email is larger than the ${maxBytes} bytes accepted (inboundEmail.maxBytes)`)

/**
 * The request body passed through as it arrives, failing with
 * EMAIL_TOO_LARGE past `maxBytes` (ingestion records the refusal). The
 * request itself is left alone, so the route can still answer 413.
 */
function cappedBody(req: MedusaRequest, maxBytes: number): Readable {
  const out = new PassThrough()
  let size = 0
  const onData = (chunk: Buffer) => {
    size += chunk.length
    if (size > maxBytes) {
      req.off("data", onData)
      req.pause()
      out.destroy(Object.assign(new Error("too large"), { code: EMAIL_TOO_LARGE }))
      return
    }
    if (!out.write(chunk)) {
      req.pause()
      out.once("drain", () => req.resume())
    }
  }
  req.on("data", onData)
  req.once("end", () => out.end())
  req.once("error", (error) => out.destroy(error))
  return out
}

async function readCapped(req: MedusaRequest, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of cappedBody(req, maxBytes)) {
    size += chunk.length
    chunks.push(chunk)
  }
  return Buffer.concat(chunks, size)
}

/** Postmark's JSON escapes and wraps the raw email: allow for that on top of `maxBytes`. */
const envelopeAllowance = (maxBytes: number) => maxBytes * 2 + 64 * 1024

/**
 * The raw email of a webhook request, in any of the formats providers post:
 * a raw MIME body (`message/rfc822`), Postmark's inbound JSON (`RawEmail`),
 * SendGrid Inbound Parse with "send raw" (multipart field `email`), and
 * Mailgun's `body-mime` (its signature checked when `mailgunSigningKey` is set).
 */
export async function emailOfRequest(
  req: MedusaRequest,
  options: ResolvedInboundEmailOptions
): Promise<Buffer | Readable> {
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase()
  const length = Number(req.headers["content-length"] ?? 0)
  const raw = type === "message/rfc822" || type === "text/plain" || type === "application/octet-stream"
  if (length > (raw ? options.maxBytes : envelopeAllowance(options.maxBytes))) {
    throw tooLarge(options.maxBytes)
  }
  if (raw) {
    return cappedBody(req, options.maxBytes)
  }
  if (type === "application/json") {
    let body: { RawEmail?: unknown }
    try {
      body = JSON.parse((await readCapped(req, envelopeAllowance(options.maxBytes))).toString("utf8"))
    } catch (error) {
      throw (error as { code?: string }).code === EMAIL_TOO_LARGE
        ? tooLarge(options.maxBytes)
        : new WebhookRefusal(400, "invalid_data", "The JSON body could not be parsed")
    }
    if (typeof body?.RawEmail !== "string" || !body.RawEmail) {
      throw new WebhookRefusal(
        400,
        "invalid_data",
        "The JSON body has no RawEmail: turn on \"Include raw email content in JSON payload\" in Postmark's inbound settings"
      )
    }
    const email = Buffer.from(body.RawEmail, "utf8")
    if (email.length > options.maxBytes) {
      throw tooLarge(options.maxBytes)
    }
    return email
  }
  if (type === "multipart/form-data" || type === "application/x-www-form-urlencoded") {
    const fields = await formFields(req, options.maxBytes)
    const email = fields.get("email") ?? fields.get("body-mime")
    if (!email) {
      throw new WebhookRefusal(
        400,
        "invalid_data",
        "No raw email in the form: SendGrid posts it in \"email\" (turn on \"POST the raw, full MIME message\"), Mailgun in \"body-mime\" (forward to a URL ending in mime)"
      )
    }
    if (fields.has("body-mime") && options.mailgunSigningKey) {
      checkMailgunSignature(fields, options.mailgunSigningKey)
    }
    return email
  }
  throw new WebhookRefusal(
    415,
    "invalid_data",
    "Send the email as message/rfc822, Postmark JSON, or a SendGrid / Mailgun form post"
  )
}

/** The form's fields (text fields and file parts alike), each at most `maxBytes`. */
function formFields(req: MedusaRequest, maxBytes: number): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, Buffer>()
    let failure: Error | null = null
    const fail = (error: Error) => {
      failure ??= error
    }
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: req.headers, limits: { fieldSize: maxBytes + 1, fileSize: maxBytes + 1 } })
    } catch {
      return reject(new WebhookRefusal(400, "invalid_data", "Malformed form body"))
    }
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) {
        return fail(tooLarge(maxBytes))
      }
      fields.set(name, Buffer.from(value, "utf8"))
    })
    parser.on("file", (name, stream) => {
      const chunks: Buffer[] = []
      stream.on("data", (chunk: Buffer) => chunks.push(chunk))
      stream.on("limit", () => fail(tooLarge(maxBytes)))
      stream.on("end", () => fields.set(name, Buffer.concat(chunks)))
    })
    parser.on("error", (error: Error) => fail(new WebhookRefusal(400, "invalid_data", `Malformed form body: ${error.message}`)))
    parser.on("close", () => (failure ? reject(failure) : resolve(fields)))
    const body = cappedBody(req, envelopeAllowance(maxBytes))
    body.on("error", (error: Error & { code?: string }) => {
      fail(error.code === EMAIL_TOO_LARGE ? tooLarge(maxBytes) : error)
      parser.destroy()
      reject(failure)
    })
    body.pipe(parser)
  })
}

/** Mailgun signs `timestamp + token` with the webhook signing key (HMAC-SHA256, hex); older than 15 minutes is a replay. */
function checkMailgunSignature(fields: Map<string, Buffer>, key: string) {
  const [timestamp, token, signature] = ["timestamp", "token", "signature"].map((name) => fields.get(name)?.toString("utf8") ?? "")
  const expected = createHmac("sha256", key).update(timestamp + token).digest("hex")
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 15 * 60
  const valid =
    signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected)) && fresh
  if (!valid) {
    throw new WebhookRefusal(401, "unauthorized", "Invalid Mailgun signature")
  }
}
