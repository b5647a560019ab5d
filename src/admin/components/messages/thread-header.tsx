import { EnvelopeSolid } from "@medusajs/icons"
import { Button, Heading, Text, toast } from "@medusajs/ui"
import { Link, useNavigate } from "react-router-dom"
import type { Conversation } from "../../../types/http"
import { useMarkConversationUnread } from "../../hooks/api/conversations"
import { audienceLabel } from "../../lib/audience-label"
import { AffiliateStatusBadge } from "../affiliate-status-badge"

/** Who the thread is with, and the shared inbox actions. */
export const ThreadHeader = ({ conversation }: { conversation: Conversation }) => {
  const navigate = useNavigate()
  const markUnread = useMarkConversationUnread(conversation.id)

  // back to the inbox, as mail clients do: staying would read it again
  const onMarkUnread = () =>
    markUnread.mutate(undefined, {
      onSuccess: () => {
        toast.success("Marked as unread for all admins")
        navigate("/messages")
      },
      onError: (error) => toast.error(error.message),
    })

  return (
    <div className="flex items-center justify-between gap-x-4 px-6 py-4">
      <div className="flex min-w-0 flex-col">
        <div className="flex items-center gap-x-2">
          <Heading className="truncate">
            <Link to={`/affiliates/${conversation.affiliate.id}`} className="hover:underline">
              {conversation.affiliate.name}
            </Link>
          </Heading>
          <AffiliateStatusBadge status={conversation.affiliate.status} />
        </div>
        <Text size="small" className="text-ui-fg-subtle truncate">
          {audienceLabel(conversation)} · {conversation.member?.email ?? conversation.affiliate.email}
        </Text>
      </div>
      <div className="flex shrink-0 items-center gap-x-2">
        <Button size="small" variant="secondary" onClick={onMarkUnread} isLoading={markUnread.isPending}>
          <EnvelopeSolid />
          Mark as unread
        </Button>
        <Button size="small" variant="secondary" asChild>
          <Link to={`/affiliates/${conversation.affiliate.id}`}>View affiliate</Link>
        </Button>
      </div>
    </div>
  )
}
