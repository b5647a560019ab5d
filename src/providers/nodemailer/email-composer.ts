import { randomBytes } from "node:crypto"
import { LRUCache } from "lru-cache"
import MailComposer from "nodemailer/lib/mail-composer"
import type Mail from "nodemailer/lib/mailer"
import type MimeNode from "nodemailer/lib/mime-node"

/** An email as it goes over SMTP: the whole message, its envelope and its Message-ID. */
export type ComposedEmail = { raw: Buffer; envelope: MimeNode.Envelope; messageId: string }

/** Bodies kept: a team message or a broadcast reuses one for all its recipients, then moves on. */
const KEPT_BODIES = 50

/** A body built once, with the multipart boundary its headers name. */
type KeptBody = { text: string | undefined; boundary: string; body: Promise<Buffer> }

/**
 * Writes emails as nodemailer writes them, encoding each distinct body once.
 * A message to a team, or a broadcast, sends one subject, HTML and text to
 * every recipient, and nodemailer would quoted-printable encode that body
 * again for each: half of its work an email (measured with the bench's
 * 10 kB notification: 0.85 ms of CPU an email through nodemailer, 0.47 ms
 * with the body kept). Here nodemailer's own composer builds every email's
 * headers; the body below them (the MIME parts with their own headers) is
 * built once by nodemailer too and kept with the multipart boundary it was
 * built with (nodemailer's `baseBoundary`, as random as nodemailer's own),
 * which every later email of the same content names in its headers.
 * Bodies are found by their HTML: the recipients of one message share its
 * rendered string, so the lookup costs no hashing of the content (a SHA-256
 * of it was 1 % of the bench's email CPU). Attachments are not supported:
 * notifications link to them.
 */
export class EmailComposer {
  protected readonly bodies_ = new LRUCache<string, KeptBody>({ max: KEPT_BODIES })

  async compose(options: Mail.Options): Promise<ComposedEmail> {
    const { html, text } = contentOf(options)
    // the plugin's text is made from its HTML: another text for one HTML replaces the kept body
    const kept = this.bodies_.get(html)
    const reused = kept?.text === text ? kept : undefined
    // @types/nodemailer leaves out `baseBoundary`, which MailComposer hands to every MIME node it makes
    const root = new MailComposer({ ...options, baseBoundary: reused?.boundary ?? newBoundary() } as Mail.Options).compile()
    const body = reused?.body ?? this.keep(html, text, root)
    // the Date and Message-ID headers are set on the first call and kept
    const head = Buffer.from(`${root.buildHeaders()}\r\n\r\n`)
    return { raw: Buffer.concat([head, await body]), envelope: root.getEnvelope(), messageId: root.messageId() }
  }

  protected keep(html: string, text: string | undefined, root: MimeNode): Promise<Buffer> {
    const kept: KeptBody = { text, boundary: root.baseBoundary, body: root.build().then(bodyOf) }
    this.bodies_.set(html, kept)
    kept.body.catch(() => {
      if (this.bodies_.peek(html) === kept) this.bodies_.delete(html)
    })
    return kept.body
  }
}

/** nodemailer's default: 16 random hex digits. */
const newBoundary = () => randomBytes(8).toString("hex")

/** What follows the top-level headers: nodemailer ends them with the first empty line. */
function bodyOf(message: Buffer): Buffer {
  const end = message.indexOf("\r\n\r\n")
  if (end < 0) {
    throw new Error("nodemailer wrote an email without a header/body separator")
  }
  return message.subarray(end + 4)
}

/** Everything the body depends on; headers (addresses, subject, threading) are built per email. */
function contentOf({ html, text }: Mail.Options): { html: string; text: string | undefined } {
  if ((html !== undefined && typeof html !== "string") || (text !== undefined && typeof text !== "string")) {
    throw new Error("EmailComposer takes HTML and text as strings")
  }
  // a text-only email keys on "": no HTML part is built from it
  return { html: html ?? "", text }
}
