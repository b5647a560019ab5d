import { Body } from "@react-email/body"
import { Container } from "@react-email/container"
import { Head } from "@react-email/head"
import { Hr } from "@react-email/hr"
import { Html } from "@react-email/html"
import { Preview } from "@react-email/preview"
import { Section } from "@react-email/section"
import { Text } from "@react-email/text"
import type { ReactNode } from "react"
import { REPLY_MARKER, REPLY_MARKER_HINT } from "../utils/reply-marker"

const colors = { text: "#18181b", muted: "#71717a", border: "#e4e4e7", canvas: "#f4f4f5" }

export const styles = {
  body: { backgroundColor: colors.canvas, fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", border: `1px solid ${colors.border}`, borderRadius: "8px", margin: "0 auto", maxWidth: "560px", padding: "32px" },
  store: { color: colors.muted, fontSize: "13px", letterSpacing: "0.04em", margin: "0 0 16px", textTransform: "uppercase" as const },
  heading: { color: colors.text, fontSize: "20px", fontWeight: 600, lineHeight: "28px", margin: "0 0 16px" },
  text: { color: colors.text, fontSize: "15px", lineHeight: "24px", margin: "0 0 12px" },
  muted: { color: colors.muted, fontSize: "13px", lineHeight: "20px", margin: "0 0 8px" },
  quote: { backgroundColor: colors.canvas, borderLeft: `3px solid ${colors.border}`, borderRadius: "4px", margin: "0 0 12px", padding: "12px 16px" },
  button: { backgroundColor: colors.text, borderRadius: "6px", color: "#ffffff", display: "inline-block", fontSize: "15px", fontWeight: 600, padding: "12px 20px", textDecoration: "none" },
  hr: { borderColor: colors.border, margin: "24px 0 16px" },
}

/**
 * The frame every plugin email shares: store name on top, a footer below.
 * With `replyByEmail`, the reply marker comes first, so the quoted email
 * under a reply starts with it and the inbound trimmer cuts there.
 */
export function EmailLayout(props: {
  storeName: string
  preview: string
  children: ReactNode
  footer: ReactNode
  replyByEmail?: boolean
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        {props.replyByEmail ? (
          <Text style={{ ...styles.muted, margin: "0 auto 12px", maxWidth: "560px", textAlign: "center" }} data-reply-marker="">
            {REPLY_MARKER}
            <br />
            {REPLY_MARKER_HINT}
          </Text>
        ) : null}
        <Container style={styles.container}>
          <Text style={styles.store}>{props.storeName}</Text>
          <Section>{props.children}</Section>
          <Hr style={styles.hr} />
          <Section>{props.footer}</Section>
        </Container>
      </Body>
    </Html>
  )
}
