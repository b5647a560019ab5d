import { DataTable } from "../../lib/dashboard"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Badge, Container, StatusBadge, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminAffiliate, AdminAffiliateMember } from "../../../types/http"
import { useOpenThread } from "../../hooks/use-open-thread"

const columnHelper = createDataTableColumnHelper<AdminAffiliateMember>()

const fullName = (member: AdminAffiliateMember) =>
  [member.first_name, member.last_name].filter(Boolean).join(" ") || "-"

const useMemberColumns = (affiliateId: string) => {
  const openThread = useOpenThread()

  return useMemo(
    () => [
      columnHelper.accessor("first_name", {
        header: "Name",
        cell: ({ row }) => fullName(row.original),
      }),
      columnHelper.accessor("email", { header: "Email" }),
      columnHelper.accessor("role", {
        header: "Role",
        cell: ({ getValue }) => (
          <Badge size="2xsmall" color={getValue() === "owner" ? "blue" : "grey"}>
            {getValue() === "owner" ? "Owner" : "Member"}
          </Badge>
        ),
      }),
      columnHelper.accessor("email_notifications", {
        header: "Email notifications",
        cell: ({ getValue }) => (
          <StatusBadge color={getValue() ? "green" : "grey"}>
            {getValue() ? "On" : "Off"}
          </StatusBadge>
        ),
      }),
      columnHelper.action({
        actions: [
          {
            label: "Message member",
            icon: <ChatBubbleLeftRight />,
            onClick: ({ row }) => openThread(affiliateId, row.original.id),
          },
        ],
      }),
    ],
    [affiliateId, openThread],
  )
}

/** The people who sign in for this affiliate; each can also have a private thread. */
export const AffiliateMembersSection = ({ affiliate }: { affiliate: AdminAffiliate }) => {
  const columns = useMemberColumns(affiliate.id)
  const members = affiliate.members ?? []
  const closed = affiliate.status === "declined" || affiliate.status === "suspended"

  return (
    <Container className="overflow-hidden p-0">
      <DataTable<AdminAffiliateMember>
        data={members}
        columns={columns}
        getRowId={(row) => row.id}
        rowCount={members.length}
        enableSearch={false}
        enablePagination={false}
        heading="Members"
        headingLevel="h2"
        subHeading="Each member signs in to the affiliate area with their own login."
        action={{
          label: "Invite member",
          to: `/affiliates/${affiliate.id}/invite`,
          // the server refuses: such a team takes no new members
          disabled: closed,
          tooltip: closed ? `A ${affiliate.status} affiliate takes no new members` : undefined,
        }}
        emptyState={{
          empty: {
            heading: "No members yet",
            description: "Invite someone to join this affiliate's team.",
          },
        }}
      />
    </Container>
  )
}
