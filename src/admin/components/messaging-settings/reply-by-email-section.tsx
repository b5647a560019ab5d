import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"

/** Where replies by email can be followed: the inbound email log. */
export const ReplyByEmailSection = () => (
  <Container className="flex items-center justify-between gap-x-4 px-6 py-4">
    <div>
      <Heading level="h2">Reply by email</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Replies to notification emails are posted in their conversation. See what arrived and why any was refused.
      </Text>
    </div>
    <Link
      to="/settings/affiliate-messaging/inbound-email"
      className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg txt-compact-small-plus whitespace-nowrap"
    >
      Inbound email
    </Link>
  </Container>
)
