import { ActionMenu, SectionRow, useDate } from "../../lib/dashboard"
import { PencilSquare, Trash } from "@medusajs/icons"
import { Container, Heading, toast, usePrompt } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import type { AdminAffiliateGroup } from "../../../types/http"
import { DEFAULT_DISABLED_MESSAGE } from "../../../types/messaging"
import { useDeleteAffiliateGroup, useUpdateAffiliateGroup } from "../../hooks/api/affiliate-groups"
import { apiErrorMessage } from "../../lib/api-error"
import { SwitchRow } from "../switch-row"
import { MessagingBadge } from "./messaging-badge"

export const GroupGeneralSection = ({ group }: { group: AdminAffiliateGroup }) => {
  const prompt = usePrompt()
  const navigate = useNavigate()
  const { getFullDate } = useDate()
  const { mutate: updateGroup, isPending: isSwitching } = useUpdateAffiliateGroup(group.id)
  const { mutate: deleteGroup } = useDeleteAffiliateGroup(group.id)

  // saved at once, like a settings toggle: there is nothing else to confirm
  const toggleMessaging = (enabled: boolean) => {
    updateGroup(
      { messaging_enabled: enabled },
      {
        onSuccess: () =>
          toast.success(`Messaging turned ${enabled ? "on" : "off"} for ${group.name}`),
        onError: (error) => toast.error(apiErrorMessage(error)),
      },
    )
  }

  const handleDelete = async () => {
    const confirmed = await prompt({
      title: `Delete ${group.name}?`,
      description:
        "Its affiliates are kept, without a group: their messaging then follows the store-wide setting. This cannot be undone.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) {
      return
    }
    deleteGroup(undefined, {
      onSuccess: () => {
        toast.success(`Group ${group.name} was deleted`)
        navigate("/affiliates/groups", { replace: true })
      },
      onError: (error) => toast.error(apiErrorMessage(error)),
    })
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading className="min-w-0 break-words">{group.name}</Heading>
        <div className="flex shrink-0 items-center gap-x-2">
          <MessagingBadge enabled={group.messaging_enabled} />
          <ActionMenu
            groups={[
              {
                actions: [
                  {
                    label: "Edit",
                    icon: <PencilSquare />,
                    to: `/affiliates/groups/${group.id}/edit`,
                  },
                ],
              },
              { actions: [{ label: "Delete", icon: <Trash />, onClick: handleDelete }] },
            ]}
          />
        </div>
      </div>
      <SwitchRow
        id="group-messaging"
        label="Messaging"
        description="When off, affiliates in this group see this message in their Messages tab and cannot reply."
        checked={group.messaging_enabled}
        disabled={isSwitching}
        onCheckedChange={toggleMessaging}
      />
      <SectionRow
        title="Message when off"
        value={
          group.messaging_disabled_message ?? (
            <span className="text-ui-fg-muted whitespace-pre-line">
              Default: {DEFAULT_DISABLED_MESSAGE}
            </span>
          )
        }
      />
      <SectionRow
        title="Created"
        value={getFullDate({ date: group.created_at, includeTime: true })}
      />
    </Container>
  )
}
