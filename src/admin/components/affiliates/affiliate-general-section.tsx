import { ActionMenu, SectionRow, useDate, type ActionGroup } from "../../lib/dashboard"
import {
  ArrowPath,
  ChatBubbleLeftRight,
  CheckCircle,
  PauseSolid,
  PencilSquare,
  XCircle,
} from "@medusajs/icons"
import { Button, Container, Heading, toast, usePrompt } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { Link } from "react-router-dom"
import type { AffiliateStatus } from "../../../types/affiliate"
import type { AdminAffiliate } from "../../../types/http"
import { useUpdateAffiliate } from "../../hooks/api/affiliates"
import { useOpenThread } from "../../hooks/use-open-thread"
import { apiErrorMessage } from "../../lib/api-error"
import { statusTransitions, type StatusTransition } from "../../lib/affiliate-status-transitions"
import { AffiliateStatusBadge } from "../affiliate-status-badge"
import { useManagerChoices } from "./use-affiliate-choices"

const TRANSITION_ICONS: Record<string, ReactNode> = {
  Approve: <CheckCircle />,
  Decline: <XCircle />,
  Suspend: <PauseSolid />,
  Reactivate: <ArrowPath />,
}

export const AffiliateGeneralSection = ({ affiliate }: { affiliate: AdminAffiliate }) => {
  const prompt = usePrompt()
  const { getFullDate } = useDate()
  const { nameOf } = useManagerChoices()
  const openThread = useOpenThread()
  const [opening, setOpening] = useState(false)
  const { mutate: updateAffiliate } = useUpdateAffiliate(affiliate.id)

  const changeStatus = async (transition: StatusTransition) => {
    const confirmed = await prompt({
      ...transition.prompt(affiliate.name),
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!confirmed) {
      return
    }
    updateAffiliate(
      { status: transition.to },
      {
        onSuccess: () => toast.success(transition.done(affiliate.name)),
        onError: (error) => toast.error(apiErrorMessage(error)),
      },
    )
  }

  const messageTeam = async () => {
    setOpening(true)
    await openThread(affiliate.id, null)
    setOpening(false)
  }

  const groups: ActionGroup[] = [
    {
      actions: [{ label: "Edit", icon: <PencilSquare />, to: `/affiliates/${affiliate.id}/edit` }],
    },
    {
      actions: statusTransitions(affiliate.status as AffiliateStatus).map((transition) => ({
        label: transition.label,
        icon: TRANSITION_ICONS[transition.label],
        onClick: () => changeStatus(transition),
      })),
    },
  ]

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading className="min-w-0 break-words">{affiliate.name}</Heading>
        <div className="flex shrink-0 items-center gap-x-2">
          <AffiliateStatusBadge status={affiliate.status} />
          <Button size="small" variant="secondary" onClick={messageTeam} isLoading={opening}>
            <ChatBubbleLeftRight />
            Message team
          </Button>
          <ActionMenu groups={groups} />
        </div>
      </div>
      <SectionRow title="Email" value={affiliate.email} />
      <SectionRow
        title="Group"
        value={
          affiliate.group ? (
            <Link
              to={`/affiliates/groups/${affiliate.group.id}`}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
            >
              {affiliate.group.name}
            </Link>
          ) : (
            "-"
          )
        }
      />
      <SectionRow title="Manager" value={nameOf(affiliate.manager_id) ?? "-"} />
      <SectionRow
        title="Created"
        value={getFullDate({ date: affiliate.created_at, includeTime: true })}
      />
    </Container>
  )
}
