import { Button, Section, Text } from "@react-email/components"
import { EmailLayout, styles } from "./email-layout"

export type NotifiedMessage = {
  sender: string
  /** First 200 characters of the body, plain text: React escapes it. */
  preview: string
  attachment_count: number
}

export type NewMessageEmailProps = {
  storeName: string
  /** Who the email is for decides the wording and the footer. */
  audience: "affiliate" | "owner"
  /** The affiliate team the conversation belongs to (shown to owners). */
  affiliateName: string
  messages: NotifiedMessage[]
  link: string
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`

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
      footer={
        props.audience === "affiliate" ? (
          <Text style={styles.muted}>
            You receive these emails because notifications are on for your affiliate account at{" "}
            {props.storeName}. To turn them off, open your affiliate portal, go to your profile and
            switch off email notifications.
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
        <Section key={index} style={styles.quote}>
          {props.messages.length > 1 ? <Text style={styles.muted}>{message.sender}</Text> : null}
          <Text style={{ ...styles.text, margin: 0, whiteSpace: "pre-wrap" }}>{message.preview}</Text>
          {message.attachment_count ? (
            <Text style={{ ...styles.muted, margin: "8px 0 0" }}>
              {plural(message.attachment_count, "attached file")}
            </Text>
          ) : null}
        </Section>
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
