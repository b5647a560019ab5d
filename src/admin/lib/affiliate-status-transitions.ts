import type { AffiliateStatus } from "../../types/affiliate"

export type StatusTransition = {
  to: AffiliateStatus
  label: string
  /** What the admin confirms: the consequences for the team and its threads. */
  prompt: (name: string) => { title: string; description: string; confirmText: string }
  done: (name: string) => string
}

const approve: StatusTransition = {
  to: "active",
  label: "Approve",
  prompt: (name) => ({
    title: `Approve ${name}?`,
    description: `${name} becomes active, and you can start conversations with its members.`,
    confirmText: "Approve",
  }),
  done: (name) => `${name} was approved`,
}

const decline: StatusTransition = {
  to: "declined",
  label: "Decline",
  prompt: (name) => ({
    title: `Decline ${name}?`,
    description: `Neither side can write to ${name} any more; existing conversations stay readable. You can reactivate the affiliate later.`,
    confirmText: "Decline",
  }),
  done: (name) => `${name} was declined`,
}

const suspend: StatusTransition = {
  to: "suspended",
  label: "Suspend",
  prompt: (name) => ({
    title: `Suspend ${name}?`,
    description: `Members of ${name} can no longer use the affiliate area, and their conversations become read-only. Nothing is deleted; you can reactivate the affiliate later.`,
    confirmText: "Suspend",
  }),
  done: (name) => `${name} was suspended`,
}

const reactivate: StatusTransition = {
  ...approve,
  label: "Reactivate",
  prompt: (name) => ({
    title: `Reactivate ${name}?`,
    description: `${name} becomes active again: its members get their access back and conversations can continue.`,
    confirmText: "Reactivate",
  }),
  done: (name) => `${name} was reactivated`,
}

/** Only the moves that make sense from each status. */
const TRANSITIONS: Record<AffiliateStatus, StatusTransition[]> = {
  pending: [approve, decline],
  active: [suspend],
  declined: [reactivate],
  suspended: [reactivate],
}

export const statusTransitions = (status: AffiliateStatus) => TRANSITIONS[status]
