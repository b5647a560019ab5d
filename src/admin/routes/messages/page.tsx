import { defineRouteConfig } from "@medusajs/admin-sdk"
import { LayoutComposer } from "@medusajs/dashboard/components"
import { DataTable } from "../../lib/dashboard"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { Conversation } from "../../../types/http"
import { INBOX_FILTER_IDS, useInboxFilters } from "../../components/messages/inbox-filters"
import { useInboxColumns } from "../../components/messages/inbox-columns"
import { InboxTabs, useInboxTab } from "../../components/messages/inbox-tabs"
import { MessagingOffBanner } from "../../components/messages/messaging-off-banner"
import { useConversations } from "../../hooks/api/conversations"
import { useDataTableQuery } from "../../hooks/use-data-table-query"
import { useQueryParams } from "../../hooks/use-query-params"
import { startSidebarUnreadBadge } from "../../lib/medusa-seams/sidebar-unread-badge"

const PAGE_SIZE = 20

/** The shared inbox: every admin sees the same threads and the same read state. */
const InboxPage = () => {
  const { tab } = useInboxTab()
  const query = useDataTableQuery({ filterIds: [...INBOX_FILTER_IDS], pageSize: PAGE_SIZE })
  // `?broadcast_id=`: the threads of one broadcast, linked from its page
  const { broadcast_id } = useQueryParams(["broadcast_id"])
  const { conversations, count, unread_count, isPending, isError, error } = useConversations({
    ...query,
    ...(tab === "unread" ? { unread: true } : {}),
    ...(broadcast_id ? { broadcast_id } : {}),
  } as Parameters<typeof useConversations>[0])
  const columns = useInboxColumns()
  const filters = useInboxFilters()

  if (isError) {
    throw error
  }

  return (
    <LayoutComposer
      widgetsZonePrefix="affiliate_conversation.list"
      preferredLayoutId="core:single-column"
      sections={{
        main: (
          <>
            <LayoutComposer.Entry id="AffiliateMessagingOffBanner">
              <MessagingOffBanner />
            </LayoutComposer.Entry>
            <LayoutComposer.Entry id="AffiliateInboxTable">
              <Container className="p-0">
                <DataTable<Conversation>
                  data={conversations}
                  columns={columns}
                  filters={filters}
                  getRowId={(row) => row.id}
                  rowCount={count}
                  pageSize={PAGE_SIZE}
                  isLoading={isPending}
                  heading="Messages"
                  subHeading="One inbox for all admins: a thread read by one of you is read for everyone."
                  actions={[
                    { label: "Broadcasts", to: "/messages/broadcasts" },
                    { label: "New broadcast", to: "/messages/broadcasts/create" },
                    { label: "New message", to: "create" },
                  ]}
                  filterBarContent={
                    <div className="flex items-center gap-x-3">
                      <InboxTabs unreadCount={unread_count} />
                      {broadcast_id && (
                        <Text size="small" className="text-ui-fg-subtle" data-testid="inbox-broadcast-filter">
                          Threads of{" "}
                          <Link to={`/messages/broadcasts/${broadcast_id}`} className="text-ui-fg-interactive hover:underline">
                            one broadcast
                          </Link>{" "}
                          ·{" "}
                          <Link to="/messages" className="text-ui-fg-interactive hover:underline">
                            show all
                          </Link>
                        </Text>
                      )}
                    </div>
                  }
                  rowHref={(row) => `/messages/${row.id}`}
                  emptyState={{
                    empty: {
                      heading: tab === "unread" ? "All caught up" : "No conversations yet",
                      description:
                        tab === "unread"
                          ? "No thread is waiting for a reply."
                          : "Start one with New message, or wait for an affiliate to write.",
                    },
                    filtered: {
                      heading: "No matching conversations",
                      description: "Try other filters or search words.",
                    },
                  }}
                />
              </Container>
            </LayoutComposer.Entry>
          </>
        ),
      }}
    />
  )
}

export default InboxPage

export const config = defineRouteConfig({
  label: "Messages",
  icon: ChatBubbleLeftRight,
})

export const handle = {
  breadcrumb: () => "Messages",
}

// the dashboard loads every extension up front: the sidebar badge starts with it
startSidebarUnreadBadge()
