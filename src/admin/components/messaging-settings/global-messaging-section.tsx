import { Container, Heading, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { MessagingSettings } from "../../../types/http"
import { useUpdateMessagingSettings } from "../../hooks/api/messaging-settings"
import { apiErrorMessage } from "../../lib/api-error"
import { SwitchRow } from "../switch-row"

/** The store-wide switch; groups can only narrow it, never widen it. */
export const GlobalMessagingSection = ({ settings }: { settings: MessagingSettings }) => {
  const { mutate, isPending } = useUpdateMessagingSettings()

  const toggle = (enabled: boolean) => {
    mutate(
      { enabled },
      {
        onSuccess: () => toast.success(`Affiliate messaging turned ${enabled ? "on" : "off"}`),
        onError: (error) => toast.error(apiErrorMessage(error)),
      },
    )
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading>Affiliate messaging</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Conversations between your team and your affiliates, in Messages here and in the
          affiliates' own Messages tab.
        </Text>
      </div>
      <SwitchRow
        id="messaging-enabled"
        label="Messaging enabled"
        description="When off, nobody can start or send messages, on either side. Affiliates still see their past conversations, read-only."
        checked={settings.enabled}
        disabled={isPending}
        onCheckedChange={toggle}
      />
      <div className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Each affiliate group can also turn messaging off for its affiliates only.{" "}
          <Link
            to="/affiliates/groups"
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
          >
            Affiliate groups
          </Link>
        </Text>
      </div>
    </Container>
  )
}
