import { ExclamationCircle } from "@medusajs/icons"
import { Container, Switch, Text, toast } from "@medusajs/ui"
import { useMessagingSettings, useUpdateMessagingSettings } from "../../hooks/api/messaging-settings"

/** Shown on the inbox while messaging is off for the whole store, with the switch to turn it on. */
export const MessagingOffBanner = () => {
  const { settings } = useMessagingSettings()
  const update = useUpdateMessagingSettings()

  if (!settings || settings.enabled) {
    return null
  }
  return (
    <Container data-testid="messaging-off-banner" className="flex items-center justify-between gap-x-4 px-6 py-4">
      <div className="flex items-start gap-x-3">
        <ExclamationCircle className="text-ui-fg-subtle mt-0.5 shrink-0" />
        <div className="flex flex-col">
          <Text size="small" weight="plus">
            Messaging is turned off
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            Affiliates cannot write to you and you cannot send messages. History stays readable.
          </Text>
        </div>
      </div>
      <label className="flex shrink-0 items-center gap-x-2">
        <Text size="small" weight="plus">
          Enable messaging
        </Text>
        <Switch
          aria-label="Enable messaging"
          checked={false}
          disabled={update.isPending}
          onCheckedChange={() =>
            update.mutate(
              { enabled: true },
              {
                onSuccess: () => toast.success("Messaging is on"),
                onError: (error) => toast.error(error.message),
              }
            )
          }
        />
      </label>
    </Container>
  )
}
