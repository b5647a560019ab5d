import { Button } from "@react-email/button"
import { Section } from "@react-email/section"
import { Text } from "@react-email/text"
import { EmailLayout, styles } from "./email-layout"

export type AffiliateInviteEmailProps = {
  storeName: string
  affiliateName: string
  acceptUrl: string
  expiresAt: Date
}

/** Invites a person to join an affiliate team. */
export function AffiliateInviteEmail(props: AffiliateInviteEmailProps) {
  return (
    <EmailLayout
      storeName={props.storeName}
      preview={`Join ${props.affiliateName} on ${props.storeName}`}
      footer={
        <Text style={styles.muted}>
          This invite works once and expires on {props.expiresAt.toUTCString()}. If you did not
          expect it, ignore this email.
        </Text>
      }
    >
      <Text style={styles.heading}>You are invited to join {props.affiliateName}</Text>
      <Text style={styles.text}>
        {props.affiliateName} is an affiliate of {props.storeName}. Accept the invite to read and
        send the team's messages with the store.
      </Text>
      <Section style={{ margin: "24px 0 0" }}>
        <Button href={props.acceptUrl} style={styles.button}>
          Accept the invite
        </Button>
      </Section>
    </EmailLayout>
  )
}

export function affiliateInviteSubject(props: AffiliateInviteEmailProps): string {
  return `${props.storeName}: join ${props.affiliateName} as an affiliate`
}
