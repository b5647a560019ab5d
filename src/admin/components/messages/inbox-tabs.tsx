import { Badge, Tabs } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"

/** All / Unread, kept in the URL (`?unread=true`) like the table's own filters. */
export const useInboxTab = () => {
  const [params, setParams] = useSearchParams()
  const tab = params.get("unread") === "true" ? "unread" : "all"
  const setTab = (value: string) =>
    setParams((previous) => {
      previous.delete("offset")
      if (value === "unread") {
        previous.set("unread", "true")
      } else {
        previous.delete("unread")
      }
      return previous
    })
  return { tab, setTab }
}

export const InboxTabs = ({ unreadCount }: { unreadCount: number | undefined }) => {
  const { tab, setTab } = useInboxTab()
  return (
    <Tabs value={tab} onValueChange={setTab}>
      <Tabs.List>
        <Tabs.Trigger value="all">All</Tabs.Trigger>
        <Tabs.Trigger value="unread" className="gap-x-1.5">
          Unread
          {Boolean(unreadCount) && (
            <Badge size="2xsmall" color="blue" data-testid="inbox-unread-count">
              {unreadCount}
            </Badge>
          )}
        </Tabs.Trigger>
      </Tabs.List>
    </Tabs>
  )
}
