import { Button } from "@react-email/button"
import { Section } from "@react-email/section"
import { Text } from "@react-email/text"
import { EmailLayout, styles } from "./email-layout"
import { MessageQuote, NotifiedMessage, plural } from "./message-quote"

export type DigestThread = {
  affiliateName: string
  link: string
  /** The first messages held in this thread, oldest first. */
  messages: NotifiedMessage[]
  /** Messages held in this thread beyond those listed. */
  more: number
}

export type MessageDigestEmailProps = {
  storeName: string
  /** The affiliate whose messages were held, or "pending affiliates". */
  sourceName: string
  /** `affiliateEmailsPerHour`. */
  cap: number
  threads: DigestThread[]
  /** Reply by email is on and the digest lists one conversation: it carries the reply marker. */
  replyByEmail?: boolean
}

const heldCount = (props: MessageDigestEmailProps) =>
  props.threads.reduce((sum, thread) => sum + thread.messages.length + thread.more, 0)

/**
 * The messages an affiliate sent after its emails of the hour were used
 * up (`affiliateEmailsPerHour`), in one email per recipient when the hour
 * ends, grouped by conversation.
 */
export function MessageDigestEmail(props: MessageDigestEmailProps) {
  // "N more messages from …" is kept for the threads' remainders, so a reader (or a test) tells them apart
  const heading = `Held back this hour: ${plural(heldCount(props), "message")} from ${props.sourceName}`
  return (
    <EmailLayout
      storeName={props.storeName}
      preview={heading}
      replyByEmail={props.replyByEmail}
      footer={
        <Text style={styles.muted}>
          Sent to the {props.storeName} team by the affiliate messaging inbox. Messages from{" "}
          {props.sourceName} caused {props.cap} emails within an hour; the ones after those are
          collected here, once an hour.
        </Text>
      }
    >
      <Text style={styles.heading}>{heading}</Text>
      {props.threads.map((thread, index) => (
        <Section key={index} style={{ margin: "0 0 24px" }}>
          <Text style={styles.text}>Conversation with {thread.affiliateName}</Text>
          {thread.messages.map((message, i) => (
            <MessageQuote key={i} message={message} />
          ))}
          {thread.more ? (
            <Text style={styles.muted}>
              {plural(thread.more, "more message")} from {thread.affiliateName}
            </Text>
          ) : null}
          <Button href={thread.link} style={styles.button}>
            Open the conversation
          </Button>
        </Section>
      ))}
    </EmailLayout>
  )
}

export function messageDigestSubject(props: MessageDigestEmailProps): string {
  return `${props.storeName}: ${plural(heldCount(props), "more message")} from ${props.sourceName}`
}
