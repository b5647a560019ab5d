import { Button } from "@react-email/button"
import { Section } from "@react-email/section"
import { Text } from "@react-email/text"
import { EmailLayout, styles } from "./email-layout"
import { MessageQuote, NotifiedMessage, plural } from "./message-quote"

export type { NotifiedMessage } from "./message-quote"

export type NewMessageEmailProps = {
  storeName: string
  /** Who the email is for decides the wording and the footer. */
  audience: "affiliate" | "owner"
  /** The affiliate team the conversation belongs to (shown to owners). */
  affiliateName: string
  messages: NotifiedMessage[]
  link: string
  /** Reply by email is on: the email carries the reply marker. */
  replyByEmail?: boolean
}

/** "New message" for affiliates and for the store's team; lists every message it covers. */
export function NewMessageEmail(props: NewMessageEmailProps) {
  const [first] = props.messages
  const heading =
    props.messages.length === 1
      ? props.audience === "affiliate"
        ? `${first.sender} sent you a message`
        : `${first.sender} of ${props.affiliateName} sent a message`
      : `${plural(props.messages.length, "new message")} in your conversation${
          props.audience === "owner" ? ` with ${props.affiliateName}` : ""
        }`
  return (
    <EmailLayout
      storeName={props.storeName}
      preview={`${first.sender}: ${first.preview}`}
      replyByEmail={props.replyByEmail}
      footer={
        props.audience === "affiliate" ? (
          <Text style={styles.muted}>
            You receive these emails because notifications are on for your affiliate account at{" "}
            {props.storeName}. To turn them off, use your mail app's unsubscribe button, or open
            your affiliate portal, go to your profile and switch off email notifications.
          </Text>
        ) : (
          <Text style={styles.muted}>
            Sent to the {props.storeName} team by the affiliate messaging inbox.
          </Text>
        )
      }
    >
      <Text style={styles.heading}>{heading}</Text>
      {props.messages.map((message, index) => (
        <MessageQuote key={index} message={message} />
      ))}
      <Section style={{ margin: "24px 0 0" }}>
        <Button href={props.link} style={styles.button}>
          {props.audience === "affiliate" ? "Read and reply" : "Open the conversation"}
        </Button>
      </Section>
    </EmailLayout>
  )
}

export function newMessageSubject(props: NewMessageEmailProps): string {
  const [first] = props.messages
  return props.audience === "affiliate"
    ? `${props.storeName}: new message from ${first.sender}`
    : `${props.storeName}: new message from ${first.sender} (${props.affiliateName})`
}
