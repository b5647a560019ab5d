import { defineRouteConfig } from "@medusajs/admin-sdk"
import { LayoutComposer } from "@medusajs/dashboard/components"
import { GlobalMessagingSection } from "../../../components/messaging-settings/global-messaging-section"
import { NotificationEmailsSection } from "../../../components/messaging-settings/notification-emails-section"
import { ReplyByEmailSection } from "../../../components/messaging-settings/reply-by-email-section"
import { useMessagingSettings } from "../../../hooks/api/messaging-settings"
import { PageSkeleton } from "../../../components/page-skeleton"

const AffiliateMessagingSettingsPage = () => {
  const { settings, isPending, isError, error } = useMessagingSettings()

  if (isError) {
    throw error
  }
  if (isPending || !settings) {
    return <PageSkeleton />
  }

  return (
    <LayoutComposer
      widgetsZonePrefix="affiliate_messaging.settings"
      preferredLayoutId="core:single-column"
      data={settings}
      sections={{
        main: (
          <>
            <LayoutComposer.Entry id="AffiliateMessagingGlobalSection">
              <GlobalMessagingSection settings={settings} />
            </LayoutComposer.Entry>
            <LayoutComposer.Entry id="AffiliateMessagingNotificationEmailsSection">
              <NotificationEmailsSection
                key={settings.notification_emails.join("\n")}
                saved={settings.notification_emails}
              />
            </LayoutComposer.Entry>
            <LayoutComposer.Entry id="AffiliateMessagingReplyByEmailSection">
              <ReplyByEmailSection />
            </LayoutComposer.Entry>
          </>
        ),
      }}
    />
  )
}

export const config = defineRouteConfig({
  label: "Affiliate messaging",
})

export const handle = {
  breadcrumb: () => "Affiliate messaging",
}

export default AffiliateMessagingSettingsPage
