import { Section } from "@react-email/section"
import { Text } from "@react-email/text"
import { styles } from "./email-layout"

export type NotifiedMessage = {
  sender: string
  /** ISO 8601 UTC. */
  sent_at: string
  /** First 200 characters of the body, plain text: React escapes it. */
  preview: string
  attachment_count: number
}

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`

/** "2026-12-04 21:16 UTC": one format in every email, whatever the reader's locale. */
const sentAt = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`

/** One message as every email lists it: who, when, the preview, its attachments. */
export function MessageQuote({ message }: { message: NotifiedMessage }) {
  return (
    <Section style={styles.quote}>
      <Text style={styles.muted}>
        {message.sender} · {sentAt(message.sent_at)}
      </Text>
      <Text style={{ ...styles.text, margin: 0, whiteSpace: "pre-wrap" }}>{message.preview}</Text>
      {message.attachment_count ? (
        <Text style={{ ...styles.muted, margin: "8px 0 0" }}>
          {plural(message.attachment_count, "attached file")}
        </Text>
      ) : null}
    </Section>
  )
}
