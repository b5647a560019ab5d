import { z } from "@medusajs/framework/zod"
import { MAX_ATTACHMENTS_PER_MESSAGE, MESSAGE_BODY_MAX_LENGTH } from "../../../types/messaging"

/**
 * Control characters (C0 and C1), Unicode line and paragraph separators and
 * bidi overrides would let a name inject headers into emails, break layouts
 * or disguise itself.
 */
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

/** Line breaks and tabs are fine in long texts; other control characters never are. */
const CONTROL_CHARS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

/**
 * What Postgres cannot store as sent: NUL (text and jsonb refuse it) and
 * unpaired UTF-16 surrogates (not characters: they would come back as
 * U+FFFD, or make jsonb fail). With the `u` flag the range matches only
 * surrogates that are not part of a pair.
 */
const UNSTORABLE = /\u0000|[\ud800-\udfff]/u

const isStorable = (value: string) => !UNSTORABLE.test(value)
const notStorable = (field: string) => `${field} must be valid Unicode text (no NUL, no unpaired surrogates)`

/**
 * A trimmed one-line text of 1..max characters without control characters.
 * Medusa prints refinement messages alone, so they name their field.
 */
export const singleLineText = (field: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`)
    .refine((value) => !CONTROL_CHARS.test(value), {
      message: `${field} must not contain control characters or line breaks`,
    })
    .refine(isStorable, { message: notStorable(field) })

/** A trimmed multi-line text: line breaks allowed, other control characters not. */
export const multiLineText = (field: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${field} must be at most ${max} characters`)
    .refine((value) => !CONTROL_CHARS_BUT_LINE_BREAKS.test(value), {
      message: `${field} must not contain control characters`,
    })
    .refine(isStorable, { message: notStorable(field) })

export const emailAddress = z
  .string()
  .trim()
  .max(254, "email must be at most 254 characters")
  .pipe(z.email({ message: "email must be a valid email address" }))
  .transform((value) => value.toLowerCase())

/** Medusa ids (`prefix_ULID`): anything else cannot name a record and must not reach a query. */
export const entityId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "must be an id (letters, digits, _ and -)")

const METADATA_MAX_DEPTH = 10

/**
 * Whether jsonb can hold a value as sent: no NUL or unpaired surrogate in
 * any key or string, at most `maxDepth` levels. Walked with a stack, not
 * recursion: a hostile body may be nested thousands of levels deep.
 */
function storableJson(value: unknown, maxDepth: number): boolean {
  const pending: [unknown, number][] = [[value, 1]]
  while (pending.length) {
    const [current, depth] = pending.pop()!
    if (typeof current === "string") {
      if (!isStorable(current)) return false
      continue
    }
    if (current === null || typeof current !== "object") {
      continue
    }
    if (depth > maxDepth) {
      return false
    }
    for (const [key, child] of Object.entries(current)) {
      if (!isStorable(key)) return false
      pending.push([child, depth + 1])
    }
  }
  return true
}

export const metadata = z
  .record(z.string().max(100), z.unknown())
  .refine((value) => storableJson(value, METADATA_MAX_DEPTH), {
    message: `metadata must be JSON at most ${METADATA_MAX_DEPTH} levels deep, without NUL characters or unpaired surrogates`,
  })

/** Accepts `?key=a` and `?key=a&key=b` alike. */
export const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.union([schema, z.array(schema).max(100)])

/** Pagination shared by list routes: `limit` is capped so a caller cannot ask for everything. */
export const pagination = (defaultLimit: number, maxLimit = 100) => ({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
})

/** `order` limited to known columns, ascending or with a leading `-`. */
export const orderBy = (columns: readonly string[]) =>
  z.enum(columns.flatMap((column) => [column, `-${column}`]) as [string, ...string[]])

/** `?flag=true|false` as a boolean. */
export const booleanParam = z.enum(["true", "false"]).transform((value) => value === "true")

/**
 * Request size of the send routes. Medusa's default of 100 KB refuses valid
 * messages: 10,000 astral characters sent as ASCII-escaped JSON (`\ud83d\ude00`,
 * 12 bytes each, as Python's `json.dumps` writes them) take 120 KB.
 */
export const SEND_BODY_SIZE_LIMIT = "256kb"

/**
 * A message: body trimmed, 1–10,000 characters (counted as Unicode code
 * points), or empty when attachments are sent; at most 10 attachments.
 */
export const messageFields = {
  body: z.string().transform((value) => value.trim()),
  attachment_ids: z
    .array(entityId)
    .max(MAX_ATTACHMENTS_PER_MESSAGE, `at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments per message`)
    .optional(),
}

export function checkMessage(
  value: { body: string; attachment_ids?: string[] },
  ctx: z.RefinementCtx
) {
  const length = Array.from(value.body).length
  if (length === 0 && !value.attachment_ids?.length) {
    ctx.addIssue({ code: "custom", path: ["body"], message: "body must not be empty" })
  }
  if (length > MESSAGE_BODY_MAX_LENGTH) {
    ctx.addIssue({
      code: "custom",
      path: ["body"],
      message: `body must be at most ${MESSAGE_BODY_MAX_LENGTH} characters`,
    })
  }
  if (CONTROL_CHARS_BUT_LINE_BREAKS.test(value.body)) {
    ctx.addIssue({ code: "custom", path: ["body"], message: "body must not contain control characters" })
  }
  if (!isStorable(value.body)) {
    ctx.addIssue({ code: "custom", path: ["body"], message: notStorable("body") })
  }
}

/** A reply: the body of every `…/messages` send route on both sides. */
export const SendMessage = z.strictObject(messageFields).superRefine(checkMessage)
export type SendMessageType = z.infer<typeof SendMessage>

/** `GET …/conversations/:id`: opening marks read unless `mark_read=false`. */
export const GetConversationParams = z.strictObject({
  mark_read: booleanParam.default(true),
})
export type GetConversationParamsType = z.infer<typeof GetConversationParams>

/** Routes that take no body accept none but `{}`. */
export const EmptyBody = z.strictObject({})

/** Thread pages: `before` and `after` are message ids; one of them at most. */
export const MessagePageParams = z
  .strictObject({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).optional(),
    before: entityId.optional(),
    after: entityId.optional(),
  })
  .refine((value) => !(value.before && value.after), {
    message: "before and after cannot be combined",
  })
  .refine((value) => value.offset === undefined || !(value.before || value.after), {
    message: "offset cannot be combined with before or after",
  })
export type MessagePageParamsType = z.infer<typeof MessagePageParams>
